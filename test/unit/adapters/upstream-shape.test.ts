import { z } from 'zod';
import { parseUpstream } from '../../../src/adapters/upstream-shape';

class RemoteError extends Error {}

describe('an upstream answer in a shape the app does not know (issue 10, item 3)', () => {
  const schema = z.object({ _links: z.object({ base: z.string() }) });
  const fail = (message: string) => new RemoteError(message);

  it('is the adapter’s own error naming the field, never the value', () => {
    const call = () => parseUpstream(schema, { _links: { base: 42, secret: 'x' } }, 'the answer', fail);
    expect(call).toThrow(RemoteError);
    expect(call).toThrow('the answer was not in the expected shape (at _links.base)');
    expect(call).not.toThrow(/42/);
  });

  it('passes a known shape through', () => {
    expect(parseUpstream(schema, { _links: { base: 'b' } }, 'the answer', fail)).toEqual({
      _links: { base: 'b' },
    });
  });
});
