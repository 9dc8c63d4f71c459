import { Injectable } from '@nestjs/common';
import { fold, type CaseState } from '@app/case-domain';
import { CaseStreams, type StoredCaseEvent, type StreamRevision } from './case-streams.port';

export interface LoadedCase {
  state: CaseState;
  stored: StoredCaseEvent[];
  revision: StreamRevision;
  recordedAt: string | null;
}

/** A case is the fold of its stream; nothing else is stored on the write side. */
export async function loadCase(streams: CaseStreams, caseId: string): Promise<LoadedCase> {
  const stored = await streams.read(caseId);
  const last = stored[stored.length - 1];
  return {
    state: fold(stored.map((s) => s.event)),
    stored,
    revision: last ? last.revision : 'no_stream',
    recordedAt: last?.recordedAt ?? null,
  };
}

@Injectable()
export class CaseRepository {
  constructor(private readonly streams: CaseStreams) {}

  load(caseId: string): Promise<LoadedCase> {
    return loadCase(this.streams, caseId);
  }
}
