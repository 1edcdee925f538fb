import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { verifyChain } from '../../shared/cases';
import { useVaultSession } from '../vault/session';
import { casesOf, listCaseSummaries, subscribeCases } from './store';

export const CASES_KEY = ['vault', 'cases'] as const;

export function useCaseList() {
  const session = useVaultSession();
  const client = useQueryClient();
  useEffect(() => subscribeCases(() => void client.invalidateQueries({ queryKey: CASES_KEY })), [client]);
  return useQuery({ queryKey: [...CASES_KEY, 'list'], queryFn: () => listCaseSummaries(session) });
}

/** One case with its chain verified on every load (the result is shown, never "repaired"). */
export function useCase(id: string) {
  const session = useVaultSession();
  const client = useQueryClient();
  useEffect(() => subscribeCases(() => void client.invalidateQueries({ queryKey: CASES_KEY })), [client]);
  return useQuery({
    queryKey: [...CASES_KEY, 'one', id],
    queryFn: async () => {
      const record = await casesOf(session).get(id);
      return record ? { record, verification: await verifyChain(record) } : null;
    },
  });
}
