/* eslint-disable @typescript-eslint/no-require-imports */
import type { RecordedEvent } from '../../src';

// The client package's own generated protobuf code: the fake speaks exactly what the client speaks.
export const streamsPb = require('@eventstore/db-client/generated/streams_pb');
export const streamsGrpc = require('@eventstore/db-client/generated/streams_grpc_pb');
export const sharedPb = require('@eventstore/db-client/generated/shared_pb');
export const featuresPb = require('@eventstore/db-client/generated/serverfeatures_pb');
export const featuresGrpc = require('@eventstore/db-client/generated/serverfeatures_grpc_pb');

/**
 * The fake spreads positions out (a real log's positions are byte offsets), so an adapter that
 * assumed dense positions would fail the contract suite.
 */
export const POSITION_STRIDE = 64n;
export const toWire = (p: bigint) => (p * POSITION_STRIDE).toString(10);
export const fromWire = (commit: string) => BigInt(commit) / POSITION_STRIDE;

const TICKS_PER_MS = 10_000n;

export function streamNameOf(identifier: { getStreamName_asU8(): Uint8Array }): string {
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function uuidOf(uuid: {
  hasString(): boolean;
  getString(): string;
  getStructured(): { getMostSignificantBits(): string; getLeastSignificantBits(): string };
}): string {
  if (uuid.hasString()) return uuid.getString();
  const s = uuid.getStructured();
  const hex =
    BigInt.asUintN(64, BigInt(s.getMostSignificantBits())).toString(16).padStart(16, '0') +
    BigInt.asUintN(64, BigInt(s.getLeastSignificantBits())).toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Our stored event as a ReadResp carrying a ReadEvent, as the server sends it. */
export function readResponse(e: RecordedEvent) {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(e.id);
  recorded.setId(id);
  const stream = new sharedPb.StreamIdentifier();
  stream.setStreamName(Buffer.from(e.streamId, 'utf8'));
  recorded.setStreamIdentifier(stream);
  recorded.setStreamRevision(e.revision.toString(10));
  recorded.setCommitPosition(toWire(e.position.commit));
  recorded.setPreparePosition(toWire(e.position.prepare));
  const meta = recorded.getMetadataMap();
  meta.set('type', e.type);
  meta.set('content-type', 'application/json');
  meta.set('created', (BigInt(Date.parse(e.created)) * TICKS_PER_MS).toString(10));
  recorded.setData(Buffer.from(JSON.stringify(e.data), 'utf8'));
  recorded.setCustomMetadata(Buffer.from(JSON.stringify(e.metadata), 'utf8'));
  const readEvent = new streamsPb.ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(toWire(e.position.commit));
  const resp = new streamsPb.ReadResp();
  resp.setEvent(readEvent);
  return resp;
}
