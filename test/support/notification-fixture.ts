import { invokeOk, SURFACES, signInAtMicrosoft, type Surface } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TEAMS, TENANT, person, type SeedPerson } from '../../dev/seed';
import type { DeliveryRecord } from '../../src/domain/delivery';
import type { GraphDestination } from '../../src/domain/rule';

/** Steps the notification e2e tests share: set-up through the app's own resolvers, and what to look at. */

/** Ada saves the sandbox tenant's mapping (no consent yet), as the site admin would. */
export const saveTenant = async (sandbox: Sandbox): Promise<void> => {
  await invokeOk(sandbox, person('ada'), SURFACES.global, 'tenant/save', {
    tenantId: TENANT.id,
    clientId: ENTRA_APP.clientId,
    clientSecret: ENTRA_APP.clientSecret,
    secretExpiresOn: ENTRA_APP.secretExpiresOn,
  });
};

/** Ada maps the Microsoft tenant and grants admin consent, as the site admin would. */
export const mapTenant = async (sandbox: Sandbox): Promise<void> => {
  const ada = person('ada');
  await saveTenant(sandbox);
  const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
  const answer = await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' });
  if (answer.status !== 200) throw new Error(`Admin consent answered ${answer.status}`);
};

/** "Log in to Microsoft Teams" as `who`. */
export const logInToTeams = async (sandbox: Sandbox, who: SeedPerson): Promise<void> => {
  const login = await invokeOk(sandbox, who, SURFACES.personal, 'connection/start-login', {});
  const answer = await signInAtMicrosoft(sandbox, login.url, who);
  if (answer.status !== 200) throw new Error(`Login answered ${answer.status}`);
};

/** The page's ••• menu, where page rules are made. */
export const pageSurface = (contentId: string, spaceKey = 'ENG'): Surface => ({
  moduleKey: 'teams-content-action',
  extension: {
    type: 'confluence:contentAction',
    content: { id: contentId, type: 'page' },
    space: { key: spaceKey },
  },
});

export const channel = (teamName: string, channelName: string): GraphDestination => {
  const team = TEAMS.find((t) => t.displayName === teamName);
  const found = team?.channels.find((c) => c.displayName === channelName);
  if (!team || !found) throw new Error(`no channel ${teamName} › ${channelName}`);
  return { type: 'channel', teamId: team.id, channelId: found.id, teamName, channelName };
};

/** The delivery rows in the emulator's KVS (the delivery log's lines). */
export const deliveryRows = (sandbox: Sandbox): DeliveryRecord[] =>
  Object.values(sandbox.forge.kvsDump().entities['delivery'] ?? {}).map(
    (row) => (row as { data: DeliveryRecord }).data,
  );

/** Graph requests the Microsoft simulator received, e.g. `graphRequests(s, 'PATCH')`. */
export const graphRequests = (sandbox: Sandbox, method?: string) =>
  sandbox.microsoft.requests().filter((r) => r.url.startsWith('/graph/') && (!method || r.method === method));

/** Messages (roots and replies) in one channel or chat. */
export const messagesIn = (sandbox: Sandbox, destination: GraphDestination) =>
  sandbox.microsoft
    .messages()
    .filter(
      (m) =>
        m.conversationId === (destination.type === 'channel' ? destination.channelId : destination.chatId),
    );

/** The card a posted message carries, as JSON text. */
export const cardText = (message: { attachments: Array<{ card?: unknown }> } | undefined): string =>
  JSON.stringify(message?.attachments[0]?.card ?? null);
