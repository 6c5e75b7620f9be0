import type { ReactNode } from 'react';

/**
 * Stands in for `@atlaskit/app-provider/theme-provider` in this build. Atlaskit's portal (modals,
 * menus) wraps its content in a ThemeProvider only when the page already has one; this app never
 * does (the Forge host owns the theme), yet the real provider would bundle a loader for every
 * Atlaskit theme (~40 KB gzip). Wired up in vite.config.mts.
 */
export const ThemeProvider = ({ children }: { children: ReactNode }) => children;
