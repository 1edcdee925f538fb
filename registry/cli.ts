import { runAdminCommand } from './admin/commands';
import { runAccountsCommand } from './admin/accountCommands';
import { FEED_COMMANDS, runFeedCommand, type FeedCommand } from './admin/feedCommands';

const isFeedCommand = (name: string): name is FeedCommand =>
  (FEED_COMMANDS as readonly string[]).includes(name);
import { CliUsageError, parseCliArgs, USAGE, type ServeOptions } from './cliArgs';
import { seedDemo, DEMO_CODES } from './demo/seedDemo';
import { createRegistryServer } from './server';

/**
 * npm run registry -- --data DIR --port N [--host 127.0.0.1] [--demo] [--demo-size N] [--ping-interval-days N]
 * npm run registry -- admin <issue-code|revoke|accounts|start-campaign|ping-report|import|export|counts|
 *   publish-static|export-bundle|import-outbox> --data DIR …
 * Exit codes: 0 done, 1 failure while running, 2 wrong command line (message and usage on stderr).
 */
async function serve(options: ServeOptions): Promise<void> {
  const server = await createRegistryServer({
    dataDir: options.dataDir,
    pingIntervalDays: options.pingIntervalDays,
    ...(options.rateLimitPerMinute ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    onCampaignStarted: (c) =>
      console.log(
        `Ping campaign ${c.campaignId} started by schedule: ${c.pings} points of contact pinged, answers due by ${c.deadline}.`,
      ),
  });
  const { fingerprint, created } = server.context.signingKey;
  if (created) console.log(`Created the registry signing key. Fingerprint: ${fingerprint}`);
  if (options.demo) {
    const { seeded } = seedDemo(server.context, options.demoSize);
    if (seeded) console.log(`Seeded ${seeded} fictional demo entries.`);
    console.log(`Demo enrolment codes (fictional): ${DEMO_CODES.map((c) => c.code).join(', ')}`);
  }
  const url = await server.listen(options.port, options.host);
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
  const command = parseCliArgs(process.argv.slice(2));
  if (command.kind === 'help') return void console.log(USAGE);
  if (command.kind === 'admin') {
    const { command: name, args } = command;
    if (isFeedCommand(name)) return void console.log(await runFeedCommand(name, args));
    if (name === 'accounts') return void console.log(await runAccountsCommand(args));
    return void console.log(runAdminCommand(name, args));
  }
  await serve(command.options);
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof CliUsageError) {
    console.error(USAGE);
    process.exit(2);
  }
  process.exit(1);
});
