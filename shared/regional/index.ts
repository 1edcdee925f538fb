/**
 * Regional POC directories side by side with the global one (A §12; issue 13). Pure TypeScript.
 *
 *   const table = readCsvTable(text); const mapping = guessMapping(table.headers);
 *   const { entries, problems } = mapCsvRows(table, mapping);     // or readJsonDirectory(text)
 *   const { text, trust } = await openRegionalFile({ content, signature, pinned, offeredKey });
 *   diffDirectories(previous.entries, entries)                     // shown before applying
 *   new CrossDirectoryIndex(records).matchesOf(record)             // A §12 b
 *   allowedChannels(ownState, counterpartState, directories)       // A §12 a
 */
export * from './model';
export * from './errors';
export * from './rows';
export * from './csv';
export * from './json';
export * from './signature';
export * from './diff';
export * from './match';
export * from './channel';
