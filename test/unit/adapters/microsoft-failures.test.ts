import { entraFailureKind, graphFailureKind, noAnswer } from '../../../src/adapters/microsoft-failures';

describe('Microsoft statuses in the words the application branches on', () => {
  it.each([
    [429, 'throttled'],
    [500, 'maybe-sent'],
    [502, 'maybe-sent'],
    [504, 'maybe-sent'],
    [503, 'unavailable'],
    [501, 'unavailable'],
    [507, 'unavailable'],
    [401, 'token-rejected'],
    [403, 'forbidden'],
    [404, 'gone'],
    [410, 'gone'],
    [400, 'invalid'],
    [405, 'invalid'],
    [409, 'invalid'],
    [413, 'invalid'],
  ])('Graph %s is %s', (status, kind) => {
    expect(graphFailureKind(status)).toBe(kind);
  });

  it('reads a dropped connection as maybe sent, with no status of its own to branch on', () => {
    expect(noAnswer('Could not reach Microsoft Graph')).toMatchObject({
      name: 'MicrosoftRequestError',
      kind: 'maybe-sent',
      status: 503,
      code: 'network_error',
    });
  });

  it.each([
    [400, 'invalid_grant', 'grant-rejected'],
    [401, 'invalid_client', 'app-rejected'],
    [400, 'invalid_request', 'invalid'],
    [400, 'invalid_scope', 'invalid'],
    [429, 'temporarily_unavailable', 'throttled'],
    [503, 'temporarily_unavailable', 'unavailable'],
    [500, 'server_error', 'maybe-sent'],
  ])('Entra %s %s is %s', (status, code, kind) => {
    expect(entraFailureKind(status, code)).toBe(kind);
  });
});
