/**
 * Ad-hoc stage profile of the directory load in Chromium (not part of `npm run bench`):
 * `npx tsx tests/bench/support/profileDirectory.ts`. Splits listEntries + indexDirectory into
 * IndexedDB read (two ways), UTF-8 decode + JSON.parse, schema validation (zod, readEntry) and the
 * index build (AES-GCM is the rest of listEntries; the session's key cannot be used outside it).
 */
import Dexie from 'dexie';
import { PocDatabase } from '../../../renderer/db/database';
import { DIRECTORY_COLLECTION, listEntries, loadDirectory, putEntries } from '../../../renderer/directory/store';
import { readEntry } from '../../../renderer/directory/readEntry';
import { createVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { createDirectoryAssembler, indexDirectory } from '../../../shared/directory/loadedDirectory';
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
  for (let i = 0; i < runs; i++) {
    await time('idb.indexCollection', () => db.records.where('collection').equals(DIRECTORY_COLLECTION).toArray());
    await time('idb.primaryRange', () =>
      db.records.where('[collection+id]').between([DIRECTORY_COLLECTION, Dexie.minKey], [DIRECTORY_COLLECTION, Dexie.maxKey], true, true).toArray(),
    );
    const listed = await time('listEntries', () => listEntries(session));
    const json = listed.entries.map((e) => JSON.stringify(e));
    const bytes = json.map((s) => new TextEncoder().encode(s));
    const decoder = new TextDecoder();
    const parsed = await time('decode+JSON.parse', () => bytes.map((b) => JSON.parse(decoder.decode(b)) as unknown));
    await time('zod.safeParse', () => parsed.map((v) => PointOfContactSchema.safeParse(v)));
    await time('readEntry', () => parsed.map((v) => readEntry(v)));
    await time('index.tokensOnly', () => {
      let n = 0;
      for (const e of listed.entries) {
        n += searchTokens(`${e.text.entity} ${e.text.personName ?? ''} ${e.english?.entity ?? ''}`).length;
        n += searchTokens([...e.emails, ...e.phones, e.openpgp?.fingerprint ?? ''].join(' ')).length;
      }
      return n;
    });
    await time('indexDirectory', () => indexDirectory(listed.entries, listed.corrupted));
    await time('loadDirectory', () => loadDirectory(session));
    await time('sequential list+index', async () => {
      const l = await listEntries(session);
      return indexDirectory(l.entries, l.corrupted);
    });
    {
      // WebCrypto's own floor: 10,000 AES-GCM decrypts of ~1 KB with a throwaway key, nothing else.
      const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      const iv = new Uint8Array(12);
      const blobs = await Promise.all(
        listed.entries.map((e) => crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(e)))),
      );
      await time('aes.rawDecryptAll', () => Promise.all(blobs.map((ct) => crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ct))));
    }
    for (const chunk of [10_000]) {
      await time(`old path: decryptStoredWith each, then index`, async () => {
        const rows = await db.records
          .where('[collection+id]')
          .between([DIRECTORY_COLLECTION, Dexie.minKey], [DIRECTORY_COLLECTION, Dexie.maxKey], true, true)
          .toArray();
        const pending = rows.map((row) => session.decryptStoredWith(row, readEntry));
        const assembler = createDirectoryAssembler();
        for (let start = 0; start < pending.length; start += chunk) {
          const results = await Promise.allSettled(pending.slice(start, start + chunk));
          for (const r of results) if (r.status === 'fulfilled') assembler.add(r.value);
        }
        return assembler.finish([]);
      });
    }
  }
  session.lock();
  await db.delete();
  return out;
};
