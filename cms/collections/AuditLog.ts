// 账户与删除记录: what leaves no trace elsewhere — an admin resetting someone's password (with the
// reason given), a reset link sent on a 忘记密码 request and a new password set with it, a
// representative deleting their own draft (which takes its events with it).
// Written only by the server (cms/lib/audit.ts); read by the office and the admin; never changed.
import type { CollectionConfig } from 'payload'
import { canManageRepresentatives } from '../../core/permissions'
import { appendOnly, nobody } from '../access'
import { actorOfReq } from '../access/actor'
import { stampAt, stampedAt } from '../fields/stampedAt'

export const AuditKinds = ['passwordReset', 'resetLinkSent', 'resetLinkUsed', 'draftDeleted'] as const
export type AuditKind = (typeof AuditKinds)[number]

export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  disableDuplicate: true,
  labels: { singular: { zh: '操作记录', en: 'Audit record' }, plural: { zh: '账户与删除记录', en: 'Audit log' } },
  admin: { useAsTitle: 'summary', defaultColumns: ['at', 'kind', 'summary', 'actorUser', 'actorRepresentative'], group: { zh: '系统', en: 'System' } },
  defaultSort: '-at',
  hooks: { beforeChange: [stampAt] },
  access: appendOnly({ read: ({ req }) => canManageRepresentatives(actorOfReq(req)), create: nobody }),
  fields: [
    stampedAt({ required: true }),
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      label: { zh: '事项', en: 'Kind' },
      options: [
        { value: 'passwordReset', label: { zh: '重置他人密码', en: 'Password reset' } },
        { value: 'resetLinkSent', label: { zh: '发出重设密码链接', en: 'Reset link sent' } },
        { value: 'resetLinkUsed', label: { zh: '通过链接设置新密码', en: 'Password set with a reset link' } },
        { value: 'draftDeleted', label: { zh: '删除提案草稿', en: 'Draft deleted' } },
      ],
    },
    { name: 'summary', type: 'text', required: true, label: { zh: '摘要', en: 'Summary' } },
    { name: 'reason', type: 'textarea', label: { zh: '理由', en: 'Reason' } },
    { name: 'actorUser', type: 'relationship', relationTo: 'users', label: { zh: '操作人（工作人员）', en: 'By (staff)' } },
    { name: 'actorRepresentative', type: 'relationship', relationTo: 'representatives', label: { zh: '操作人（代表）', en: 'By (representative)' } },
    { name: 'subjectUser', type: 'relationship', relationTo: 'users', label: { zh: '涉及工作人员', en: 'Staff account concerned' } },
    { name: 'subjectRepresentative', type: 'relationship', relationTo: 'representatives', label: { zh: '涉及代表', en: 'Representative concerned' } },
  ],
}
