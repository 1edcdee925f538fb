import { NotBuiltYet } from '../components/NotBuiltYet';

export function InquiryArea() {
  return <NotBuiltYet area="inquiry" />;
}
