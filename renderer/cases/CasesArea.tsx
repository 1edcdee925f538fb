import { NotBuiltYet } from '../components/NotBuiltYet';

export function CasesArea() {
  return <NotBuiltYet area="cases" />;
}
