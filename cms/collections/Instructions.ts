import type { CollectionConfig } from 'payload'
import { canInstruct } from '../../core/permissions'
import { appendOnly, relatedReadable } from '../access'
import { actorOfReq } from '../access/actor'
import { createOnProposal } from '../access/proposalRule'
import { stampAt, stampedAt } from '../fields/stampedAt'

/** 批示: a leader's written direction. Permanent: never edited, never deleted. */
export const Instructions: CollectionConfig = {
  slug: 'instructions',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '批示', en: 'Instruction' }, plural: { zh: '领导批示', en: 'Instructions' } },
  admin: { useAsTitle: 'text', defaultColumns: ['proposal', 'leader', 'text', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({ read: relatedReadable(), create: createOnProposal((a, p) => canInstruct(a, p)) }),
  hooks: {
    beforeChange: [stampAt, ({ data, req, operation }) => (operation === 'create' ? { ...data, leader: actorOfReq(req).id } : data)],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'leader', type: 'relationship', relationTo: 'users', label: { zh: '批示领导', en: 'Leader' }, admin: { readOnly: true } },
    { name: 'text', type: 'textarea', required: true, minLength: 2, maxLength: 2000, label: { zh: '批示内容', en: 'Text' } },
    stampedAt({ label: { zh: '批示时间', en: 'Instructed at' } }),
  ],
}
