import { CaseProjector } from '@app/read-models';
import { Api } from './api-harness';

/** Every line the app writes, kept in memory. */
class CapturedLogs {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
}

const DEBTORS = [
  { id: 'debtor-ola', name: 'Ola Personsen', phone: '+4799887766', email: 'ola.personsen@example.no' },
  { id: 'debtor-ingrid', name: 'Ingrid Hemmelig', phone: '+4741112233', email: 'ingrid.h@example.no' },
];
const STATEMENT = 'Jeg bestilte aldri denne tjenesten';
const CALL = 'Ringte og sa at fakturaen var feil adressert';

/** Personal data (LIFECYCLE.md: names, contact details, statements) never reaches a log line. */
describe('the logs of handovers, objections and calls, good and bad requests', () => {
  const logs = new CapturedLogs();
  const api = new Api({ logs });
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it("hold request lines, and none of the debtors' names, contact details or words", async () => {
    for (const debtor of DEBTORS) {
      const id = await api.handOver({
        debtor: {
          id: debtor.id,
          name: debtor.name,
          kind: 'consumer',
          contact: { phone: debtor.phone, email: debtor.email, postalAddress: 'Hemmeligveien 7, 0150 Oslo' },
        },
      });
      await api.post(`/cases/${id}/objections`, { debtorStatement: STATEMENT, channel: 'written' });
      await api.post(`/cases/${id}/objection/rejection`, { writtenAnswer: 'Documented.' });
      await api.post(`/cases/${id}/debtor-contacts`, {
        channel: 'phone',
        reached: true,
        summary: CALL,
        answer: 'maintainsDispute',
      });
      // Refused requests carry the same data: a 400 (malformed) and a 422 (not allowed now).
      await api.post('/cases', { debtor: { name: debtor.name, contact: { email: debtor.email } } });
      await api.post(`/cases/${id}/objections`, { debtorStatement: `${STATEMENT} (${debtor.name})`, channel: 'oral' });
      await api.get(`/cases?debtorName=${encodeURIComponent(debtor.name)}`);
    }
    await api.app.get(CaseProjector).catchUp();

    const text = logs.text;
    // The capture works: every request above left a line with its method and path.
    expect(logs.lines.filter((l) => l.includes('"url":"/cases')).length).toBeGreaterThanOrEqual(10);
    expect(text).toContain('"statusCode":422');
    for (const debtor of DEBTORS) {
      for (const secret of [debtor.name, debtor.phone, debtor.email, ...debtor.name.split(' ')]) {
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      }
    }
    for (const words of [STATEMENT, CALL, 'Hemmeligveien']) expect(text.includes(words)).toBe(false);
  });
});
