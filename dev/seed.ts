/**
 * The people and places every part of the sandbox agrees on: the Confluence simulator's users,
 * the Microsoft simulator's tenant, its Entra app registration and its teams. Tests import these
 * instead of repeating literals.
 */

export interface SeedPerson {
  key: 'ada' | 'sam' | 'mia' | 'rex' | 'vic';
  displayName: string;
  /** Confluence accountId. */
  accountId: string;
  /** Microsoft Entra object id (`oid`). */
  oid: string;
  upn: string;
  siteAdmin: boolean;
  /** Space keys this person administers. */
  spaceAdminOf: string[];
  /** Space keys this person may only read (no edit). */
  viewerOf: string[];
}

export const TENANT = {
  id: '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c',
  name: 'Contoso',
  domain: 'contoso.example',
} as const;

/** The Entra app registration the sandbox's site admin enters in the tenant mapping form. */
export const ENTRA_APP = {
  clientId: 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e',
  clientSecret: 'sandbox-client-secret-4Zq8~not-for-production',
  secretExpiresOn: '2027-06-30',
} as const;

export const APP_ACCOUNT_ID = '712020:teams-for-confluence-app';
export const CLOUD_ID = '5f1d9c7a-0b2e-4c3d-8e9f-a1b2c3d4e5f6';

export const PEOPLE: readonly SeedPerson[] = [
  {
    key: 'ada',
    displayName: 'Ada Admin',
    accountId: '61a7c1b2d4e5f60001a0d001',
    oid: '0f6a3b1c-1111-4a1b-9c1d-000000000001',
    upn: 'ada@contoso.example',
    siteAdmin: true,
    spaceAdminOf: ['ENG', 'MKT'],
    viewerOf: [],
  },
  {
    key: 'sam',
    displayName: 'Sam Spaceadmin',
    accountId: '61a7c1b2d4e5f60001a0d002',
    oid: '0f6a3b1c-2222-4a1b-9c1d-000000000002',
    upn: 'sam@contoso.example',
    siteAdmin: false,
    spaceAdminOf: ['ENG'],
    viewerOf: [],
  },
  {
    key: 'mia',
    displayName: 'Mia Member',
    accountId: '61a7c1b2d4e5f60001a0d003',
    oid: '0f6a3b1c-3333-4a1b-9c1d-000000000003',
    upn: 'mia@contoso.example',
    siteAdmin: false,
    spaceAdminOf: [],
    viewerOf: [],
  },
  {
    key: 'rex',
    displayName: 'Rex Restricted',
    accountId: '61a7c1b2d4e5f60001a0d004',
    oid: '0f6a3b1c-4444-4a1b-9c1d-000000000004',
    upn: 'rex@contoso.example',
    siteAdmin: false,
    spaceAdminOf: [],
    viewerOf: [],
  },
  {
    key: 'vic',
    displayName: 'Vic Viewer',
    accountId: '61a7c1b2d4e5f60001a0d005',
    oid: '0f6a3b1c-5555-4a1b-9c1d-000000000005',
    upn: 'vic@contoso.example',
    siteAdmin: false,
    spaceAdminOf: [],
    viewerOf: ['ENG', 'MKT'],
  },
];

export const person = (key: SeedPerson['key']): SeedPerson => {
  const found = PEOPLE.find((p) => p.key === key);
  if (!found) throw new Error(`No seed person ${key}`);
  return found;
};

export interface SeedChannel {
  id: string;
  displayName: string;
  membershipType: 'standard' | 'private';
  /** Only for private channels: who may see it. */
  members?: SeedPerson['key'][];
}

export interface SeedTeam {
  id: string;
  displayName: string;
  members: SeedPerson['key'][];
  channels: SeedChannel[];
}

export const TEAMS: readonly SeedTeam[] = [
  {
    id: '2c1e7a90-aaaa-4b6e-8a1f-100000000001',
    displayName: 'Engineering',
    members: ['ada', 'sam', 'mia', 'rex', 'vic'],
    channels: [
      { id: '19:eng-general@thread.tacv2', displayName: 'General', membershipType: 'standard' },
      { id: '19:eng-releases@thread.tacv2', displayName: 'Releases', membershipType: 'standard' },
      {
        id: '19:eng-leads@thread.tacv2',
        displayName: 'Leads',
        membershipType: 'private',
        members: ['ada', 'sam'],
      },
    ],
  },
  {
    id: '2c1e7a90-bbbb-4b6e-8a1f-100000000002',
    displayName: 'Marketing',
    members: ['ada', 'mia'],
    channels: [{ id: '19:mkt-general@thread.tacv2', displayName: 'General', membershipType: 'standard' }],
  },
];

export interface SeedChat {
  id: string;
  topic: string | null;
  chatType: 'group' | 'oneOnOne';
  members: SeedPerson['key'][];
}

export const CHATS: readonly SeedChat[] = [
  { id: '19:docs-crew@thread.v2', topic: 'Docs crew', chatType: 'group', members: ['ada', 'mia', 'sam'] },
];

/** Real Microsoft origins the app calls; the sandbox routes them to the Microsoft simulator. */
export const MICROSOFT_ORIGINS = {
  login: 'https://login.microsoftonline.com',
  graph: 'https://graph.microsoft.com',
  /** The Bot Connector's commercial-cloud host; activities name it as their `serviceUrl`. */
  connector: 'https://smba.trafficmanager.net',
  /** The Bot Framework's OpenID metadata and signing keys, which the bot endpoint checks tokens with. */
  botFrameworkLogin: 'https://login.botframework.com',
} as const;
