import { Injectable } from '@nestjs/common';
import { evolve, initialCaseState, type CaseState } from '@app/case-domain';
import { CaseStreams } from './case-stream.port';

export interface LoadedCase {
  state: CaseState;
  revision: bigint | 'no_stream';
  recordedAt: string | null;
}

/** A case is the fold of its stream; nothing else is stored on the write side. */
@Injectable()
export class CaseRepository {
  constructor(private readonly streams: CaseStreams) {}

  async load(caseId: string): Promise<LoadedCase> {
    const stored = await this.streams.read(caseId);
    let state = initialCaseState;
    for (const s of stored) state = evolve(state, s.event);
    const last = stored[stored.length - 1];
    return { state, revision: last ? last.revision : 'no_stream', recordedAt: last?.recordedAt ?? null };
  }
}
