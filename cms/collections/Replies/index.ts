import type { CollectionConfig, FieldAccess, Where } from 'payload'
import { ReplyClassLabels as ClassLabels } from '../../../core/labels'
import { RoleLabels } from '../../../core/lifecycle'
import { canDraftReply, canEditReplyDraft, canPublishReply, canSignOffReply } from '../../../core/permissions'
import { ReplyClasses, StaffRoles } from '../../../core/types'
import { nobody, relatedReadable, staffOnlyField, staffRelatedReadable } from '../../access'
import { actorOf, actorOfReq } from '../../access/actor'
import { createOnProposal, proposalFacts } from '../../access/proposalRule'
import { replyFromDoc } from '../../lib/facts'
import { replyActionsEndpoint } from '../../endpoints/actions'
import { assignDocNumber } from './hooks/assignDocNumber'
import { markReplied } from './hooks/markReplied'
import { prepareChange } from './hooks/prepareChange'
import { recordSteps } from './hooks/recordSteps'

/** The admin sees the stamped record itself; everyone else reads it in 办理情况. */
const isAdmin = (user: unknown) => actorOf(user as Parameters<typeof actorOf>[0]).role === 'admin'

/** A field rule over the reply and its proposal; on create, whoever may draft. */
const replyRule =
  (rule: 'edit' | 'signOff' | 'publish'): FieldAccess =>
  async ({ req, doc, data }) => {
    const actor = actorOfReq(req)
    const facts = await proposalFacts(req, doc?.proposal ?? data?.proposal)
    if (!facts) return false
    if (!doc) return rule === 'edit' && canDraftReply(actor, facts, data?.corrects != null)
    const reply = replyFromDoc(doc)
    if (rule === 'edit') return canEditReplyDraft(actor, facts, reply)
    if (rule === 'signOff') return canSignOffReply(actor, facts, reply)
    return canPublishReply(actor, reply)
  }

