import { html, type SafeHtml, scriptJson } from './html-template';
import type { ForgeUiConfig, ForgeUiModule } from './ui-options';
import type { UiTheme } from './ui-theme';

/**
 * The `extension` part of the Forge context for each Confluence module type, as Forge gives it to
 * Custom UI through `view.getContext()`.
 */
export type ForgeExtension =
  | { type: 'confluence:globalSettings' }
  | { type: 'confluence:globalPage' }
  | { type: 'confluence:spaceSettings'; space: { key: string; id: string } }
  | {
      type: 'confluence:contentAction';
      content: { id: string; type: 'page' | 'blogpost'; subtype: null };
      space: { key: string; id: string };
    };

/** Where a full-page module's `view.createHistory()` starts: the address after the module's route. */
export interface HistoryStart {
  pathname: string;
  search: string;
}

/** Who looks at the surface: the user's account and the theme the page shell renders in. */
export interface Viewer {
  accountId: string;
  theme: UiTheme;
}

/** Everything `ForgeHost.mount` receives; the app gets the shell's theme, as in Confluence. */
function mountOptions(
  forge: ForgeUiConfig,
  module: ForgeUiModule,
  viewer: Viewer,
  extension: ForgeExtension,
  history?: HistoryStart,
): object {
  return {
    moduleKey: module.key,
    accountId: viewer.accountId,
    colorMode: viewer.theme,
    extension,
    ...(forge.browserRoutes ? { browserRoutes: forge.browserRoutes } : {}),
    ...(history ? { historyPath: history.pathname, historySearch: history.search } : {}),
  };
}

/** The emulator may be down; say so in the container instead of failing silently. */
const MISSING_HOST = `The Forge emulator's host script did not load; is the emulator running?`;

/** A page-level surface: the container is mounted as soon as the page loads. */
export function forgeSurface(
  forge: ForgeUiConfig,
  module: ForgeUiModule,
  viewer: Viewer,
  extension: ForgeExtension,
  history?: HistoryStart,
): SafeHtml {
  const id = `forge-${module.key}`;
  return html`<div
      id="${id}"
      class="forge-container"
      data-testid="forge-container"
      data-module-key="${module.key}"
    ></div>
    <script src="${forge.hostScriptUrl}"></script>
    <script>
      (function () {
        var container = document.getElementById(${scriptJson(id)});
        if (!window.ForgeHost) {
          container.textContent = ${scriptJson(MISSING_HOST)};
          return;
        }
        window.ForgeHost.mount(
          container,
          ${scriptJson(mountOptions(forge, module, viewer, extension, history))},
        );
      })();
    </script>`;
}

/**
 * A content action: a "•••" menu item opens a modal dialog, and the app is mounted into it the first
 * time it opens (Confluence also loads content actions lazily). Confluence draws no header and no
 * close button around a Custom UI content action (a Forge modal gets a header only when the app
 * gives it a title): the app closes it with `view.close()`; Escape and a click outside close it too.
 */
export function forgeContentActionModal(
  forge: ForgeUiConfig,
  module: ForgeUiModule,
  viewer: Viewer,
  extension: ForgeExtension,
): SafeHtml {
  const id = `forge-${module.key}`;
  return html`<dialog
      id="dialog-${module.key}"
      class="forge-modal"
      data-testid="forge-modal"
      aria-label="${module.title}"
    >
      <div
        id="${id}"
        class="forge-container"
        data-testid="forge-container"
        data-module-key="${module.key}"
      ></div>
    </dialog>
    <script src="${forge.hostScriptUrl}"></script>
    <script>
      (function () {
        var dialog = document.getElementById(${scriptJson(`dialog-${module.key}`)});
        var container = document.getElementById(${scriptJson(id)});
        var mounted = false;
        dialog.addEventListener('click', function (event) {
          if (event.target === dialog) dialog.close();
        });
        document
          .querySelectorAll('[data-content-action=' + JSON.stringify(${scriptJson(module.key)}) + ']')
          .forEach(function (item) {
            item.addEventListener('click', function () {
              item.closest('details') && item.closest('details').removeAttribute('open');
              dialog.showModal();
              if (mounted) return;
              mounted = true;
              if (!window.ForgeHost) {
                container.textContent = ${scriptJson(MISSING_HOST)};
                return;
              }
              window.ForgeHost.mount(
                container,
                ${scriptJson(mountOptions(forge, module, viewer, extension))},
              );
            });
          });
      })();
    </script>`;
}
