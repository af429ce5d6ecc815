// Access to a record that belongs to a proposal (instruction, reply, evaluation…), decided by
// a `core` predicate over the proposal's facts.
import type { Access, PayloadRequest } from 'payload'
import type { Actor, ProposalFacts } from '../../core/types'
import { loadFacts } from '../lib/facts'
import { actorOfReq, idOf } from './actor'

export async function proposalFacts(req: PayloadRequest, proposal: unknown): Promise<ProposalFacts | null> {
  const id = idOf(proposal)
  if (id == null) return null
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth: 0, joins: false, overrideAccess: true, req, disableErrors: true })
  return doc ? loadFacts(req, doc) : null
}

/** Create access: the record's `proposal` must exist and the rule must allow this actor on it. */
export const createOnProposal =
  (rule: (a: Actor, p: ProposalFacts, data: Record<string, any>) => boolean): Access =>
  async ({ req, data }) => {
    const actor = actorOfReq(req)
    if (actor.role === 'public') return false
    // Without data (the admin asking "may I create at all?") answer by role only.
    if (!data?.proposal) return true
    const facts = await proposalFacts(req, data.proposal)
    return !!facts && rule(actor, facts, data)
  }
