import { describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../../registry/demo/fictionalDirectory';
import { ConflictVersions } from '../../../../renderer/sync/ConflictVersions';
import type { PointOfContact } from '../../../../shared/directory/model';
import { renderIn } from '../../../support/renderIn';
import { entryDetailsOf, text } from './entryDetailsOf';

const base = fictionalDirectory({ size: 1 })[0]!;
/** The user's edit: a second e-mail address, on revision 1. */
const mine: PointOfContact = { ...base, emails: [...base.emails, 'duty@fra.example'] };
/** Meanwhile on the registry: the person's title removed, a new time zone; revision 2, another date. */
const theirs: PointOfContact = {
  ...base,
  text: { ...base.text, personTitle: undefined },
  timeZone: 'Europe/Paris',
  revision: 2,
  updatedAt: '2026-06-02T10:00:00.000Z',
};

const render = (language: string, a: PointOfContact, b: PointOfContact) =>
  renderIn(language, <ConflictVersions mine={a} theirs={b} />);

const marked = (details: Map<string, string[]>) =>
  [...details.keys()].filter((label) => label.endsWith(' [differs]'));

describe('the conflict view of an own-entry edit', () => {
  it('marks exactly the fields that differ, on both versions', async () => {
    const html = await render('en', mine, theirs);
    const differing = ['Title [differs]', 'Time zone [differs]', 'E-mail [differs]'];
    const myVersion = entryDetailsOf(html, 0);
    const registryVersion = entryDetailsOf(html, 1);
    expect(marked(myVersion)).toEqual(differing);
    expect(marked(registryVersion)).toEqual(differing);
    expect(myVersion.get('E-mail [differs]')).toEqual(['tech1@fra.example', 'duty@fra.example']);
    expect(registryVersion.get('E-mail [differs]')).toEqual(['tech1@fra.example']);
    // What one side does not give is said, so the two sides can be compared line by line.
    expect(myVersion.get('Time zone [differs]')).toEqual(['Not given']);
    expect(registryVersion.get('Title [differs]')).toEqual(['Not given']);
    expect(registryVersion.get('Time zone [differs]')).toEqual(['Europe/Paris']);
    // The same everywhere else, and unmarked.
    expect(myVersion.get('Entity or institution')).toEqual(['CERT national fictif FRA n° 1 (démo)']);
    expect(registryVersion.get('Telephone')).toEqual(base.phones);
  });

  it('says which fields differ in one sentence above both versions', async () => {
    const html = await render('en', mine, theirs);
    expect(text(html)).toContain('What differs: Title, Time zone, and E-mail.');
    expect(html).toContain('Registry version (revision 2)');
    expect(html).not.toContain('<pre');
  });

  it('marks a field in words, not by colour alone', async () => {
    const html = await render('en', mine, theirs);
    expect(html).toContain('<span class="entry-differs"><span aria-hidden="true">≠ </span>different</span>');
  });

  it('marks nothing when only the revision differs', async () => {
    const html = await render('en', base, { ...base, revision: 2, updatedAt: theirs.updatedAt });
    expect(marked(entryDetailsOf(html, 0))).toEqual([]);
    expect(marked(entryDetailsOf(html, 1))).toEqual([]);
    expect(html).toContain('Both versions give the same details');
  });

  it('says it in every UI language', async () => {
    const english = text(await render('en', mine, theirs));
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const html = await render(language, mine, theirs);
      expect(marked(entryDetailsOf(html, 0))).toHaveLength(3);
      expect(text(html)).not.toContain('What differs');
      expect(text(html)).not.toContain('different');
      expect(text(html)).not.toContain('Not given');
      expect(text(html)).not.toBe(english);
    }
  });
});
