import type { CaseSpec } from '../../testing';

// The Danish claim drivers are public (other libraries' tests build Danish histories with them).
export { business, danishClaim, givenDanish } from '../../testing';

/** The amounts of the fees charged, by kind, in the order charged. */
export function feesOf(spec: CaseSpec): Array<[string, number, string]> {
  return spec.history.flatMap((e) =>
    e.type === 'FeeCharged' ? [[e.data.fee.kind, e.data.fee.amount, e.data.chargedTo] as [string, number, string]] : [],
  );
}
