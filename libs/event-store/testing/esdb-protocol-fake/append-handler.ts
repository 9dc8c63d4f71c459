/* eslint-disable @typescript-eslint/no-explicit-any -- the client's generated protobuf messages are untyped JavaScript */
import {
  IdempotencyViolation,
  WrongExpectedVersion,
  type EventData,
  type EventStore,
  type ExpectedRevision,
} from '../../src';
import { sharedPb, streamNameOf, streamsPb, toWire, uuidOf } from './messages';

type Call = NodeJS.EventEmitter & { on(event: 'data', fn: (req: any) => void): Call };
type Callback = (error: unknown, response?: unknown) => void;

/** Streams/Append: an options message, then the proposed events; one answer when the client ends. */
export function appendHandler(store: EventStore) {
  return (call: Call, callback: Callback) => {
    let streamId = '';
    let expected: ExpectedRevision = 'any';
    const events: EventData[] = [];
    call.on('data', (req: any) => {
      if (req.hasOptions()) {
        const o = req.getOptions();
        streamId = streamNameOf(o.getStreamIdentifier());
        expected = o.hasNoStream()
          ? 'no_stream'
          : o.hasStreamExists()
            ? 'stream_exists'
            : o.hasRevision()
              ? BigInt(o.getRevision())
              : 'any';
      } else if (req.hasProposedMessage()) {
        const m = req.getProposedMessage();
        const meta = m.getMetadataMap();
        events.push({
          id: uuidOf(m.getId()),
          type: meta.get('type'),
          data: JSON.parse(Buffer.from(m.getData_asU8()).toString('utf8') || 'null'),
          metadata: m.getCustomMetadata_asU8().length
            ? JSON.parse(Buffer.from(m.getCustomMetadata_asU8()).toString('utf8'))
            : {},
        });
      }
    });
    call.on('end', async () => {
      const resp = new streamsPb.AppendResp();
      try {
        const result = await store.append(streamId, events, { expectedRevision: expected });
        const success = new streamsPb.AppendResp.Success();
        success.setCurrentRevision(result.nextExpectedRevision.toString(10));
        const position = new streamsPb.AppendResp.Position();
        position.setCommitPosition(toWire(result.position.commit));
        position.setPreparePosition(toWire(result.position.prepare));
        success.setPosition(position);
        resp.setSuccess(success);
      } catch (error) {
        if (error instanceof IdempotencyViolation) return callback({ code: 3, details: error.message });
        if (!(error instanceof WrongExpectedVersion)) return callback(error);
        resp.setWrongExpectedVersion(wrongExpectedVersion(error));
      }
      callback(null, resp);
    });
  };
}

function wrongExpectedVersion(error: WrongExpectedVersion) {
  const w = new streamsPb.AppendResp.WrongExpectedVersion();
  if (error.actual === 'no_stream') w.setCurrentNoStream(new sharedPb.Empty());
  else w.setCurrentRevision(error.actual.toString(10));
  const e = error.expected;
  if (e === 'no_stream') w.setExpectedNoStream(new sharedPb.Empty());
  else if (e === 'stream_exists') w.setExpectedStreamExists(new sharedPb.Empty());
  else if (e === 'any') w.setExpectedAny(new sharedPb.Empty());
  else w.setExpectedRevision(e.toString(10));
  return w;
}
