import { z } from 'zod';
import { PocRoleSchema, StateCodeSchema, type PointOfContact } from '../../shared/directory/model';
import { listEntriesOfState } from '../directory/store';
import { syncControllerFor } from '../sync/syncController';
import type { VaultSession } from '../vault/session';

/**
 * "My State and role" and the sender identity that prefills step 1 of the inquiry wizard
 * (appendix, inquiry step 1: « indiquez votre nom et votre affiliation »). Kept in vault collection
 * 'settings', id 'profile', until the registry enrolment provides State and role. Others may read it.
 */
export const ProfileSchema = z.object({
  name: z.string().max(200).default(''),
  title: z.string().max(200).default(''),
  affiliation: z.string().max(300).default(''),
  state: StateCodeSchema.optional(),
  role: PocRoleSchema.optional(),
  email: z.string().max(254).default(''),
  phone: z.string().max(40).default(''),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const PROFILE_ID = 'profile';

export async function loadProfile(session: VaultSession): Promise<Profile> {
  return (await session.collection('settings', ProfileSchema).get(PROFILE_ID)) ?? ProfileSchema.parse({});
}

export async function saveProfile(session: VaultSession, profile: Profile): Promise<void> {
  await session.collection('settings', ProfileSchema).put(PROFILE_ID, ProfileSchema.parse(profile));
}

/**
 * The sender identity to prefill: what the user saved, completed from the enrolment (own State and
 * role, vault collection 'sync') and the own directory entry (its entity, and person name if any),
 * so a freshly enrolled POC can acknowledge an inquiry without filling a form first.
 */
export async function loadSenderProfile(session: VaultSession): Promise<Profile> {
  const profile = await loadProfile(session);
  const enrolled = await syncControllerFor(session)
    .store.loadState()
    .catch(() => null);
  // The enrolment decides who this device speaks for (issue 9 §4); a saved profile only fills in before it.
  const state = enrolled?.state ?? profile.state;
  const role = enrolled?.role ?? profile.role;
  let own: PointOfContact | undefined;
  if (state && role && (!profile.name || !profile.affiliation || !profile.email || !profile.phone)) {
    const { entries } = await listEntriesOfState(session, state).catch(() => ({
      entries: [] as PointOfContact[],
    }));
    const mine = entries.filter((entry) => entry.role === role).sort((a, b) => a.id.localeCompare(b.id));
    own = mine.find((entry) => entry.openpgp?.fingerprint === enrolled?.ownFingerprint) ?? mine[0];
  }
  const entity = own ? (own.english?.entity ?? own.text.entity) : '';
  return {
    ...profile,
    name: profile.name || own?.text.personName || entity,
    affiliation: profile.affiliation || entity,
    // Contact details of the own directory entry, unless the user gave others (issue 10).
    email: profile.email || own?.emails[0] || '',
    phone: profile.phone || own?.phones[0] || '',
    ...(state ? { state } : {}),
    ...(role ? { role } : {}),
  };
}
