import { renderIn } from '../../../support/renderIn';
import { describe, expect, it } from 'vitest';
import { VerdictBanner } from '../../../../renderer/messages/VerdictBanner';
import { decideVerdict, type DirectorySigner } from '../../../../shared/messages/verdict';

const KEY = 'C'.repeat(40);
const alpha: DirectorySigner = {
  pocId: 'poc-alpha001',
  state: 'FRA',
  role: 'technical',
  name: 'CERT Alpha (fictional)',
  fingerprint: KEY,
};
const beta: DirectorySigner = {
  pocId: 'poc-beta0001',
  state: 'DEU',
  role: 'diplomatic',
  name: 'Mission Beta (fictional)',
  fingerprint: KEY,
};

async function render(language: string, directory: DirectorySigner[]): Promise<string> {
  const verdict = decideVerdict(
    [{ status: 'valid', keyId: '1', signerFingerprint: KEY, signedAt: null }],
    directory,
    [],
  );
  return renderIn(language, <VerdictBanner verdict={verdict} />);
}

describe('VerdictBanner for a key two points of contact claim', () => {
  it('is an alert naming both entries, and never says "Verified sender"', async () => {
    const html = await render('en', [alpha, beta]);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Sender not verified');
    expect(html).toContain('CERT Alpha (fictional) (FRA, technical point of contact)');
    expect(html).toContain('Mission Beta (fictional) (DEU, diplomatic point of contact)');
    expect(html).not.toContain('Verified sender');
  });

  it('says it in every UI language, not in English', async () => {
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const html = await render(language, [alpha, beta]);
      expect(html).not.toContain('claimed by more than one');
      expect(html).toContain('Mission Beta (fictional)');
    }
  });
});
