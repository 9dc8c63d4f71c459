import { lightFee } from '../money/fees';
import { collectionCostCap, danishCourtFees, danishReminderFee } from './denmark/fees';
import { RULE_PACKS } from '.';

describe('a rule pack recomputes the fees it charges, and only those', () => {
  const { NO, DK } = RULE_PACKS;

  it('given a Danish collection-cost cap, then the Danish pack gives it again and the Norwegian pack disowns it', () => {
    const cap = collectionCostCap(12_000_00, '2024-05-01');
    expect(DK.recomputeFee(cap, '2025-03-13')).toEqual(cap);
    expect(NO.recomputeFee(cap, '2025-03-13')).toBeNull();
  });

  it('given a Danish court fee and hearing fee of a civil case, then each is given again by its kind', () => {
    for (const fee of danishCourtFees('civilCase', 300_000_00, '2025-04-01'))
      expect(DK.recomputeFee(fee, '2025-04-01')).toEqual(fee);
  });

  it('given a Norwegian light fee, then the Norwegian pack gives it again and the Danish pack disowns it', () => {
    const fee = lightFee(3_000_00, 'consumer', '2025-03-13');
    expect(NO.recomputeFee(fee, '2025-03-13')).toEqual(fee);
    expect(DK.recomputeFee(fee, '2025-03-13')).toBeNull();
  });

  it('given a reminder numbered beyond the three that may carry a fee, then it does not recompute', () => {
    expect(() => DK.recomputeFee(danishReminderFee('2025-02-05', 4), '2025-03-03')).toThrow(/At most 3/);
  });
});
