import { NotBuiltYet } from '../components/NotBuiltYet';

export function PingsArea() {
  return <NotBuiltYet area="pings" />;
}
