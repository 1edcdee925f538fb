import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../../shared/registry/openapi';
import { PROTOCOL, ROUTES, type RegistryInfo } from '../../shared/registry/protocol';
import type { RegistryContext } from '../context';
import { prepareJson, sendPrepared } from './reply';

/** Public, unauthenticated: who this registry is (its key), whether it is up, and its OpenAPI. */
export function registerMetaRoutes(app: FastifyInstance, context: RegistryContext): void {
  const info: RegistryInfo = {
    protocol: PROTOCOL,
    name: context.name,
    fingerprint: context.signingKey.fingerprint,
    publicKey: context.signingKey.publicKey,
  };
  const openapi = prepareJson(JSON.stringify(buildOpenApiDocument()));

  app.get(ROUTES.info, () => info);
  app.get(ROUTES.health, () => ({
    status: 'ok' as const,
    head: context.directory.head(),
    time: new Date(context.now()).toISOString(),
  }));
  app.get(ROUTES.openapi, (request, reply) => sendPrepared(request, reply, openapi));
}
