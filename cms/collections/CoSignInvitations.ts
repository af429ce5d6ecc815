// 附议邀请: the proposer invites other representatives to co-sign a draft; each accepts or
// declines in their portal, and only then becomes a co-signer. While an invitation is open
// the invitee may read the proposal (its `invitees`), to decide.
import type { Access, CollectionConfig, Where } from 'payload'
import { sameId } from '../../core/lifecycle'
import { canAnswerInvitation, canInviteCoSigners, canSetCoSigners, isStaff, proposalReadScope } from '../../core/permissions'
import { MAX_CO_SIGNERS } from '../../core/portal'
import { InvitationStatuses, type InvitationStatus } from '../../core/types'
import { scopeToWhere } from '../access'
import { actorOfReq, idOf } from '../access/actor'
import { createOnProposal, proposalFacts } from '../access/proposalRule'
import { nowISO } from '../lib/clock'
import { refuse } from '../lib/refuse'

export const InvitationLabels: Record<InvitationStatus, string> = { invited: '待答复', accepted: '已同意附议', declined: '已谢绝' }

/** Staff within their scope; the proposal's own representatives; the invitee. */
const readable: Access = ({ req }) => {
  const a = actorOfReq(req)
  if (isStaff(a)) return scopeToWhere(proposalReadScope(a), 'proposal.')
  if (a.role !== 'representative' || a.id == null) return false
  return { or: [scopeToWhere([{ kind: 'own', representative: a.id }], 'proposal.') as Where, { representative: { equals: a.id } }] }
}

/** The invitee answers their own open invitation (the hook checks the proposal's status). */
const answerable: Access = ({ req }) => {
  const a = actorOfReq(req)
  const open: Where = { and: [{ representative: { equals: a.id } }, { status: { equals: 'invited' } }] }
  return a.role === 'representative' && a.id != null ? open : false
}

/** The proposer withdraws an unanswered invitation while the proposal is a draft. */
const withdrawable: Access = ({ req }) => {
  const a = actorOfReq(req)
  const mine: Where = { and: [{ 'proposal.proposer': { equals: a.id } }, { 'proposal.status': { equals: 'draft' } }, { status: { equals: 'invited' } }] }
  return a.role === 'representative' && a.id != null ? mine : false
}

/** Keeps the proposal's `invitees` (open invitations) and `coSigners` (accepted ones) in step. */
async function syncProposal(req: Parameters<Access>[0]['req'], proposal: string | number) {
  const all = await req.payload.find({ collection: 'co-sign-invitations', where: { proposal: { equals: proposal } }, depth: 0, pagination: false, overrideAccess: true, req })
  const doc = await req.payload.findByID({ collection: 'proposals', id: proposal, depth: 0, joins: false, overrideAccess: true, req })
  const coSigners = (doc.coSigners ?? []).map(idOf) as (string | number)[]
  for (const i of all.docs) if (i.status === 'accepted' && !coSigners.some((c) => sameId(c, idOf(i.representative)))) coSigners.push(idOf(i.representative)!)
  const invitees = all.docs.filter((i) => i.status === 'invited').map((i) => idOf(i.representative)!)
  // The system applying what an allowed answer means, not a person editing the proposal.
  await req.payload.update({
    collection: 'proposals',
    id: proposal,
    data: { coSigners: coSigners as number[], invitees: invitees as number[] },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

export const CoSignInvitations: CollectionConfig = {
  slug: 'co-sign-invitations',
  labels: { singular: { zh: '附议邀请', en: 'Co-sign invitation' }, plural: { zh: '附议邀请', en: 'Co-sign invitations' } },
  admin: { group: { zh: '代表', en: 'Representatives' }, defaultColumns: ['proposal', 'representative', 'status', 'answeredAt'] },
  disableDuplicate: true,
  access: {
    read: readable,
    create: createOnProposal((a, p) => canInviteCoSigners(a, p) || canSetCoSigners(a, p)),
    update: answerable,
    delete: withdrawable,
    readVersions: () => false,
  },
  hooks: {
    beforeChange: [
      async ({ data, req, operation, originalDoc }) => {
        const facts = await proposalFacts(req, data.proposal ?? originalDoc?.proposal)
        if (!facts) return refuse('找不到对应的提案', 'proposal')
        if (operation === 'create') {
          const invitee = idOf(data.representative)
          if (invitee == null) refuse('请选择要邀请的代表', 'representative')
          if (sameId(invitee, facts.proposer)) refuse('不能邀请提案人自己附议', 'representative')
          if (facts.coSigners.some((c) => sameId(c, invitee)) || (facts.invitees ?? []).some((c) => sameId(c, invitee)))
            refuse('已邀请过这位代表', 'representative')
          if (facts.coSigners.length + (facts.invitees ?? []).length >= MAX_CO_SIGNERS) refuse(`附议代表最多 ${MAX_CO_SIGNERS} 位`, 'representative')
          const rep = await req.payload.findByID({ collection: 'representatives', id: invitee!, depth: 0, overrideAccess: true, disableErrors: true, req })
          if (!rep || rep.active === false) refuse('找不到这位代表，或其账号已停用', 'representative')
          return { ...data, status: 'invited', answeredAt: null }
        }
        const to = data.status as InvitationStatus
        if (to === originalDoc?.status) return data
        if (to !== 'accepted' && to !== 'declined') refuse('请选择同意或不同意附议', 'status')
        if (!canAnswerInvitation(actorOfReq(req), facts, { representative: idOf(originalDoc?.representative)!, status: originalDoc?.status }))
          refuse('该提案已进入办理程序，邀请已不能答复', 'status')
        return { ...data, answeredAt: nowISO() }
      },
    ],
    afterChange: [
      async ({ doc, req, previousDoc, operation }) => {
        if (operation === 'create' || previousDoc?.status !== doc.status) await syncProposal(req, idOf(doc.proposal)!)
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        await syncProposal(req, idOf(doc.proposal)!)
        return doc
      },
    ],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' }, access: { update: () => false } },
    { name: 'representative', type: 'relationship', relationTo: 'representatives', required: true, index: true, label: { zh: '受邀代表', en: 'Invitee' }, access: { update: () => false } },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'invited',
      label: { zh: '答复', en: 'Answer' },
      options: InvitationStatuses.map((s) => ({ value: s, label: InvitationLabels[s] })),
    },
    { name: 'answeredAt', type: 'date', label: { zh: '答复时间', en: 'Answered' }, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } }, access: { create: () => false, update: () => false } },
  ],
}
