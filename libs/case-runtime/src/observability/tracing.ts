import { context, propagation, trace, type Context, type Span, SpanStatusCode } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { AppConfig } from '../config/config';

/** The engine's tracer. Without startTracing (the default) every span is a no-op that costs next to nothing. */
export const tracer = () => trace.getTracer('collection-dispute-engine');

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Turns tracing on for this process when OTEL_TRACES_EXPORTER asks for it (`otlp`: to
 * OTEL_EXPORTER_OTLP_ENDPOINT, read by the exporter itself; `console`), or with an exporter a test
 * passes (spans then export one by one). W3C trace context is the propagation format.
 */
export function startTracing(
  config: Pick<AppConfig, 'tracing'>,
  serviceName: string,
  exporter?: SpanExporter,
): Tracing | undefined {
  const chosen = exporter ?? exporterFor(config.tracing.exporter);
  if (!chosen) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.tracing.serviceName ?? serviceName }),
    spanProcessors: [exporter ? new SimpleSpanProcessor(chosen) : new BatchSpanProcessor(chosen)],
  });
  provider.register();
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

function exporterFor(kind: AppConfig['tracing']['exporter']): SpanExporter | undefined {
  switch (kind) {
    case 'otlp':
      return new OTLPTraceExporter();
    case 'console':
      return new ConsoleSpanExporter();
    case 'none':
      return undefined;
  }
}

/** Runs `work` in a span of its own (a child of the active one); an exception marks the span failed. */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's context as a W3C `traceparent`, to travel in an event's metadata; none when not tracing. */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` from an event's metadata names, for the spans of whoever handles the event later. */
export function contextFromTraceparent(traceparent: string): Context {
  return propagation.extract(context.active(), { traceparent });
}
