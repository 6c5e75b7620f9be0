import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person, type SeedTeam } from '../../dev/seed';
import { addTeams, oneChannelTeam } from './extra-teams';
import type { PageModel, RuleModel, Who } from './fault-oracle';
import { ALUMNI, destinationName, pageRuleModel, ruleInput, specialRules } from './fault-rules';
import { pageSurface } from './notification-fixture';

/**
 * The fault suite's Confluence pages, Teams channels and rules, set up through the simulator and
 * the app's own resolvers, and kept as a model the oracle reads. One channel per team, so Teams'
 * per-team limit never throttles the run; the only refusals are the injected ones.
 */

const DESTINATIONS = 46;
/** Pages with a page rule each: two pages per channel. */
const PAGE_RULE_PAGES = 72;

export interface FaultWorld {
  pages: Map<string, PageModel>;
  rules: RuleModel[];
  teams: Map<string, SeedTeam>;
  removeTeams: () => void;
}

const surfaceFor = (rule: RuleModel, pages: Map<string, PageModel>) => {
  if (rule.scope === 'global') return SURFACES.global;
  if (rule.scope === 'space') return SURFACES.space(rule.spaceKey ?? '');
  return pageSurface(rule.contentId ?? '', pages.get(rule.contentId ?? '')?.spaceKey);
};

/** Pages first, then rules as their owners, then the restrictions and the membership change. */
export const buildFaultWorld = async (sandbox: Sandbox): Promise<FaultWorld> => {
  const teamList = [
    ...Array.from({ length: DESTINATIONS }, (_, i) => oneChannelTeam('fs', i + 1, destinationName(i + 1))),
    oneChannelTeam('fsalumni', 1, ALUMNI),
  ];
  const removeTeams = addTeams(teamList);
  const teams = new Map(teamList.map((team) => [team.displayName, team]));
  const pages = new Map<string, PageModel>();
  const ada = person('ada').accountId;
  const create = async (spaceKey: string, title: string, parent?: PageModel, labels: string[] = []) => {
    const record = await sandbox.confluence.createPage(ada, {
      spaceKey,
      title,
      body: `<p>${title}, first draft.</p>`,
      ...(parent ? { parentId: parent.id } : {}),
    });
    for (const label of labels) await sandbox.confluence.addLabel(ada, record.id, label);
    const model: PageModel = {
      id: record.id,
      title,
      type: 'page',
      spaceKey,
      ancestorIds: [...(parent?.ancestorIds ?? []), ...(parent ? [parent.id] : [])],
      labels: new Set(labels),
      readers: null,
      version: 1,
    };
    pages.set(record.id, model);
    return model;
  };
  const pageRulePages: PageModel[] = [];
  for (let i = 1; i <= PAGE_RULE_PAGES; i += 1) {
    const labels = i <= 12 ? ['cqlpick'] : i <= 18 ? ['internal'] : i >= 49 && i <= 56 ? ['launch'] : [];
    pageRulePages.push(
      await create(i <= 48 ? 'ENG' : 'MKT', `FS page ${String(i).padStart(3, '0')}`, undefined, labels),
    );
  }
  const tree = await create('ENG', 'FS Tree');
  for (let n = 1; n <= 6; n += 1) await create('ENG', `FS tree child ${n}`, tree);
  for (let n = 1; n <= 6; n += 1) await create('ENG', `FS restricted ${n}`);
  for (let n = 1; n <= 3; n += 1) await create('ENG', `FS alumni ${n}`);

  const byTitle = (title: string): PageModel => {
    const found = [...pages.values()].find((p) => p.title === title);
    if (!found) throw new Error(`No page ${title}`);
    return found;
  };
  const rules = [...pageRulePages.map((page, i) => pageRuleModel(i + 1, page)), ...specialRules(byTitle)];
  for (const rule of rules) {
    await invokeOk(
      sandbox,
      person(rule.owner),
      surfaceFor(rule, pages),
      'rules/create',
      ruleInput(rule, teams),
    );
  }
  // After Rex set his rules up, the pages became restricted; after Sam set his, he left the team.
  const readers: Who[] = ['ada', 'sam', 'mia'];
  for (let n = 1; n <= 6; n += 1) {
    const page = byTitle(`FS restricted ${n}`);
    await sandbox.confluence.restrictContent(ada, page.id, { read: readers.map((w) => person(w).accountId) });
    page.readers = readers;
  }
  const alumni = teams.get(ALUMNI);
  if (alumni) alumni.members = alumni.members.filter((key) => key !== 'sam');
  return { pages, rules, teams, removeTeams };
};
