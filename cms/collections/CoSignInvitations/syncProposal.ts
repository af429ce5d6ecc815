// Keeps the proposal's `invitees` (open invitations) and `coSigners` (accepted ones) in step with
// its invitations. Run by the hooks after an invitation is made, answered or withdrawn.
import type { PayloadRequest } from 'payload'
import { sameId } from '../../../core/lifecycle'
import { docId, idOf } from '../../access/actor'

export async function syncProposal(req: PayloadRequest, proposal: string | number): Promise<void> {
  const all = await req.payload.find({ collection: 'co-sign-invitations', where: { proposal: { equals: proposal } }, depth: 0, pagination: false, overrideAccess: true, req })
  const doc = await req.payload.findByID({ collection: 'proposals', id: proposal, depth: 0, joins: false, overrideAccess: true, req })
  const coSigners = (doc.coSigners ?? []).map((c) => idOf(c)!)
  for (const i of all.docs) if (i.status === 'accepted' && !coSigners.some((c) => sameId(c, idOf(i.representative)))) coSigners.push(idOf(i.representative)!)
  const invitees = all.docs.filter((i) => i.status === 'invited').map((i) => idOf(i.representative)!)
  // The system applying what an allowed answer means, not a person editing the proposal.
  await req.payload.update({
    collection: 'proposals',
    id: proposal,
    data: { coSigners: coSigners.map((c) => docId(c)), invitees: invitees.map((i) => docId(i)) },
    overrideAccess: true,
    depth: 0,
    req,
  })
}
