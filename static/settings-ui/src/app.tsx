import { Box, xcss } from '@atlaskit/primitives';
import { lazy, Suspense } from 'react';
import { CredentialExpiryBanner } from './credentials/credential-expiry-banner';
import type { AppContext, Surface } from './forge/forge-context';
import { ConnectionProvider } from './site/connection-context';
import { SiteProvider } from './site/site-context';
import { TEST_IDS } from './testids';
import { AnnouncerProvider } from './ui/announcer';
import { ConfirmDialog } from './ui/confirm-dialog';
import { asConfirmRequest } from './ui/confirm-request';
import { Loading } from './ui/loading';
import { Notice } from './ui/notice';

// Each surface loads only its own view: the global settings' forms and health never reach a page's modal.
const VIEWS: Record<Surface, React.LazyExoticComponent<() => React.JSX.Element>> = {
  global: lazy(() => import('./views/global-view').then((module) => ({ default: module.GlobalView }))),
  space: lazy(() => import('./views/space-view').then((module) => ({ default: module.SpaceView }))),
  content: lazy(() => import('./views/content-view').then((module) => ({ default: module.ContentView }))),
  personal: lazy(() => import('./views/personal-view').then((module) => ({ default: module.PersonalView }))),
};

const pageStyles = xcss({ paddingBlock: 'space.200', paddingInline: 'space.300', maxWidth: '960px' });
const modalStyles = xcss({ padding: 'space.200' });

/** One app for four Confluence surfaces; the module key picks the view (ARCHITECTURE.md D1). */
export const App = ({ context }: { context: AppContext }) => {
  const confirmation = asConfirmRequest(context.modal);
  if (confirmation) return <ConfirmDialog request={confirmation} />;
  const View = VIEWS[context.surface];
  return (
    <AnnouncerProvider>
      <Box
        as="main"
        xcss={context.surface === 'content' ? modalStyles : pageStyles}
        testId={TEST_IDS.app}
        data-surface={context.surface}
      >
        <SiteProvider spaceKey={context.spaceKey} contentId={context.contentId}>
          <ConnectionProvider>
            {/* The global page warns about the client secret in its Microsoft connection section. */}
            <CredentialExpiryBanner except={context.surface === 'global' ? ['client-secret'] : []} />
            <Suspense fallback={<Loading label="Loading" />}>
              <View />
            </Suspense>
          </ConnectionProvider>
        </SiteProvider>
      </Box>
    </AnnouncerProvider>
  );
};

/** The app could not tell where it was opened: say so rather than show an empty frame. */
export const StartupError = ({ message }: { message: string }) => (
  <Box as="main" xcss={pageStyles} testId={TEST_IDS.app}>
    <Notice
      appearance="error"
      title="Microsoft Teams settings could not start"
      level="h2"
      testId={TEST_IDS.errorMessage}
    >
      <p>{message}</p>
    </Notice>
  </Box>
);
