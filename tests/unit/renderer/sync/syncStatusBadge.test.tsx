import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../renderer/sync/syncController';
import { SyncStatusBadgeView } from '../../../../renderer/sync/SyncStatusBadge';
import { renderIn } from '../../../support/renderIn';

const status = (legacyToCheck: number): SyncStatus => ({
  enrolled: true,
  state: null,
  outboxWaiting: 0,
  conflicts: 0,
  rejected: 0,
  legacyToCheck,
  pingsToConfirm: 0,
  syncing: false,
  progress: null,
});

const render = (language: string, legacyToCheck: number) =>
  renderIn(language, <SyncStatusBadgeView status={status(legacyToCheck)} />);

describe('the header tells a user who never opens Sync that changes wait for their check', () => {
  it('shows how many changes signed by an earlier version wait, as a way to the Sync area', async () => {
    const html = await render('en', 2);
    expect(html).toContain('<a class="sync-badge-check" href="#/sync">Changes to check: 2</a>');
  });

  it('shows nothing about them when none wait', async () => {
    const html = await render('en', 0);
    expect(html).not.toContain('#/sync');
    expect(html).not.toContain('to check');
  });

  it('says it in every UI language', async () => {
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const html = await render(language, 3);
      expect(html).toMatch(/<a class="sync-badge-check" href="#\/sync">[^<]*3<\/a>/);
      expect(html).not.toContain('Changes to check');
    }
  });
});
