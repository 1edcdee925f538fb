import { renderIn } from '../../../support/renderIn';
import { describe, expect, it } from 'vitest';
import { AddEntry, entriesStillAllowed } from '../../../../renderer/sync/AddEntry';

async function render(language: string, allowed: number | null): Promise<string> {
  return renderIn(language, <AddEntry allowed={allowed} onAdd={() => undefined} />);
}

const rights = (mayCreate: number) => ({
  mayCreate,
  facilitator: false,
  checkedAt: '2026-12-01T10:00:00.000Z',
});

describe('"Add an entry" follows the right granted with the enrolment code', () => {
  it('counts what the registry last said, less the new entries already waiting in the outbox', () => {
    expect(entriesStillAllowed(rights(0), 0)).toBe(0);
    expect(entriesStillAllowed(rights(2), 0)).toBe(2);
    expect(entriesStillAllowed(rights(2), 1)).toBe(1);
    expect(entriesStillAllowed(rights(1), 3)).toBe(0);
    // The registry never said (it predates the route): it decides, as before.
    expect(entriesStillAllowed(undefined, 0)).toBeNull();
  });

  it('without the right: no button, and a sentence saying who grants it and whom to ask', async () => {
    const html = await render('en', 0);
    expect(html).not.toContain('<button');
    expect(html).not.toContain('Add an entry');
    expect(html).toContain('registry manager with the enrolment code');
    expect(html).toContain('Permanent Mission');
  });

  it('with the right: the button and how many entries remain', async () => {
    const html = await render('en', 2);
    expect(html).toMatch(/<button type="button">Add an entry<\/button>/);
    expect(html).toContain('New entries you may still add: 2');
  });

  it('rights not known yet: the button as before, without a count', async () => {
    const html = await render('en', null);
    expect(html).toContain('Add an entry');
    expect(html).not.toContain('may still add');
  });

  it('says it in every UI language, not in English', async () => {
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const without = await render(language, 0);
      expect(without).not.toContain('<button');
      expect(without).not.toContain('registry manager');
      const withRight = await render(language, 3);
      expect(withRight).toContain('<button');
      expect(withRight).toContain('3');
      expect(withRight).not.toContain('Add an entry');
    }
  });
});
