import { NotBuiltYet } from '../components/NotBuiltYet';

export function SyncArea() {
  return <NotBuiltYet area="sync" />;
}
