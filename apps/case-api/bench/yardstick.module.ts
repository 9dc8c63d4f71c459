import { Body, Controller, DynamicModule, Module, Post } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import { commandAt, caseViewOf, decide, fold, initialCaseState, type CaseView } from '@app/case-domain';
import { TokenVerifier, type AppConfig } from '@app/case-runtime';
import { AuthGuard, Public } from '../src/auth/auth.guard';
import { CaseId, CommandCtx, CommandRoute, type CommandContext } from '../src/cases/command-context';
import { PaymentDto } from '../src/cases/dto/money-and-closure.dto';
import { RegisterObjectionDto } from '../src/cases/dto/dispute.dto';
import { etagOf } from '../src/http/headers';
import { ProblemFilter } from '../src/http/problem.filter';
import { loggerModule } from '../src/logging/api-logger';

/** A case view of the size a command answers with, computed once: the yardstick's body costs what the app's does to send. */
function sampleView(): CaseView {
  const now = '2026-10-01T09:00:00.000Z';
  const data = {
    caseId: '00000000-0000-5000-8000-000000000000',
    creditorId: 'creditor-a',
    creditorReference: 'YARD-1',
    debtor: { id: 'd-1', name: 'Yard Stick', kind: 'consumer' as const, contact: {} },
    invoice: {
      number: '1',
      issueDate: '2026-08-01',
      dueDate: '2026-09-01',
      currency: 'NOK' as const,
      lines: [{ lineId: 'L1', description: 'Line', amount: 2_000_000 }],
    },
  };
  const decision = decide(initialCaseState, commandAt({ type: 'HandOverClaim', data }, now));
  if (!decision.ok) throw new Error('the sample handover was refused');
  return caseViewOf(fold(decision.events), '2026-10-01');
}

/** The same guard, validation, parameter decorators and headers as a command route; no command path behind it. */
@Controller('cases')
class YardstickCommandController {
  private readonly view = sampleView();

  @CommandRoute('payments', 'RegisterPayment', 'yardstick')
  payment(@CaseId() _id: string, @Body() body: PaymentDto, @CommandCtx() ctx: CommandContext) {
    return this.answer(body.toCommand().type, ctx);
  }

  @CommandRoute('objections', 'RegisterObjection', 'yardstick')
  objection(@CaseId() _id: string, @Body() body: RegisterObjectionDto, @CommandCtx() ctx: CommandContext) {
    return this.answer(body.toCommand().type, ctx);
  }

  private answer(type: string, ctx: CommandContext) {
    ctx.response.header('ETag', etagOf(7n));
    return { case: this.view, revision: '7', appended: [type] };
  }
}

/** Nest and nothing else: the floor under any route. */
@Public()
@Controller('cases')
class BareController {
  @Post(':caseId/:action')
  ok() {
    return { ok: true };
  }
}

/**
 * The benchmark's yardsticks, measured in the same run as the commands: `bare` (a Nest route,
 * no logging, guard or validation) and `plumbed` (the API's request log, bearer-token guard,
 * body parser and validation, problem filter and a case-sized answer, but no command path).
 */
@Module({})
export class YardstickModule {
  static bare(): DynamicModule {
    return { module: YardstickModule, controllers: [BareController] };
  }

  /** With the logger the HTTP server's request log writes to (see `httpAdapter`). */
  static plumbed(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: YardstickModule,
      imports: [loggerModule(logger)],
      controllers: [YardstickCommandController],
      providers: [
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
