import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { TEAMS, person } from '../../../dev/seed';
import { loginAs, REDIRECT_URI } from './support/entra-client';
import { cardMessage, channelMessagesPath, graph, simpleCard, type Json } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL = ENGINEERING.channels[0];
const GENERAL_PATH = channelMessagesPath(ENGINEERING.id, GENERAL.id);

describe('Microsoft simulator: validation of posted messages', () => {
  let sim: MicrosoftSimulator;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    for (const key of ['ada', 'sam'] as const) token[key] = (await loginAs(sim, key)).access_token;
  });
  afterAll(() => sim.stop());

  /** Messages posted since `before` (tests share one simulator, whose tokens a reset would void). */
  let before = 0;
  beforeEach(() => {
    before = sim.messages().length;
  });
  const postedHere = () => sim.messages().slice(before);

  const post = (who: string, path: string, body: unknown) => graph(sim, token[who] ?? '', path, { body });
  const expectRefused = (
    answer: { status: number; json: Json },
    status: number,
    code: string,
    text: string | RegExp,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.message).toMatch(text);
  };

  it('refuses attachments whose ids do not match the body', async () => {
    const message = cardMessage(simpleCard());
    const missing = {
      ...message,
      body: { contentType: 'html', content: '<attachment id="other"></attachment>' },
    };
    expectRefused(
      await post('sam', GENERAL_PATH, missing),
      400,
      'BadRequest',
      /no attachment with id 'other'/,
    );
    const unreferenced = { ...message, body: { contentType: 'html', content: 'Just text' } };
    expectRefused(
      await post('sam', GENERAL_PATH, unreferenced),
      400,
      'BadRequest',
      /'card-1' is not referenced/,
    );
    const attachments = message.attachments as unknown[];
    const duplicated = { ...message, attachments: [...attachments, ...attachments] };
    expectRefused(await post('sam', GENERAL_PATH, duplicated), 400, 'BadRequest', /more than once/);
    expect(postedHere()).toHaveLength(0);
  });

  it('refuses card content that is an object instead of a JSON string', async () => {
    const message = {
      body: { contentType: 'html', content: '<attachment id="a"></attachment>' },
      attachments: [
        { id: 'a', contentType: 'application/vnd.microsoft.card.adaptive', content: simpleCard() },
      ],
    };
    expectRefused(
      await post('sam', GENERAL_PATH, message),
      400,
      'BadRequest',
      /must be a string.*got an object/,
    );
  });

  it.each([
    [
      'an unknown element',
      { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'Bogus' }] },
      /Unknown element type "Bogus"/,
    ],
    ['no body array', { type: 'AdaptiveCard', version: '1.4' }, /"body" array/],
    ['another type', { type: 'HeroCard', version: '1.4', body: [] }, /"AdaptiveCard"/],
    ['no version', { type: 'AdaptiveCard', body: [] }, /"version"/],
    [
      'an OpenUrl action without url',
      { type: 'AdaptiveCard', version: '1.4', body: [], actions: [{ type: 'Action.OpenUrl' }] },
      /url/,
    ],
    [
      'a bad enum value',
      { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'x', size: 'huge' }] },
      /huge/,
    ],
  ])('refuses a card with %s, giving the parser’s reason', async (_name, card, reason) => {
    expectRefused(await post('sam', GENERAL_PATH, cardMessage(card)), 400, 'BadRequest', reason);
  });

  it('refuses content that is not JSON and bodies without content', async () => {
    const bad = await graph(sim, token.sam, GENERAL_PATH, { rawBody: '{"body":' });
    expectRefused(bad, 400, 'BadRequest', /Unable to read JSON/);
    expectRefused(
      await post('sam', GENERAL_PATH, { body: { contentType: 'markdown', content: 'x' } }),
      400,
      'BadRequest',
      /contentType/,
    );
    expectRefused(await post('sam', GENERAL_PATH, { subject: 'no body' }), 400, 'BadRequest', /body/);
  });

  it('refuses a message over 28 KB with 413', async () => {
    const big = simpleCard('x'.repeat(29 * 1024));
    expectRefused(await post('sam', GENERAL_PATH, cardMessage(big)), 413, 'RequestEntityTooLarge', /28 KB/);
    const justUnder = { body: { content: 'y'.repeat(27 * 1024) } };
    expect((await post('sam', GENERAL_PATH, justUnder)).status).toBe(201);
  });

  it('checks <at> mentions against mentions[]', async () => {
    const mention = {
      id: 0,
      mentionText: 'Mia Member',
      mentioned: { user: { id: person('mia').oid, userIdentityType: 'aadUser' } },
    };
    const ok = await post('ada', GENERAL_PATH, {
      body: { contentType: 'html', content: 'Hi <at id="0">Mia Member</at>' },
      mentions: [mention],
    });
    expect(ok.status).toBe(201);
    const missing = await post('ada', GENERAL_PATH, {
      body: { contentType: 'html', content: 'Hi <at id="1">Mia</at>' },
      mentions: [mention],
    });
    expectRefused(missing, 400, 'BadRequest', /<at id="1">/);
  });
});
