/*
 * Error bodies in the two styles Confluence Cloud uses: v1 (`/wiki/rest/api`) wraps a message with
 * `statusCode` and `data`; v2 (`/wiki/api/v2`) answers a list of `errors`.
 */

const REASONS: Record<number, { code: string; title: string }> = {
  400: { code: 'INVALID_REQUEST_PARAMETER', title: 'Bad Request' },
  401: { code: 'UNAUTHORIZED', title: 'Unauthorized' },
  403: { code: 'FORBIDDEN', title: 'Forbidden' },
  404: { code: 'NOT_FOUND', title: 'Not Found' },
  405: { code: 'METHOD_NOT_ALLOWED', title: 'Method Not Allowed' },
  409: { code: 'CONFLICT', title: 'Conflict' },
  500: { code: 'INTERNAL_SERVER_ERROR', title: 'Internal Server Error' },
};

const reasonOf = (status: number): { code: string; title: string } => REASONS[status] ?? REASONS[500];

export function v1ErrorBody(status: number, message: string): Record<string, unknown> {
  return {
    statusCode: status,
    data: {
      authorized: status !== 401 && status !== 403,
      valid: status !== 400,
      errors: [],
      successful: false,
    },
    message,
    reason: reasonOf(status).title,
  };
}

export function v2ErrorBody(status: number, message: string): Record<string, unknown> {
  const { code, title } = reasonOf(status);
  return { errors: [{ status, code, title, detail: message }] };
}

/** The error body for a path: v2 style under `/wiki/api/v2`, v1 style elsewhere. */
export function errorBodyFor(path: string, status: number, message: string): Record<string, unknown> {
  return path.startsWith('/wiki/api/v2/') ? v2ErrorBody(status, message) : v1ErrorBody(status, message);
}
