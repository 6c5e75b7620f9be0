import { kvs } from '@forge/kvs';
import { useFixtureEmulator } from './support/fixture-emulator';

const fixture = useFixtureEmulator({ fresh: true });

const SECRET_VALUE = 'client-secret-Zq8~never-shown';
const HOSTILE = '<script>alert("kvs")</script>';

interface OverviewJson {
  functions: Array<{ key: string; count: number; failures: number }>;
  modules: Array<{ type: string; key: string }>;
  webTriggers: Array<{ key: string; url: string }>;
  kvs: {
    keys: { total: number; rows: Array<{ key: string; value: string }> };
    entities: Array<{ name: string; total: number }>;
    secretNames: { rows: string[] };
  };
  queue: { deadLetters: { total: number; rows: Array<{ functionKey: string; reason: string }> } };
  invocations: { rows: Array<{ invocationId: string; functionKey: string; ok: boolean }> };
  logs: { total: number; rows: Array<{ invocationId: string; message: string }> };
}

const get = async (path: string) => {
  const response = await fetch(`${fixture.emulator.url}${path}`);
  return { response, text: await response.text() };
};
const overviewJson = async (query = ''): Promise<OverviewJson> =>
  JSON.parse((await get(`/?format=json${query}`)).text) as OverviewJson;

/** Stores hostile values, a secret, an entity, one failed resolver call and one dead-lettered message. */
async function populate(): Promise<void> {
  await kvs.setSecret('tenant:client-secret', SECRET_VALUE);
  await kvs.set('rule:1', { name: HOSTILE });
  await kvs.entity('task').set('t-1', { owner: 'ada', rank: 1, label: '<img src=x onerror=alert(1)>' });
  await fixture.emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'kvs-roundtrip',
    payload: { key: 'from-resolver', value: 1 },
  });
  await fixture.emulator
    .invokeResolver({ moduleKey: 'fixture-settings', functionKey: 'fail' })
    .catch(() => undefined);
  await fixture.emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'enqueue',
    payload: { events: [{ body: { mode: 'throw', note: HOSTILE } }] },
  });
  await fixture.emulator.idle();
}

test('the root address is an HTML overview of the app: functions, modules and web trigger URLs', async () => {
  const { response, text } = await get('/');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  for (const name of ['resolver', 'on-page-event', 'on-comment-event', 'consume', 'web'])
    expect(text).toContain(`<code>${name}</code>`);
  for (const module of ['fixture-settings', 'page-events', 'comment-events', 'work-consumer', 'hook'])
    expect(text).toContain(`<code>${module}</code>`);
  expect(text).toContain('avi:confluence:updated:page');
  expect(text).toContain('href="/__forge/ui/ui/"');
  expect(text).toContain(fixture.emulator.webTriggerUrl('hook'));
  expect(text).not.toMatch(/<script|<link|src="http/);
});

test('storage, queues, invocations and logs are listed; secret values never appear; markup is escaped', async () => {
  await populate();
  const { text } = await get('/');
  expect(text).toContain('tenant:client-secret');
  expect(text).not.toContain(SECRET_VALUE);
  expect(text).not.toContain('<script>alert');
  expect(text).not.toContain('<img src=x');
  expect(text).toContain('&lt;script&gt;alert(\\&quot;kvs\\&quot;)&lt;/script&gt;');
  expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(text).toContain('consumer exploded');
  expect(text).toContain('about to fail');
  expect(text).toMatch(/<td class="bad">\s*failed\s*<\/td>/);

  const json = await overviewJson();
  expect(JSON.stringify(json)).not.toContain(SECRET_VALUE);
  expect(json.kvs.secretNames.rows).toEqual(['tenant:client-secret']);
  expect(json.kvs.keys.rows.map((row) => row.key)).toEqual(['from-resolver', 'rule:1']);
  expect(json.kvs.entities).toEqual([expect.objectContaining({ name: 'task', total: 1 })]);
  expect(json.webTriggers).toEqual([
    { key: 'hook', functionKey: 'web', responseType: 'dynamic', url: fixture.emulator.webTriggerUrl('hook') },
  ]);
  expect(json.queue.deadLetters.total).toBe(1);
  expect(json.queue.deadLetters.rows[0]).toMatchObject({
    functionKey: 'consume',
    reason: expect.stringContaining('consumer exploded'),
  });
  const failed = json.invocations.rows.find((row) => row.functionKey === 'resolver' && !row.ok);
  expect(failed).toBeDefined();
  expect(json.functions.find((f) => f.key === 'consume')).toMatchObject({ count: 5, failures: 5 });

  // One invocation's logs: the link on its row.
  const { text: narrowed } = await get(`/?invocation=${failed?.invocationId}`);
  expect(narrowed).toContain('about to fail');
  expect(narrowed).not.toContain('consumer exploded</pre>');
  const only = await overviewJson(`&invocation=${failed?.invocationId}`);
  expect(only.logs.rows.length).toBeGreaterThan(0);
  expect(only.logs.rows.every((row) => row.invocationId === failed?.invocationId)).toBe(true);
});

test('what it shows is bounded: the newest 200 log lines, long values cut', async () => {
  await kvs.set('big', 'x'.repeat(10_000));
  for (let n = 0; n < 250; n += 1)
    fixture.emulator.logs.push({
      time: new Date().toISOString(),
      functionKey: 'web',
      invocationId: `inv-${n}`,
      level: 'log',
      message: `line ${n}`,
    });
  const json = await overviewJson();
  expect(json.logs.total).toBe(250);
  expect(json.logs.rows).toHaveLength(200);
  expect(json.logs.rows[0].message).toBe('line 249');
  expect(json.kvs.keys.rows[0].value.length).toBeLessThanOrEqual(301);
  expect((await get('/')).text).toContain('Showing 200 of 250 log lines');
});
