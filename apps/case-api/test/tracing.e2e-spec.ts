import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { CaseProjector } from '@app/read-models';
import { loadConfig, startTracing, type Tracing } from '@app/case-runtime';
import { Api } from './api-harness';

/** The span that `span` names as its parent, among those exported. */
const parentOf = (span: ReadableSpan, spans: ReadableSpan[]) =>
  spans.find((s) => s.spanContext().spanId === span.parentSpanContext?.spanId);

describe('traces of one command, end to end (OpenTelemetry, in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  const api = new Api();
  let tracing: Tracing | undefined;

  beforeAll(async () => {
    tracing = startTracing(loadConfig({}), 'case-api', exporter);
    await api.start();
  });
  afterAll(async () => {
    await api.stop();
    await tracing?.shutdown();
  });

  it('given tracing on, when a caseworker registers an objection, then one trace runs from the request through decide and append to the projection', async () => {
    const caseId = await api.handOver();
    await api.app.get(CaseProjector).catchUp();
    exporter.reset();

    const res = await api
      .http()
      .post(`/cases/${caseId}/objections`)
      .set('Authorization', `Bearer ${api.tokens.caseworker}`)
      .set('X-Correlation-Id', 'trace-me-1')
      .send({ debtorStatement: 'No visit', channel: 'written' });
    expect(res.status).toBe(200);
    await api.app.get(CaseProjector).catchUp();

    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((s) => s.name === name);
    const [request] = named('POST /cases/:caseId/objections');
    expect(request).toBeDefined();
    expect(request.kind).toBe(SpanKind.SERVER);
    expect(request.attributes).toMatchObject({ 'http.response.status_code': 200, 'correlation.id': 'trace-me-1' });

    const [command] = named('case.command RegisterObjection');
    expect(command.attributes).toMatchObject({ 'case.outcome': 'accepted', 'correlation.id': 'trace-me-1' });
    const [decide] = named('case.decide');
    expect(decide.attributes['case.events']).toContain('ObjectionRegistered');
    const [append] = named('event-store.append');
    const projections = named('projection read-models');
    expect(projections.length).toBeGreaterThanOrEqual(1);
    expect(projections.map((p) => p.attributes['event.type'])).toContain('ObjectionRegistered');

    // One trace, and each span the child of the one before it.
    const traceId = request.spanContext().traceId;
    for (const span of [command, decide, append, ...projections]) expect(span.spanContext().traceId).toBe(traceId);
    expect(parentOf(command, spans)).toBe(request);
    expect(parentOf(decide, spans)).toBe(command);
    expect(parentOf(append, spans)).toBe(command);
    for (const projection of projections) expect(parentOf(projection, spans)).toBe(append);
  });

  it('given tracing off (the default), then no span is recorded', async () => {
    await tracing?.shutdown();
    tracing = undefined;
    exporter.reset();
    await api.handOver();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    expect(trace.getActiveSpan()).toBeUndefined();
  });
});
