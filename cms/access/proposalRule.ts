// Access to a record that belongs to a proposal (instruction, reply, evaluation…), decided by
// a `core` predicate over the proposal's facts.
import type { Access, CollectionSlug, PayloadRequest } from 'payload'
import { mayEverCreate, type CreateRule } from '../../core/permissions'
import type { Actor, ProposalFacts } from '../../core/types'
import { loadFacts } from '../lib/facts'
import { actorOfReq, idOf } from './actor'

export async function proposalFacts(req: PayloadRequest, proposal: unknown): Promise<ProposalFacts | null> {
  const id = idOf(proposal)
  if (id == null) return null
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth: 0, joins: false, overrideAccess: true, req, disableErrors: true })
  return doc ? loadFacts(req, doc) : null
}

/**
 * Create access: the record's `proposal` must exist and the rule must allow this actor on it.
 * Asked without a proposal (the admin deciding whether to offer 新建 and "+"), the answer is
 * whether the rule could ever let this actor create one (core mayEverCreate).
 */
export const createOnProposal =
  (rule: CreateRule): Access =>
  async ({ req, data }) => {
    const actor = actorOfReq(req)
    if (actor.role === 'public') return false
    if (!data?.proposal) return mayEverCreate(actor, rule)
    const facts = await proposalFacts(req, data.proposal)
    return !!facts && rule(actor, facts, data)
  }

/**
 * Update or delete access for a record of a proposal (an attachment…), decided by a `core` rule
 * on its proposal: by id, that record's proposal; for many at once (a request with a query),
 * only the records, among those the actor may read, whose proposal the rule allows.
 */
export const onRecordsProposal =
  (collection: CollectionSlug, rule: (a: Actor, p: ProposalFacts) => boolean): Access =>
  async ({ req, id }) => {
    const actor = actorOfReq(req)
    if (actor.role === 'public') return false
    const allows = async (proposal: unknown) => {
      const facts = await proposalFacts(req, proposal)
      return !!facts && rule(actor, facts)
    }
    if (id != null) {
      const doc = (await req.payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as { proposal?: unknown } | null
      return !!doc && (await allows(doc.proposal))
    }
    const readable = await req.payload.find({ collection, depth: 0, pagination: false, user: req.user, overrideAccess: false, req })
    const verdicts = new Map<string, boolean>()
    const allowed: (string | number)[] = []
    for (const d of readable.docs as { id: string | number; proposal?: unknown }[]) {
      const key = String(idOf(d.proposal))
      if (!verdicts.has(key)) verdicts.set(key, await allows(d.proposal))
      if (verdicts.get(key)) allowed.push(d.id)
    }
    return { id: { in: allowed } }
  }
