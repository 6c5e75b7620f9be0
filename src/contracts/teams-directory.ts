/** What the destination pickers list from the caller's Microsoft Teams. */
export interface TeamSummary {
  id: string;
  displayName: string;
}
export interface ChannelSummary {
  id: string;
  displayName: string;
  membershipType: string;
}
export interface ChatSummary {
  id: string;
  topic: string;
  chatType: string;
}

/**
 * A picker's listing. Graph pages long lists (`@odata.nextLink`) and a resolver has 25 s, so a
 * listing may stop early: `truncated` says it did, for the UI to tell the person.
 */
export interface Listing<T> {
  items: T[];
  truncated: boolean;
}
