import { NotBuiltYet } from '../components/NotBuiltYet';

export function MessagesArea() {
  return <NotBuiltYet area="messages" />;
}
