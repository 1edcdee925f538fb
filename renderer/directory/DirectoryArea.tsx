import { NotBuiltYet } from '../components/NotBuiltYet';

export function DirectoryArea() {
  return <NotBuiltYet area="directory" />;
}