/** 答复: the lead section's answer. Drafted, signed off by the section head (签发), published by the office; then frozen. */
export const Replies: CollectionConfig = {
  slug: 'replies',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '答复', en: 'Reply' }, plural: { zh: '答复', en: 'Replies' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['proposal', 'round', 'class', 'section', 'signedOffAt', 'publishedAt'],
    group: { zh: '提案办理', en: 'Proposals' },
    // Filters chosen by clicks: 答复科室, 答复类别, 签发, 公开; 签发 / 退回修改 (the head) and 公开 (the office) beside Save (cms/components/ActionBar.tsx).
    components: { beforeListTable: ['/cms/components/ListFilters#ReplyFilters'], edit: { beforeDocumentControls: ['/cms/components/ActionBar#ReplyActionBar'] } },
  },
  access: {
    // Representatives see only published replies to their own proposals.
    read: relatedReadable(() => ({ publishedAt: { exists: true } })),
    create: createOnProposal((a, p, data) => canDraftReply(a, p, data.corrects != null)),
    update: staffRelatedReadable,
    delete: nobody,
    readVersions: nobody,
  },
  // 签发, 退回修改, 公开 from the action bar (cms/endpoints/actions.ts).
  endpoints: [replyActionsEndpoint],
  hooks: {
    beforeChange: [prepareChange, assignDocNumber],
    afterChange: [markReplied, recordSteps],
  },
  fields: [
    { name: 'title', type: 'text', label: { zh: '标题', en: 'Title' }, admin: { hidden: true } },
    // 办理情况: drafted, returned, signed off, published — by whom and when, in words (cms/components/Summary.tsx).
    { name: 'summary', type: 'ui', label: { zh: '办理情况', en: 'Where it stands' }, admin: { components: { Field: '/cms/components/Summary#ReplySummary' } } },
    // The lead section sees every co-opinion (and which are still awaited) beside its draft.
    { name: 'coOpinionsPanel', type: 'ui', label: { zh: '协办意见', en: 'Co-opinions' }, admin: { components: { Field: '/cms/components/CoOpinionsPanel#CoOpinionsPanel' }, condition: (data) => !data?.publishedAt } },
    {
      // 〔2026〕城管答字第017号: given at sign-off (hooks/assignDocNumber.ts), never set or changed by anyone.
      name: 'docNumber',
      type: 'text',
      unique: true,
      label: { zh: '文号', en: 'Number' },
      admin: { readOnly: true, position: 'sidebar', description: { zh: '签发时自动编号', en: 'Assigned at sign-off' } },
      access: { create: () => false, update: () => false },
    },
    {
      // 打印答复函: opens the letter as an A4 page (cms/components/print/ReplyLetterView.tsx).
      name: 'printLetter',
      label: { zh: '打印答复函', en: 'Print letter' },
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/cms/components/print/PrintButton#PrintReplyLetterButton' } },
    },
    { name: 'proposal', type: 'relationship', relationTo: 'proposals', required: true, index: true, label: { zh: '提案', en: 'Proposal' }, access: { update: () => false } },
    {
      type: 'row',
      fields: [
        { name: 'round', type: 'number', label: { zh: '轮次', en: 'Round' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'section', type: 'relationship', relationTo: 'sections', label: { zh: '答复科室', en: 'Section' }, admin: { readOnly: true, description: { zh: '空：代表工作室答复', en: 'empty: the office' } }, access: { create: () => false, update: () => false } },
        {
          name: 'class',
          type: 'select',
          required: true,
          label: { zh: '答复类别', en: 'Class' },
          options: ReplyClasses.map((c) => ({ value: c, label: ClassLabels[c] })),
          access: { update: replyRule('edit') },
        },
      ],
    },
    { name: 'text', type: 'textarea', required: true, minLength: 10, maxLength: 10000, label: { zh: '答复正文', en: 'Text' }, access: { update: replyRule('edit') } },
    {
      name: 'commitments',
      type: 'array',
      label: { zh: '承诺事项（B 类必填）', en: 'Commitments (required for B)' },
      labels: { singular: { zh: '承诺事项', en: 'Commitment' }, plural: { zh: '承诺事项', en: 'Commitments' } },
      access: { update: replyRule('edit') },
      fields: [
        { name: 'text', type: 'text', required: true, label: { zh: '内容', en: 'What' } },
        {
          name: 'dueDate',
          type: 'text',
          required: true,
          label: { zh: '完成时限（如 2026-12-31）', en: 'Due (YYYY-MM-DD)' },
          validate: (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? true : '请按 2026-12-31 的格式填写日期'),
        },
      ],
    },
    // A new 承诺事项 row never stays a grey placeholder (cms/components/SettleRows.tsx); shows nothing.
    { name: 'settleRows', type: 'ui', label: { zh: '新行', en: 'New rows' }, admin: { components: { Field: '/cms/components/SettleRows#SettleRows' }, disableListColumn: true } },
    {
      type: 'collapsible',
      label: { zh: '更正', en: 'Correction' },
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'corrects',
          type: 'relationship',
          relationTo: 'replies',
          label: { zh: '更正的答复', en: 'Corrects' },
          admin: { description: { zh: '已公开的答复如有错误，另写一条答复并在此选择被更正的答复', en: 'To correct a published reply, write a new one and choose it here' } },
          filterOptions: ({ data }): Where => ({ and: [{ proposal: { equals: data?.proposal ?? null } }, { publishedAt: { exists: true } }] }),
          access: { update: () => false },
        },
        { name: 'correctionNote', type: 'textarea', label: { zh: '更正说明', en: 'What is corrected' }, access: { update: () => false } },
      ],
    },
    {
      name: 'signOff',
      type: 'checkbox',
      virtual: true,
      label: { zh: '签发（科室负责人）', en: 'Sign off (section head)' },
      // A step of the action bar (POST /api/replies/:id/actions/signOff); the field stays for the API.
      admin: { hidden: true, condition: (data) => !data?.signedOffAt },
      access: { create: () => false, update: replyRule('signOff'), read: replyRule('signOff') },
    },
    {
      name: 'returnForRevision',
      type: 'textarea',
      virtual: true,
      maxLength: 2000,
      label: { zh: '退回修改（写明要修改什么）', en: 'Return to the writer (what to change)' },
      admin: {
        hidden: true,
        condition: (data) => !data?.signedOffAt,
        description: { zh: '不签发，退回经办人修改：填写理由后保存。理由记入办理记录（内部），经办人在工作台“退回修改”中看到。', en: 'Return the draft to its writer with a reason instead of signing it off.' },
      },
      access: { create: () => false, update: replyRule('signOff'), read: replyRule('signOff') },
    },
    {
      type: 'row',
      admin: { condition: (data, _s, { user }) => isAdmin(user) && !!data?.returnedAt },
      fields: [
        { name: 'returnedAt', type: 'date', label: { zh: '最近退回时间', en: 'Returned' }, admin: { readOnly: true }, access: { create: () => false, update: () => false, read: staffOnlyField } },
        { name: 'returnedBy', type: 'relationship', relationTo: 'users', label: { zh: '退回人', en: 'Returned by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false, read: staffOnlyField } },
        { name: 'revisedAt', type: 'date', label: { zh: '退回后修改时间', en: 'Revised' }, admin: { readOnly: true }, access: { create: () => false, update: () => false, read: staffOnlyField } },
      ],
    },
    { name: 'returnReason', type: 'textarea', label: { zh: '退回理由', en: 'Why returned' }, admin: { readOnly: true, condition: (data, _s, { user }) => isAdmin(user) && !!data?.returnedAt }, access: { create: () => false, update: () => false, read: staffOnlyField } },
    {
      name: 'silentCoSections',
      type: 'relationship',
      relationTo: 'sections',
      hasMany: true,
      label: { zh: '未按期提出意见的协办科室', en: 'Co-sections that did not answer' },
      admin: { readOnly: true, condition: (data, _s, { user }) => isAdmin(user) && (data?.silentCoSections?.length ?? 0) > 0, description: { zh: '签发时仍未提交协办意见（期限已过）的协办科室；随答复公开，并计入该科室的办理记录。', en: 'Stated with the reply, publicly.' } },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'publish',
      type: 'checkbox',
      virtual: true,
      label: { zh: '公开答复（代表工作室）', en: 'Publish (office)' },
      admin: { hidden: true, condition: (data) => !!data?.signedOffAt && !data?.publishedAt },
      access: { create: () => false, update: replyRule('publish'), read: replyRule('publish') },
    },
    {
      // Stamped by the steps; 办理情况 says them in words (the admin sees the record itself too).
      type: 'row',
      admin: { condition: (_d, _s, { user }) => isAdmin(user) },
      fields: [
        { name: 'draftedBy', type: 'relationship', relationTo: 'users', label: { zh: '拟稿人', en: 'Drafted by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'signedOffBy', type: 'relationship', relationTo: 'users', label: { zh: '签发人', en: 'Signed off by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'signedOffAt', type: 'date', label: { zh: '签发时间', en: 'Signed off' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        {
          name: 'signedOffRole',
          type: 'select',
          options: StaffRoles.map((r) => ({ value: r, label: RoleLabels[r] })),
          label: { zh: '签发时的角色', en: 'Signer’s role then' },
          admin: { readOnly: true },
          access: { create: () => false, update: () => false },
        },
        { name: 'signedOffSection', type: 'relationship', relationTo: 'sections', label: { zh: '签发时的科室', en: 'Signer’s section then' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'publishedBy', type: 'relationship', relationTo: 'users', label: { zh: '公开人', en: 'Published by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'publishedAt', type: 'date', label: { zh: '公开时间', en: 'Published' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
      ],
    },
  ],
}
