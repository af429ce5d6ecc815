// The sweep's commitment obligations (core/sweep.ts CommitmentObligation) from the stored ledger
// (承诺台账, cms/collections/Commitments.ts): the same obligations `commitmentObligations` plans
// from a proposal's replies and follow-ups, read from rows the database already keeps — so a sweep
// over many proposals can ask for the commitments still owed (`outstanding`) in one query instead
// of loading every proposal's replies. A superseded commitment (its reply corrected) is no obligation.
import type { CommitmentRecordState } from './commitments'
import type { CommitmentObligation, ProposalRef } from './sweep'

type Id = string | number

/** What a ledger row gives the sweep (as stored: relationships as ids). */
export interface LedgerObligationRow {
  commitmentId: string
  text: string
  dueDate: string
  /** The promising section; null: the office's own reply. */
  section: Id | null
  state: CommitmentRecordState
}

/** A proposal's ledger rows as sweep obligations, in the order given (the rows of superseded replies left out). */
export function ledgerObligations(ref: ProposalRef, rows: readonly LedgerObligationRow[]): CommitmentObligation[] {
  return rows.flatMap((r) =>
    r.state === 'superseded' ? [] : [{ ...ref, kind: 'commitment' as const, commitment: r.commitmentId, text: r.text, due: r.dueDate, section: r.section, state: r.state }],
  )
}
