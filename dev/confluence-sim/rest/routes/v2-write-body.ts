import { SimulatorError } from '../../site/simulator-error';

/** The `{ representation, value }` body of v2 writes; the simulator stores storage format only. */
export function storageValue(body: unknown): string {
  const candidate = body as { representation?: unknown; value?: unknown } | undefined;
  if (!candidate || typeof candidate.value !== 'string')
    throw new SimulatorError(400, 'body.value is required.');
  if (candidate.representation !== 'storage') {
    throw new SimulatorError(400, "The simulator accepts body.representation 'storage' only.");
  }
  return candidate.value;
}

/** `version.number` of a v2 update, which must be the current number plus one. */
export function requestedVersion(version: unknown): {
  number: number;
  message?: string;
  minorEdit?: boolean;
} {
  const candidate = version as { number?: unknown; message?: unknown; minorEdit?: unknown } | undefined;
  if (!candidate || typeof candidate.number !== 'number' || !Number.isInteger(candidate.number)) {
    throw new SimulatorError(400, 'version.number is required.');
  }
  return {
    number: candidate.number,
    ...(typeof candidate.message === 'string' ? { message: candidate.message } : {}),
    ...(typeof candidate.minorEdit === 'boolean' ? { minorEdit: candidate.minorEdit } : {}),
  };
}

/** An id in a v2 body: Confluence accepts it as a string or a number. */
export function idValue(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  throw new SimulatorError(400, 'Ids must be strings or numbers.');
}
