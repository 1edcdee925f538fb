import { z } from 'zod';
import * as protocol from './protocol';
import {
  FEED_PATHS,
  FeedChunkSchema,
  FeedHeadSchema,
  SignedFeedChunkSchema,
  SignedFeedHeadSchema,
} from './feed';
import { exerciseOpenApiPaths } from './exerciseOpenApi';
import { ENTRY_WITHDRAW_ROUTE, EntryWithdrawRequestSchema, EntryWithdrawResponseSchema } from './withdraw';

/** Fastify's ":id" route parameters as OpenAPI's "{id}". */
const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}');

/**
 * The OpenAPI 3.1 document of protocol v1, generated from the same zod schemas the server
 * validates with and the client parses with, so it cannot drift. Served at GET /v1/openapi.json.
 */

type Schema = z.ZodType;
const json = (schema: Schema, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: json(protocol.ErrorBodySchema) } },
});
const ok = (schema: Schema, description = 'OK') => ({
  description,
  content: { 'application/json': { schema: json(schema) } },
});
const body = (schema: Schema) => ({
  required: true,
  content: { 'application/json': { schema: json(schema, 'input') } },
});
const bearer = [{ bearer: [] }];
const common = {
  '400': errorResponse('bad-request or signature-invalid'),
  '413': errorResponse('payload-too-large'),
  '429': errorResponse('rate-limited'),
  '500': errorResponse('internal'),
};
const authed = {
  ...common,
  '401': errorResponse('unauthorized or token-expired'),
  '403': errorResponse('account-revoked'),
};

export function buildOpenApiDocument(serverUrl?: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'POC Directory registry protocol',
      version: '1.0.0',
      description:
        'Reference protocol of the central registry of the Global Intergovernmental POC Directory (A/78/265, Annex A §7–§8). ' +
        'The feed head and chunks and POC statements are signed with OpenPGP detached signatures (base64 of the binary packet) ' +
        'over the canonical JSON of the signed object: keys sorted, no whitespace.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /v1/session' },
      },
    },
    paths: {
      ...exerciseOpenApiPaths(),
      [protocol.ROUTES.info]: {
        get: {
          summary: "The registry's signing key and fingerprint",
          responses: { '200': ok(protocol.RegistryInfoSchema) },
        },
      },
      [protocol.ROUTES.health]: {
        get: { summary: 'Liveness and head sequence', responses: { '200': ok(protocol.HealthSchema) } },
      },
      [FEED_PATHS.head]: {
        get: {
          summary:
            'The signed feed head: newest sequence, issuedAt, and every chunk with its SHA-256 (issue 14)',
          security: bearer,
          responses: { '200': ok(SignedFeedHeadSchema.extend({ head: FeedHeadSchema })), ...authed },
        },
      },
      [FEED_PATHS.chunkRoute]: {
        get: {
          summary: 'One immutable signed chunk "FROM-UNTIL.json" (strong ETag, Cache-Control: immutable)',
          security: bearer,
          parameters: [
            {
              name: 'name',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^\\d+-\\d+\\.json$' },
            },
          ],
          responses: { '200': ok(SignedFeedChunkSchema.extend({ chunk: FeedChunkSchema })), ...authed },
        },
      },
      [protocol.ROUTES.logout]: {
        post: {
          summary: 'End this session at once',
          security: bearer,
          responses: { '204': { description: 'Session ended' }, ...authed },
        },
      },
      [protocol.ROUTES.account]: {
        get: {
          summary: "The caller's account and rights: State, role, entries it may still create, facilitator",
          description:
            'Rights are granted by the registry manager with the enrolment code (issue-code --may-create N, --facilitator). ' +
            'mayCreate is what remains: each entry the account creates uses one. Added to protocol v2; a registry that ' +
            'predates it answers 404.',
          security: bearer,
          responses: { '200': ok(protocol.AccountRightsSchema), ...authed },
        },
      },
      [protocol.ROUTES.enrol]: {
        post: {
          summary: "Register a POC's public key with a one-time enrolment code",
          requestBody: body(protocol.EnrolRequestSchema),
          responses: {
            '200': ok(protocol.EnrolResponseSchema),
            '403': errorResponse('code-invalid, code-expired or code-used'),
            ...common,
          },
        },
      },
      [protocol.ROUTES.challenge]: {
        post: {
          summary: 'A one-time challenge to sign',
          requestBody: body(protocol.ChallengeRequestSchema),
          responses: { '200': ok(protocol.ChallengeSchema), '404': errorResponse('not-found'), ...common },
        },
      },
      [protocol.ROUTES.session]: {
        post: {
          summary: 'Exchange a signed challenge for a short-lived token',
          requestBody: body(protocol.SessionRequestSchema),
          responses: {
            '200': ok(protocol.SessionSchema),
            '401': errorResponse('challenge-invalid'),
            ...common,
          },
        },
      },
      '/v1/entries/{id}': {
        put: {
          summary: "Create or update one of the caller's own State's entries (A §7 d)",
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: body(protocol.EntryUpdateRequestSchema),
          responses: {
            '200': ok(protocol.EntryUpdateResponseSchema),
            '409': ok(protocol.EntryConflictSchema, 'conflict: the current version'),
            ...authed,
            '403': errorResponse('forbidden-state or account-revoked'),
          },
        },
      },
      [openApiPath(ENTRY_WITHDRAW_ROUTE)]: {
        post: {
          summary: "Withdraw one of the caller's own State's entries of its own role (A §7 d)",
          description:
            'Signed by the enrolled key, for this registry, based on the current revision; the entry leaves the feed as a ' +
            'tombstone. A repeated idempotency key returns the first answer.',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: body(EntryWithdrawRequestSchema),
          responses: {
            '200': ok(EntryWithdrawResponseSchema),
            '404': errorResponse('not-found'),
            '409': ok(protocol.EntryConflictSchema, 'conflict: the current version'),
            ...authed,
            '403': errorResponse('forbidden-state, forbidden-role or account-revoked'),
          },
        },
      },
      [protocol.ROUTES.pings]: {
        get: {
          summary: "The caller's ping tests (A §8)",
          security: bearer,
          responses: { '200': ok(protocol.PingListSchema), ...authed },
        },
      },
      '/v1/pings/{id}/ack': {
        post: {
          summary: 'A signed acknowledgement of a ping test',
          description:
            "The first acknowledgement is recorded with the registry's receipt time; a repeat returns it. An answer received within " +
            "the 48-hour deadline sets lastPingConfirmedAt on the POC's own entries (its State and role) as new changes in the " +
            'signed feed, without changing their revision.',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: body(protocol.PingAckRequestSchema),
          responses: {
            '200': ok(protocol.PingAckResponseSchema),
            '404': errorResponse('not-found'),
            ...authed,
          },
        },
      },
    },
  };
}
