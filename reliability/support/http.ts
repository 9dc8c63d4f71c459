import http from 'node:http';

/** What came back from one request. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  ms: number;
}

/** A request that got no HTTP answer at all: refused, reset, or timed out. */
export class NoAnswer extends Error {
  constructor(readonly reason: string) {
    super(`no answer: ${reason}`);
  }
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  token?: string;
  headers?: Record<string, string>;
  /** A JSON body (serialised here), or `raw` for bytes sent as they are. */
  json?: unknown;
  raw?: string | Buffer;
  timeoutMs?: number;
}

/**
 * A small HTTP/1.1 client on loopback with keep-alive, built on node:http so every byte and
 * header goes out as written (no fetch normalisation) and a dead server is a `NoAnswer`.
 */
export class HttpClient {
  readonly agent: http.Agent;
  readonly url: URL;

  constructor(base: string, options: { sockets?: number } = {}) {
    this.url = new URL(base);
    if (this.url.hostname !== '127.0.0.1') throw new Error(`reliability runs on 127.0.0.1 only, not ${base}`);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets ?? 64 });
  }

  request(spec: RequestSpec): Promise<Answer> {
    const headers: Record<string, string | number> = { ...(spec.headers ?? {}) };
    if (spec.token !== undefined) headers.Authorization = `Bearer ${spec.token}`;
    let payload: Buffer | undefined;
    if (spec.raw !== undefined) payload = Buffer.isBuffer(spec.raw) ? spec.raw : Buffer.from(spec.raw);
    else if (spec.json !== undefined) {
      payload = Buffer.from(JSON.stringify(spec.json));
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['Content-Type'] = 'application/json';
      }
    }
    if (payload) headers['Content-Length'] = payload.length;
    const started = performance.now();
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: Number(this.url.port),
          method: spec.method,
          path: spec.path,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => reject(new NoAnswer(e.message)));
          res.on('aborted', () => reject(new NoAnswer('response aborted')));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = undefined;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body, ms: performance.now() - started });
          });
        },
      );
      req.setTimeout(spec.timeoutMs ?? 15_000, () => req.destroy(new Error('timeout')));
      req.on('error', (e: NodeJS.ErrnoException) => reject(new NoAnswer(e.code ?? e.message)));
      if (payload) req.write(payload);
      req.end();
    });
  }

  get(path: string, token?: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', path, token, headers });
  }

  post(path: string, json: unknown, token?: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', path, json, token, headers });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `tasks` with at most `limit` at once, keeping order in the result. */
export async function pool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  });
  await Promise.all(workers);
  return results;
}
