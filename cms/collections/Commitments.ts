import type { CollectionConfig, FieldHook } from 'payload'
import { commitmentOutstanding, CommitmentRecordStateLabels, CommitmentRecordStates, type CommitmentRecordState } from '../../core/commitments'
import { ReplyClassLabels } from '../../core/labels'
import { dueText } from '../../core/deadlines'
import { ReplyClasses } from '../../core/types'
import { nobody, staffRelatedReadable } from '../access'
import { getCalendar } from '../lib/calendar'
import { nowISO } from '../lib/clock'

/** 到期情况, for a commitment still owed: how its 完成时限 stands today (core dueText: 剩 5 个工作日, 已逾期 3 个工作日…), read, never stored. */
const dueNote: FieldHook = async ({ siblingData, req }) => {
  const { state, dueDate } = (siblingData ?? {}) as { state?: string; dueDate?: string }
  if (!dueDate || !state || !commitmentOutstanding(state as CommitmentRecordState)) return null
  return dueText(dueDate, nowISO(), await getCalendar(req.payload, req))
}

/**
 * 承诺台账: every commitment (承诺事项) of a published reply, one record each, with its 完成时限,
 * the section that promised it, and where it stands (待兑现 / 已兑现 / 未兑现 / 已更正: core/commitments.ts
 * commitmentRecords, from the verifications and their corrections). Kept by the system
 * (cms/lib/commitmentLedger.ts) in the same transaction as the reply or follow-up that changes it;
 * nobody writes it. Staff read those of the proposals they may read; representatives and the
 * public never (the public reads the same states in the open data).
 */
export const Commitments: CollectionConfig = {
  slug: 'commitments',
  disableDuplicate: true,
  labels: { singular: { zh: '承诺事项', en: 'Commitment' }, plural: { zh: '承诺台账', en: 'Commitments ledger' } },
  admin: {
    useAsTitle: 'text',
    listSearchableFields: ['text'],
    group: { zh: '督办', en: 'Supervision' },
    defaultColumns: ['text', 'proposal', 'section', 'dueDate', 'state', 'dueNote', 'checkedAt'],
    description: { zh: '已公开答复中的每一项承诺事项：完成时限、承诺科室、兑现情况。由系统根据答复和现场验证记录自动生成，不能手工修改；验证记录有误时，请在“回访与验证”中录入更正记录。', en: 'Kept by the system from the replies and verifications.' },
    // Filters chosen by clicks: 承诺科室, 状态, 完成时限, 届次 (cms/lib/listFilterOptions.ts); 导出 Excel (cms/endpoints/excelExport.ts).
    components: { beforeListTable: ['/cms/components/ListFilters#CommitmentFilters'] },
  },
  defaultSort: 'dueDate',
  access: { read: staffRelatedReadable, create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  fields: [
    { name: 'text', type: 'text', required: true, label: { zh: '承诺事项', en: 'Commitment' }, admin: { readOnly: true } },
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' }, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'dueDate', type: 'text', required: true, index: true, label: { zh: '完成时限', en: 'Due' }, admin: { readOnly: true } },
        {
          name: 'state',
          type: 'select',
          required: true,
          index: true,
          options: CommitmentRecordStates.map((s) => ({ value: s, label: CommitmentRecordStateLabels[s] })),
          label: { zh: '状态', en: 'State' },
          admin: { readOnly: true },
        },
        { name: 'outstanding', type: 'checkbox', index: true, label: { zh: '尚未兑现', en: 'Outstanding' }, admin: { readOnly: true, hidden: true } },
        {
          name: 'dueNote',
          type: 'text',
          virtual: true,
          label: { zh: '到期情况', en: 'Due state' },
          admin: { readOnly: true, disableListFilter: true },
          hooks: { afterRead: [dueNote] },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'section', type: 'relationship', relationTo: 'sections', index: true, label: { zh: '承诺科室', en: 'Section' }, admin: { readOnly: true, description: { zh: '空：代表工作室', en: 'empty: the office' } } },
        { name: 'session', type: 'relationship', relationTo: 'sessions', index: true, label: { zh: '届次', en: 'Session' }, admin: { readOnly: true } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'reply', type: 'relationship', relationTo: 'replies', required: true, index: true, label: { zh: '答复', en: 'Reply' }, admin: { readOnly: true } },
        { name: 'round', type: 'number', required: true, label: { zh: '答复轮次', en: 'Round' }, admin: { readOnly: true } },
        { name: 'replyClass', type: 'select', required: true, options: ReplyClasses.map((c) => ({ value: c, label: ReplyClassLabels[c] })), label: { zh: '答复类别', en: 'Class' }, admin: { readOnly: true } },
        { name: 'publishedAt', type: 'date', required: true, label: { zh: '答复公开时间', en: 'Reply published' }, admin: { readOnly: true } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'checkedAt', type: 'date', label: { zh: '验证时间', en: 'Checked' }, admin: { readOnly: true, description: { zh: '有效的现场验证记录的时间', en: 'The standing verification' } } },
        { name: 'standing', type: 'relationship', relationTo: 'follow-ups', label: { zh: '有效的验证记录', en: 'Standing verification' }, admin: { readOnly: true } },
        { name: 'corrected', type: 'checkbox', label: { zh: '验证记录经更正', en: 'Corrected' }, admin: { readOnly: true } },
      ],
    },
    // The reply's commitment this record stands for (the array row's id): the system's key, shown to nobody.
    { name: 'commitmentId', type: 'text', required: true, unique: true, label: { zh: '承诺事项编号', en: 'Key' }, admin: { hidden: true, disableListColumn: true, disableListFilter: true } },
  ],
}
