import { z } from 'zod';
import { EXPORT_LIMITS } from '../domain/user-export';

/** The export's text. Forge caps the invoke request at 500 KB; the use case reads it. */
export const userImportInput = z
  .object({
    csv: z
      .string()
      .max(
        EXPORT_LIMITS.maxChars,
        `The file is too large (over ${EXPORT_LIMITS.maxChars.toLocaleString('en')} characters). Export the users of some groups at a time and import each file.`,
      ),
  })
  .strict();

/** The random id preview-import answered (24 bytes, base64url). */
export const importPreviewIdInput = z
  .object({ previewId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a preview id') })
  .strict();

export const userMappingPageInput = z.object({ cursor: z.string().min(1).max(2000).optional() }).strict();

export const userMappingAccountInput = z
  .object({ accountId: z.string().regex(/^[A-Za-z0-9:-]{1,128}$/, 'Not a Confluence account id') })
  .strict();
