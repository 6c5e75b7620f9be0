import type { BotChannel } from './bot-framework/bot-channel';
import type { Directory } from './directory/directory';
import type { FaultSwitch } from './faults';
import type { Throttle } from './graph/throttle';
import type { StateStore } from './state/state-store';
import type { TeamsAppSettings } from './teams-app/teams-app-settings';
import type { TokenService } from './tokens/token-service';

/** Everything a request handler of the simulator may use; built once per simulator. */
export interface SimContext {
  readonly state: StateStore;
  readonly directory: Directory;
  readonly tokens: TokenService;
  /** Teams' side of the companion bot: signed activities to the app's bot endpoint. */
  readonly botChannel: BotChannel;
  /** The companion app's package as Teams knows it (catalog id, link domains); the sandbox sets it. */
  readonly teamsApp: TeamsAppSettings;
  readonly faults: FaultSwitch;
  readonly throttle: Throttle;
  /** Epoch milliseconds. */
  readonly clock: () => number;
  /** Whether Teams' request and message limits are enforced. */
  readonly throttling: boolean;
}
