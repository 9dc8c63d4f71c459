import type { HandOverClaim } from '../src';
import { CaseSpec, DAY0, handover } from './case-spec';

/** A Danish consumer claim of 3 000 DKK on two lines, due 30 days before day 0 (a Monday in 2025). */
export function danishClaim(overrides: Partial<HandOverClaim['data']> = {}): Partial<HandOverClaim['data']> {
  return {
    jurisdiction: 'DK',
    debtor: { ...handover().debtor, name: 'Mette Hansen', contact: { phone: '+4520123456' } },
    invoice: { ...handover().invoice, currency: 'DKK' },
    ...overrides,
  };
}

export const givenDanish = (overrides: Partial<HandOverClaim['data']> = {}, at = DAY0) =>
  CaseSpec.given(danishClaim(overrides), at);

export const business = { ...handover().debtor, name: 'Hansen ApS', kind: 'business' as const };
