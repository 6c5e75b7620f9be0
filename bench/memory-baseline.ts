import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { APP_DIR } from '../dev/sandbox/app-manifest';

const MB = 1024 * 1024;

const measure = (args: string[]): { rss: number; heapUsed: number } => {
  const probe = 'const m = process.memoryUsage(); process.stdout.write(JSON.stringify(m))';
  const run = spawnSync(
    process.execPath,
    [...args, '-e', `${args.length > 0 ? 'require(process.env.APP_ENTRY);' : ''}${probe}`],
    {
      env: { ...process.env, APP_ENTRY: join(APP_DIR, 'src', 'index.ts') },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`Memory probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { rss: number; heapUsed: number };
};

/**
 * What a function needs before it does anything: a bare Node process's resident memory, and
 * the heap the app's code takes once loaded (src/index.ts through tsx, in a process of its own).
 */
export const memoryBaseline = (): { nodeRssMb: number; appHeapMb: number } => {
  const bare = measure([]);
  const loaded = measure(['--import', 'tsx']);
  return { nodeRssMb: bare.rss / MB, appHeapMb: (loaded.heapUsed - bare.heapUsed) / MB };
};
