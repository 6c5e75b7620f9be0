import {
  startConfluenceSimulator,
  type ConfluenceSimulator,
  type ConfluenceSimulatorOptions,
} from '../../../../dev/confluence-sim';
import { person, type SeedPerson } from '../../../../dev/seed';
import type { EventPayload } from './api-shapes';

/** Who calls the REST API: the app, a seed person by key, or a raw header value (for 401 tests). */
export type Caller = 'app' | SeedPerson['key'] | { header: string | undefined };

export interface JsonResponse<T> {
  status: number;
  body: T;
}

export interface WebResponse {
  status: number;
  text: string;
  location: string | null;
  setCookie: string | null;
}

/** A running simulator with a fixed, steppable clock and helpers for its REST API and web UI. */
export interface TestSim {
  sim: ConfluenceSimulator;
  /** Events as `emitEvent` received them. */
  received: Array<{ eventType: string; payload: EventPayload }>;
  now: { value: number };
  api<T = unknown>(caller: Caller, method: string, path: string, body?: unknown): Promise<JsonResponse<T>>;
  web(path: string, init?: { user?: SeedPerson['key']; form?: Record<string, string> }): Promise<WebResponse>;
  stop(): Promise<void>;
}

export const FIXED_NOW = Date.parse('2026-11-20T10:00:00.000Z');

const principalHeader = (caller: Caller): string | undefined => {
  if (typeof caller === 'object') return caller.header;
  return caller === 'app' ? 'app' : `user:${person(caller).accountId}`;
};

export async function startTestSim(options: Partial<ConfluenceSimulatorOptions> = {}): Promise<TestSim> {
  const received: TestSim['received'] = [];
  const now = { value: FIXED_NOW };
  const sim = await startConfluenceSimulator({
    emitEvent: (eventType, payload) => {
      // The simulator builds every payload with a `content`; the cast only names its shape.
      received.push({ eventType, payload: payload as EventPayload });
    },
    clock: () => now.value,
    ...options,
  });
  return {
    sim,
    received,
    now,
    async api<T>(caller: Caller, method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
      const header = principalHeader(caller);
      const res = await fetch(`${sim.url}${path}`, {
        method,
        headers: {
          ...(header ? { 'X-Sandbox-Principal': header } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async web(path, init = {}) {
      const res = await fetch(`${sim.url}${path}`, {
        method: init.form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          ...(init.user ? { cookie: `sandbox_user=${person(init.user).accountId}` } : {}),
          ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
      });
      return {
        status: res.status,
        text: await res.text(),
        location: res.headers.get('location'),
        setCookie: res.headers.get('set-cookie'),
      };
    },
    stop: () => sim.stop(),
  };
}

/** Seed content ids by title, so tests do not hard-code numbers. */
export const idOf = (t: TestSim, title: string): string => t.sim.findContent(title).id;
