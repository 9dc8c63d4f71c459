import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { tracer } from '@app/case-runtime';

const SPAN = Symbol('request span');
type Traced = FastifyRequest & { [SPAN]?: Span };

/**
 * A server span for every request, from its arrival to its answer, named by the route and
 * carrying its correlation id; a no-op unless tracing is on (OTEL_TRACES_EXPORTER).
 */
export function traceRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: Traced, _reply, done) => {
    request[SPAN] = tracer().startSpan(request.method, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'correlation.id': String(request.id) },
    });
    done();
  });
  fastify.addHook('onResponse', (request: Traced, reply, done) => {
    const span = request[SPAN];
    if (span) {
      const route = request.routeOptions?.url;
      if (route) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}

/** Runs the route's handler inside its request's span, so the command's spans are its children. */
export class RequestSpanInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const span = execution.switchToHttp().getRequest<Traced>()[SPAN];
    if (!span) return next.handle();
    const active = trace.setSpan(context.active(), span);
    return new Observable((subscriber) => context.with(active, () => next.handle().subscribe(subscriber)));
  }
}
