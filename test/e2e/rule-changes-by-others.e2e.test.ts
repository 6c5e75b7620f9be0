import { runFirstSlice } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeAs, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import type { RuleView } from '../../src/contracts/rules';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * Ada's space rule posts to Engineering › General as Ada. Sam, also an admin of ENG, may change
 * what it listens to; the rule then tells Ada who changed what, a new CQL filter is checked as
 * Ada (offline impersonation from Sam's resolver call), and Sam cannot make it post redacted
 * cards about content Ada cannot view (invariant 3).
 */
describe('a rule that posts as its owner, changed by someone else', () => {
  let sandbox: Sandbox;
  let rule: RuleView;
  const ada = person('ada');
  const sam = person('sam');
  const eng = SURFACES.space('ENG');
  const stored = () =>
    (sandbox.forge.kvsDump().entities['rule']?.[rule.id] as { data: RuleView } | undefined)?.data;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    rule = (await runFirstSlice(sandbox)).rule;
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('takes Sam’s new CQL filter, checked as Ada, and shows Ada who changed what', async () => {
    const changed = await invokeOk(sandbox, sam, eng, 'rules/update', {
      id: rule.id,
      version: rule.version,
      filters: { ...rule.filters, cql: 'label = release' },
      events: ['page_updated'],
    });
    expect(changed.filters.cql).toBe('label = release');
    const [mine] = await invokeOk(sandbox, ada, SURFACES.personal, 'rules/mine', {});
    expect(mine.changes).toEqual([
      { at: expect.any(Number), byName: 'Sam Spaceadmin', fields: ['events', 'cql'] },
    ]);
  });

  it('invariant 3: refuses Sam switching Ada’s rule to redact, naming Ada, and keeps it as it was', async () => {
    [rule] = await invokeOk(sandbox, ada, SURFACES.personal, 'rules/mine', {});
    const before = stored();
    const answer = await invokeAs(sandbox, sam, eng, 'rules/update', {
      id: rule.id,
      version: rule.version,
      restrictedContent: 'redact',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Ada Admin') },
    });
    expect(stored()).toEqual(before);
    const own = await invokeOk(sandbox, ada, eng, 'rules/update', {
      id: rule.id,
      version: rule.version,
      restrictedContent: 'redact',
    });
    expect(own.restrictedContent).toBe('redact');
    expect(own.changes.at(-1)).toMatchObject({ byName: 'Ada Admin', fields: ['restrictedContent'] });
  });
});
