import type { CollectionConfig } from 'payload'
import { FollowUpKindLabels as KindLabels } from '../../../core/labels'
import { canRecordFollowUp } from '../../../core/permissions'
import { FollowUpKinds } from '../../../core/types'
import { appendOnly, staffRelatedReadable } from '../../access'
import { createOnProposal } from '../../access/proposalRule'
import { stampFollowUp } from './hooks/stampFollowUp'

/** 回访 and 验证: the office's visits and on-the-ground checks. The notes stay internal. */
export const FollowUps: CollectionConfig = {
  slug: 'follow-ups',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '回访验证', en: 'Follow-up' }, plural: { zh: '回访与验证', en: 'Follow-ups' } },
  // Titled by when it happened (a select's title would show its stored value); searched by its notes.
  admin: { useAsTitle: 'at', listSearchableFields: ['notes'], defaultColumns: ['proposal', 'kind', 'verified', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({ read: staffRelatedReadable, create: createOnProposal((a, p) => canRecordFollowUp(a, p)) }),
  hooks: {
    beforeChange: [stampFollowUp],
  },
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'kind', type: 'select', required: true, label: { zh: '方式', en: 'Kind' }, options: FollowUpKinds.map((k) => ({ value: k, label: KindLabels[k] })) },
    { name: 'at', type: 'date', label: { zh: '时间', en: 'When' } },
    { name: 'notes', type: 'textarea', required: true, label: { zh: '情况记录（内部）', en: 'Notes (internal)' } },
    {
      name: 'commitmentId',
      type: 'text',
      label: { zh: '验证的承诺事项编号', en: 'Commitment verified' },
      admin: { condition: (data) => data?.kind === 'verification' },
    },
    { name: 'verified', type: 'checkbox', label: { zh: '承诺已兑现', en: 'Promise kept' }, admin: { condition: (data) => data?.kind === 'verification' } },
    { name: 'by', type: 'relationship', relationTo: 'users', label: { zh: '记录人', en: 'By' }, admin: { readOnly: true } },
  ],
}
