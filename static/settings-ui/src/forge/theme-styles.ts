import { view } from '@forge/bridge';

/**
 * The themes Confluence applies to Custom UI (`data-theme="light:light dark:dark spacing:spacing
 * typography:typography"`), imported one by one: `getThemeStyles` of @atlaskit/tokens would
 * also bundle every experimental and custom theme.
 */
const THEMES: Record<string, () => Promise<{ default: string }>> = {
  light: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light.js'),
  dark: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark.js'),
  spacing: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing.js'),
  typography: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography.js'),
  shape: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-shape.js'),
};

/**
 * `view.theme.enable()` makes the host set `data-color-mode` and `data-theme` on <html> and, in
 * Confluence, put the design-token CSS into the document (`<style data-theme=…>`) and keep both
 * in step with the user's theme. A host that sets the attributes but brings no CSS (the local
 * Forge emulator) would leave every token at its light fallback and headings without a font, so
 * the app then adds the same CSS for every theme itself; the host's attributes still pick the mode.
 */
export const enableTheme = async (): Promise<void> => {
  try {
    await view.theme.enable();
  } catch {
    // Without theming the app still works, in the tokens' light fallbacks.
  }
  if (document.querySelector('style[data-theme]')) return;
  const loaded = await Promise.all(
    Object.entries(THEMES).map(async ([id, load]) => ({ id, css: (await load()).default })),
  );
  for (const { id, css } of loaded) {
    const element = document.createElement('style');
    element.setAttribute('data-theme', id);
    element.textContent = css;
    document.head.appendChild(element);
  }
};
