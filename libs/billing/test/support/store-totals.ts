import { CLOSING_EVENTS, caseEventOf } from '@app/case-domain';
import type { EventStore } from '@app/event-store';

/**
 * What billing should have booked, computed straight from the case events in the store (not
 * through the billing mapping): per billing type and bearer, the sum and the count.
 */
export async function totalsFromStore(store: EventStore): Promise<Record<string, { amount: number; events: number }>> {
  const totals: Record<string, { amount: number; events: number }> = {};
  const add = (key: string, amount: number) => {
    totals[key] ??= { amount: 0, events: 0 };
    totals[key].amount += amount;
    totals[key].events += 1;
  };
  for (const stored of await store.readAll({ filter: { streamPrefixes: ['case-'] } })) {
    const event = caseEventOf(stored.type, stored.data);
    switch (event.type) {
      case 'ClaimHandedOver':
        add(
          'ClaimRegistered/debtor',
          event.data.invoice.lines.reduce((s, l) => s + l.amount, 0),
        );
        break;
      case 'FeeCharged':
        add(
          `${event.data.fee.kind === 'courtFee' ? 'CourtFeeIncurred' : 'FeeCharged'}/${event.data.chargedTo}`,
          event.data.fee.amount,
        );
        break;
      case 'FeesWaived':
        add('FeeWaived/creditor', event.data.amount);
        break;
      case 'CreditNoteIssued':
        add('ClaimCredited/debtor', event.data.amount);
        break;
      case 'PaymentRegistered':
        add('PaymentAllocated/debtor', event.data.amount);
        break;
      case 'BoardSettlementReached':
        add('SettlementAgreed/debtor', event.data.amount);
        break;
      default:
        if (CLOSING_EVENTS.has(event.type)) add('CaseClosed/none', 0);
    }
  }
  return totals;
}
