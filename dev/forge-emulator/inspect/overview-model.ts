import { join } from 'node:path';
import type { EmulatorCore } from '../core/emulator-core';
import type { SpaceId, StoredEntry } from '../kvs/kvs-store';
import type { InvocationRecord } from '../runtime/invocation-history';

/** What the overview shows at most of each list; the totals say how many there are. */
export const OVERVIEW_LIMITS = { rows: 200, logLines: 200, valueChars: 300, logChars: 2000 };

export interface StoredRow {
  key: string;
  /** JSON, cut to {@link OVERVIEW_LIMITS.valueChars}. */
  value: string;
  updatedAt: string;
  expiresAt?: string;
}

/** A bounded list: the newest or first `rows`, and how many there are in all. */
export interface Bounded<T> {
  total: number;
  rows: T[];
}

export interface QueuedRow {
  kind: 'queue' | 'event';
  source: string;
  functionKey: string;
  eventId: string;
  jobId?: string;
  attempt: number;
  state: 'running' | 'waiting';
  /** Real milliseconds until it is due (0 when due or running). */
  dueInMs: number;
  body: string;
}

export interface DeadLetterRow extends Omit<QueuedRow, 'state' | 'dueInMs' | 'attempt'> {
  attempts: number;
  reason: string;
  time: string;
}

/** A scheduled trigger and when it runs, by the emulator clock. */
export interface ScheduledTriggerRow {
  key: string;
  functionKey: string;
  interval: string;
  nextRunAt: string;
  lastRun?: { startedAt: string; ok: boolean; invocationId: string };
}

/** The emulator's state as its overview page and `?format=json` show it; secret values never appear. */
export interface EmulatorOverview {
  app: { appAri: string; manifest: string; siteUrl: string; cloudId: string; environmentId: string };
  functions: Array<{
    key: string;
    handler: string;
    timeoutSeconds?: number;
    count: number;
    failures: number;
    meanMs: number;
  }>;
  modules: Array<{ type: string; key: string; functionKey?: string; detail: string; link?: string }>;
  webTriggers: Array<{ key: string; functionKey: string; responseType: string; url: string }>;
  scheduledTriggers: ScheduledTriggerRow[];
  kvs: {
    keys: Bounded<StoredRow>;
    entities: Array<{ name: string } & Bounded<StoredRow>>;
    secretNames: Bounded<string>;
  };
  queue: { pending: Bounded<QueuedRow>; deadLetters: Bounded<DeadLetterRow> };
  invocations: Bounded<InvocationRecord>;
  logs: Bounded<{
    time: string;
    functionKey: string;
    invocationId: string;
    level: string;
    message: string;
  }> & {
    invocationId?: string;
  };
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);
export const shortJson = (value: unknown): string =>
  cut(JSON.stringify(value) ?? String(value), OVERVIEW_LIMITS.valueChars);
const iso = (ms: number): string => new Date(ms).toISOString();
const first = <T>(items: readonly T[], limit = OVERVIEW_LIMITS.rows): Bounded<T> => ({
  total: items.length,
  rows: items.slice(0, limit),
});
const newest = <T>(items: readonly T[], limit = OVERVIEW_LIMITS.rows): Bounded<T> => ({
  total: items.length,
  rows: items.slice(-limit).reverse(),
});

const mapRows = <T, U>(list: Bounded<T>, map: (row: T) => U): Bounded<U> => ({
  total: list.total,
  rows: list.rows.map(map),
});

function storedRows(core: EmulatorCore, space: SpaceId): Bounded<StoredRow> {
  const rows = (entries: Array<[string, StoredEntry]>) =>
    entries.map(([key, entry]) => ({
      key: cut(key, OVERVIEW_LIMITS.valueChars),
      value: shortJson(entry.value),
      updatedAt: iso(entry.updatedAt),
      ...(entry.expiresAt !== undefined ? { expiresAt: iso(entry.expiresAt) } : {}),
    }));
  const entries = core.kvs.entries(space);
  return { total: entries.length, rows: rows(entries.slice(0, OVERVIEW_LIMITS.rows)) };
}

function scheduledTriggers(core: EmulatorCore): ScheduledTriggerRow[] {
  return core.schedule.list().map(({ trigger, nextRunAt, lastRun }) => ({
    key: trigger.key,
    functionKey: trigger.functionKey,
    interval: trigger.interval,
    nextRunAt: iso(nextRunAt),
    ...(lastRun
      ? { lastRun: { startedAt: iso(lastRun.startedAt), ok: lastRun.ok, invocationId: lastRun.invocationId } }
      : {}),
  }));
}

const EVERY: Record<string, string> = {
  fiveMinute: 'every five minutes',
  hour: 'every hour',
  day: 'every day',
  week: 'every week',
};

