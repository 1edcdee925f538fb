import { readFileSync } from 'node:fs';
import { verifyCaseFile } from '../shared/cases/caseFile';
import { groupFingerprint } from '../shared/openpgp/fingerprint';

/**
 * `npm run verify-case -- FILE.json FILE.json.sig [--fingerprint FPR]`: checks a case exported by
 * the app — the detached OpenPGP signature over the exact bytes of the file, by the key the file
 * names (and, with --fingerprint, that this is the key expected, e.g. the one in the directory),
 * and the hash chain of its events. Exit code 0 when both hold, 1 when refused, 2 on bad usage.
 */
async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const at = args.indexOf('--fingerprint');
  const expected = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [jsonPath, sigPath] = args;
  if (!jsonPath || !sigPath || (at >= 0 && !expected)) {
    console.error('usage: npm run verify-case -- FILE.json FILE.json.sig [--fingerprint FINGERPRINT]');
    return 2;
  }
  const result = await verifyCaseFile(new Uint8Array(readFileSync(jsonPath)), readFileSync(sigPath, 'utf8'), {
    ...(expected ? { expectedFingerprint: expected } : {}),
  });
  if (result.caseId) console.log(`case: ${result.caseId}`);
  if (result.signer) console.log(`signed by: ${groupFingerprint(result.signer)}`);
  if (result.chain)
    console.log(
      `hash chain: ${result.chain.intact ? `intact (${result.chain.count} events)` : `broken at event ${result.chain.index + 1} (${result.chain.problem})`}`,
    );
  if (result.ok) {
    console.log('OK: signature and hash chain verify.');
    return 0;
  }
  console.error(`REFUSED: ${result.problems.join(', ')}`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
