import { z } from 'zod';
import { ErrorBodySchema } from './protocol';
import {
  ExerciseFeedSchema,
  ExerciseListSchema,
  ExerciseProgressSchema,
  ProgressReceiptSchema,
  ProgressRequestSchema,
  SignedExerciseFeedSchema,
} from './exercise';

/** The exercise routes (issue 12) in the OpenAPI document, from the schemas the server checks with. */
const json = (schema: z.ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
const ok = (schema: z.ZodType) => ({
  description: 'OK',
  content: { 'application/json': { schema: json(schema) } },
});
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: json(ErrorBodySchema) } },
});
const bearer = [{ bearer: [] }];
const idParameter = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const authed = {
  '401': error('unauthorized or token-expired'),
  '404': error('not-found'),
  '429': error('rate-limited'),
};

export function exerciseOpenApiPaths(): Record<string, unknown> {
  return {
    '/v1/exercises': {
      get: {
        summary: 'Exercises the caller takes part in (and, for a facilitator, every exercise)',
        security: bearer,
        responses: { '200': ok(ExerciseListSchema), ...authed },
      },
    },
    '/v1/exercises/{id}/feed': {
      get: {
        summary:
          'The injects released so far, as exercise items signed by the registry key (participants only)',
        security: bearer,
        parameters: idParameter,
        responses: {
          '200': ok(SignedExerciseFeedSchema.extend({ feed: ExerciseFeedSchema })),
          '403': error('not-participant'),
          ...authed,
        },
      },
    },
    '/v1/exercises/{id}/progress': {
      post: {
        summary:
          'A signed progress event: inject acknowledged, message sent or received (ids, never contents)',
        security: bearer,
        parameters: idParameter,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: json(ProgressRequestSchema, 'input') } },
        },
        responses: {
          '200': ok(ProgressReceiptSchema),
          '400': error('bad-request, unknown-member or signature-invalid'),
          '403': error('not-participant, wrong-registry or statement-expired'),
          '409': error('exercise-stopped'),
          ...authed,
        },
      },
      get: {
        summary: 'Progress per participant, for a facilitator (who did what, when; never contents)',
        security: bearer,
        parameters: idParameter,
        responses: { '200': ok(ExerciseProgressSchema), '403': error('not-facilitator'), ...authed },
      },
    },
  };
}
