import type { IncomingMessage } from 'node:http';

/** Raised when a request body is over the limit; answered with 413. */
export class PayloadTooLargeError extends Error {}

/** Reads a request body up to `limitBytes`. */
export async function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new PayloadTooLargeError(`Request body over ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
