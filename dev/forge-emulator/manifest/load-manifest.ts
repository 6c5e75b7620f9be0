import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type {
  ConsumerModule,
  FunctionDefinition,
  ManifestModel,
  ScopeDefinition,
  StaticOutput,
  TriggerModule,
  UiModule,
  WebTriggerModule,
} from './manifest-model';
import { parseEntities } from './parse-entities';
import { parseScheduledTriggers } from './parse-scheduled-triggers';

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
const asList = (value: unknown): Raw[] => (Array.isArray(value) ? value.map(asRecord) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Module kinds that are backend-only; every other module with `resource` or `resolver` is a UI module. */
const BACKEND_MODULES = new Set(['function', 'trigger', 'consumer', 'webtrigger', 'scheduledTrigger']);

function parseScopes(raw: unknown): ScopeDefinition[] {
  if (Array.isArray(raw)) {
    return raw.map((name) => ({ name: String(name), allowImpersonation: false }));
  }
  // Map form: `read:confluence-content.summary: { allowImpersonation: true }` (PLATFORM-FACTS, offline impersonation).
  return Object.entries(asRecord(raw)).map(([name, spec]) => ({
    name,
    allowImpersonation: asRecord(spec).allowImpersonation === true,
  }));
}

function parseWebTrigger(raw: Raw): WebTriggerModule {
  const response = asRecord(raw.response);
  const outputs: StaticOutput[] = asList(response.outputs).map((output) => ({
    key: text(output.key),
    statusCode: Number(output.statusCode),
    contentType: typeof output.contentType === 'string' ? output.contentType : undefined,
    body: typeof output.body === 'string' ? output.body : undefined,
  }));
  // Web triggers are dynamic unless configured otherwise (manifest-reference/modules/web-trigger).
  const responseType = response.type === 'static' ? 'static' : 'dynamic';
  return { key: text(raw.key), functionKey: text(raw.function), responseType, outputs };
}

function parseModules(modules: Raw) {
  const functions = new Map<string, FunctionDefinition>();
  for (const fn of asList(modules.function)) {
    const timeout = typeof fn.timeoutSeconds === 'number' ? fn.timeoutSeconds : undefined;
    functions.set(text(fn.key), { key: text(fn.key), handler: text(fn.handler), timeoutSeconds: timeout });
  }
  const triggers: TriggerModule[] = asList(modules.trigger).map((trigger) => ({
    key: text(trigger.key),
    functionKey: text(trigger.function),
    events: Array.isArray(trigger.events) ? trigger.events.map(String) : [],
    ignoreSelf: asRecord(trigger.filter).ignoreSelf === true,
  }));
  const consumers: ConsumerModule[] = asList(modules.consumer).map((consumer) => ({
    key: text(consumer.key),
    queue: text(consumer.queue),
    functionKey: text(consumer.function),
  }));
  const scheduledTriggers = parseScheduledTriggers(modules.scheduledTrigger);
  const webTriggers = new Map(asList(modules.webtrigger).map((raw) => [text(raw.key), parseWebTrigger(raw)]));
  const uiModules = new Map<string, UiModule>();
  for (const [type, list] of Object.entries(modules)) {
    if (BACKEND_MODULES.has(type)) continue;
    for (const module of asList(list)) {
      const resolverFunctionKey = text(asRecord(module.resolver).function) || undefined;
      const resourceKey = text(module.resource) || undefined;
      if (!resolverFunctionKey && !resourceKey) continue;
      const title = typeof module.title === 'string' ? module.title : undefined;
      uiModules.set(text(module.key), {
        key: text(module.key),
        type,
        resourceKey,
        resolverFunctionKey,
        title,
      });
    }
  }
  return { functions, triggers, consumers, scheduledTriggers, webTriggers, uiModules };
}

function checkFunctionReferences(model: Omit<ManifestModel, 'appId' | 'appAri'>): void {
  const referenced = [
    ...model.triggers.map((m) => [m.key, m.functionKey]),
    ...model.consumers.map((m) => [m.key, m.functionKey]),
    ...model.scheduledTriggers.map((m) => [m.key, m.functionKey]),
    ...[...model.webTriggers.values()].map((m) => [m.key, m.functionKey]),
    ...[...model.uiModules.values()]
      .filter((m) => m.resolverFunctionKey)
      .map((m) => [m.key, m.resolverFunctionKey]),
  ];
  for (const [moduleKey, functionKey] of referenced) {
    if (!functionKey || !model.functions.has(functionKey)) {
      throw new Error(
        `manifest.yml: module '${moduleKey}' refers to unknown function '${functionKey ?? ''}'`,
      );
    }
  }
}

/** Reads and checks `<appDir>/manifest.yml`. */
export function loadManifest(appDir: string): ManifestModel {
  const raw = asRecord(parse(readFileSync(join(appDir, 'manifest.yml'), 'utf8')));
  const app = asRecord(raw.app);
  const appAri = text(app.id);
  const appId = appAri.split('/').pop() ?? '';
  if (!appId) throw new Error('manifest.yml: app.id is missing');
  const permissions = asRecord(raw.permissions);
  const external = asRecord(permissions.external);
  const backend = Array.isArray(asRecord(external.fetch).backend)
    ? (asRecord(external.fetch).backend as unknown[])
    : [];
  const model = {
    ...parseModules(asRecord(raw.modules)),
    resources: new Map(asList(raw.resources).map((r) => [text(r.key), text(r.path)])),
    entities: parseEntities(asRecord(app.storage).entities),
    scopes: parseScopes(permissions.scopes),
    egressBackend: backend.map((entry) =>
      typeof entry === 'string' ? entry : text(asRecord(entry).address),
    ),
    external,
  };
  checkFunctionReferences(model);
  return { appId, appAri, ...model };
}
