/** HTML that is already safe to emit (escaped, or markup the simulator wrote itself). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return escapeHtml(String(value));
  }
  // An object here is a bug in a view (it would render as "[object Object]").
  throw new TypeError(`Cannot render ${typeof value} in HTML`);
}

/**
 * Tagged template that escapes every interpolated value unless it is `SafeHtml`, so page titles,
 * labels and comments typed by users can never inject markup into the simulator's pages.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => (out += render(value) + strings[i + 1]));
  return new SafeHtml(out);
}

/** JSON for an inline `<script>`: `<` is escaped so no value can close the script element. */
export function scriptJson(value: unknown): SafeHtml {
  return raw(JSON.stringify(value).replace(/</g, '\\u003c'));
}
