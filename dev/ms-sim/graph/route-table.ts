import type { GraphRoute } from './graph-route';
import { channelMessageRoutes } from './routes/channel-messages';
import { listChannels } from './routes/channels';
import { chatMessageRoutes } from './routes/chat-messages';
import { listMyChats } from './routes/chats';
import { createChat } from './routes/create-chat';
import { listJoinedTeams } from './routes/joined-teams';
import { getMe } from './routes/me';
import { listUsers } from './routes/users';

/** Every Graph v1.0 endpoint the simulator serves (`$batch` is handled before routing). */
export const GRAPH_ROUTES: readonly GraphRoute[] = [
  getMe,
  listUsers,
  listJoinedTeams,
  listMyChats,
  listChannels,
  createChat,
  ...channelMessageRoutes,
  ...chatMessageRoutes,
];
