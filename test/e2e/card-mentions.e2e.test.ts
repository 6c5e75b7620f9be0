import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { startTestSandbox } from '../support/sandbox-fixture';
import { SAMPLE_EXPORT } from '../support/user-export-fixture';

const mentionOf = (key: 'ada' | 'sam' | 'mia' | 'rex' | 'vic') =>
  `<ac:link><ri:user ri:account-id="${person(key).accountId}" /></ac:link>`;

/*
 * Issue 14 §1: cards @mention the mapped people they name, as real Teams mentions. Mia never
 * logged in (the admin's import maps her); Rex is mapped too but cannot view the page, so he is
 * never mentioned (invariant 3); a rule can turn mentions off.
 */
describe('cards @mention mapped people (issue 14)', () => {
  let sandbox: Sandbox;
  let ruleId = '';
  let pageId = '';
  const ada = person('ada');
  const latestToGeneral = () => sandbox.microsoft.messages().at(-1);
  const edit = async (body: string) => {
    await sandbox.confluence.editPage(person('mia').accountId, pageId, { body });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ruleId = (await runFirstSlice(sandbox)).rule.id;
    pageId = sandbox.confluence.findContent(SLICE_PAGE_TITLE).id;
    const readers = (['ada', 'sam', 'mia', 'vic'] as const).map((k) => person(k).accountId);
    await sandbox.confluence.restrictContent(ada.accountId, pageId, { read: readers });
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('mentions nobody while nobody but the rule owner is mapped', async () => {
    await edit(`<p>Draft. ${mentionOf('sam')}</p>`);
    const message = latestToGeneral();
    expect(message?.mentions).toEqual([]);
    expect(message?.body.content).not.toContain('<at id');
  });

  it('mentions the author and the newly mentioned people who can view the page, once imported', async () => {
    const preview = await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/preview', {
      csv: SAMPLE_EXPORT,
    });
    await invokeOk(sandbox, ada, SURFACES.global, 'user-mapping/confirm', { previewId: preview.previewId });
    await edit(`<p>Draft. ${mentionOf('sam')} ${mentionOf('vic')} ${mentionOf('rex')}</p>`);

    const message = latestToGeneral();
    const mentioned = (message?.mentions ?? []) as Array<{
      id: number;
      mentionText: string;
      mentioned: { user: { id: string } };
    }>;
    // The edit updates the card posted for the first one, so it covers both: Sam and Vic are new
    // since that card's base version; Rex is mapped but cannot view the page.
    expect(mentioned.map((m) => m.mentioned.user.id)).toEqual([
      person('mia').oid,
      person('sam').oid,
      person('vic').oid,
    ]);
    expect(message?.body.content).toMatch(
      /^<at id="0">Mia Member<\/at> <at id="1">Sam Spaceadmin<\/at> <at id="2">Vic Viewer<\/at><attachment id=/,
    );
    const card = message?.attachments[0]?.card as {
      body: Array<{ text?: string }>;
      msteams: { entities: unknown[] };
    };
    expect(card.body.at(-1)?.text).toBe(
      'By <at>Mia Member</at> · Mentioned: <at>Sam Spaceadmin</at>, <at>Vic Viewer</at>',
    );
    expect(card.msteams.entities).toEqual([
      {
        type: 'mention',
        text: '<at>Mia Member</at>',
        mentioned: { id: person('mia').oid, name: 'Mia Member' },
      },
      {
        type: 'mention',
        text: '<at>Sam Spaceadmin</at>',
        mentioned: { id: person('sam').oid, name: 'Sam Spaceadmin' },
      },
      {
        type: 'mention',
        text: '<at>Vic Viewer</at>',
        mentioned: { id: person('vic').oid, name: 'Vic Viewer' },
      },
    ]);
    expect(JSON.stringify(message)).not.toContain(person('rex').oid);
  });

  it('mentions nobody once the rule turns mentions off', async () => {
    const [rule] = (
      await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/list', { scope: 'space', spaceKey: 'ENG' })
    ).filter((r) => r.id === ruleId);
    if (!rule) throw new Error('the slice’s rule is gone');
    const updated = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/update', {
      id: ruleId,
      version: rule.version,
      mentions: false,
    });
    expect(updated.mentions).toBe(false);
    await edit(`<p>Final. ${mentionOf('sam')} ${mentionOf('vic')} ${mentionOf('ada')}</p>`);
    const message = latestToGeneral();
    expect(message?.mentions).toEqual([]);
    expect(JSON.stringify(message?.attachments[0]?.card)).not.toContain('<at>');
  });
});
