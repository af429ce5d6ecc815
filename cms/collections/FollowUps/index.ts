import type { CollectionConfig, Where } from 'payload'
import { FollowUpKindLabels as KindLabels } from '../../../core/labels'
import { canRecordFollowUp } from '../../../core/permissions'
import { FollowUpKinds } from '../../../core/types'
import { appendOnly, staffRelatedReadable } from '../../access'
import { createOnProposal } from '../../access/proposalRule'
import { checkFollowUp } from './hooks/checkFollowUp'
import { stampFollowUp } from './hooks/stampFollowUp'

/**
 * 回访 and 验证: the office's visits and on-the-ground checks. The notes stay internal. A
 * verification checks one commitment chosen from the proposal's (core/commitments.ts); one entered
 * by mistake is corrected by a new record naming it (never edited or deleted: append-only).
 */
export const FollowUps: CollectionConfig = {
  slug: 'follow-ups',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '回访验证', en: 'Follow-up' }, plural: { zh: '回访与验证', en: 'Follow-ups' } },
  // Titled in words (date, kind, commitment, finding: hooks/checkFollowUp.ts); searched by its notes.
  admin: { useAsTitle: 'title', listSearchableFields: ['notes'], defaultColumns: ['proposal', 'kind', 'verified', 'at'], group: { zh: '提案办理', en: 'Proposals' } },
  access: appendOnly({ read: staffRelatedReadable, create: createOnProposal((a, p) => canRecordFollowUp(a, p)) }),
  hooks: {
    beforeChange: [stampFollowUp, checkFollowUp],
  },
  fields: [
    // Written by checkFollowUp in words (date, kind, commitment, finding): what lists and choosers show.
    { name: 'title', type: 'text', label: { zh: '记录', en: 'Record' }, admin: { hidden: true }, access: { create: () => false, update: () => false } },
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'kind', type: 'select', required: true, label: { zh: '方式', en: 'Kind' }, options: FollowUpKinds.map((k) => ({ value: k, label: KindLabels[k] })) },
    { name: 'at', type: 'date', label: { zh: '时间', en: 'When' } },
    { name: 'notes', type: 'textarea', required: true, label: { zh: '情况记录（内部）', en: 'Notes (internal)' } },
    {
      name: 'commitmentId',
      type: 'text',
      label: { zh: '验证的承诺事项', en: 'Commitment verified' },
      admin: {
        condition: (data) => data?.kind === 'verification',
        // Chosen from the proposal's commitments, with their text and due date; never typed.
        components: { Field: '/cms/components/CommitmentPicker#CommitmentPicker' },
      },
    },
    { name: 'verified', type: 'checkbox', label: { zh: '承诺已兑现', en: 'Promise kept' }, admin: { condition: (data) => data?.kind === 'verification' } },
    {
      type: 'collapsible',
      label: { zh: '更正以前的验证记录', en: 'Correct an earlier verification' },
      admin: { initCollapsed: true, condition: (data) => data?.kind === 'verification' },
      fields: [
        {
          name: 'corrects',
          type: 'relationship',
          relationTo: 'follow-ups',
          label: { zh: '被更正的验证记录', en: 'Corrects' },
          admin: { description: { zh: '验证记录录错了，不删除原记录：在这里选中它，填写正确的结论和更正说明。公开网站会同时显示原记录和更正。', en: 'A mistaken verification is corrected by a new record naming it.' } },
          filterOptions: ({ data }): Where => ({ and: [{ proposal: { equals: data?.proposal ?? null } }, { kind: { equals: 'verification' } }] }),
        },
        { name: 'correctionNote', type: 'textarea', maxLength: 500, label: { zh: '更正说明', en: 'What is corrected' } },
      ],
    },
    { name: 'by', type: 'relationship', relationTo: 'users', label: { zh: '记录人', en: 'By' }, admin: { readOnly: true } },
  ],
}
