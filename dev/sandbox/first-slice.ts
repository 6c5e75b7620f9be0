import { ENTRA_APP, TENANT, person } from '../seed';
import { SURFACES, invokeOk, signInAtMicrosoft } from './sandbox-driver';
import type { Sandbox } from './start-sandbox';

export const SLICE_PAGE_TITLE = 'Release plan 2027';

/**
 * The walking skeleton's story, step by step, as the people in it would do it: Ada (site
 * admin) maps the tenant and grants consent, logs in to Microsoft Teams, adds a rule for space
 * ENG → Engineering › General; Mia edits a page in ENG. Returns the Teams message that arrived.
 */
export const runFirstSlice = async (sandbox: Sandbox, say: (line: string) => void = () => undefined) => {
  const ada = person('ada');
  const mia = person('mia');

  say('1. Ada maps the Microsoft tenant and grants admin consent');
  await invokeOk(sandbox, ada, SURFACES.global, 'tenant/save', {
    tenantId: TENANT.id,
    clientId: ENTRA_APP.clientId,
    clientSecret: ENTRA_APP.clientSecret,
    secretExpiresOn: ENTRA_APP.secretExpiresOn,
  });
  const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
  const consented = await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' });
  if (consented.status !== 200) throw new Error(`Admin consent callback answered ${consented.status}`);

  say('2. Ada clicks "Log in to Microsoft Teams" in the ENG space settings');
  const login = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'connection/start-login', {});
  const signedIn = await signInAtMicrosoft(sandbox, login.url, ada);
  if (signedIn.status !== 200) throw new Error(`Login callback answered ${signedIn.status}`);

  say('3. Ada adds a space rule: pages in ENG → Engineering › General');
  const teams = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'teams/list', {});
  const team = teams.items.find((t) => t.displayName === 'Engineering');
  if (!team) throw new Error('Ada sees no Engineering team');
  const channels = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'teams/channels', { teamId: team.id });
  const channel = channels.items.find((c) => c.displayName === 'General');
  if (!channel) throw new Error('Engineering has no General channel');
  const rule = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/create', {
    scope: 'space',
    spaceKey: 'ENG',
    events: ['page_created', 'page_updated'],
    destination: {
      type: 'channel',
      teamId: team.id,
      channelId: channel.id,
      teamName: team.displayName,
      channelName: channel.displayName,
    },
    enabled: true,
  });

  say(`4. Mia edits "${SLICE_PAGE_TITLE}"`);
  const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
  await sandbox.confluence.editPage(mia.accountId, page.id, {
    body: '<p>Launch moves to the second week of March.</p>',
    versionMessage: 'Moved the launch date',
  });
  await sandbox.forge.idle({ timeoutMs: 30_000 });
  const message = sandbox.microsoft
    .messages()
    .find((m) => JSON.stringify(m).includes(SLICE_PAGE_TITLE) && JSON.stringify(m).includes(channel.id));
  return { rule, page, message, team, channel };
};
