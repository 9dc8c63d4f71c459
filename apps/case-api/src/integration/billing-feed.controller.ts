import { Controller, Get, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BillingFeed, InvalidCursor } from '@app/billing';
import { Roles } from '../auth/auth.guard';
import { Problems } from '../http/problem';

/** The longest a long-poll is held open: below common proxy and load-balancer idle timeouts. */
export const MAX_WAIT_SECONDS = 30;

class FeedQuery {
  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page; absent: from the beginning' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;

  @ApiPropertyOptional({ description: 'Billing events per page at most (1–1000, default 100)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    description: `Seconds to wait for an event when there is none yet (0–${MAX_WAIT_SECONDS}, default 0)`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_WAIT_SECONDS)
  wait?: number;
}

/** The pull side of the billing integration: billing events in log order, paged by cursor, long-polled. */
@ApiTags('integration')
@ApiBearerAuth()
@Controller('integration/billing')
export class BillingFeedController {
  constructor(private readonly feed: BillingFeed) {}

  @Get('events')
  @Roles('billing')
  @ApiOperation({
    summary: 'Billing events after a cursor (versioned contract; schemas in libs/billing/schemas)',
  })
  async events(@Query() q: FeedQuery, @Req() request: FastifyRequest) {
    // A consumer that hangs up ends its long-poll: nobody is left to answer.
    const gone = new AbortController();
    const hangUp = () => gone.abort();
    request.raw.once('close', hangUp);
    try {
      const page = await this.feed.read({
        after: q.after,
        limit: q.limit ?? 100,
        waitMs: (q.wait ?? 0) * 1000,
        signal: gone.signal,
      });
      return { events: page.events, next: page.next, caughtUp: page.caughtUp };
    } catch (error) {
      if (error instanceof InvalidCursor) {
        throw Problems.invalid(error.message, [{ field: 'after', messages: [error.message] }]);
      }
      throw error;
    } finally {
      request.raw.off('close', hangUp);
    }
  }
}
