import { deriveIdentity } from './core/app-identity';
import { createEmulatorFacade } from './core/emulator-facade';
import { resolveOptions, type EmulatorCore } from './core/emulator-core';
import { installEgressFetch } from './egress/egress-fetch';
import type { ForgeEmulator, ForgeEmulatorOptions } from './emulator-contract';
import { deliverEventRetry } from './events/product-events';
import { startHttpServer, stopHttpServer } from './http/http-server';
import { KvsStore } from './kvs/kvs-store';
import { loadManifest } from './manifest/load-manifest';
import { StateFile } from './persistence/state-file';
import { deliverQueueMessage } from './queue/consumer-delivery';
import { DeliveryScheduler } from './queue/delivery-scheduler';
import { JobTracker } from './queue/job-tracker';
import { registerCore, unregisterCore } from './runtime/active-cores';
import { installConsoleCapture } from './runtime/console-capture';
import { installForgeGlobals } from './runtime/forge-globals';
import { currentInvocation } from './runtime/invocation-context';
import { InvocationHistory } from './runtime/invocation-history';
import { InvocationRunner } from './runtime/invocation-runner';
import { appendLog } from './runtime/log-sink';
import { TriggerSchedule } from './schedule/trigger-schedule';
import { StatsCollector } from './stats/stats-collector';
import { WebTriggerRegistry } from './webtrigger/webtrigger-registry';

/**
 * Starts an emulator for the app in `options.appDir`: reads the manifest, installs the Forge globals,
 * restores persisted state, starts the HTTP server and loads the app.
 */
export async function startForgeEmulator(options: ForgeEmulatorOptions): Promise<ForgeEmulator> {
  const resolved = resolveOptions(options);
  const manifest = loadManifest(options.appDir);
  const platformFetch = installEgressFetch();
  installForgeGlobals();
  installConsoleCapture();

  // The parts refer to each other through the core, which exists once all of them do.
  const ref: { core?: EmulatorCore } = {};
  const getCore = (): EmulatorCore => {
    if (!ref.core) throw new Error('The Forge emulator is still starting');
    return ref.core;
  };
  const stateFile = new StateFile(options.dataDir, () => ({
    version: 1,
    kvs: getCore().kvs.snapshot(),
    webTriggers: getCore().webTriggers.snapshot(),
    pendingMessages: getCore().scheduler.snapshot(),
  }));
  const jobs = new JobTracker();
  const scheduler = new DeliveryScheduler(
    getCore,
    (message) =>
      message.kind === 'queue'
        ? deliverQueueMessage(getCore(), message)
        : deliverEventRetry(getCore(), message),
    (message, status) => jobs.settled(message, status),
  );
  const created: EmulatorCore = {
    options: resolved,
    manifest,
    identity: deriveIdentity(manifest.appId, options.cloudId),
    kvs: new KvsStore(resolved.clock, () => stateFile.schedule()),
    stats: new StatsCollector(),
    logs: [],
    deadLetters: [],
    webTriggers: new WebTriggerRegistry(getCore),
    scheduler,
    jobs,
    runner: new InvocationRunner(getCore),
    schedule: new TriggerSchedule(getCore),
    history: new InvocationHistory(),
    platformFetch,
    url: '',
    warn(message: string) {
      const source = currentInvocation() ?? { functionKey: '(emulator)', invocationId: '' };
      appendLog(created, source, 'warn', `[forge-emulator] ${message}`);
    },
    persistSoon: () => stateFile.schedule(),
  };
  ref.core = created;

  if (options.reset) stateFile.wipe();
  const saved = stateFile.load();
  if (saved) {
    created.kvs.load(saved.kvs);
    created.webTriggers.restore(saved.webTriggers);
  }
  const server = await startHttpServer(created, options.port ?? 0, options.host ?? '127.0.0.1');
  registerCore(created);
  try {
    created.runner.setApp(options.loadApp());
  } catch (error) {
    unregisterCore(created);
    await stopHttpServer(server);
    throw error;
  }
  if (saved) scheduler.restore(saved.pendingMessages);
  created.schedule.start();
  return createEmulatorFacade(created, server, stateFile);
}
