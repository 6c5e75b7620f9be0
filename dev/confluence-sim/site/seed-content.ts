import { person } from '../../seed';
import type { ContentRecord, ContentVersion } from './content-record';
import type { SiteState } from './site-state';
import type { SpaceRecord } from './space-record';

const ada = person('ada').accountId;
const sam = person('sam').accountId;
const mia = person('mia').accountId;

/** Seed timestamps are fixed so that ids, dates and payloads are identical on every run. */
const SEED_START = Date.parse('2026-01-05T09:00:00.000Z');
const at = (hours: number): string => new Date(SEED_START + hours * 3_600_000).toISOString();

interface SeedItem {
  type: ContentRecord['type'];
  spaceKey: string;
  title: string;
  body: string;
  by: string;
  hour: number;
  parentId?: string;
  containerId?: string;
  parentCommentId?: string;
  location?: 'footer' | 'inline';
  labels?: string[];
  readRestriction?: string[];
  /** Later versions: [author, hour, message, body]. */
  edits?: Array<[string, number, string, string]>;
}

/** Builds the seed site: spaces ENG and MKT, their pages, a blog post, labels, comments and one restricted page. */
export function seedSiteState(): SiteState {
  const state: SiteState = {
    schemaVersion: 1,
    nextContentId: 65537,
    nextLabelId: 1001,
    spaces: [],
    contents: [],
    labelIds: {},
  };
  const add = (item: SeedItem): string => {
    const id = String(state.nextContentId++);
    const versions: ContentVersion[] = [
      {
        number: 1,
        by: item.by,
        when: at(item.hour),
        message: '',
        minorEdit: false,
        title: item.title,
        body: item.body,
      },
    ];
    for (const [by, hour, message, body] of item.edits ?? []) {
      versions.push({
        number: versions.length + 1,
        by,
        when: at(hour),
        message,
        minorEdit: false,
        title: item.title,
        body,
      });
    }
    const latest = versions[versions.length - 1];
    const labels = (item.labels ?? []).map((name) => {
      state.labelIds[name] ??= String(state.nextLabelId++);
      return { id: state.labelIds[name], name, prefix: 'global' as const };
    });
    state.contents.push({
      id,
      type: item.type,
      status: 'current',
      spaceKey: item.spaceKey,
      title: latest.title,
      body: latest.body,
      version: latest.number,
      versions,
      createdBy: item.by,
      createdAt: at(item.hour),
      ownerId: item.by,
      ...(item.parentId ? { parentId: item.parentId } : {}),
      ...(item.containerId ? { containerId: item.containerId, location: item.location ?? 'footer' } : {}),
      ...(item.parentCommentId ? { parentCommentId: item.parentCommentId } : {}),
      labels,
      restrictions: { read: item.readRestriction ?? [], update: [] },
    });
    return id;
  };
  const space = (
    id: string,
    key: string,
    name: string,
    homepageId: string,
    description: string,
  ): SpaceRecord => ({
    id,
    key,
    name,
    type: 'global',
    status: 'current',
    homepageId,
    description,
    createdBy: ada,
    createdAt: at(0),
  });

  const engHome = add({
    type: 'page',
    spaceKey: 'ENG',
    title: 'Engineering home',
    by: ada,
    hour: 0,
    body: '<p>Welcome to the Engineering space. Start with the <strong>Release plan 2027</strong>.</p>',
  });
  const releasePlan = add({
    type: 'page',
    spaceKey: 'ENG',
    title: 'Release plan 2027',
    by: sam,
    hour: 1,
    parentId: engHome,
    labels: ['release', 'planning'],
    body: '<p>Quarterly release train for 2027.</p>',
    edits: [
      [
        mia,
        5,
        'Added the Q1 milestones',
        '<p>Quarterly release train for 2027.</p><ul><li>Q1: Teams integration beta</li></ul>',
      ],
    ],
  });
  const adrs = add({
    type: 'page',
    spaceKey: 'ENG',
    title: 'Architecture decisions',
    by: sam,
    hour: 2,
    parentId: engHome,
    labels: ['adr'],
    body: '<p>Index of our architecture decision records.</p>',
  });
  const adr1 = add({
    type: 'page',
    spaceKey: 'ENG',
    title: 'ADR-001: Use Forge',
    by: mia,
    hour: 3,
    parentId: adrs,
    labels: ['adr', 'forge'],
    body: '<p>We build the integration as an Atlassian Forge app because it runs on Atlassian infrastructure.</p>',
  });
  const incident = add({
    type: 'page',
    spaceKey: 'ENG',
    title: 'Security incident review',
    by: ada,
    hour: 4,
    parentId: engHome,
    labels: ['security'],
    readRestriction: [ada, sam, mia],
    body: '<p>Confidential: findings of the November security incident.</p>',
  });
  add({
    type: 'page',
    spaceKey: 'ENG',
    title: 'Incident timeline',
    by: sam,
    hour: 6,
    parentId: incident,
    body: '<p>Minute-by-minute timeline of the incident (inherits the parent page restriction).</p>',
  });
  add({
    type: 'blogpost',
    spaceKey: 'ENG',
    title: 'Welcome to the new docs',
    by: ada,
    hour: 7,
    labels: ['announcement'],
    body: '<p>Our documentation moved to Confluence. Tell us what you think!</p>',
  });
  const question = add({
    type: 'comment',
    spaceKey: 'ENG',
    title: 'Re: Release plan 2027',
    by: mia,
    hour: 8,
    containerId: releasePlan,
    body: '<p>Should the Teams integration ship in Q1?</p>',
  });
  add({
    type: 'comment',
    spaceKey: 'ENG',
    title: 'Re: Release plan 2027',
    by: sam,
    hour: 9,
    containerId: releasePlan,
    parentCommentId: question,
    body: '<p>Yes, as a beta.</p>',
  });
  add({
    type: 'comment',
    spaceKey: 'ENG',
    title: 'Re: ADR-001: Use Forge',
    by: ada,
    hour: 10,
    containerId: adr1,
    location: 'inline',
    body: '<p>Link the Forge runtime docs here.</p>',
  });
  add({
    type: 'comment',
    spaceKey: 'ENG',
    title: 'Re: Security incident review',
    by: sam,
    hour: 11,
    containerId: incident,
    body: '<p>Root cause confirmed.</p>',
  });
  const mktHome = add({
    type: 'page',
    spaceKey: 'MKT',
    title: 'Marketing home',
    by: ada,
    hour: 12,
    body: '<p>Welcome to the Marketing space.</p>',
  });
  add({
    type: 'page',
    spaceKey: 'MKT',
    title: 'Launch checklist',
    by: mia,
    hour: 13,
    parentId: mktHome,
    labels: ['launch'],
    body: '<ul><li>Press release</li><li>Blog post</li><li>Teams announcement</li></ul>',
  });

  state.spaces.push(
    space('131073', 'ENG', 'Engineering', engHome, 'Engineering team space'),
    space('131074', 'MKT', 'Marketing', mktHome, 'Marketing team space'),
  );
  return state;
}
