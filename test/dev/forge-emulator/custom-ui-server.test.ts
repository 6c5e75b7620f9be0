import { Script, createContext } from 'node:vm';
import { startFixtureEmulator } from './support/fixture-emulator';
import type { ForgeEmulator } from '../../../dev/forge-emulator';

let emulator: ForgeEmulator;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
});
afterAll(() => emulator.stop());

const get = (path: string) => fetch(`${emulator.url}${path}`, { redirect: 'manual' });

test('the resource is served with the bridge shim as the first thing in <head>', async () => {
  const page = await get('/__forge/ui/ui/');
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await page.text();
  expect(html).toMatch(
    /<head><script src="\/__forge\/bridge-child\.js"><\/script>\s*<meta charset="utf-8" \/>/,
  );
  expect(html.indexOf('bridge-child.js')).toBeLessThan(html.indexOf('./app.js'));
  const asset = await get('/__forge/ui/ui/app.js');
  expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(await asset.text()).toContain('fixture');
  const redirect = await get('/__forge/ui/ui');
  expect({ status: redirect.status, location: redirect.headers.get('location') }).toEqual({
    status: 302,
    location: '/__forge/ui/ui/',
  });
  for (const path of [
    '/__forge/ui/ui/%2e%2e%2fmanifest.yml',
    '/__forge/ui/ui/missing.js',
    '/__forge/ui/other/',
  ]) {
    expect((await get(path)).status).toBe(404);
  }
});

test('host.js carries the app facts and both browser scripts are valid JavaScript', async () => {
  const host = await (await get('/__forge/host.js')).text();
  const prelude = /^window\.__FORGE_EMULATOR__ = (.*);$/m.exec(host);
  expect(JSON.parse(prelude?.[1] ?? '{}')).toMatchObject({
    baseUrl: emulator.url,
    environmentType: 'DEVELOPMENT',
    modules: {
      'fixture-settings': { type: 'confluence:globalSettings', resourceKey: 'ui', title: 'Fixture settings' },
    },
  });
  expect(() => new Script(host)).not.toThrow();
  const preflight = await fetch(`${emulator.url}/__forge/invoke`, { method: 'OPTIONS' });
  expect({ status: preflight.status, origin: preflight.headers.get('access-control-allow-origin') }).toEqual({
    status: 204,
    origin: '*',
  });
});

/** The part of the history object `view.createHistory()` resolves with that the test drives. */
interface BridgeHistory {
  push(path: string): void;
  goBack(): void;
  listen(listener: (location: { pathname: string }, action: string) => void): () => void;
}

type Message = { type: string; id?: number; name?: string; payload?: unknown; height?: number };

/** Runs bridge-child.js against a fake window whose parent records what the child posts. */
async function loadBridgeChild() {
  const posted: Message[] = [];
  const listeners: Array<(event: { source: unknown; data: unknown }) => void> = [];
  const parent = { postMessage: (message: Message) => posted.push(message) };
  const window: Record<string, unknown> = {
    parent,
    addEventListener: (type: string, listener: (event: { source: unknown; data: unknown }) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    document: {
      readyState: 'complete',
      documentElement: { scrollHeight: 321, setAttribute: () => undefined },
      addEventListener: () => undefined,
    },
    ResizeObserver: class {
      observe() {}
    },
    URL,
    Promise,
    setInterval,
  };
  window.window = window;
  const code = await (await get('/__forge/bridge-child.js')).text();
  new Script(code).runInContext(createContext(window));
  const answer = (data: object, source: unknown = parent) =>
    listeners.forEach((listener) => listener({ source, data }));
  const bridge = window.__bridge as { callBridge(name: string, payload?: unknown): Promise<unknown> };
  return { posted, answer, bridge };
}

test('bridge-child turns callBridge into postMessage round trips and reports its height', async () => {
  const { posted, answer, bridge } = await loadBridgeChild();
  expect(posted).toContainEqual({ type: 'forge-emulator:resize', height: 321 });
  const invoked = bridge.callBridge('invoke', { functionKey: 'whoami', payload: { a: 1 } });
  const call = posted.find((message) => message.type === 'forge-emulator:bridge-call') as Message;
  expect(call).toEqual({
    type: 'forge-emulator:bridge-call',
    id: 1,
    name: 'invoke',
    payload: { functionKey: 'whoami', payload: { a: 1 } },
  });
  answer({ type: 'forge-emulator:bridge-result', id: 1, ok: true, result: 42 }, {}); // not from the parent: ignored
  answer({ type: 'forge-emulator:bridge-result', id: 1, ok: true, result: 42 });
  await expect(invoked).resolves.toBe(42);

  const failing = bridge.callBridge('invoke', { functionKey: 'fail' });
  answer({
    type: 'forge-emulator:bridge-result',
    id: 2,
    ok: false,
    message: 'There was an error invoking the function - boom',
  });
  await expect(failing).rejects.toThrow('There was an error invoking the function - boom');

  const historyPromise = bridge.callBridge('createHistory');
  answer({ type: 'forge-emulator:bridge-result', id: 3, ok: true, result: { pathname: '/start' } });
  const history = (await historyPromise) as BridgeHistory;
  const seen: string[] = [];
  history.listen((location: { pathname: string }, action: string) =>
    seen.push(`${action} ${location.pathname}`),
  );
  history.push('/rules/7');
  history.goBack();
  expect(seen).toEqual(['PUSH /rules/7', 'POP /start']);
});
