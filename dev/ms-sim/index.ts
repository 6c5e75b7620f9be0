/**
 * The Microsoft simulator: Entra ID v2.0 (sign-in with test users, tokens, admin consent),
 * Microsoft Graph v1.0 (me, teams, channels, chats, messages, $batch) and a Teams-like view, in
 * one local HTTP server for the sandbox and for tests.
 */
export { startMicrosoftSimulator } from './start-simulator';
export type { MicrosoftSimulator, MicrosoftSimulatorOptions } from './microsoft-simulator';
export type { Faults } from './faults';
export type { PostedAttachment, PostedMessage } from './posted-message';
export type { BotActivityRecord } from './connector/bot-connector';
export type { TeamsDriver, OnMessage } from './teams-app/teams-driver';
export { TeamsRefusal } from './teams-app/teams-driver';
export type { SearchOutcome, LinkOutcome, TaskOutcome, SearchItem } from './teams-app/extension-outcome';
export type { ActionOutcome } from './teams-view/action-outcome';
