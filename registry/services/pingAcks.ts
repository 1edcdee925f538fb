import { RegistryError } from '../../shared/registry/errors';
import { PingAckRequestSchema, type Ping } from '../../shared/registry/protocol';
import { verifyCanonical } from '../../shared/registry/signing';
import { accountKey, parseOr400, rawStatement, type RegistryContext } from '../context';
import type { Account } from '../store/accountRepository';

/**
 * A §8: a signed acknowledgement of a ping, for the online route and `admin import-outbox` alike.
 * The first acknowledgement wins and a repeat returns it, so retries are idempotent by nature; an
 * answer within the 48 hours confirms the POC's own entries in the signed feed in the same commit.
 */
export async function applyPingAck(
  context: RegistryContext,
  account: Account,
  body: unknown,
  pingId?: string,
): Promise<Ping> {
  const request = parseOr400(PingAckRequestSchema, body);
  const { statement } = request;
  if (pingId !== undefined && statement.pingId !== pingId)
    throw new RegistryError('bad-request', 'The ping id does not match the address.');
  if (statement.registry !== context.signingKey.fingerprint) {
    throw new RegistryError('wrong-registry', 'This acknowledgement was signed for another registry.');
  }
  const key = await accountKey(context, account);
  if (!(await verifyCanonical(rawStatement(body), request.signature, key, account.fingerprint))) {
    throw new RegistryError(
      'signature-invalid',
      'The acknowledgement signature does not verify with the enrolled key.',
    );
  }
  const run = context.db.transaction((): { ping: Ping; confirmed: number } => {
    const { ping, firstAnswer } = context.pings.acknowledge({
      pingId: statement.pingId,
      accountId: account.id,
      acknowledgedAt: statement.acknowledgedAt,
      signature: request.signature,
      now: new Date(context.now()),
    });
    const confirmed =
      firstAnswer && ping.answeredAt && ping.late === false
        ? context.directory.confirmPing(account.state, account.role, ping.answeredAt)
        : 0;
    return { ping, confirmed };
  });
  const { ping, confirmed } = run();
  if (confirmed > 0) context.onDirectoryChanged?.();
  return ping;
}
