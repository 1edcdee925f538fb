/**
 * Ad-hoc stage profile of the directory load in Chromium (not part of `npm run bench`):
 * `npx tsx tests/bench/support/profileDirectory.ts`. Splits listEntries + indexDirectory into
 * IndexedDB read, AES-GCM, UTF-8 decode + JSON.parse, schema validation and index build.
 */
import { PocDatabase } from '../../../renderer/db/database';
import { DIRECTORY_COLLECTION, listEntries, putEntries } from '../../../renderer/directory/store';
import { createVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { indexDirectory } from '../../../shared/directory/loadedDirectory';
import { PointOfContactSchema } from '../../../shared/directory/model';
import { searchTokens } from '../../../shared/directory/searchText';

declare global {
  interface Window {
    profileDirectory?: (runs: number) => Promise<Record<string, number[]>>;
  }
}

window.profileDirectory = async (runs) => {
  const db = new PocDatabase(`profile-${Date.now()}`);
  const session = await createVault(db, 'benchmark passphrase, fictional', { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 });
  await putEntries(session, generateDemoDirectory({ seed: 10_000, size: 10_000, now: new Date('2026-11-24T00:00:00Z') }));
  const out: Record<string, number[]> = {};
  const time = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    (out[name] ??= []).push(performance.now() - started);
    return value;
  };
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  for (let i = 0; i < runs; i++) {
    const rows = await time('idb.whereCollection', () => db.records.where('collection').equals(DIRECTORY_COLLECTION).toArray());
    await time('idb.primaryRange', () =>
      db.records.where('[collection+id]').between([DIRECTORY_COLLECTION, ''], [DIRECTORY_COLLECTION, '\uffff']).toArray(),
    );
    // Same-size AES-GCM work with a throwaway key (the session's key is private): encrypt then time decrypt.
    const iv = new Uint8Array(12);
    const blobs = rows.map((r) => r.ct);
    await time('aes.decryptAllConcurrent', () =>
      Promise.allSettled(blobs.map((ct) => crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct))),
    );
    const listed = await time('listEntries', () => listEntries(session));
    const json = listed.entries.map((e) => JSON.stringify(e));
    const bytes = json.map((s) => new TextEncoder().encode(s));
    const decoder = new TextDecoder();
    const parsed = await time('decode+JSON.parse', () => bytes.map((b) => JSON.parse(decoder.decode(b)) as unknown));
    await time('zod.safeParse', () => parsed.map((v) => PointOfContactSchema.safeParse(v)));
    await time('index.tokensOnly', () => {
      let n = 0;
      for (const e of listed.entries) {
        n += searchTokens(`${e.text.entity} ${e.text.personName ?? ''} ${e.english?.entity ?? ''}`).length;
        n += searchTokens([...e.emails, ...e.phones, e.openpgp?.fingerprint ?? ''].join(' ')).length;
      }
      return n;
    });
    await time('indexDirectory', () => indexDirectory(listed.entries, listed.corrupted));
  }
  session.lock();
  await db.delete();
  return out;
};
