import { html, type SafeHtml } from '../html-template';

/** Confluence's eye icon, drawn with the text colour so it follows the theme. */
const EYE = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
  <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
  <circle cx="12" cy="12" r="3" />
</svg>`;

/**
 * The Watch / Watching button. The form posts the state it sets, not "toggle", so a reload or a
 * double click never undoes what the person saw on the button.
 */
export function watchToggle(
  action: string,
  watching: boolean,
  labels: { watch: string; watching: string },
): SafeHtml {
  return html`<form method="post" action="${action}" data-testid="watch-form" style="display:inline">
    <input type="hidden" name="watching" value="${watching ? 'false' : 'true'}" />
    <button
      class="btn"
      data-testid="watch-button"
      aria-pressed="${watching ? 'true' : 'false'}"
      title="${watching ? 'Stop watching' : 'Get notified when this changes'}"
    >
      ${EYE}${watching ? labels.watching : labels.watch}
    </button>
  </form>`;
}
