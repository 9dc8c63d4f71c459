import type { AddressInfo } from 'node:net';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE, streamOf } from '@app/case-runtime';
// The API's own end-to-end harness (the real app on a fresh SQLite file, a simulated clock, tokens): a system test
// of that app may drive it the way its e2e tests do.
// eslint-disable-next-line no-restricted-imports
import { Api } from '../../apps/case-api/test/api-harness';
import { HttpClient } from './http';

/** The real app in this process (the e2e harness), listening on 127.0.0.1 so requests are real HTTP. */
export class InProcessApi {
  readonly api = new Api();
  client!: HttpClient;
  store!: EventStore;

  get tokens(): Record<string, string> {
    return this.api.tokens;
  }

  async start(env: Record<string, string> = {}): Promise<this> {
    await this.api.start(env);
    await this.api.app.listen(0, '127.0.0.1');
    const { port } = this.api.app.getHttpServer().address() as AddressInfo;
    this.client = new HttpClient(`http://127.0.0.1:${port}`);
    this.store = this.api.app.get<EventStore>(EVENT_STORE);
    return this;
  }

  async stop(): Promise<void> {
    this.client?.close();
    await this.api.stop();
  }

  /** The head of `$all` (its last position), as text: anything appended anywhere moves it. */
  async head(): Promise<string> {
    const [last] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    return last ? `${last.position.commit}/${last.position.prepare}` : 'empty';
  }

  /** The streams of the events appended after `head` (a position as `head()` gives it), newest first. */
  async streamsAppendedSince(head: string, max = 100): Promise<string[]> {
    const streams: string[] = [];
    for (const event of await this.store.readAll({ direction: 'backwards', maxCount: max })) {
      if (`${event.position.commit}/${event.position.prepare}` === head) break;
      streams.push(event.streamId);
    }
    return streams;
  }

  /** The revision a case's stream is at, or -1 when it has none. */
  async revisionOf(caseId: string): Promise<bigint> {
    const [last] = await this.store.readStream(streamOf(caseId), { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1n;
  }
}
