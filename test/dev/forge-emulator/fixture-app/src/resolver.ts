import api, { assumeTrustedRoute, getAppContext, route, webTrigger } from '@forge/api';
import { Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';
import { describe, runtimeAccountId, sleep } from './probe';

const resolver = new Resolver();

resolver.define('whoami', async ({ context }) => {
  const response = await api
    .asUser()
    .requestConfluence(route`/wiki/rest/api/user/current?expand=${'groups'}`);
  return { contextAccountId: context.accountId, status: response.status, product: await response.json() };
});

/** One Confluence GET as the app, as the calling user (`asUser()`), or as a named account (`asUser(id)`). */
resolver.define('product-get', async ({ payload }) => {
  const { as, accountId, path } = payload as {
    as: 'app' | 'me' | 'account';
    accountId?: string;
    path: string;
  };
  const client = as === 'app' ? api.asApp() : as === 'me' ? api.asUser() : api.asUser(accountId);
  try {
    const response = await client.requestConfluence(assumeTrustedRoute(path));
    return { status: response.status, body: await response.json() };
  } catch (error) {
    return { error: describe(error) };
  }
});

resolver.define('as-app-post', async ({ payload }) => {
  const response = await api.asApp().requestConfluence(route`/wiki/api/v2/pages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Custom': 'kept' },
    body: JSON.stringify(payload),
  });
  return { status: response.status, product: await response.json() };
});

/** Reports the runtime context after a pause, so concurrent calls interleave. */
resolver.define('context-probe', async ({ payload, context }) => {
  await sleep((payload as { delayMs: number }).delayMs);
  const app = getAppContext();
  return {
    contextAccountId: context.accountId,
    aaid: runtimeAccountId(),
    invocationId: app.invocationId,
    moduleKey: app.moduleKey,
    environmentType: app.environmentType,
    appAri: String(app.appAri),
    remainingMs: app.invocationRemainingTimeInMillis(),
    extension: context.extension,
    localId: context.localId,
  };
});

resolver.define('fail', () => {
  console.error('about to fail');
  throw new Error('boom');
});

resolver.define('egress', async ({ payload }) => {
  const { url, method = 'GET', body } = payload as { url: string; method?: string; body?: string };
  try {
    const response = await fetch(url, {
      method,
      body,
      headers: { 'X-Trace': 'fixture', Host: 'wrong.example' },
    });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    return { error: describe(error) };
  }
});

resolver.define('enqueue', async ({ payload }) => {
  const { jobId } = await new Queue({ key: 'work' }).push((payload as { events: never[] }).events);
  return { jobId };
});

resolver.define('hook-url', () => webTrigger.getUrl('hook'));

resolver.define('kvs-roundtrip', async ({ payload }) => {
  const { key, value } = payload as { key: string; value: unknown };
  console.log('storing', key);
  await kvs.set(key, value);
  return { stored: await kvs.get(key) };
});

resolver.define('slow', async () => {
  await sleep(50);
  return 'done';
});

export const handler = resolver.getDefinitions();
