import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestEngine } from '../../testing';

const payment = (reference: string) => ({
  type: 'RegisterPayment' as const,
  data: { amount: 100, paidOn: '2025-03-03', reference },
});

/** Payments racing on one case, from one process or two on one SQLite file, with durable group commit. */
describe.each([['one instance', 1] as const, ['two instances on one file', 2] as const])(
  'commands racing on one case, %s',
  (_, instances) => {
    let dir: string;
    let engines: TestEngine[];
    let caseId: string;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'racing-'));
      const env = { SQLITE_SYNCHRONOUS: 'full' };
      engines = [];
      for (let i = 0; i < instances; i++)
        engines.push(await TestEngine.open(dir, { env, now: '2025-03-03T09:00:00.000Z' }));
      caseId = await engines[0].handOver({ creditorReference: 'RACE-1' });
    });
    afterEach(async () => {
      for (const engine of engines) await engine.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('given no If-Match, then every command is decided on the case as it stands and stored once', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) => engines[i % instances].run(caseId, payment(`P-${i}`))),
      );
      expect(outcomes.map((o) => o.kind)).toEqual(Array(40).fill('accepted'));
      const stored = (await engines[0].streams.read(caseId)).filter((s) => s.event.type === 'PaymentRegistered');
      expect(stored.map((s) => (s.event.data as { reference: string }).reference).sort()).toEqual(
        Array.from({ length: 40 }, (_, i) => `P-${i}`).sort(),
      );
      const revisions = outcomes.map((o) => (o.kind === 'accepted' ? String(o.revision) : ''));
      expect(new Set(revisions).size).toBe(40);
    });

    it('given If-Match on one revision, then exactly one command wins it and the others are told it moved', async () => {
      const loaded = await engines[0].streams.read(caseId);
      const revision = loaded[loaded.length - 1].revision;
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          engines[i % instances].run(caseId, payment(`M-${i}`), undefined, { expectedRevision: revision }),
        ),
      );
      expect(outcomes.filter((o) => o.kind === 'accepted')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'conflict')).toHaveLength(19);
    });
  },
);
