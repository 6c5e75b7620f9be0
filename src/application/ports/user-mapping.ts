import type { DirectoryAnswer, ImportedMapping, ImportPreview } from '../../domain/user-mapping';

/** Imported mappings (entity `user-mapping`), apart from logins (`connection`). */
export interface UserMappingStore {
  /** The imported mappings among `accountIds` (any number; read 25 at a time). */
  getMany(accountIds: readonly string[]): Promise<ImportedMapping[]>;
  /** Writes each by account id, so a re-import updates in place. */
  putMany(mappings: readonly ImportedMapping[]): Promise<void>;
  /** Removes those that exist; answers how many did. */
  deleteMany(accountIds: readonly string[]): Promise<number>;
  /** One page (newest import first) of a tenant's imported mappings. */
  list(tenantId: string, cursor?: string): Promise<{ mappings: ImportedMapping[]; cursor?: string }>;
}

/** Previews waiting for the admin's Confirm; each is taken once. */
export interface ImportPreviewStore {
  put(previewId: string, preview: ImportPreview, ttlSeconds: number): Promise<void>;
  /**
   * The preview, deleted as it is read; null when unknown, expired, already taken, or made by
   * someone other than `ownerAccountId` (whose preview then stays for its maker).
   */
  take(previewId: string, ownerAccountId: string): Promise<ImportPreview | null>;
}

/**
 * Microsoft users by e-mail, read with a person's delegated token (the site admin's): Graph
 * `/users` filtered on `mail` and `userPrincipalName`, twenty e-mails per `$batch`. An e-mail
 * not looked up within `budgetMs`, or whose lookup Microsoft kept refusing, answers `unchecked`. Fails with MicrosoftRequestError when the whole lookup is refused (token, permission).
 */
export interface MicrosoftDirectory {
  findByEmails(
    accessToken: string,
    emails: readonly string[],
    budgetMs: number,
  ): Promise<Map<string, DirectoryAnswer>>;
}
