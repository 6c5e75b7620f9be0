/** What the app needs to know about a piece of content, read as a given user. */
export interface ContentSummary {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
  spaceName: string;
  version: number;
  versionMessage: string;
  url: string;
}

/** Confluence, through the Forge product API. Checks run on the server, never in the UI. */
export interface ConfluenceGateway {
  isSiteAdmin(accountId: string): Promise<boolean>;
  isSpaceAdmin(accountId: string, spaceKey: string): Promise<boolean>;
  canEditContent(accountId: string, contentId: string): Promise<boolean>;
  /** Reads the content as `accountId` (offline impersonation); null when they cannot view it. */
  getContentAs(accountId: string, contentId: string): Promise<ContentSummary | null>;
  displayNameOf(accountId: string): Promise<string>;
}
