/** A Confluence space. Space ids are numeric (strings here; the v1 API and events render them as numbers). */
export interface SpaceRecord {
  id: string;
  key: string;
  name: string;
  type: 'global';
  status: 'current';
  homepageId: string;
  description: string;
  createdBy: string;
  createdAt: string;
}
