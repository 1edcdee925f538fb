import type { FastifyInstance } from 'fastify';
import { RegistryError } from '../../shared/registry/errors';
import {
  ChallengeRequestSchema,
  EnrolRequestSchema,
  ROUTES,
  SessionRequestSchema,
  type AccountRights,
  type Challenge,
  type EnrolResponse,
  type Session,
} from '../../shared/registry/protocol';
import { fingerprintOf, readVerificationKey, verifyCanonical } from '../../shared/registry/signing';
import { ExerciseRepository } from '../store/exerciseRepository';
import {
  accountKey,
  bearerToken,
  mergeRenewedAccountKey,
  parseOr400,
  rawStatement,
  rememberAccountKey,
  requireAccount,
  type RegistryContext,
} from '../context';

/** Stricter limits where a guess could be tried: codes and challenges. */
const STRICT = { rateLimit: { max: 30, timeWindow: '1 minute' } };

/**
 * Enrolment (A §7 c: « les États peuvent demander au Bureau des affaires de désarmement, par
 * l'intermédiaire de leur mission permanente à New York, des identifiants de connexion ») and
 * sessions: a one-time challenge signed with the enrolled key yields a short-lived token.
 */
export function registerAccessRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.post(ROUTES.enrol, { config: STRICT }, async (request): Promise<EnrolResponse> => {
    const body = parseOr400(EnrolRequestSchema, request.body);
    let fingerprint: string;
    try {
      const key = await readVerificationKey(body.publicKey);
      await key.verifyPrimaryKey();
      fingerprint = fingerprintOf(key);
    } catch {
      throw new RegistryError('bad-request', 'The public key could not be read or is not valid.');
    }
    const account = context.accounts.enrol({
      code: body.code,
      fingerprint,
      publicKey: body.publicKey,
      now: new Date(context.now()),
    });
    return {
      accountId: account.id,
      state: account.state,
      role: account.role,
      fingerprint,
      registry: context.signingKey.fingerprint,
    };
  });

  app.post(ROUTES.challenge, { config: STRICT }, (request): Challenge => {
    const { accountId } = parseOr400(ChallengeRequestSchema, request.body);
    const account = context.accounts.get(accountId);
    if (!account) throw new RegistryError('not-found', 'No such account: enrol again.');
    if (account.revokedAt)
      throw new RegistryError('account-revoked', 'This account was revoked by the registry manager.');
    const challenge = context.accounts.createChallenge(account.id, context.now(), context.challengeTtlMs);
    return {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      expiresAt: new Date(challenge.expiresAt).toISOString(),
    };
  });

  app.post(ROUTES.session, { config: STRICT }, async (request): Promise<Session> => {
    const body = parseOr400(SessionRequestSchema, request.body);
    const { statement } = body;
    if (statement.registry !== context.signingKey.fingerprint) {
      throw new RegistryError('challenge-invalid', 'This challenge was signed for another registry.');
    }
    // Consumed before the signature check: a challenge is good for one attempt, right or wrong.
    const challenge = context.accounts.consumeChallenge(statement.challengeId, context.now());
    const account = context.accounts.get(challenge.accountId);
    if (!account || challenge.nonce !== statement.nonce)
      throw new RegistryError('challenge-invalid', 'This challenge does not match.');
    if (account.revokedAt)
      throw new RegistryError('account-revoked', 'This account was revoked by the registry manager.');
    const stored = await accountKey(context, account);
    const renewed = body.renewedKey
      ? await mergeRenewedAccountKey(stored, await readVerificationKey(body.renewedKey).catch(() => stored))
      : null;
    const key = renewed ?? stored;
    if (!(await verifyCanonical(rawStatement(request.body), body.signature, key, account.fingerprint))) {
      throw new RegistryError(
        'signature-invalid',
        'The challenge signature does not verify with the enrolled key.',
      );
    }
    if (renewed) rememberAccountKey(context, account, renewed);
    const session = context.accounts.createSession(account.id, context.now(), context.sessionTtlMs);
    return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString() };
  });

  // The caller's own rights, so the app offers "Add an entry" only when creating one will be accepted.
  // `mayCreate` is what remains: each entry created uses one (AccountRepository.useCreateRight).
  const exercises = new ExerciseRepository(context.db);
  app.get(ROUTES.account, (request): AccountRights => {
    const account = requireAccount(context, request);
    return {
      state: account.state,
      role: account.role,
      mayCreate: account.mayCreate,
      facilitator: exercises.isFacilitator(account.id),
    };
  });

  // Issue 9 §1: ends the session at once (the app calls it on lock and on quit). Idempotent: an
  // unknown or already ended token answers the same, so nothing is learnt from it.
  app.post(ROUTES.logout, (request, reply) => {
    const token = bearerToken(request);
    if (!token) throw new RegistryError('unauthorized', 'Logging out needs the session token.');
    context.accounts.endSession(token);
    return reply.code(204).send();
  });
}
