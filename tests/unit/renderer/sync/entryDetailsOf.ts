/**
 * What a reader sees in the entry views of rendered HTML (renderer/sync/EntryDetails.tsx): each field's
 * label and its values as text, in order. A label marked as differing ends with " [differs]", so a
 * test sees the marker the way a screen reader reads it, and without it the way the eye reads it.
 */
export function entryDetailsOf(html: string, nth = 0): Map<string, string[]> {
  const list = [...html.matchAll(/<dl class="entry-details">([\s\S]*?)<\/dl>/g)][nth]?.[1];
  if (list === undefined) throw new Error(`no entry view number ${nth} in the page`);
  const rows = new Map<string, string[]>();
  for (const [, row = ''] of list.matchAll(/<div class="entry-details-row"[^>]*>([\s\S]*?)<\/div>/g)) {
    const dt = /<dt>([\s\S]*?)<\/dt>/.exec(row)?.[1] ?? '';
    const marker = /<span class="entry-differs">([\s\S]*?)<\/span><\/dt>/.exec(row + '</dt>');
    const label = text(dt.replace(/<span class="entry-differs">[\s\S]*$/, ''));
    const values = [...row.matchAll(/<dd>([\s\S]*?)<\/dd>/g)].map(([, value = '']) => text(value));
    rows.set(marker ? `${label} [differs]` : label, values);
  }
  return rows;
}

/** The text of an HTML fragment: tags dropped, the entities React writes decoded. */
export function text(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
