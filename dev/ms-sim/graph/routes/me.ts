import { graphOk } from '../graph-request';
import type { GraphRoute } from '../graph-route';

/**
 * `GET /me`.
 * @see https://learn.microsoft.com/graph/api/user-get
 */
export const getMe: GraphRoute = {
  method: 'GET',
  pattern: '/me',
  delegated: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
  application: ['User.Read.All'],
  meOnly: true,
  handle: ({ user }) => {
    const p = user.person;
    const [givenName = p.displayName, ...rest] = p.displayName.split(' ');
    return graphOk(200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      businessPhones: [],
      displayName: p.displayName,
      givenName,
      surname: rest.join(' ') || null,
      jobTitle: null,
      mail: p.upn,
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: 'en-US',
      userPrincipalName: p.upn,
      id: p.oid,
    });
  },
};
