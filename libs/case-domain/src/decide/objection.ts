import type { CommandOf } from '../commands/case-commands';
import { DOCUMENT_PARTIES, OBJECTION_CHANNELS } from '../commands/command-variants';
import { packOf } from '../packs';
import { stageAtObjectionIn } from '../machine/status';
import type { CaseFacts, CaseState } from '../state/case-state';
import { invalid, type Draft } from './rejection';

function required(value: string | undefined, field: string, what: string) {
  return value?.trim() ? null : invalid(`${what} is required.`, field);
}

/** The lines still open (not fully credited): only these can be disputed. */
function openLineIds(facts: CaseFacts): string[] {
  return facts.lines.filter((l) => l.amount > l.credited).map((l) => l.lineId);
}

export const objectionDeciders = {
  RegisterObjection(facts: CaseFacts, { at, data }: CommandOf<'RegisterObjection'>, state: CaseState): Draft {
    const missing = required(data.debtorStatement, 'debtorStatement', "The debtor's statement");
    if (missing) return missing;
    if (!OBJECTION_CHANNELS.includes(data.channel)) {
      return invalid(`channel must be one of ${OBJECTION_CHANNELS.join(', ')}.`, 'channel');
    }
    const open = openLineIds(facts);
    const named = data.lineIds?.length ? [...new Set(data.lineIds)] : open;
    const unknown = named.find((id) => !open.includes(id));
    if (unknown) return invalid(`Line ${unknown} is not an open line of this invoice.`, 'lineIds');
    // Only an objection to the whole claim stops collection: the debtor may not withhold the rest.
    const whole = named.length === open.length;
    return [
      {
        type: 'ObjectionRegistered',
        data: {
          at,
          scope: whole ? 'full' : 'partial',
          lineIds: named,
          pausesCollection: whole,
          debtorStatement: data.debtorStatement,
          channel: data.channel,
          stageAtObjection: stageAtObjectionIn(state.snapshot)!,
        },
      },
    ];
  },

  RejectObjection(_: CaseFacts, { at, data }: CommandOf<'RejectObjection'>): Draft {
    // Every objection must be answered, even an obviously groundless one.
    return (
      required(data.writtenAnswer, 'writtenAnswer', 'A written answer to the debtor') ?? [
        { type: 'ObjectionRejectedByAgency', data: { at, writtenAnswer: data.writtenAnswer } },
      ]
    );
  },

  /** Norway asks the debtor; Denmark asks both sides (the creditor carries the burden of proof). */
  RequestDocuments(facts: CaseFacts, { at, data }: CommandOf<'RequestDocuments'>): Draft {
    const missing = required(data.request, 'request', 'What is asked');
    if (missing) return missing;
    const askedOf = packOf(facts).documentsAskedOf;
    if (askedOf === null) {
      if (data.from !== undefined && data.from !== 'debtor')
        return invalid('Documents are asked of the debtor under this rule pack.', 'from');
      return [{ type: 'DocumentsRequested', data: { at, request: data.request } }];
    }
    const from = data.from ?? askedOf;
    if (!DOCUMENT_PARTIES.includes(from)) return invalid(`from must be one of ${DOCUMENT_PARTIES.join(', ')}.`, 'from');
    return [{ type: 'DocumentsRequested', data: { at, request: data.request, from } }];
  },

  RecordDocumentsReceived(facts: CaseFacts, { at, data }: CommandOf<'RecordDocumentsReceived'>): Draft {
    const missing = required(data.description, 'description', 'A description of what was received');
    if (missing) return missing;
    if (packOf(facts).documentsAskedOf === null) {
      if (data.from !== undefined && data.from !== 'debtor')
        return invalid('Documents come from the debtor under this rule pack.', 'from');
      return [{ type: 'DocumentsReceived', data: { at, description: data.description } }];
    }
    const from = data.from ?? 'debtor';
    if (!DOCUMENT_PARTIES.includes(from)) return invalid(`from must be one of ${DOCUMENT_PARTIES.join(', ')}.`, 'from');
    return [{ type: 'DocumentsReceived', data: { at, description: data.description, from } }];
  },

  ReferObjectionToCreditor(_: CaseFacts, { at, data }: CommandOf<'ReferObjectionToCreditor'>): Draft {
    return [{ type: 'ObjectionReferredToCreditor', data: { at, note: data.note ?? '' } }];
  },
};
