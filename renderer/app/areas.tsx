import type { ComponentType } from 'react';
import type { AreaName, AreaProps } from '../navigation/navigation';
import { DirectoryArea } from '../directory/DirectoryArea';
import { InquiryArea } from '../inquiry/InquiryArea';
import { CasesArea } from '../cases/CasesArea';
import { MessagesArea } from '../messages/MessagesArea';
import { PingsArea } from '../pings/PingsArea';
import { SyncArea } from '../sync/SyncArea';
import { IdentityArea } from '../identity/IdentityArea';
import { OnboardingArea } from '../onboarding/OnboardingArea';
import { SettingsArea } from '../settings/SettingsArea';
import { AboutArea } from '../about/AboutArea';
import { TrainingArea } from '../training/TrainingArea';
import { HomeArea } from '../home/HomeArea';

export const AREA_COMPONENTS: Record<AreaName, ComponentType<AreaProps>> = {
  home: HomeArea,
  directory: DirectoryArea,
  inquiry: InquiryArea,
  cases: CasesArea,
  messages: MessagesArea,
  pings: PingsArea,
  sync: SyncArea,
  identity: IdentityArea,
  onboarding: OnboardingArea,
  settings: SettingsArea,
  training: TrainingArea,
  about: AboutArea,
};
