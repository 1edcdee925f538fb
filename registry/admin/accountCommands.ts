import { readVerificationKey } from '../../shared/registry/signing';
import { integerOption } from '../cliArgs';
import { AccountRepository, type Account } from '../store/accountRepository';
import { openRegistryDatabase } from '../store/database';

const DAY_MS = 86_400_000;

/** When the registry's copy of an account's key stops verifying: a date, null for never, or unreadable. */
async function keyExpiry(account: Account): Promise<Date | null | 'unreadable'> {
  try {
    const expiry = await (await readVerificationKey(account.publicKey)).getExpirationTime();
    return expiry instanceof Date ? expiry : null;
  } catch {
    return 'unreadable';
  }
}

/**
 * `admin accounts [--days N]`: every account, tab-separated, with when the registry's copy of its key
 * expires. The registry verifies each statement of the account with that copy, so on that date the
 * POC can no longer sign in unless they renewed the key (the app then sends the renewed copy:
 * registry/context.ts mergeRenewedAccountKey). With `--days N`: only the active accounts whose copy
 * expires within N days or already has, to remind those POCs to renew in time.
 */
export async function runAccountsCommand(
  args: Record<string, string | boolean | undefined>,
  now = new Date(),
): Promise<string> {
  const within = integerOption('days', typeof args.days === 'string' ? args.days : undefined, 1, 3650);
  const db = openRegistryDatabase(String(args.data));
  try {
    const accounts = new AccountRepository(db).list();
    const lines: string[] = [];
    for (const account of accounts) {
      const expiry = await keyExpiry(account);
      if (within !== undefined) {
        const soon = expiry instanceof Date && expiry.getTime() - now.getTime() <= within * DAY_MS;
        if (account.revokedAt || !(soon || expiry === 'unreadable')) continue;
      }
      const key =
        expiry === 'unreadable'
          ? 'key unreadable'
          : expiry === null
            ? 'key never expires'
            : `${expiry.getTime() <= now.getTime() ? 'key EXPIRED' : 'key expires'} ${expiry.toISOString().slice(0, 10)}`;
      lines.push(
        [
          account.id,
          account.state,
          account.role,
          account.fingerprint,
          account.enrolledAt,
          account.revokedAt ?? 'active',
          key,
        ].join('\t'),
      );
    }
    if (lines.length === 0)
      return within === undefined
        ? 'No accounts.'
        : `No active account's key expires within ${within} day${within === 1 ? '' : 's'}.`;
    return lines.join('\n');
  } finally {
    db.close();
  }
}
