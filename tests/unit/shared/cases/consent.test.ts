import { describe, expect, it } from 'vitest';
import {
  appendEvents,
  buildCaseExport,
  CaseError,
  consentOf,
  thirdPartyExportCheck,
  verifyChain,
} from '../../../../shared/cases';
import { caseWith, message, opened, peer, self } from './fixtures';

describe('A §11 consent before sharing with third parties', () => {
  it('refuses a third-party export until every party consented; own records are always allowed', async () => {
    let record = await caseWith([opened(), message()]);
    const check = thirdPartyExportCheck(record, 'CERT-C (fictional)');
    expect(check.allowed).toBe(false);
    expect(check.lacking.map((c) => c.party.state).sort()).toEqual(['XAA', 'XBB']);
    const verification = await verifyChain(record);
    expect(() =>
      buildCaseExport(record, verification, { audience: 'third-party', thirdParty: 'CERT-C (fictional)' }),
    ).toThrow(CaseError);
    expect(buildCaseExport(record, verification, { audience: 'own-records' }).events).toHaveLength(2);

    record = await appendEvents(record, [
      { kind: 'consent', at: '2024-05-02T00:00:00.000Z', party: self, granted: true },
    ]);
    expect(thirdPartyExportCheck(record).lacking.map((c) => c.party.state)).toEqual(['XBB']);
    record = await appendEvents(record, [
      {
        kind: 'consent',
        at: '2024-05-02T01:00:00.000Z',
        party: peer,
        granted: true,
        thirdParty: 'CERT-C (fictional)',
      },
    ]);
    expect(thirdPartyExportCheck(record, 'cert-c (FICTIONAL)').allowed).toBe(true);
    expect(thirdPartyExportCheck(record, 'Someone else').allowed).toBe(false);
    const exported = buildCaseExport(record, await verifyChain(record), {
      audience: 'third-party',
      thirdParty: 'CERT-C (fictional)',
    });
    expect(exported.chain.verification).toMatchObject({ intact: true, count: 4 });
  });

  it('a later refusal withdraws consent', async () => {
    const record = await caseWith([
      opened(),
      { kind: 'consent', at: '2024-05-02T00:00:00.000Z', party: peer, granted: true },
      { kind: 'consent', at: '2024-05-03T00:00:00.000Z', party: peer, granted: false },
    ]);
    expect(consentOf(record).find((c) => c.party.state === 'XBB')?.state).toBe('refused');
  });

  it('counts a POC a message came from as a party too', async () => {
    const other = { state: 'XCC', role: 'technical' } as const;
    const record = await caseWith([opened(), message({ direction: 'in', from: other, nature: 'response' })]);
    expect(consentOf(record).map((c) => c.party.state)).toEqual(['XAA', 'XBB', 'XCC']);
  });

  it('exports the chain result as it is, never corrected', async () => {
    const record = await caseWith([opened(), message(), message()]);
    record.events.splice(1, 1);
    const exported = buildCaseExport(record, await verifyChain(record), { audience: 'own-records' });
    expect(exported.chain.verification).toMatchObject({ intact: false, index: 1 });
    expect(exported.events).toHaveLength(2);
  });
});
