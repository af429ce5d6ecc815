// A leader writes an instruction in the proposal's "批示意见" box (a virtual field); after the
// save it becomes an immutable instruction record, written with the leader's own access.
import type { CollectionAfterChangeHook } from 'payload'
import type { Proposal } from '../../../payload-types'

export const createInstruction: CollectionAfterChangeHook<Proposal> = async ({ doc, data, req }) => {
  const text = typeof data?.newInstruction === 'string' ? data.newInstruction.trim() : ''
  if (!text) return doc
  await req.payload.create({
    collection: 'instructions',
    data: { proposal: doc.id, text, leader: req.user!.id },
    user: req.user,
    overrideAccess: false,
    req,
  })
  return doc
}
