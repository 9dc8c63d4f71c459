import { EventStoreDbEventStore } from '../src/esdb/esdb-event-store';
import { describeEventStoreContract } from './contract';
import { EsdbProtocolFake } from '../testing';

describe('EventStoreDB adapter against the protocol fake', () => {
  const fake = new EsdbProtocolFake();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  describeEventStoreContract(
    'EventStoreDB client → protocol fake',
    async () => new EventStoreDbEventStore(fake.connectionString),
  );
});

const url = process.env.EVENTSTORE_URL;
if (url) {
  describeEventStoreContract(`a real EventStoreDB at ${url}`, async () => new EventStoreDbEventStore(url));
} else {
  console.warn(
    'Skipping the contract suite against a real EventStoreDB: EVENTSTORE_URL is not set (e.g. esdb://localhost:2113?tls=false).',
  );
  describe.skip('event store contract: a real EventStoreDB (EVENTSTORE_URL not set)', () => {
    it('runs only when EVENTSTORE_URL points at a server', () => undefined);
  });
}
