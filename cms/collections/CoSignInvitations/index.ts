// 附议邀请: the proposer invites other representatives to co-sign a draft; each accepts or
// declines in their portal, and only then becomes a co-signer. While an invitation is open
// the invitee may read the proposal (its `invitees`), to decide.
import type { Access, CollectionConfig, Where } from 'payload'
import { canInviteCoSigners, canSetCoSigners, isStaff, proposalReadScope } from '../../../core/permissions'
import { InvitationStatuses, type InvitationStatus } from '../../../core/types'
import { scopeToWhere } from '../../access'
import { actorOfReq } from '../../access/actor'
import { createOnProposal } from '../../access/proposalRule'
import { checkInvitation } from './hooks/checkInvitation'
import { syncOnChange } from './hooks/syncOnChange'
import { syncOnWithdraw } from './hooks/syncOnWithdraw'

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
    beforeChange: [checkInvitation],
    afterChange: [syncOnChange],
    afterDelete: [syncOnWithdraw],
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
