// What a request for a later reply deadline (申请延期) is judged against, read once for the hooks
// and the admin's screens alike: the proposal as stored, its facts, the working calendar and its
// session's settings, the deadline in force and the cap (core/extensions.ts).
import type { PayloadRequest } from 'payload'
import type { WorkingCalendar } from '../../core/calendar'
import { extensionCap } from '../../core/extensions'
import { replyDeadlineInForce } from '../../core/proposalFacts'
import type { DeadlineSettings, ProposalFacts } from '../../core/types'
import { idOf } from '../access/actor'
import type { Proposal } from '../payload-types'
import { deadlineSettingsOf, getCalendar } from './calendar'
import { factsFromDoc } from './facts'

export interface ExtensionContext {
  proposal: Proposal
  facts: ProposalFacts
  calendar: WorkingCalendar
  settings: DeadlineSettings
  /** The reply deadline in force now (YYYY-MM-DD), null before 交办. */
  inForce: string | null
  /** The latest date an extension may reach, null before 交办. */
  cap: string | null
}

/** The proposal `id` and what its extension is judged against (the system reading its own records); null when there is none. */
export async function extensionContext(req: PayloadRequest, id: unknown): Promise<ExtensionContext | null> {
  const pid = idOf(id)
  if (pid == null) return null
  const proposal = await req.payload.findByID({ collection: 'proposals', id: pid, depth: 0, joins: false, overrideAccess: true, disableErrors: true, req })
  if (!proposal) return null
  const sessionId = idOf(proposal.session)
  const session = sessionId != null ? await req.payload.findByID({ collection: 'sessions', id: sessionId, depth: 0, overrideAccess: true, disableErrors: true, req }) : null
  const facts = factsFromDoc(proposal)
  const calendar = await getCalendar(req.payload, req)
  const settings = deadlineSettingsOf(session)
  return { proposal, facts, calendar, settings, inForce: replyDeadlineInForce(facts.assignment), cap: extensionCap(facts, calendar, settings) }
}
