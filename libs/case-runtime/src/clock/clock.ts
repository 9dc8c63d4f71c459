/** Time, injected: the only place the engine asks what time it is. */
export abstract class Clock {
  abstract now(): string;
}

export class SystemClock extends Clock {
  now(): string {
    return new Date().toISOString();
  }
}

/**
 * A clock that tests and demos move by hand (`POST /dev/clock`), so 14-day deadlines can be
 * exercised end to end in seconds. It never runs in production mode.
 */
export class SimulatedClock extends Clock {
  private current: number;

  constructor(start: string = new Date().toISOString()) {
    super();
    this.current = Date.parse(start);
  }

  now(): string {
    return new Date(this.current).toISOString();
  }

  set(instant: string): void {
    const ms = Date.parse(instant);
    if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${instant}`);
    this.current = ms;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** The clock a configuration asks for; tests hand in their own. */
export function clockFor(config: { clock: 'system' | 'simulated' }): Clock {
  return config.clock === 'simulated' ? new SimulatedClock() : new SystemClock();
}
