import { appendFileSync, mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { redactBody, redactHeaders, redactUrl } from './redact';

/** One line of the record file. */
export interface RecordedRequest {
  time: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  /** null when the simulator dropped the connection without answering. */
  status: number | null;
}

/**
 * Appends one JSON object per request received to a file (JSON Lines), without credentials, so
 * a developer can see what the app sent. Written synchronously so lines stay whole and ordered.
 */
export class RequestRecorder {
  constructor(
    private readonly file: string | undefined,
    private readonly clock: () => number,
  ) {
    if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  record(req: IncomingMessage, rawBody: string, status: number | null): void {
    if (!this.file) return;
    const entry: RecordedRequest = {
      time: new Date(this.clock()).toISOString(),
      method: req.method ?? 'GET',
      url: redactUrl(req.url ?? '/'),
      headers: redactHeaders(req.headers),
      body: redactBody(rawBody, req.headers['content-type']),
      status,
    };
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, 'utf8');
  }
}
