/** The handlers the scheduled trigger fixture's manifest.yml names, plus the probe its tests read. */
import api, { getAppContext, route } from '@forge/api';

type Request = Record<string, unknown>;
type Context = Record<string, unknown>;

/** What the functions saw and how the next run behaves. Module state: reset between tests. */
export interface ScheduledProbe {
  calls: Array<{ functionKey: string; request: Request; context: Context; appModuleKey?: string }>;
  /** Runs of each function that have finished. */
  finished: Record<string, number>;
  /** How `sweep` behaves on its next runs; `digest` looks at `asUser` once. */
  sweep: 'ok' | 'throw' | 'hang' | 'answer-500' | 'answer-nonsense';
  digestWaitMs: number;
  notes: unknown[];
}

export const probe: ScheduledProbe = {
  calls: [],
  finished: {},
  sweep: 'ok',
  digestWaitMs: 0,
  notes: [],
};

export function resetProbe(): void {
  probe.calls = [];
  probe.finished = {};
  probe.sweep = 'ok';
  probe.digestWaitMs = 0;
  probe.notes = [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function record(functionKey: string, request: Request, context: Context): void {
  probe.calls.push({ functionKey, request, context, appModuleKey: getAppContext().moduleKey });
}

function done(functionKey: string): void {
  probe.finished[functionKey] = (probe.finished[functionKey] ?? 0) + 1;
}

export async function digest(request: Request, context: Context) {
  record('digest', request, context);
  if (probe.digestWaitMs > 0) await sleep(probe.digestWaitMs);
  try {
    await api.asUser().requestConfluence(route`/wiki/rest/api/user/current`);
    probe.notes.push({ asUser: 'allowed' });
  } catch (error) {
    probe.notes.push({ asUserError: error instanceof Error ? error.constructor.name : String(error) });
  }
  done('digest');
}

export async function sweep(request: Request, context: Context) {
  record('sweep', request, context);
  switch (probe.sweep) {
    case 'throw':
      console.error('sweep is about to fail');
      throw new Error('sweep exploded');
    case 'hang':
      await sleep(1500); // past the function's timeoutSeconds: 1
      break;
    case 'answer-500':
      done('sweep');
      return { statusCode: 500, body: 'upstream down' };
    case 'answer-nonsense':
      done('sweep');
      return 'all good';
    default:
      break;
  }
  done('sweep');
  return { statusCode: 204 };
}

export function report(request: Request, context: Context) {
  record('report', request, context);
  done('report');
}
