import { person } from '../../seed';
import { SeedBuilder } from './seed-builder';
import type { SiteState } from './site-state';

const ada = person('ada').accountId;
const sam = person('sam').accountId;
const mia = person('mia').accountId;

/**
 * The seed site: spaces ENG and MKT with homepages, a page tree, a blog post, labels, comments
 * (a thread and an inline one) and "Security incident review", readable only by Ada, Sam and Mia
 * (its child inherits the restriction). Ids are numbered in this order on every fresh start.
 */
export function seedSiteState(): SiteState {
  const seed = new SeedBuilder();
  const add = seed.add.bind(seed);
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

  seed.space('131073', 'ENG', 'Engineering', engHome, 'Engineering team space', ada);
  seed.space('131074', 'MKT', 'Marketing', mktHome, 'Marketing team space', ada);
  return seed.state;
}
