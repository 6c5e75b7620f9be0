import { createContext, useContext, type ReactNode } from 'react';
import type { SiteContextView } from '../../../../src/contracts/site-context';
import { useResolver } from '../api/use-resolver';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';

const SiteContext = createContext<{ site: SiteContextView; reload: () => Promise<void> } | null>(null);

/**
 * Who the caller is on this surface (site admin? space admin? may edit the page? is the tenant
 * mapped?), asked once. It only leads the way: every resolver checks authority again.
 */
export const SiteProvider = ({
  spaceKey,
  contentId,
  children,
}: {
  spaceKey?: string;
  contentId?: string;
  children: ReactNode;
}) => {
  const site = useResolver('context/get', {
    ...(spaceKey ? { spaceKey } : {}),
    ...(contentId ? { contentId } : {}),
  });
  if (site.data) {
    return (
      <SiteContext.Provider value={{ site: site.data, reload: site.reload }}>{children}</SiteContext.Provider>
    );
  }
  if (site.error)
    return (
      <ErrorNotice
        error={site.error}
        level="h2"
        title="Microsoft Teams settings could not load"
        onRetry={() => void site.reload()}
      />
    );
  return <Loading label="Loading Microsoft Teams settings" />;
};

const useSiteContext = () => {
  const value = useContext(SiteContext);
  if (!value) throw new Error('useSite needs a SiteProvider');
  return value;
};

export const useSite = (): SiteContextView => useSiteContext().site;

/** Asks again, after a change that alters it (the tenant mapping saved). */
export const useReloadSite = (): (() => Promise<void>) => useSiteContext().reload;
