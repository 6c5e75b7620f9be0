/** One Graph call, from HTTP or from inside a `$batch`. */
export interface GraphRequest {
  method: string;
  /** Path from the version segment on, still percent-encoded, e.g. `/v1.0/teams/x/channels`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw body text ('' when none). */
  body: string;
}

/** A Graph answer before it is written to a socket or folded into a `$batch` response. */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export const ODATA_JSON =
  'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8';

export const graphOk = (
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): GraphResponse => ({
  status,
  headers: body === undefined ? headers : { 'Content-Type': ODATA_JSON, ...headers },
  ...(body === undefined ? {} : { body }),
});
