import { z } from 'zod';
import { PocRoleSchema, StateCodeSchema } from '../../shared/directory/model';
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
