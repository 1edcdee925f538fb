import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../../shared/registry/openapi';
import { ROUTES } from '../../../../shared/registry/protocol';
import { ENTRY_WITHDRAW_ROUTE } from '../../../../shared/registry/withdraw';

type Paths = Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;

describe('the OpenAPI document of the registry protocol', () => {
  const paths = buildOpenApiDocument().paths as Paths;
  const documented = (route: string) => paths[route.replace(/:(\w+)/g, '{$1}')];

  it('documents every route a POC calls, the withdrawal included (issue 11)', () => {
    const routes = [...Object.values(ROUTES), ENTRY_WITHDRAW_ROUTE].filter((r) => r !== ROUTES.openapi);
    const missing = routes.filter((route) => !documented(route));
    expect(missing).toEqual([]);
  });

  it('describes the withdrawal as a signed POST with its refusals', () => {
    const withdraw = documented(ENTRY_WITHDRAW_ROUTE)?.post;
    expect(withdraw?.requestBody).toBeDefined();
    expect(Object.keys(withdraw?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '403', '404', '409']),
    );
    expect(JSON.stringify(withdraw?.requestBody)).toContain('baseRevision');
  });
});
