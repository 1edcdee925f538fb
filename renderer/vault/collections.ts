/**
 * Every encrypted collection the app keeps, by name. One line per collection; the name is stored in
 * clear and bound into each record's additional data, so it must never change once shipped.
 */
export type CollectionName =
  | 'directory' // PointOfContact entries one per record (issue 3); migrated into directoryChunks (issue 14)
  | 'directoryChunks' // PointOfContact entries, ~500 per record, nothing in clear (issue 14)
  | 'settings' // vault-side preferences that are sensitive enough to encrypt
  | 'identity' // own OpenPGP identity (issue 4)
  | 'peerKeys' // imported peer keys and fingerprint verifications (issue 4)
  | 'messages' // decrypted messages in and out (issue 4)
  | 'conversations' // conversations with a POC (issue 4)
  | 'sync' // registry URL, pinned fingerprint, last sequence (issue 5)
  | 'firstRun' // guided first run: the step reached and what was typed so far (issue 11)
  | 'outbox' // own-entry edits and ping acknowledgements waiting for the registry (issue 5)
  | 'pings' // ping tests seen and answered (issue 5)
  | 'drafts' // inquiry/response drafts, saved on every change (issue 6)
  | 'cases' // exchange log: cases and their hash-chained events (issue 6)
  | 'quarantine' // raw copies of damaged records moved aside before an overwrite (issue 9 §6)
  | 'exerciseRuns' // training: exercise runs, kept apart from real work (issue 12)
  | 'exerciseCases' // training: exercise cases and their messages (issue 12)
  | 'exerciseDrafts' // training: exercise message drafts (issue 12)
  | 'training' // training: POC 101 progress, imported scenarios, pinned scenario authors (issue 12)
  | 'regional' // imported regional POC directories, one record per directory (issue 13); never synced
  | 'commcheckCampaigns' // communication checks sent, one record per campaign, replies on them (issue 13)
  | 'commcheckInbox'; // communication checks received and the replies sent to them (issue 13)
