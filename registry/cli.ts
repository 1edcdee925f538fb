import { parseArgs } from 'node:util';
import { runAdminCommand } from './admin/commands';
import { seedDemo, DEMO_CODES } from './demo/seedDemo';
import { createRegistryServer } from './server';

/**
 * npm run registry -- --data DIR --port N [--host 127.0.0.1] [--demo] [--demo-size N]
 * npm run registry -- admin <issue-code|revoke|accounts|start-campaign|ping-report|import|export|counts> --data DIR …
 */
const USAGE = `Usage:
  npm run registry -- --data DIR --port N [--host ADDR] [--demo] [--demo-size N]
  npm run registry -- admin issue-code --data DIR --state FRA --role technical [--days 30]
  npm run registry -- admin revoke --data DIR --account ID
  npm run registry -- admin accounts --data DIR
  npm run registry -- admin start-campaign --data DIR
  npm run registry -- admin ping-report --data DIR [--campaign ID] [--csv]
  npm run registry -- admin export --data DIR [--out FILE]
  npm run registry -- admin import --data DIR --file FILE
  npm run registry -- admin counts --data DIR`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'demo-size': { type: 'string' },
    'rate-limit': { type: 'string' },
    state: { type: 'string' },
    role: { type: 'string' },
    days: { type: 'string' },
    code: { type: 'string' },
    account: { type: 'string' },
    campaign: { type: 'string' },
    csv: { type: 'boolean', default: false },
    out: { type: 'string' },
    file: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

async function serve(): Promise<void> {
  if (!values.data) throw new Error('--data DIR is required');
  const server = await createRegistryServer({
    dataDir: values.data,
    ...(values['rate-limit'] ? { rateLimitPerMinute: Number(values['rate-limit']) } : {}),
  });
  const { fingerprint, created } = server.context.signingKey;
  if (created) console.log(`Created the registry signing key. Fingerprint: ${fingerprint}`);
  if (values.demo) {
    const { seeded } = seedDemo(server.context, values['demo-size'] ? Number(values['demo-size']) : undefined);
    if (seeded) console.log(`Seeded ${seeded} fictional demo entries.`);
    console.log(`Demo enrolment codes (fictional): ${DEMO_CODES.map((c) => c.code).join(', ')}`);
  }
  const url = await server.listen(Number(values.port), values.host);
  console.log(`REGISTRY_READY ${url} ${fingerprint}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

async function main(): Promise<void> {
  if (values.help) return void console.log(USAGE);
  const [first, command] = positionals;
  if (first === 'admin') {
    if (!command) throw new Error('admin needs a command');
    console.log(runAdminCommand(command, values));
    return;
  }
  if (first && first !== 'serve') throw new Error(`unknown command "${first}"`);
  await serve();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(1);
});
