import type { Connection } from '../../src/domain/connection';
import type { DeliveryRecord } from '../../src/domain/delivery';
import type { GraphDestination } from '../../src/domain/rule';
import type { TenantMapping } from '../../src/domain/tenant-mapping';
import { aContentEvent, nameOf } from './builders';

/** Test data for the settings pages' use cases, with overridable defaults. */
export const aConnection = (overrides: Partial<Connection> = {}): Connection => ({
  schemaVersion: 1,
  accountId: 'owner-1',
  oid: 'oid-1',
  tenantId: 'tenant-1',
  upn: 'owner@contoso.example',
  displayName: 'Owner One',
  status: 'ok',
  scopes: ['ChannelMessage.Send'],
  connectedAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

export const aTenantMapping = (overrides: Partial<TenantMapping> = {}): TenantMapping => ({
  schemaVersion: 1,
  tenantId: '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c',
  clientId: 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e',
  secretExpiresOn: '2027-06-30',
  consent: { status: 'not-granted' },
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'admin-1',
  ...overrides,
});

/** The channel a delivery row's defaults name. */
const aChannel = (): GraphDestination => ({
  type: 'channel',
  teamId: 't-1',
  channelId: 'c-1',
  teamName: 'Eng',
  channelName: 'General',
});

/**
 * A delivery log row. Without a `key`, its key is made from the overrides, so rows that differ in
 * anything have different keys; give two otherwise equal rows a `key` of their own.
 */
export const aDeliveryRecord = (overrides: Partial<DeliveryRecord> = {}): DeliveryRecord => {
  const key = overrides.key ?? `page_updated:65601:${nameOf(overrides)}:dest`;
  return {
    schemaVersion: 1,
    key,
    status: 'sent',
    ownerAccountId: 'owner-1',
    destination: aChannel(),
    contentId: '65601',
    title: 'Release plan 2027',
    attempts: 1,
    updatedAt: Date.parse('2026-11-22T09:00:00Z'),
    request: {
      deliveryKey: key,
      concurrencyKey: 'dest-abc',
      destination: aChannel(),
      senders: [
        {
          ruleId: 'rule-1',
          ownerAccountId: overrides.ownerAccountId ?? 'owner-1',
          cql: '',
          restrictedContent: 'skip',
        },
      ],
      event: aContentEvent(),
    },
    ...overrides,
  };
};
