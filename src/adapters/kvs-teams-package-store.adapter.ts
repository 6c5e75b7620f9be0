import kvs from '@forge/kvs';
import type { TeamsPackageVersionStore } from '../application/ports/teams-app-package';
import type { TeamsPackageRecord } from '../domain/teams-app-manifest';
import { KEY } from './kvs-keys';

export const kvsTeamsPackageStore: TeamsPackageVersionStore = {
  get: async () => (await kvs.get<TeamsPackageRecord>(KEY.teamsPackage)) ?? null,
  put: (record) => kvs.set(KEY.teamsPackage, record),
};
