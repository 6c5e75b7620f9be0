/** Markup that is already safe: escaped values or the page's own tags. */
export class Markup {
  constructor(readonly value: string) {}
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function render(value: unknown): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return escapeHtml(String(value));
  throw new TypeError(`Cannot render ${typeof value} in HTML`);
}

/**
 * Escapes every interpolated value unless it is `Markup`. Everything the overview shows comes from the
 * app's storage, queue bodies and logs, which any user input may have reached.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0];
  values.forEach((value, i) => (out += render(value) + strings[i + 1]));
  return new Markup(out);
}
