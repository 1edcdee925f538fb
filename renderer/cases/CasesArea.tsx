import type { AreaProps } from '../navigation/navigation';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import './cases.css';

/** The exchange log (A §11): the list of cases, or one case when the route names it. */
export function CasesArea({ param }: AreaProps) {
  return param ? <CasePage caseId={param} /> : <CaseList />;
}
