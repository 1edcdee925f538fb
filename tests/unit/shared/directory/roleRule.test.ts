import { describe, expect, it } from 'vitest';
import { crossRoleRecipients, roleRuleAllows } from '../../../../shared/directory/roleRule';

const technical = { id: 't', role: 'technical' as const };
const diplomatic = { id: 'd', role: 'diplomatic' as const };

describe('A §9 role rule', () => {
  it('lets the same role through without any confirmation', () => {
    expect(roleRuleAllows('technical', [technical], { confirmed: false })).toBe(true);
    expect(roleRuleAllows('diplomatic', [diplomatic], { confirmed: false })).toBe(true);
  });
  it('holds a message to the other role until it is confirmed or handed over', () => {
    expect(crossRoleRecipients('technical', [technical, diplomatic])).toEqual([diplomatic]);
    expect(roleRuleAllows('technical', [technical, diplomatic], { confirmed: false })).toBe(false);
    expect(roleRuleAllows('technical', [diplomatic], { confirmed: true })).toBe(true);
    expect(roleRuleAllows('diplomatic', [technical], { confirmed: false, handedOver: true })).toBe(true);
  });
  it('cannot apply before enrolment (the own role is unknown)', () => {
    expect(crossRoleRecipients(null, [technical, diplomatic])).toEqual([]);
  });
});
