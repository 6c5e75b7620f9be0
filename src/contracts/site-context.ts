/** Who the caller is on the surface they opened, so the UI can lead the way. Checked again by every resolver. */
export interface SiteContextView {
  accountId: string;
  /** A site admin has mapped the Microsoft tenant (and stored a client secret). */
  tenantConfigured: boolean;
  /** The companion bot is set up, so "me personally" can deliver. */
  botConfigured: boolean;
  isSiteAdmin: boolean;
  space: { key: string; name: string; canManage: boolean } | null;
  content: {
    id: string;
    type: 'page' | 'blogpost';
    title: string;
    spaceKey: string;
    canEdit: boolean;
  } | null;
}
