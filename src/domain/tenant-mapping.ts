import { z } from 'zod';
import type { TenantMappingInput as TenantMappingInputContract } from '../contracts/tenant';
import type { Agree, Proved } from './type-agreement';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The site admin's Microsoft connection form. The client secret is write-only. */
export const tenantMappingInputSchema = z.object({
  tenantId: z
    .string()
    .trim()
    .regex(GUID, 'Enter the Directory (tenant) ID, a GUID from the Entra overview page'),
  clientId: z
    .string()
    .trim()
    .regex(GUID, 'Enter the Application (client) ID, a GUID from the app registration'),
  /** Absent or empty keeps the stored secret. */
  clientSecret: z.string().trim().max(1024).optional(),
  secretExpiresOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a date'),
});

export type TenantMappingInput = z.infer<typeof tenantMappingInputSchema>;

/** The compiler's proof that the global settings form sends what this schema accepts. */
export type TenantMappingAgreesWithContract = [
  Proved<Agree<z.input<typeof tenantMappingInputSchema>, TenantMappingInputContract>>,
  Proved<Agree<TenantMappingInput, TenantMappingInputContract>>,
];

export interface TenantMapping {
  schemaVersion: 1;
  tenantId: string;
  clientId: string;
  secretExpiresOn: string;
  consent:
    | { status: 'not-granted' }
    | { status: 'granted'; grantedAt: string; grantedBy: string; boundTenantId: string };
  updatedAt: string;
  updatedBy: string;
  /**
   * The Confluence site's address as the platform gave it when the mapping was saved: background
   * work (the companion bot's cards) links back to the site with it. Absent in older mappings.
   */
  siteUrl?: string;
  /** False when a site admin turned link previews in Teams off; absent means on. */
  linkPreviews?: boolean;
}

/** Editing the tenant or client invalidates an earlier consent: it was for another app. */
export const applyTenantMappingInput = (
  previous: TenantMapping | null,
  input: TenantMappingInput,
  by: string,
  now: string,
  siteUrl?: string,
): TenantMapping => {
  const sameApp =
    previous !== null &&
    previous.tenantId.toLowerCase() === input.tenantId.toLowerCase() &&
    previous.clientId.toLowerCase() === input.clientId.toLowerCase();
  return {
    schemaVersion: 1,
    tenantId: input.tenantId.toLowerCase(),
    clientId: input.clientId.toLowerCase(),
    secretExpiresOn: input.secretExpiresOn,
    consent: sameApp && previous ? previous.consent : { status: 'not-granted' },
    updatedAt: now,
    updatedBy: by,
    ...(siteUrl ? { siteUrl } : previous?.siteUrl ? { siteUrl: previous.siteUrl } : {}),
    // A site-wide choice, not part of the form: kept as it was.
    ...(previous?.linkPreviews === false ? { linkPreviews: false } : {}),
  };
};
