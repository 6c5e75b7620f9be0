/**
 * An expected failure of a simulator action (unknown content, missing permission, bad input). The HTTP
 * layers map `status` to Confluence's error bodies; programmatic callers see it thrown.
 */
export class SimulatorError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorError';
  }
}
