import { router } from '@forge/bridge';

/**
 * Custom UI runs in a sandboxed iframe: links must go through the host. Microsoft's pages refuse
 * to be framed, so sign-in and consent always open in a new tab.
 */
export const openInNewTab = (url: string): Promise<void> => router.open(url);

/** A site-relative Confluence URL (a settings page, a page), in the same tab. */
export const navigateTo = (url: string): Promise<void> => router.navigate(url);
