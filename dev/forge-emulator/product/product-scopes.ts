/**
 * The OAuth scopes Confluence's REST operations accept, for the operations the simulator serves
 * (each operation's "Scopes" in the Confluence Cloud REST v1 reference; classic scopes only, the
 * form the app declares). Requests to operations not listed here are not checked for scopes.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/intro/
 */
interface ScopedOperation {
  method: string;
  path: RegExp;
  scopes: string[];
}

const OPERATIONS: ScopedOperation[] = [
  { method: 'GET', path: /^\/wiki\/rest\/api\/user(\/current|\/bulk)?$/, scopes: ['read:confluence-user'] },
  { method: 'GET', path: /^\/wiki\/rest\/api\/space\/[^/]+$/, scopes: ['read:confluence-space.summary'] },
  {
    method: 'POST',
    path: /^\/wiki\/rest\/api\/content\/[^/]+\/permission\/check$/,
    scopes: ['read:confluence-content.permission'],
  },
  { method: 'GET', path: /^\/wiki\/rest\/api\/(content\/)?search$/, scopes: ['search:confluence'] },
  {
    method: 'GET',
    path: /^\/wiki\/rest\/api\/content\/[^/]+\/property\/[^/]+$/,
    scopes: ['read:confluence-props'],
  },
  { method: 'GET', path: /^\/wiki\/rest\/api\/content\/[^/]+$/, scopes: ['read:confluence-content.all'] },
  { method: 'POST', path: /^\/wiki\/rest\/api\/content$/, scopes: ['write:confluence-content'] },
];

/** The scopes one of which a request needs, or undefined when the operation is not listed. */
export function scopesFor(method: string, pathWithQuery: string): string[] | undefined {
  const path = pathWithQuery.split('?')[0] ?? '';
  return OPERATIONS.find((op) => op.method === method.toUpperCase() && op.path.test(path))?.scopes;
}