function modules(core: EmulatorCore, scheduled: ScheduledTriggerRow[]): EmulatorOverview['modules'] {
  const { manifest } = core;
  return [
    ...[...manifest.uiModules.values()].map((m) => ({
      type: m.type,
      key: m.key,
      ...(m.resolverFunctionKey ? { functionKey: m.resolverFunctionKey } : {}),
      detail: [m.title, m.resourceKey && `resource ${m.resourceKey}`].filter(Boolean).join(' · '),
      ...(m.resourceKey ? { link: `/__forge/ui/${encodeURIComponent(m.resourceKey)}/` } : {}),
    })),
    ...manifest.triggers.map((t) => ({
      type: 'trigger',
      key: t.key,
      functionKey: t.functionKey,
      detail: `${t.events.join(', ')}${t.ignoreSelf ? ' · ignoreSelf' : ''}`,
    })),
    ...manifest.consumers.map((c) => ({
      type: 'consumer',
      key: c.key,
      functionKey: c.functionKey,
      detail: `queue ${c.queue}`,
    })),
    ...scheduled.map((t) => ({
      type: 'scheduledTrigger',
      key: t.key,
      functionKey: t.functionKey,
      detail: `${EVERY[t.interval] ?? t.interval} · next run ${t.nextRunAt}`,
    })),
    ...[...manifest.webTriggers.values()].map((w) => ({
      type: 'webtrigger',
      key: w.key,
      functionKey: w.functionKey,
      detail: `${w.responseType} response`,
    })),
  ];
}

/** Reads the emulator's state into a bounded, secret-free overview; `invocationId` narrows the logs. */
export function buildOverview(core: EmulatorCore, options: { invocationId?: string } = {}): EmulatorOverview {
  const { manifest, options: opts } = core;
  const stats = core.stats.snapshot().invocations;
  const now = Date.now();
  const scheduled = scheduledTriggers(core);
  const logs = options.invocationId
    ? core.logs.filter((line) => line.invocationId === options.invocationId)
    : core.logs;
  return {
    app: {
      appAri: manifest.appAri,
      manifest: join(opts.appDir, 'manifest.yml'),
      siteUrl: opts.siteUrl,
      cloudId: opts.cloudId,
      environmentId: core.identity.environmentId,
    },
    functions: [...manifest.functions.values()].map((f) => {
      const s = stats[f.key];
      return {
        key: f.key,
        handler: f.handler,
        ...(f.timeoutSeconds !== undefined ? { timeoutSeconds: f.timeoutSeconds } : {}),
        count: s?.count ?? 0,
        failures: s?.failures ?? 0,
        meanMs: s && s.count > 0 ? Math.round((s.totalMs / s.count) * 10) / 10 : 0,
      };
    }),
    modules: modules(core, scheduled),
    webTriggers: [...manifest.webTriggers.values()].map((w) => ({
      key: w.key,
      functionKey: w.functionKey,
      responseType: w.responseType,
      url: core.webTriggers.urlFor(w.key),
    })),
    scheduledTriggers: scheduled,
    kvs: {
      keys: storedRows(core, 'kvs'),
      entities: [...manifest.entities.keys()].map((name) => ({
        name,
        ...storedRows(core, `entity:${name}`),
      })),
      secretNames: first(core.kvs.entries('secret').map(([key]) => cut(key, OVERVIEW_LIMITS.valueChars))),
    },
    queue: {
      pending: mapRows(first(core.scheduler.list()), ({ message, running }) => ({
        kind: message.kind,
        source: message.source,
        functionKey: message.functionKey,
        eventId: message.eventId,
        ...(message.jobId ? { jobId: message.jobId } : {}),
        attempt: message.retryCount + 1,
        state: running ? ('running' as const) : ('waiting' as const),
        dueInMs: running ? 0 : Math.max(0, Math.round(message.readyAt - now)),
        body: shortJson(message.body),
      })),
      deadLetters: mapRows(newest(core.deadLetters), (letter) => ({
        kind: letter.kind,
        source: letter.source,
        functionKey: letter.functionKey,
        eventId: letter.eventId,
        ...(letter.jobId ? { jobId: letter.jobId } : {}),
        attempts: letter.attempts,
        reason: cut(letter.reason, OVERVIEW_LIMITS.logChars),
        time: letter.time,
        body: shortJson(letter.body),
      })),
    },
    invocations: newest(core.history.list()),
    logs: {
      ...mapRows(newest(logs, OVERVIEW_LIMITS.logLines), (line) => ({
        ...line,
        message: cut(line.message, OVERVIEW_LIMITS.logChars),
      })),
      ...(options.invocationId ? { invocationId: options.invocationId } : {}),
    },
  };
}
