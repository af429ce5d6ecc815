import type { CollectionConfig } from 'payload'
import { DutyActions } from '../../core/duties'
import { DutyLabels } from '../../core/labels'
import { RoleLabels } from '../../core/lifecycle'
import { Roles } from '../../core/types'
import { nobody, staffRelatedReadable } from '../access'

/**
 * 待办事项: what waits on whom (core/duties.ts plannedDuties), one row per action owed on a
 * proposal, kept by the system (cms/lib/derived.ts) whenever the proposal or one of its records
 * changes, so the workbench and 待我处理 count and list them in the database. Nobody writes them;
 * staff read those of the proposals they may read; representatives and the public never.
 */
export const Duties: CollectionConfig = {
  slug: 'duties',
  disableDuplicate: true,
  labels: { singular: { zh: '待办事项', en: 'Duty' }, plural: { zh: '待办事项', en: 'Duties' } },
  admin: { hidden: true, useAsTitle: 'action', defaultColumns: ['proposal', 'action', 'due'] },
  access: { read: staffRelatedReadable, create: nobody, update: nobody, delete: nobody, readVersions: nobody },
  // Every queue asks for one role's duties of one action (cms/lib/queues.ts owedBy): with both in one
  // index a count reads that action's rows, not all of the role's (the office's are ~4,300 at 10k
  // proposals; docs/benchmarks.md, the workbench).
  indexes: [{ fields: ['role', 'action'] }],
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: DutyActions.map((a) => ({ value: a, label: DutyLabels[a] })),
      label: { zh: '事项', en: 'Action' },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      index: true,
      options: Roles.map((r) => ({ value: r, label: RoleLabels[r] })),
      label: { zh: '由谁办理', en: 'Role' },
    },
    { name: 'section', type: 'relationship', relationTo: 'sections', index: true, label: { zh: '科室', en: 'Section' } },
    { name: 'person', type: 'relationship', relationTo: 'representatives', index: true, label: { zh: '代表', en: 'Representative' } },
    { name: 'due', type: 'text', index: true, label: { zh: '期限', en: 'Due' } },
    { name: 'from', type: 'text', label: { zh: '开始日期', en: 'From' } },
    { name: 'until', type: 'text', label: { zh: '截止日期', en: 'Until' } },
    { name: 'subject', type: 'text', label: { zh: '涉及的答复或承诺', en: 'Subject' } },
  ],
}
