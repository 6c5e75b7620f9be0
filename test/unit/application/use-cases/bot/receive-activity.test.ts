import { authenticateActivity } from '../../../../../src/application/use-cases/bot/authenticate-activity';
import { receiveActivity } from '../../../../../src/application/use-cases/bot/receive-activity';
import { aConnection } from '../../../../support/settings-builders';
import {
  activity,
  botEndpointHarness as harness,
  SERVICE_URL,
  TENANT,
} from '../../../../support/bot-endpoint-harness';

describe('receiving an authenticated activity', () => {
  const parsed = async (h: ReturnType<typeof harness>, overrides: Record<string, unknown>) =>
    authenticateActivity(h.deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity(overrides)),
    });

  it.each(['message', 'conversationUpdate', 'installationUpdate'])(
    'answers a %s with 200 and no body',
    async (type) => {
      const h = harness();
      expect(await receiveActivity(h.deps, await parsed(h, { type }))).toEqual({ status: 200 });
    },
  );

  it('answers an invoke it does not handle with 200 {}', async () => {
    const h = harness();
    const invoke = await parsed(h, {
      type: 'invoke',
      name: 'composeExtension/onCardButtonClicked',
      value: { commandId: 'x' },
    });
    expect(await receiveActivity(h.deps, invoke)).toEqual({ status: 200, body: {} });
  });

  it('answers a search for a command the app does not have with a clear message', async () => {
    const h = harness();
    const invoke = await parsed(h, {
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'x' },
    });
    expect(await receiveActivity(h.deps, invoke)).toEqual({
      status: 200,
      body: { composeExtension: { type: 'message', text: 'This app has no search command called “x”.' } },
    });
  });

  it('answers other activity types with 200 and no body', async () => {
    const h = harness();
    expect(await receiveActivity(h.deps, await parsed(h, { type: 'typing' }))).toEqual({ status: 200 });
  });

  it('records the last request, at most once a minute', async () => {
    const h = harness();
    const message = await parsed(h, {});
    await receiveActivity(h.deps, message);
    h.advance(10_000);
    await receiveActivity(h.deps, message);
    expect(h.healthWrites).toHaveLength(1);
    expect(h.health()).toMatchObject({ lastRequestAt: '2026-11-22T09:00:00.000Z', lastAuthFailureAt: null });
    h.advance(60_000);
    await receiveActivity(h.deps, message);
    expect(h.health()?.lastRequestAt).toBe('2026-11-22T09:01:10.000Z');
  });
});

describe('the 1:1 conversation and the bot’s queued work', () => {
  const OID = '0f6a3b1c-3333-4a1b-9c1d-000000000003';
  const MS_USER = `${TENANT}:${OID}`;
  const receive = async (h: ReturnType<typeof harness>, overrides: Record<string, unknown>) =>
    receiveActivity(
      h.deps,
      await authenticateActivity(h.deps, {
        authorization: 'Bearer x',
        body: JSON.stringify(activity(overrides)),
      }),
    );

  it('keeps the conversation from an install and queues the greeting', async () => {
    const h = harness();
    await receive(h, { type: 'installationUpdate', action: 'add', text: undefined });
    expect(await h.deps.conversations.get(MS_USER)).toMatchObject({
      conversationId: 'a:1xyz',
      serviceUrl: SERVICE_URL,
      userId: '29:1abc',
      installed: true,
    });
    expect(h.deps.botWork.jobs()).toEqual([{ kind: 'greet', microsoftUser: MS_USER }]);
  });

  it('greets on a first message too (Teams may skip the install event), then answers the command', async () => {
    const h = harness();
    await receive(h, { text: ' Help ' });
    await receive(h, { text: 'status' });
    expect(h.deps.botWork.jobs()).toEqual([
      { kind: 'greet', microsoftUser: MS_USER },
      { kind: 'command', microsoftUser: MS_USER, command: 'help' },
      { kind: 'command', microsoftUser: MS_USER, command: 'status' },
    ]);
  });

  it('marks a removed app and queues nothing for it', async () => {
    const h = harness();
    await receive(h, { type: 'installationUpdate', action: 'add' });
    await receive(h, { type: 'installationUpdate', action: 'remove' });
    expect((await h.deps.conversations.get(MS_USER))?.installed).toBe(false);
    expect(h.deps.botWork.jobs()).toHaveLength(1);
  });

  it('keeps nothing from a group chat or a channel', async () => {
    const h = harness();
    await receive(h, {
      conversation: { id: '19:chat@thread.v2', tenantId: TENANT, conversationType: 'groupChat' },
    });
    expect(await h.deps.conversations.get(MS_USER)).toBeNull();
    expect(h.deps.botWork.jobs()).toEqual([]);
  });

  it('disconnects the signed-in Teams user’s own link when they confirm, and says so in the card', async () => {
    const h = harness({ connections: [aConnection({ accountId: 'mia', tenantId: TENANT, oid: OID })] });
    const answer = await receive(h, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'disconnect-confirmed' } },
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' },
    });
    expect(JSON.stringify(answer.body)).toContain('Disconnected');
    expect(await h.deps.connections.get('mia')).toBeNull();
  });

  it('never disconnects someone else: the link removed is the activity’s own Microsoft user’s', async () => {
    const other = aConnection({
      accountId: 'rex',
      tenantId: TENANT,
      oid: '11111111-2222-4333-8444-555555555555',
    });
    const h = harness({ connections: [other] });
    await receive(h, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'disconnect-confirmed', data: { accountId: 'rex' } } },
    });
    expect(await h.deps.connections.get('rex')).toEqual(other);
  });
});

describe('a replayed activity', () => {
  it('is acted on once: the same message id again queues nothing more', async () => {
    const h = harness();
    const message = activity({ id: 'same-id', text: 'status' });
    const send = async () =>
      receiveActivity(
        h.deps,
        await authenticateActivity(h.deps, { authorization: 'Bearer x', body: JSON.stringify(message) }),
      );
    expect(await send()).toEqual({ status: 200 });
    const jobs = h.deps.botWork.jobs().length;
    expect(await send()).toEqual({ status: 200 });
    expect(h.deps.botWork.jobs()).toHaveLength(jobs);
  });
});
