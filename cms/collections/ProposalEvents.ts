import type { CollectionConfig } from 'payload'
import { RoleLabels } from '../../core/lifecycle'
import { Roles } from '../../core/types'
import { appendOnly, nobody, staffRelatedReadable } from '../access'

/** The append-only event log: who, when, from → to, what. No API can write, change or delete it. */
export const ProposalEvents: CollectionConfig = {
  slug: 'proposal-events',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '办理记录', en: 'Event' }, plural: { zh: '办理记录', en: 'Events' } },
  admin: { useAsTitle: 'action', defaultColumns: ['proposal', 'at', 'actorRole', 'action'], group: { zh: '提案办理', en: 'Proposals' } },
  defaultSort: '-at',
  access: appendOnly({ read: staffRelatedReadable, create: nobody }),
  fields: [
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' } },
    { name: 'at', type: 'date', required: true, index: true, label: { zh: '时间', en: 'When' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'actorRole', type: 'select', required: true, label: { zh: '角色', en: 'Role' }, options: Roles.map((r) => ({ value: r, label: RoleLabels[r] })) },
    { name: 'actorUser', type: 'relationship', relationTo: 'users', label: { zh: '工作人员', en: 'Staff' } },
    { name: 'actorRepresentative', type: 'relationship', relationTo: 'representatives', label: { zh: '代表', en: 'Representative' } },
    { name: 'from', type: 'text', label: { zh: '原状态', en: 'From' } },
    { name: 'to', type: 'text', label: { zh: '新状态', en: 'To' } },
    { name: 'action', type: 'text', required: true, label: { zh: '事项', en: 'What' } },
    { name: 'note', type: 'textarea', label: { zh: '说明', en: 'Note' } },
    // Staff's own steps (a request for a later deadline, its refusal): not on the public timeline.
    { name: 'internal', type: 'checkbox', defaultValue: false, label: { zh: '仅内部可见', en: 'Internal' } },
    // A 催办's note is internal unless its author marked it public (公开说明): then the public timeline shows it (core/supervision.ts publicNoteOf).
    { name: 'notePublic', type: 'checkbox', defaultValue: false, label: { zh: '说明公开', en: 'Note public' } },
  ],
}
