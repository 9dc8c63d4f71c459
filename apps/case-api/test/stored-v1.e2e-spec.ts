import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '@app/case-runtime';
import { Api } from './api-harness';

interface StoredCase {
  name: string;
  events: Array<{ type: string; data: Record<string, unknown> }>;
}
const fixtures = JSON.parse(
  readFileSync(join(__dirname, '../../../libs/case-domain/test/fixtures/histories-machine-1.0.0.json'), 'utf8'),
) as { cases: StoredCase[] };

/**
 * A case stored by machine 1.0.0, as it lies in the store (no `pausesCollection` on its
 * objection): a full objection, resolved; then a partial one at the demand stage, which that
 * machine answered by pausing collection and cancelling its timers.
 */
describe('a case stored by machine 1.0.0, served and moved on by this version', () => {
  const api = new Api();
  beforeAll(() => api.start());
  afterAll(() => api.stop());

  it('shows the state it had, and goes on from there: the dispute ends and collection resumes with its timers', async () => {
    const stored = fixtures.cases.find((c) => c.name === 'walk-21')!;
    const caseId = randomUUID();
    const events = stored.events.map((e) => ({
      id: randomUUID(),
      type: e.type,
      data: e.type === 'ClaimHandedOver' ? { ...e.data, caseId } : e.data,
      metadata: { machineVersion: '1.0.0', schemaVersion: 1 },
    }));
    expect(events.find((e) => e.type === 'ObjectionRegistered' && e.data.scope === 'partial')?.data).not.toHaveProperty(
      'pausesCollection',
    );
    await api.app.get<EventStore>(EVENT_STORE).append(`case-${caseId}`, events, { expectedRevision: 'no_stream' });
    await api.advance(14);

    const shown = (await api.get(`/cases/${caseId}`)).body.case;
    expect(shown).toMatchObject({
      status: 'dispute.assessing',
      flags: { disputeCode: true, collectionPaused: true, stageAtObjection: 'lightFee' },
      tracks: { collection: { stage: 'onHold', paused: true }, dispute: { stage: 'assessing', scope: 'partial' } },
    });
    expect(shown.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['limitationWarning']);

    expect((await api.post(`/cases/${caseId}/objection/rejection`, { writtenAnswer: 'Documented.' })).status).toBe(200);
    const accepted = await api.post(`/cases/${caseId}/debtor-answer`, { answer: 'accepts', summary: 'Will pay' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.case).toMatchObject({ status: 'collection.demand', tracks: { dispute: null } });
    expect(accepted.body.case.deadlines.map((d: { kind: string }) => d.kind)).toEqual(
      expect.arrayContaining(['demandDeadline', 'heavyFeeDue']),
    );
  });
});
