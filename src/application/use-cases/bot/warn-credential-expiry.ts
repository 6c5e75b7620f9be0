import { microsoftUserKey } from '../../../domain/conversation';
import {
  expiryNoticeKey,
  notAdminKey,
  warningDue,
  type TrackedSecret,
  type WarningThreshold,
} from '../../../domain/credential-expiry';
import { secretExpiryOf } from '../../../domain/secret-expiry';
import type { BotRegistrationStore } from '../../ports/bot';
import type { BotWorkQueue, ConversationStore } from '../../ports/bot-messenger';
import type { ConfluencePermissions } from '../../ports/confluence';
import type { ConnectionDirectory, NoticeLedger } from '../../ports/people-directory';
import type { Clock } from '../../ports/platform';
import type { TenantStore } from '../../ports/stores';

export interface ExpiryWarningDeps {
  tenants: Pick<TenantStore, 'get'>;
  botRegistrations: Pick<BotRegistrationStore, 'get'>;
  connectionDirectory: ConnectionDirectory;
  conversations: Pick<ConversationStore, 'get'>;
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  notices: NoticeLedger;
  botWork: BotWorkQueue;
  clock: Clock;
}

/** Connected people looked at per run: five index pages. */
const MAX_PAGES = 5;
/**
 * Site admin checks per run: each is a Confluence request as the person, and Forge allows about
 * 100 outbound requests per invocation minute. People found not to be admins are marked, so the
 * next run (hourly) goes on with the others.
 */
const MAX_ADMIN_CHECKS = 50;
/** A "not a site admin" answer holds for a day; a warning's window is longer than the runs it takes. */
const NOT_ADMIN_TTL_SECONDS = 24 * 3600;

interface Due {
  secret: TrackedSecret;
  expiresOn: string;
  threshold: WarningThreshold;
}

/** The warnings due today: each secret at most one threshold. */
const dueWarnings = async (deps: ExpiryWarningDeps): Promise<Due[]> => {
  const [mapping, registration] = await Promise.all([deps.tenants.get(), deps.botRegistrations.get()]);
  const now = deps.clock.now();
  const dates: Array<[TrackedSecret, string | undefined]> = [
    ['client-secret', mapping?.secretExpiresOn],
    ['bot-secret', registration?.secretExpiresOn],
  ];
  return dates.flatMap(([secret, expiresOn]) => {
    const threshold = expiresOn ? warningDue(secretExpiryOf(expiresOn, now).daysLeft) : null;
    return expiresOn && threshold ? [{ secret, expiresOn, threshold }] : [];
  });
};

export interface ExpiryWarningRun {
  due: number;
  scanned: number;
  adminChecks: number;
  queued: number;
  /** People were left unscanned or unchecked: the next run goes on. */
  capped: boolean;
}

/**
 * The hourly scheduled run: for each secret at 30, 7 or 1 days before it expires, a bot message
 * to every connected site admin who has the Teams app, once each (the notice markers). Nothing is
 * read beyond the mapping on days when no warning is due. Whether someone is a site admin is
 * asked of Confluence as them (offline impersonation), never assumed.
 */
export const warnCredentialExpiry = async (deps: ExpiryWarningDeps): Promise<ExpiryWarningRun> => {
  const run: ExpiryWarningRun = { due: 0, scanned: 0, adminChecks: 0, queued: 0, capped: false };
  const due = await dueWarnings(deps);
  run.due = due.length;
  if (due.length === 0) return run;
  let cursor: string | null = null;
  for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
    const page = await deps.connectionDirectory.pageByStatus('ok', cursor);
    for (const connection of page.items) {
      run.scanned++;
      const unsent: Due[] = [];
      for (const warning of due) {
        const key = expiryNoticeKey(
          warning.secret,
          warning.expiresOn,
          warning.threshold,
          connection.accountId,
        );
        if (!(await deps.notices.wasSent(key))) unsent.push(warning);
      }
      if (unsent.length === 0 || (await deps.notices.wasSent(notAdminKey(due, connection.accountId))))
        continue;
      const conversation = await deps.conversations.get(
        microsoftUserKey(connection.tenantId, connection.oid),
      );
      if (!conversation?.installed) continue;
      if (run.adminChecks >= MAX_ADMIN_CHECKS) {
        run.capped = true;
        return run;
      }
      run.adminChecks++;
      // A failed check is asked again next run; only a "no" is remembered.
      const admin = await deps.permissions.isSiteAdmin(connection.accountId).catch(() => null);
      if (admin === false)
        await deps.notices.markSent(notAdminKey(due, connection.accountId), NOT_ADMIN_TTL_SECONDS);
      if (!admin) continue;
      for (const warning of unsent) {
        await deps.botWork.enqueue({ kind: 'expiry-warning', accountId: connection.accountId, ...warning });
        run.queued++;
      }
    }
    cursor = page.cursor;
    if (!cursor) return run;
  }
  run.capped = true;
  return run;
};
