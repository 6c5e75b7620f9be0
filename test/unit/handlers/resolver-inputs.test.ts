import { ZodError } from 'zod';
import { inputError } from '../../../src/handlers/error-answers';
import { toResolverFailure } from '../../../src/handlers/resolver-errors';
import { ruleUpdateSchema as ruleUpdateInput } from '../../../src/domain/rule';
import { contextInput, scopeInput, shareInput } from '../../../src/handlers/resolver-inputs';

const ID = '00000000-0000-4000-8000-000000000001';
const failureOf = (parse: () => unknown) => {
  try {
    parse();
  } catch (error) {
    if (error instanceof ZodError) return toResolverFailure(inputError(error));
    throw error;
  }
  throw new Error('expected the input to be refused');
};

describe('resolver inputs', () => {
  it('keeps only the fields an update sent, so a partial edit resets nothing', () => {
    expect(ruleUpdateInput.parse({ id: ID, version: 2, enabled: false })).toEqual({
      id: ID,
      version: 2,
      enabled: false,
    });
  });

  it('refuses a bad update with field errors, and unknown fields', () => {
    expect(failureOf(() => ruleUpdateInput.parse({ id: ID, version: 0, events: [] }))).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fieldErrors: { version: expect.any(String), events: 'Choose at least one event' },
      },
    });
    expect(failureOf(() => ruleUpdateInput.parse({ id: ID, version: 1, scope: 'global' }))).toMatchObject({
      error: { code: 'invalid_input' },
    });
  });

  it('refuses sharing to the personal chat and notes over 500 characters', () => {
    const failure = failureOf(() =>
      shareInput.parse({ contentId: '1', destination: { type: 'personal' }, note: 'x'.repeat(501) }),
    );
    expect(failure).toMatchObject({
      error: {
        fieldErrors: {
          destination: expect.stringContaining('channel or a chat'),
          note: 'Keep the note under 500 characters',
        },
      },
    });
  });

  it('refuses a scope that does not name its space or page, and unknown fields', () => {
    expect(failureOf(() => scopeInput.parse({ scope: 'space' }))).toMatchObject({
      error: { fieldErrors: { spaceKey: 'Choose a space' } },
    });
    expect(failureOf(() => contextInput.parse({ contentId: '1', extra: true }))).toMatchObject({
      error: { code: 'invalid_input' },
    });
  });
});
