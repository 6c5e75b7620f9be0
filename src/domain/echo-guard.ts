/*
 * Invariant 8: events the app itself caused must not come back to Teams. Changes the app makes
 * as itself arrive marked `selfGenerated` or with the app's account as actor, and the trigger
 * drops them. Comments the app posts for a Teams user are made as that user, where the
 * platform's flag is not documented: the app creates them carrying a content property, and the
 * trigger drops an event whose comment carries it for that very version.
 */

/** The content property on every comment the app posts (set at creation, so no event misses it). */
export const APP_COMMENT_MARKER_KEY = 'teams-for-confluence-origin';

/** The property's value: which version of the comment the app wrote. A person's later edit is not an echo. */
interface AppCommentMarker {
  source: 'microsoft-teams';
  commentVersion: number;
}

export const appCommentMarker = (commentVersion: number): AppCommentMarker => ({
  source: 'microsoft-teams',
  commentVersion,
});

/** True when the marker names the comment version the event is about. */
export const isAppWrittenVersion = (markedVersion: number | null, commentVersion: number): boolean =>
  markedVersion !== null && markedVersion === commentVersion;
