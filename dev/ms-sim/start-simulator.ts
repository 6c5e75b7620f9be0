import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotChannel } from './bot-framework/bot-channel';
import { ChannelSigningKeys } from './bot-framework/signing-keys';
import { botActivities, installBot, uninstallBot } from './connector/bot-connector';
import { Directory } from './directory/directory';
import { FaultSwitch } from './faults';
import { Throttle } from './graph/throttle';
import type { MicrosoftSimulator, MicrosoftSimulatorOptions } from './microsoft-simulator';
import { toPostedMessages } from './posted-message';
import { RequestRecorder } from './recorder/request-recorder';
import { createRequestHandler } from './request-handler';
import type { SimContext } from './sim-context';
import { StateStore } from './state/state-store';
import { TokenService } from './tokens/token-service';
import { defaultTeamsAppSettings } from './teams-app/teams-app-settings';
import { teamsDriver } from './teams-app/teams-driver';

const NINETY_DAYS = 90 * 24 * 3600;

/** Starts the simulator on `host:port` (default 127.0.0.1, a free port) and resolves once it listens. */
export async function startMicrosoftSimulator(
  options: MicrosoftSimulatorOptions = {},
): Promise<MicrosoftSimulator> {
  const clock = options.clock ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const state = await StateStore.open(options.dataDir, options.reset ?? false);
  const faults = new FaultSwitch();
  const throttle = new Throttle(options.throttleClock ?? clock);
  const tokens = new TokenService(state, clock, {
    accessSeconds: options.accessTokenTtlSeconds ?? 3600,
    refreshSeconds: options.refreshTokenTtlSeconds ?? NINETY_DAYS,
  });
  const botKeys = ChannelSigningKeys.open(options.dataDir);
  const botChannel = new BotChannel(botKeys, Date.now, (oid, activity) => {
    const action = typeof activity.action === 'string' ? activity.action : '';
    const removed = activity.type === 'installationUpdate' && action.startsWith('remove');
    if (removed) uninstallBot(ctx, oid);
    else installBot(ctx, oid);
  });
  const ctx: SimContext = {
    state,
    directory: new Directory(state),
    tokens,
    botChannel,
    teamsApp: defaultTeamsAppSettings(),
    faults,
    throttle,
    clock,
    throttling: options.throttle ?? true,
  };
  const recorder = new RequestRecorder(options.recordFile ?? process.env.MS_SIM_RECORD, clock);
  const reset = () => {
    state.reset();
    throttle.reset();
    faults.clear();
    recorder.clear();
  };
  let url = '';
  const server = createServer(
    createRequestHandler({
      ctx,
      botKeys,
      recorder,
      reset,
      baseUrl: () => url,
    }),
  );
  // As the emulator's: a busy event loop must not reuse a keep-alive socket the server closed.
  server.keepAliveTimeout = 0;
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    routes: {
      login: `${url}/login`,
      graph: `${url}/graph`,
      connector: `${url}/connector`,
      botFrameworkLogin: `${url}/botframework`,
    },
    teamsViewUrl: `${url}/teams`,
    registerRedirectUri(uri: string) {
      new URL(uri); // throws on a malformed URI, as the Entra portal refuses one
      if (!state.data.redirectUris.includes(uri)) state.data.redirectUris.push(uri);
      state.changed();
    },
    faults: {
      set: (f) => faults.set(f),
      get: () => faults.get(),
      clear: () => faults.clear(),
    },
    revokeRefreshTokens: (oid) => tokens.revokeRefreshTokens(oid),
    bot: {
      install: (oid) => installBot(ctx, oid),
      uninstall: (oid) => uninstallBot(ctx, oid),
      activities: (oid) => botActivities(ctx, oid),
    },
    botChannel,
    teams: teamsDriver(ctx),
    messages: () => toPostedMessages(state.data.messages),
    requests: () => recorder.recent().map(({ time, method, url, status }) => ({ time, method, url, status })),
    reset,
    async stop() {
      await new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Keep-alive sockets would hold close() open; the simulator's clients are done by now.
        server.closeAllConnections();
      });
      await state.flush();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
