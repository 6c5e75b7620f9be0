import type { WebTriggerModule } from '../manifest/manifest-model';

/** What goes back over HTTP. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function checkHeaders(raw: unknown): Record<string, string[]> | string {
  if (raw === undefined) return {};
  if (!isRecord(raw)) return 'headers must be an object of name: [values]';
  for (const [name, values] of Object.entries(raw)) {
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
      return `header '${name}' must be an array of strings`;
    }
  }
  return raw as Record<string, string[]>;
}

/**
 * Maps a web trigger function's return value to HTTP (events-reference/web-trigger "Response"):
 * `{ statusCode, headers?: { name: [values] }, body?: string }`, or `{ outputKey }` for a static web
 * trigger (manifest-reference/modules/web-trigger "Outputs"). Returns the reason when it is not valid.
 */
export function mapWebTriggerResponse(module: WebTriggerModule, value: unknown): HttpAnswer | string {
  if (!isRecord(value)) return 'the function did not return an object';
  if (module.responseType === 'static') {
    const output = module.outputs.find((candidate) => candidate.key === value.outputKey);
    if (!output) return `outputKey '${String(value.outputKey)}' is not one of the configured outputs`;
    const headers: Record<string, string[]> = output.contentType
      ? { 'Content-Type': [output.contentType] }
      : {};
    return { status: output.statusCode, headers, body: output.body ?? '' };
  }
  const status = value.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return 'statusCode must be an integer HTTP status';
  }
  const headers = checkHeaders(value.headers);
  if (typeof headers === 'string') return headers;
  if (value.body !== undefined && typeof value.body !== 'string') return 'body must be a string';
  const hasContentType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
  if (typeof value.contentType === 'string' && !hasContentType) headers['Content-Type'] = [value.contentType];
  return { status, headers, body: typeof value.body === 'string' ? value.body : '' };
}
