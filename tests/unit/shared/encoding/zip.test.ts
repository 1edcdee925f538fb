import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../../shared/encoding/zip';

/** The .zip of a campaign's .eml files opens with the system's unzip, every byte intact. */
describe('zip writer', () => {
  it('writes an archive unzip tests clean and extracts byte for byte', () => {
    const files = [
      {
        name: 'message-aaaaaaaaaaaa.eml',
        bytes: new TextEncoder().encode('To: b@cert-b.example\r\n\r\nfictional'),
      },
      {
        name: 'message-bbbbbbbbbbbb.eml',
        bytes: Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251),
      },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      writeFileSync(join(dir, 'checks.zip'), buildZip(files, new Date('2026-11-02T08:00:00Z')));
      expect(execFileSync('unzip', ['-t', join(dir, 'checks.zip')]).toString()).toContain(
        'No errors detected',
      );
      execFileSync('unzip', ['-q', join(dir, 'checks.zip'), '-d', join(dir, 'out')]);
      for (const file of files)
        expect(new Uint8Array(readFileSync(join(dir, 'out', file.name)))).toEqual(file.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a name with a folder in it', () => {
    expect(() => buildZip([{ name: '../evil.eml', bytes: new Uint8Array() }])).toThrow();
  });
});
