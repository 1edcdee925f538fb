import { renderIn } from '../../../support/renderIn';
import { describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../../registry/demo/fictionalDirectory';
import { LegacyItemView } from '../../../../renderer/sync/LegacyOutbox';
import type { LegacyOutboxItem, LegacyReview } from '../../../../shared/sync/legacyOutbox';

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
    expect(html).toContain('&quot;entity&quot;: &quot;CERT fictif (v1)&quot;');
    expect(html).toContain('revision 4');
    expect(html).toContain('>Sign again and send</button>');
  });

  it('after a refused check, says why and offers no way to send it', async () => {
    const html = await render('en', { ok: false, reason: 'signature-invalid' });
    expect(html).toContain('role="alert"');
    expect(html).toContain('altered after signing');
    expect(html).not.toContain('Sign again and send');
    expect(html).not.toContain('Check and send again');
  });

  it('is translated in every UI language', async () => {
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const before = await render(language, null);
      expect(before).not.toContain('Check and send again');
      const good = await render(language, { ok: true, statement, entry });
      expect(good).not.toContain('Sign again and send');
      const refused = await render(language, { ok: false, reason: 'unreadable' });
      expect(refused).not.toContain('cannot be read exactly');
    }
  });
});
