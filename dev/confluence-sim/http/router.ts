/** Path parameters captured from a route template such as `/wiki/api/v2/pages/:id`. */
export type RouteParams = Record<string, string>;

interface Route<H> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: H;
}

/**
 * A minimal method + path router. Templates use `:name` for one segment and a trailing `*name` for
 * the rest of the path (possibly empty).
 */
export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, template: string, handler: H): this {
    const names: string[] = [];
    const source = template
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment.startsWith('*')) {
          names.push(segment.slice(1));
          return '?(.*)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** The handler for a request, `undefined` if no route matches (`methodMismatch` when only the method differs). */
  match(method: string, path: string): { handler: H; params: RouteParams } | { methodMismatch: boolean } {
    let methodMismatch = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        methodMismatch = true;
        continue;
      }
      const params: RouteParams = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
      return { handler: route.handler, params };
    }
    return { methodMismatch };
  }
}
