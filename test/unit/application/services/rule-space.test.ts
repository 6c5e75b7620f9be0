import { withSpaceKey } from '../../../../src/application/services/rule-space';
import { aRule } from '../../../support/builders';
import { fakeConfluence } from '../../../support/fakes';

const caller = { accountId: 'editor-1' };

describe('withSpaceKey', () => {
  it('gives a page rule the space of its page, read as the caller', async () => {
    const asked: string[] = [];
    const confluence = fakeConfluence({
      getContentAs: async (account, id) => {
        asked.push(`${account} ${id}`);
        return {
          id,
          type: 'page',
          title: 't',
          spaceKey: 'MKT',
          spaceName: 'M',
          version: 1,
          versionMessage: '',
          url: '',
        };
      },
    });
    const rule = aRule({ scope: 'content', scopeKey: 'content:65549' });
    expect((await withSpaceKey(confluence.content, caller, rule)).spaceKey).toBe('MKT');
    expect(asked).toEqual(['editor-1 65549']);
  });

  it('leaves other scopes, rules that know their space and pages that are gone alone', async () => {
    const confluence = fakeConfluence({ getContentAs: async () => null });
    const space = aRule();
    const known = aRule({ scope: 'content', scopeKey: 'content:1', spaceKey: 'ENG' });
    const gone = aRule({ scope: 'content', scopeKey: 'content:2' });
    expect(await withSpaceKey(confluence.content, caller, space)).toBe(space);
    expect(await withSpaceKey(confluence.content, caller, known)).toBe(known);
    expect(await withSpaceKey(confluence.content, caller, gone)).toEqual(gone);
  });
});
