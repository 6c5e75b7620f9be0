import type { Connection } from '../../domain/connection';
import type { PersonalPreferences } from '../../domain/preferences';

/** What deciding a person's personal cards reads about them; null for what is not stored. */
export interface PersonFacts {
  connection: Connection | null;
  /** Whether the bot's 1:1 chat with their Microsoft user is installed (false when not connected). */
  appAdded: boolean;
  preferences: PersonalPreferences | null;
}

/**
 * Reads several people's connection, preferences and whether they added the app, together:
 * storage round trips per batch of people, not per person.
 */
export interface PeopleFactsReader {
  read(accountIds: readonly string[]): Promise<Map<string, PersonFacts>>;
}
