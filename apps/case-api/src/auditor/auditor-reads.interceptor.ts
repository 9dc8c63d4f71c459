import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import { recordCaseRead } from '@app/audit';
import type { EventStore } from '@app/event-store';
import { Clock, EVENT_STORE, type Principal } from '@app/case-runtime';

/**
 * Every read of a case by the auditor role is recorded (who, which route, when) before the answer
 * goes out: a read that could not be recorded is not answered, so the log misses none.
 */
@Injectable()
export class AuditorReadsInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest();
    const principal: Principal | undefined = request.principal;
    const caseId: string | undefined = request.params?.caseId;
    if (request.method !== 'GET' || principal?.role !== 'auditor' || !caseId) return next.handle();
    const path = String(request.routeOptions?.url ?? request.url).split('?')[0];
    const route = `GET ${path.replace(':caseId', '{id}')}`;
    const query = Object.fromEntries(Object.entries(request.query ?? {}).map(([k, v]) => [k, String(v)]));
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          recordCaseRead(this.store, caseId, {
            at: this.clock.now(),
            subject: principal.subject,
            role: principal.role,
            route,
            query,
          }).then(() => body),
        ),
      ),
    );
  }
}
