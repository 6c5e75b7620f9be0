/**
 * The Confluence simulator: an in-process stand-in for a Confluence Cloud site (REST API with app
 * and user semantics, a small web UI hosting the app's Forge surfaces, product events).
 */
export { startConfluenceSimulator } from './start-simulator';
export type { ConfluenceSimulator, ConfluenceSimulatorOptions } from './simulator-options';
export type { ForgeUiConfig, ForgeUiModule } from './web/ui-options';
export type {
  ContentProperty,
  ContentRecord,
  ContentRestrictions,
  ContentVersion,
  LabelRecord,
} from './site/content-record';
export { PRINCIPAL_HEADER } from './rest/rest-dispatcher';
export { USER_COOKIE } from './web/ui-session';
