import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { Public } from '../auth/auth.guard';
import { Clock, SimulatedClock, TimerService } from '@app/case-runtime';

export class ClockChangeDto {
  @ApiPropertyOptional({ example: '2026-03-01T09:00:00.000Z' }) @IsOptional() @IsISO8601({ strict: true }) set?: string;
  @ApiPropertyOptional({ description: 'Days to move forward' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  advanceDays?: number;
  @ApiPropertyOptional({ description: 'Seconds to move forward' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(315_360_000)
  advanceSeconds?: number;
}

export class ClockDto {
  @ApiProperty() now!: string;
  @ApiPropertyOptional({ description: 'Timers fired because the clock moved' }) firedTimers?: number;
}

/** Mounted only with CLOCK=simulated, which production mode refuses. */
@ApiTags('development')
@Public()
@Controller('dev/clock')
export class DevClockController {
  constructor(
    private readonly clock: Clock,
    private readonly timers: TimerService,
  ) {}

  @Get() now(): ClockDto {
    return { now: this.clock.now() };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set or advance the simulated clock' })
  async change(@Body() body: ClockChangeDto): Promise<ClockDto> {
    const clock = this.clock as SimulatedClock;
    if (body.set) clock.set(body.set);
    if (body.advanceDays) clock.advance(body.advanceDays * 86_400_000);
    if (body.advanceSeconds) clock.advance(body.advanceSeconds * 1000);
    // Whatever fell due on the way fires now, at each deadline's own time.
    return { now: clock.now(), firedTimers: await this.timers.runDue() };
  }
}
