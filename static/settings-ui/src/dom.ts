type Child = Node | string | null | undefined | false;
type Props = Record<string, string | boolean | EventListener | undefined>;

/** Builds an element: `on*` props become listeners, booleans toggle attributes. */
export const h = (tag: string, props: Props = {}, ...children: Child[]): HTMLElement => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
};

export const section = (title: string, ...children: Child[]): HTMLElement =>
  h('section', { 'aria-label': title }, h('h2', {}, title), ...children);

/** A message region screen readers announce. */
export const notice = (kind: 'info' | 'error' | 'success' | 'warning', text: string): HTMLElement =>
  h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);

export const field = (label: string, input: HTMLElement, error?: string, hint?: string): HTMLElement => {
  const id = input.id || `f-${Math.random().toString(36).slice(2)}`;
  input.id = id;
  if (error) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${id}-error`);
  }
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { class: 'muted' }, hint) : null,
    error ? h('small', { class: 'field-error', id: `${id}-error` }, error) : null,
  );
};

export const replace = (target: HTMLElement, ...children: Child[]): void => {
  target.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
};
