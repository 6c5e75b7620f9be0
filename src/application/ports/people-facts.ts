import type { Connection } from '../../domain/connection';
import type { Conversation } from '../../domain/conversation';
import type { PersonalPreferences } from '../../domain/preferences';

/** What deciding a person's personal cards reads about them; null for what is not stored. */
export interface PersonFacts {
  connection: Connection | null;
  /** The bot's 1:1 chat with their Microsoft user (read only when connected). */
  conversation: Conversation | null;
  preferences: PersonalPreferences | null;
}

/**
 * Reads several people's connection, preferences and bot conversation together: one storage
 * round trip for the connections and preferences, one for the conversations they name.
 */
export interface PeopleFactsReader {
  read(accountIds: readonly string[]): Promise<Map<string, PersonFacts>>;
}
