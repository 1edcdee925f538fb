import { NotBuiltYet } from '../components/NotBuiltYet';

export function OnboardingArea() {
  return <NotBuiltYet area="onboarding" />;
}
