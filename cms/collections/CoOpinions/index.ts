import type { CollectionConfig } from 'payload'
import { canWriteCoOpinion } from '../../../core/permissions'
import { appendOnly, staffRelatedReadable } from '../../access'
import { createOnProposal } from '../../access/proposalRule'
import { stampAt, stampedAt } from '../../fields/stampedAt'
import { stampAuthor } from './hooks/stampAuthor'

/** 协办意见: a co-section's written input to the lead section. Internal; the public sees only that it was given. */
export const CoOpinions: CollectionConfig = {
  slug: 'co-opinions',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '协办意见', en: 'Co-opinion' }, plural: { zh: '协办意见', en: 'Co-opinions' } },
  admin: { useAsTitle: 'text', defaultColumns: ['proposal', 'section', 'author', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  // Representatives never read internal co-opinions.
  access: appendOnly({ read: staffRelatedReadable, create: createOnProposal((a, p) => canWriteCoOpinion(a, p)) }),
  hooks: {
    beforeChange: [stampAt, stampAuthor],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'section', type: 'relationship', relationTo: 'sections', label: { zh: '协办科室', en: 'Section' }, admin: { readOnly: true } },
    { name: 'author', type: 'relationship', relationTo: 'users', label: { zh: '填写人', en: 'Author' }, admin: { readOnly: true } },
    { name: 'text', type: 'textarea', required: true, minLength: 2, maxLength: 5000, label: { zh: '意见', en: 'Opinion' } },
    stampedAt(),
  ],
}
