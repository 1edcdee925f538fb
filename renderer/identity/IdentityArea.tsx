import { NotBuiltYet } from '../components/NotBuiltYet';

export function IdentityArea() {
  return <NotBuiltYet area="identity" />;
}
