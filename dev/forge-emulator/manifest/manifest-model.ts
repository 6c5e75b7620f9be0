/** The parts of `manifest.yml` the emulator acts on, already resolved and checked. */

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** A custom entity index; a simple index (`- attr`) has no partition and the attribute as range. */
export interface EntityIndex {
  name: string;
  partition: string[];
  /** Attribute name, or `key` for the built-in `by-key` index. */
  range: string;
}

/** A custom entity declared under `app.storage.entities`. */
export interface EntityDefinition {
  name: string;
  attributes: Map<string, AttributeType>;
  indexes: Map<string, EntityIndex>;
}

export interface FunctionDefinition {
  key: string;
  /** `file.export`, as in the manifest. */
  handler: string;
  timeoutSeconds?: number;
}

export interface TriggerModule {
  key: string;
  functionKey: string;
  events: string[];
  ignoreSelf: boolean;
}

/** How often Forge invokes a scheduled trigger (manifest-reference/modules/scheduled-trigger). */
export type ScheduledInterval = 'fiveMinute' | 'hour' | 'day' | 'week';

export interface ScheduledTriggerModule {
  key: string;
  functionKey: string;
  interval: ScheduledInterval;
}

export interface ConsumerModule {
  key: string;
  queue: string;
  functionKey: string;
}

/** A configured answer of a `static` web trigger, chosen by the function with `outputKey`. */
export interface StaticOutput {
  key: string;
  statusCode: number;
  contentType?: string;
  body?: string;
}

export interface WebTriggerModule {
  key: string;
  functionKey: string;
  responseType: 'static' | 'dynamic';
  outputs: StaticOutput[];
}

/** Any module with a UI resource and/or a resolver (`confluence:globalSettings` and the like). */
export interface UiModule {
  key: string;
  /** Module type, e.g. `confluence:globalPage`. */
  type: string;
  resourceKey?: string;
  resolverFunctionKey?: string;
  title?: string;
}

export interface ScopeDefinition {
  name: string;
  allowImpersonation: boolean;
}

export interface ManifestModel {
  /** The UUID part of `app.id`. */
  appId: string;
  appAri: string;
  functions: Map<string, FunctionDefinition>;
  triggers: TriggerModule[];
  consumers: ConsumerModule[];
  scheduledTriggers: ScheduledTriggerModule[];
  webTriggers: Map<string, WebTriggerModule>;
  uiModules: Map<string, UiModule>;
  /** Resource key -> path relative to the app folder. */
  resources: Map<string, string>;
  entities: Map<string, EntityDefinition>;
  scopes: ScopeDefinition[];
  /** `permissions.external.fetch.backend` addresses. */
  egressBackend: string[];
  /** `permissions.external` as written, for `appContext.permissions`. */
  external: Record<string, unknown>;
}
