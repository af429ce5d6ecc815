// What the portal's proposal endpoints share: acting as the representative, reading a proposal
// they may see (else 404), the records around it, and a proposal in brief as the lists show it.
import type { PayloadRequest, Where } from 'payload'
import { StatusLabels } from '../../../core/lifecycle'
import { isEvaluableStatus } from '../../../core/permissions'
import { NextStep } from '../../../core/portal'
import type { Id, ProposalBrief } from '../../../core/portalApi'
import type { ProposalStatus } from '../../../core/types'
import { scopeToWhere } from '../../access'
import { idOf } from '../../access/actor'
import type { Proposal } from '../../payload-types'
import { refusal } from '../../portal/endpoint'

/** The Local API's options for acting as the signed-in representative: their access, not the system's. */
export const as = (req: PayloadRequest) => ({ user: req.user, overrideAccess: false as const })

/** The route's id (`:id`), or a 404 for anything that is not one. */
export const param = (req: PayloadRequest, name = 'id'): string => {
  const v = req.routeParams?.[name]
  if (typeof v !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw refusal(404, 'notFound', '找不到该记录')
  return v
}

/** Their own proposals, as proposer or co-signer: the `own` clause of the read scope (core/permissions.ts), translated as the access rules translate it. */
export const own = (rep: Id): Where => scopeToWhere([{ kind: 'own', representative: rep }]) as Where

/** One proposal as the representative may see it, or a 404 (someone else's, or none). */
export async function readProposal(req: PayloadRequest, id: Id, depth = 0): Promise<Proposal> {
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth, joins: false, ...as(req), disableErrors: true })
  if (!doc) throw refusal(404, 'notFound', '找不到该提案，或您无权查看')
  return doc
}

export const isEvaluable = (p: Proposal | undefined): boolean => !!p && isEvaluableStatus(p.status as ProposalStatus)

/** The records of one kind around proposals, oldest first, as the representative may read them. */
export async function listRelated<C extends 'instructions' | 'replies' | 'evaluations' | 'attachments' | 'co-sign-invitations' | 'resolution-answers'>(
  req: PayloadRequest,
  collection: C,
  where: Where,
  depth = 0,
) {
  return (await req.payload.find({ collection, where, depth, pagination: false, sort: 'createdAt', ...as(req) })).docs
}

/** A proposal in a list, from the side of representative `rep` (proposer or co-signer). */
export const brief = (p: Proposal, rep: Id): ProposalBrief => ({
  id: p.id,
  number: p.number ?? null,
  title: p.title,
  status: p.status,
  statusLabel: StatusLabels[p.status as ProposalStatus],
  nextStep: NextStep[p.status as ProposalStatus],
  role: idOf(p.proposer) === rep || String(idOf(p.proposer)) === String(rep) ? 'proposer' : 'coSigner',
  currentDue: p.currentDue ?? null,
  updatedAt: p.updatedAt,
})
