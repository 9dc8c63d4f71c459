import { addDays, daysBetween, type CalendarDate, type HandOverClaim } from '../../src';
import type { Random } from './random';

const FIRST = ['Kari', 'Ola', 'Ingrid', 'Per', 'Sigrid', 'Lars', 'Nora', 'Jonas', 'Emma', 'Magnus', 'Sofie', 'Henrik'];
const LAST = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Berg', 'Haugen'];
const STREETS = ['Storgata', 'Kirkegata', 'Strandveien', 'Parkveien', 'Skolegata', 'Fjordgata', 'Bakkeveien'];
const TOWNS = ['0155 Oslo', '5003 Bergen', '7011 Trondheim', '4006 Stavanger', '9008 Tromsø', '3015 Drammen'];
const FIRMS = ['Byggmester', 'Rør og Varme', 'Elektro', 'Tannlegesenter', 'Bilverksted', 'Regnskap', 'Maling'];
const ITEMS = [
  'Installation',
  'Service visit',
  'Spare parts',
  'Annual subscription',
  'Consultation',
  'Materials',
  'Travel costs',
  'Repair of water heater',
  'Replacement of fuse box',
  'Monthly fee',
];

export const STATEMENTS = [
  'The service visit never took place; nobody came on the agreed day.',
  'I cancelled the subscription in writing months before this invoice was issued.',
  'The work was not finished and what was done has defects that I reported at once.',
  'I have already paid this invoice to the creditor directly, see the attached receipt.',
  'The price is far above what was agreed in the written offer.',
  'I never ordered this and do not know the company.',
  'Deler av arbeidet er ikke utført, og materialene som ble brukt var feil.',
];

/** Creditors of very different sizes: a few send most of the claims (Zipf-like weights). */
export const CREDITORS = Array.from({ length: 40 }, (_, i) => ({
  id: `creditor-${String(i + 1).padStart(3, '0')}`,
  weight: 1 / (i + 1),
}));

export interface Parties {
  creditorId: string;
  reference: string;
}

/** A handover as a creditor sends it: a debtor with contact details, an invoice of 1 to 6 lines. */
export function handoverData(
  rng: Random,
  caseId: string,
  creditorId: string,
  reference: string,
  today: CalendarDate,
): HandOverClaim['data'] {
  const business = rng.chance(0.15);
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const name = business ? `${last} ${rng.pick(FIRMS)} AS` : `${first} ${last}`;
  const lineCount = Math.min(6, 1 + Math.floor(rng.exp(0.9)));
  const total = Math.round(Math.min(Math.max(rng.logNormal(3_500, 1.1), 150), 400_000)) * 100;
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    lineId: `L${i + 1}`,
    description: rng.pick(ITEMS),
    amount: Math.max(100_00, Math.round(total / lineCount / 100) * 100),
  }));
  const dueDate = addDays(today, -rng.int(14, 75));
  const variant = rng.next();
  return {
    caseId,
    creditorId,
    creditorReference: reference,
    debtor: {
      id: `debtor-${rng.hex(10)}`,
      name,
      kind: business ? 'business' : 'consumer',
      contact: {
        ...(rng.chance(0.8) ? { phone: `+479${rng.int(1000000, 9999999)}` } : {}),
        ...(rng.chance(0.6) ? { email: `${first.toLowerCase()}.${last.toLowerCase()}@example.no` } : {}),
        ...(rng.chance(0.7) ? { postalAddress: `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${rng.pick(TOWNS)}` } : {}),
      },
    },
    invoice: {
      number: reference.replace(/^\D+/, ''),
      issueDate: addDays(dueDate, -rng.int(14, 30)),
      dueDate,
      currency: 'NOK',
      lines,
    },
    // Some creditors have sent their own notice already; a few claims were disputed before handover.
    noticeAlreadySentOn: variant < 0.1 ? addDays(dueDate, rng.int(1, daysBetween(dueDate, today))) : null,
    disputedBeforeHandover: variant > 0.975 ? { debtorStatement: rng.pick(STATEMENTS) } : null,
  };
}
