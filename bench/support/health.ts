/** One `/health` answer and how long it took (ms); status 0 when nothing answered. */
export async function health(url: string, timeoutMs = 5000): Promise<{ status: number; ms: number; body: HealthBody }> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as HealthBody;
    return { status: res.status, ms: performance.now() - started, body };
  } catch {
    return { status: 0, ms: performance.now() - started, body: {} };
  }
}

export interface HealthBody {
  info?: {
    projection?: { events?: number; projector?: string };
    background?: { condition?: string; timerIndex?: { state?: string }; timers?: { state?: string; fired?: number } };
  };
}

/** Whether the server has caught up: read models and timer index live, no backlog firing. */
export function caughtUp(body: HealthBody): boolean {
  return body.info?.projection?.events === 0 && body.info?.background?.condition === 'live';
}

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (values: number[]) => percentile(values, 50);
