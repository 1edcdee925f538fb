import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { useVaultSession, type SealedBatch, type VaultSession } from '../vault/session';

/**
 * A case note being written is saved, encrypted, on every change (vault collection 'drafts', id
 * 'note-<case id>'), like inquiry drafts: an idle lock, a crash or a reload loses nothing
 * (issue 9 §6). Adding the note to the case clears the draft.
 */
const NoteDraftSchema = z.object({ text: z.string().max(100_000), updatedAt: z.iso.datetime() });

const draftId = (caseId: string) => `note-${caseId}`;

export async function loadNoteDraft(session: VaultSession, caseId: string): Promise<string> {
  return (await session.collection('drafts', NoteDraftSchema).get(draftId(caseId)))?.text ?? '';
}

/** The draft's write, encrypted now: run it in turn after the saves before it (see useCaseNoteDraft). */
export function sealNoteDraft(session: VaultSession, caseId: string, text: string): Promise<SealedBatch> {
  const updatedAt = new Date().toISOString();
  return session.sealBatch([
    text
      ? { collection: 'drafts', id: draftId(caseId), value: { text, updatedAt }, index: { updatedAt } }
      : { collection: 'drafts', id: draftId(caseId), delete: true },
  ]);
}

/** The note field's state, restored from and saved to the vault in order. */
export function useCaseNoteDraft(caseId: string): [string, (text: string) => void] {
  const session = useVaultSession();
  const [note, setNoteState] = useState('');
  const typed = useRef(false);
  useEffect(() => {
    let live = true;
    typed.current = false;
    setNoteState('');
    loadNoteDraft(session, caseId).then(
      (text) => {
        if (live && !typed.current) setNoteState(text);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [session, caseId]);
  const setNote = useCallback(
    (text: string) => {
      typed.current = true;
      setNoteState(text);
      // Sealed at once, written in order: a burst of typing queues writes, and a lock right after it
      // (by hand, the OS going to sleep) once lost the queued ones, which had no key left to encrypt with.
      session.writeInTurn(sealNoteDraft(session, caseId, text)).catch(() => undefined);
    },
    [session, caseId],
  );
  return [note, setNote];
}
