import api, { getAppContext, route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { describe, probe, runtimeAccountId, sleep } from './probe';

type ProductEvent = Record<string, unknown> & { atlassianId?: string; retryContext?: unknown };

/** Records the event; asks for a retry or calls Confluence when the event says so (test switches). */
export async function onPageEvent(event: ProductEvent, context: Record<string, unknown>) {
  probe.triggerCalls.push({ moduleKey: 'page-events', event, context });
  if (event.retryMe && !event.retryContext) {
    return new InvocationError({
      retryAfter: 2,
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      retryData: { attempt: 1 },
    });
  }
  if (event.alwaysRetry)
    return new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  if (event.throwMe) throw new Error('trigger exploded');
  if (event.contextProbe) {
    await sleep(15);
    probe.notes.push({ trigger: getAppContext().moduleKey, aaid: runtimeAccountId() });
  }
  if (event.impersonate) {
    try {
      const response = await api
        .asUser(event.atlassianId)
        .requestConfluence(route`/wiki/rest/api/content/${'42'}`);
      probe.notes.push({ impersonation: await response.json() });
    } catch (error) {
      probe.notes.push({ impersonationError: describe(error) });
    }
  }
  if (event.asUserWithoutId) {
    try {
      await api.asUser().requestConfluence(route`/wiki/rest/api/user/current`);
      probe.notes.push({ asUser: 'allowed' });
    } catch (error) {
      probe.notes.push({ asUserError: describe(error) });
    }
  }
  return undefined;
}

export function onCommentEvent(event: ProductEvent, context: Record<string, unknown>) {
  probe.triggerCalls.push({ moduleKey: 'comment-events', event, context });
}
