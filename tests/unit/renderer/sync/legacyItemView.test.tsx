import { renderIn } from '../../../support/renderIn';
import { describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../../registry/demo/fictionalDirectory';
import { LegacyItemView } from '../../../../renderer/sync/LegacyOutbox';
import type { LegacyOutboxItem, LegacyReview } from '../../../../shared/sync/legacyOutbox';
import { entryDetailsOf } from './entryDetailsOf';

const entry = { ...fictionalDirectory({ size: 1 })[0]!, text: { entity: 'CERT fictif (v1)' } };
const statement = {
  purpose: 'entry-update' as const,
  entry,
  baseRevision: 4,
  idempotencyKey: 'k'.repeat(16),
};
const item: LegacyOutboxItem = {
  id: 'outbox-v1-0001',
  kind: 'entry-update',
  createdAt: '2026-06-01T08:00:00.000Z',
  request: { statement, signature: 'AAAA' },
};

async function render(language: string, review: LegacyReview | null): Promise<string> {
  const none = () => undefined;
  return renderIn(
    language,
    <LegacyItemView
      item={item}
      review={review}
      busy={false}
      onCheck={none}
      onConfirm={none}
      onCancel={none}
      onDiscard={none}
    />,
  );
}

describe('a protocol v1 outbox item in the Sync area', () => {
  it('offers only "Check and send again" before it is checked', async () => {
    const html = await render('en', null);
    expect(html).toContain('Update of the entry “CERT fictif (v1)”');
    expect(html).toContain('>Check and send again</button>');
    expect(html).not.toContain('Sign again and send');
  });

  it('after a good check, shows what it says and asks for the confirmation', async () => {
    const html = await render('en', { ok: true, statement, entry });
    expect(html).toContain('What this change says');
    expect(html).toContain('revision 4');
    expect(html).toContain('>Sign again and send</button>');
  });

  it('shows the entry as labelled text a reader follows, not as JSON', async () => {
    const html = await render('en', { ok: true, statement, entry });
    const details = entryDetailsOf(html);
    expect(details.get('Entity or institution')).toEqual(['CERT fictif (v1)']);
    expect(details.get('E-mail')).toEqual(entry.emails);
    expect(details.get('Telephone')).toEqual(entry.phones);
    expect(details.get('State')).toEqual(['France']);
    expect(details.get('Role')).toEqual(['Technical']);
    expect(details.get('Working languages')).toEqual(['French and English']);
    expect(details.get('OpenPGP key fingerprint')).toEqual(['No key published.']);
    expect(html).not.toContain('<pre');
    expect(html).not.toMatch(/[{}]|&quot;/);
  });

  it('shows what the entry says as plain text, never as markup', async () => {
    const hostile = { ...entry, text: { entity: '<img src=x onerror=alert(1)>', notes: 'x'.repeat(2000) } };
    const html = await render('en', { ok: true, statement, entry: hostile });
    expect(html).not.toContain('<img');
    expect(entryDetailsOf(html).get('Entity or institution')).toEqual(['<img src=x onerror=alert(1)>']);
    expect(entryDetailsOf(html).get('Notes')).toEqual(['x'.repeat(2000)]);
  });

  it('after a refused check, says why and offers no way to send it', async () => {
    const html = await render('en', { ok: false, reason: 'signature-invalid' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('altered after signing');
    expect(html).not.toContain('Sign again and send');
    expect(html).not.toContain('Check and send again');
  });

  it('is translated in every UI language', async () => {
    const english = [...entryDetailsOf(await render('en', { ok: true, statement, entry })).keys()];
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const before = await render(language, null);
      expect(before).not.toContain('Check and send again');
      const good = await render(language, { ok: true, statement, entry });
      expect(good).not.toContain('Sign again and send');
      const labels = [...entryDetailsOf(good).keys()];
      expect(labels).toHaveLength(english.length);
      expect(labels.filter((label) => english.includes(label))).toEqual([]);
      const refused = await render(language, { ok: false, reason: 'unreadable' });
      expect(refused).not.toContain('cannot be read exactly');
    }
  });
});
