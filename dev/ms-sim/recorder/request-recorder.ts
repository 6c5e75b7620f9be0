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

/** Requests kept in memory for tests (`MicrosoftSimulator.requests()`), newest last. */
const MAX_KEPT = 10_000;

/**
 * Appends one JSON object per request received to a file (JSON Lines), without credentials, so
 * a developer can see what the app sent. Written synchronously so lines stay whole and ordered.
 * The last requests also stay in memory, so a test can check what reached Microsoft and when.
 */
export class RequestRecorder {
  private readonly kept: RecordedRequest[] = [];

  constructor(
    private readonly file: string | undefined,
    private readonly clock: () => number,
  ) {
    if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  /** The requests received since the start (or the last `clear`), oldest first. */
  recent(): RecordedRequest[] {
    return this.kept.map((entry) => ({ ...entry }));
  }

  clear(): void {
    this.kept.length = 0;
  }

  record(req: IncomingMessage, rawBody: string, status: number | null): void {
    this.kept.push({
      time: new Date(this.clock()).toISOString(),
      method: req.method ?? 'GET',
      url: redactUrl(req.url ?? '/'),
      headers: {},
      body: null,
      status,
    });
    if (this.kept.length > MAX_KEPT) this.kept.splice(0, this.kept.length - MAX_KEPT);
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
