import { PEOPLE, TENANT } from '../../seed';

/** A user object as Graph's `/users` lists it (the properties the simulator knows). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  userPrincipalName: string;
  accountEnabled: boolean;
  jobTitle: string | null;
}

/**
 * Tenant users who never sign in to the sandbox, for the user-mapping import: a disabled account,
 * and two accounts that one e-mail finds (one by `mail`, the other by its sign-in name), which
 * Entra allows because `mail` and `userPrincipalName` are separate properties.
 */
const DIRECTORY_ONLY: readonly DirectoryUser[] = [
  {
    id: '0f6a3b1c-6666-4a1b-9c1d-000000000006',
    displayName: 'Ivy Inactive',
    givenName: 'Ivy',
    surname: 'Inactive',
    mail: `ivy@${TENANT.domain}`,
    userPrincipalName: `ivy@${TENANT.domain}`,
    accountEnabled: false,
    jobTitle: 'Former contractor',
  },
  {
    id: '0f6a3b1c-7777-4a1b-9c1d-000000000007',
    displayName: 'Pat Parker',
    givenName: 'Pat',
    surname: 'Parker',
    mail: `pat.parker@${TENANT.domain}`,
    userPrincipalName: `pat@${TENANT.domain}`,
    accountEnabled: true,
    jobTitle: null,
  },
  {
    id: '0f6a3b1c-8888-4a1b-9c1d-000000000008',
    displayName: 'Pat Porter',
    givenName: 'Pat',
    surname: 'Porter',
    mail: `pat@${TENANT.domain}`,
    userPrincipalName: `pat.porter@${TENANT.domain}`,
    accountEnabled: true,
    jobTitle: null,
  },
];

const fromSeed = (): DirectoryUser[] =>
  PEOPLE.map((p) => {
    const [givenName = p.displayName, ...rest] = p.displayName.split(' ');
    return {
      id: p.oid,
      displayName: p.displayName,
      givenName,
      surname: rest.join(' ') || null,
      mail: p.upn,
      userPrincipalName: p.upn,
      accountEnabled: true,
      jobTitle: null,
    };
  });

/** Every user of the simulated tenant: the seeded people first, then the directory-only ones. */
export const directoryUsers = (): DirectoryUser[] => [...fromSeed(), ...DIRECTORY_ONLY];
