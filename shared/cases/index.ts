/** The exchange log (A §11): case model, hash chain, status and deadlines, consent, search, export. */
export * from './model';
export * from './chain';
export * from './state';
export * from './queries';
export * from './consent';
export * from './exportJson';
export * from './errors';
export * from './handover';
export * from './replies';
export * from './caseFile';
