import kvs, { Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { PersonalDigestStore } from '../application/ports/stores';
import type { PersonalDigest } from '../domain/personal-hold';
import { ENTITY, hashKeyPart, INDEX } from './kvs-keys';

interface DigestEntity {
  /** `yes` while cards wait: the scheduled flush reads only these. */
  waiting: 'yes' | 'no';
  updatedAt: number;
  data: PersonalDigest;
}

const digestSchema = z.object({
  schemaVersion: z.literal(1),
  accountId: z.string().min(1),
  items: z.array(z.object({ deliveryKey: z.string() }).passthrough()),
  lastDigestDate: z.string().nullable(),
});

const digests = () => kvs.entity<DigestEntity>(ENTITY.personalDigest);

/** A stored entity as a digest; one this version cannot read is none. */
export const digestFrom = (value: unknown): PersonalDigest | null => {
  const data = (value as DigestEntity | undefined)?.data;
  return data && digestSchema.safeParse(data).success ? data : null;
};

const read = (value: DigestEntity | undefined): PersonalDigest | null => digestFrom(value);

export const digestKey = (accountId: string): string => hashKeyPart(accountId);

/** The stored entity: the digest plus what the waiting index partitions and ranges over. */
export const digestEntityOf = (digest: PersonalDigest): DigestEntity => ({
  waiting: digest.items.length > 0 ? 'yes' : 'no',
  updatedAt: Date.now(),
  data: digest,
});

/** One entity per person, keyed by a hash of the account id; indexed by whether cards wait. */
export const kvsPersonalDigestStore: PersonalDigestStore = {
  get: async (accountId) => read(await digests().get(digestKey(accountId))),
  put: (digest) => digests().set(digestKey(digest.accountId), digestEntityOf(digest)),
  listWaiting: async (limit) => {
    const page = await digests()
      .query()
      .index(INDEX.byWaiting, { partition: ['yes'] })
      .where(WhereConditions.greaterThanEqualTo(0))
      .sort(Sort.ASC)
      .limit(limit)
      .getMany();
    return page.results.flatMap((result) => read(result.value) ?? []);
  },
};
