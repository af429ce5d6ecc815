import type { CollectionConfig } from 'payload'
import { AcceptedStatuses, AssignedStatuses, EvaluationDueStatuses, isIn, nextStates, OpenScreenedStatuses, StatusLabels } from '../../../core/lifecycle'
import { ProposalStatuses, ReplyClasses, ScreeningDecisions } from '../../../core/types'
import { proposalsReadable } from '../../access'
import { actorOf, actorOfReq } from '../../access/actor'
import { factsFromDoc } from '../../lib/facts'
import { hideSortKey, sortUndatedLast } from '../../lib/derived'
import {
  assignmentAccess,
  confidentialReasonRead,
  coSignersAccess,
  contentAccess,
  createProposal,
  deleteProposal,
  instructionAccess,
  inviteesRead,
  keyItemAccess,
  officeAccess,
  officeOnlyField,
  originalTextRead,
  privateRead,
  redactionAccess,
  representativeCreates,
  screeningAccess,
  updateProposal,
} from './access'
import { createInstruction } from './hooks/createInstruction'
import { CategoryOptions } from '../../../core/categories'
import { prepareChange } from './hooks/prepareChange'
import { recordEvent } from './hooks/recordEvent'
import { recordKeyItem, stampKeyItem } from './hooks/keyItem'
import { staffOnlyField } from '../../access'
import { refuseBulkDelete, removeDraft } from './hooks/removeDraft'
import { DeadlineStageLabels, ReplyClassLabels, ScreeningLabels } from '../../../core/labels'
import { commitmentsEndpoint } from '../../endpoints/commitments'
import { usesFullForm } from '../../../core/actions'
import type { Proposal } from '../../payload-types'
import { proposalActionsEndpoint } from '../../endpoints/actions'



/** Whether the signed-in person edits the whole form here (core/actions.ts usesFullForm). */
const fullForm = (user: unknown, data: Partial<Proposal> | undefined) => usesFullForm(actorOf(user as Parameters<typeof actorOf>[0]), data)

const localDate = (v: unknown) =>
  v == null || v === '' || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) ? true : '请按 2026-12-31 的格式填写日期'

export const Proposals: CollectionConfig = {
  slug: 'proposals',
  // Duplicating would copy screening, authorship and the proposal link past the create rules.
  disableDuplicate: true,
  labels: { singular: { zh: '提案', en: 'Proposal' }, plural: { zh: '提案', en: 'Proposals' } },
  admin: {
    // Number and title together, wherever a proposal is named (relationship cells, choosers, the edit view's heading).
    useAsTitle: 'heading',
    defaultColumns: ['number', 'title', 'status', 'currentDue', 'assignment.leadSection', 'proposer'],
    listSearchableFields: ['number', 'title', 'body'],
    // The list reads only its columns (Payload's select), not whole proposals with their eight joins:
    // at 10k proposals a page of 10 took ~410 ms of CPU to read, ~30 ms so (docs/benchmarks.md, the workbench).
    enableListViewSelectAPI: true,
    group: { zh: '提案办理', en: 'Proposals' },
    components: {
      // 待我处理, then the filters chosen by clicks (期限, 主办科室, 居民区, 届次, 类别, 答复类别).
      beforeListTable: ['/cms/components/WaitingOnMe#WaitingOnMe', '/cms/components/ListFilters#ProposalFilters'],
      // The action bar beside Save: a button for each step the person may take now (立案 … 办结, 申请延期), cms/components/ActionBar.tsx.
      edit: { beforeDocumentControls: ['/cms/components/ActionBar#ProposalActionBar'] },
    },
  },
  // The deadline in force, earliest first: what is overdue comes to the top; those without one last.
  defaultSort: 'currentDue',
  // What the list sorts by when 当前期限 is clicked (undated last, then the date).
  indexes: [{ fields: ['undated', 'currentDue'] }],
  access: {
    read: proposalsReadable,
    create: createProposal,
    update: updateProposal,
    delete: deleteProposal,
    readVersions: () => false,
  },
  // The action bar's steps (cms/endpoints/actions.ts).
  endpoints: [commitmentsEndpoint, proposalActionsEndpoint],
  hooks: {
    // Sorting by 当前期限 puts the proposals without one last, either way.
    beforeOperation: [refuseBulkDelete, sortUndatedLast],
    beforeChange: [prepareChange, stampKeyItem],
    afterChange: [createInstruction, recordEvent, recordKeyItem],
    afterRead: [hideSortKey],
    beforeDelete: [removeDraft],
  },
  fields: [
    {
      // 办理情况: the status and the stamped facts in words and Chinese dates (cms/components/Summary.tsx).
      name: 'summary',
      type: 'ui',
      label: { zh: '办理情况', en: 'Where it stands' },
      admin: { components: { Field: '/cms/components/Summary#ProposalSummary' } },
    },
    {
      // 打印意见征询表: the evaluation form for representatives who do not use the portal (cms/components/print/EvaluationFormView.tsx).
      name: 'printEvaluationForm',
      label: { zh: '打印意见征询表', en: 'Print evaluation form' },
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/cms/components/print/PrintButton#PrintEvaluationFormButton' } },
    },
    {
      // 重点督办 (issue 14): a leader marks an open item key from the action bar (列为重点督办,
      // core/permissions.ts canMarkKeyItem); listed first on the 督办 board, reminded earlier and more often. Public.
      name: 'keyItem',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: { zh: '重点督办', en: 'Key item' },
      // Not a form field: 办理情况 (cms/components/Summary.tsx) says it, the action bar changes it.
      admin: { hidden: true, description: { zh: '由街道领导在办理栏“列为重点督办”或“取消重点督办”；公开网站显示。', en: 'Set by a leader from the action bar; public.' } },
      access: { create: () => false, update: keyItemAccess },
    },
    // Who last set or cleared the mark, and when (stamped by hooks/keyItem.ts): staff only.
    { name: 'keyItemBy', type: 'relationship', relationTo: 'users', label: { zh: '重点督办标记人', en: 'Marked by' }, admin: { hidden: true }, access: { read: staffOnlyField, create: () => false, update: () => false } },
    { name: 'keyItemAt', type: 'date', label: { zh: '重点督办标记时间', en: 'Marked at' }, admin: { hidden: true, date: { pickerAppearance: 'dayAndTime' } }, access: { read: staffOnlyField, create: () => false, update: () => false } },
    {
      type: 'row',
      fields: [
        {
          name: 'number',
          type: 'text',
          unique: true,
          index: true,
          label: { zh: '提案编号', en: 'Number' },
          admin: { readOnly: true, description: { zh: '提交时自动编号', en: 'Assigned on submission' } },
          access: { create: () => false, update: () => false },
        },
        {
          name: 'session',
          type: 'relationship',
          relationTo: 'sessions',
          label: { zh: '届次', en: 'Session' },
          admin: { description: { zh: '不填则归入当前届次', en: 'Defaults to the current session' } },
          access: { create: officeOnlyField, update: officeOnlyField },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          index: true,
          label: { zh: '办理状态', en: 'Status' },
          options: ProposalStatuses.map((s) => ({ value: s, label: StatusLabels[s] })),
          // Chosen in the form only by whoever uses the full form; everyone else acts from the action bar (core/actions.ts).
          admin: { components: { Field: '/cms/components/FormOnly#FormOnly' } },
          // Offer only the steps this person may take from the saved status (core decides; the hook checks again on save).
          filterOptions: ({ options, data, req }) => {
            const saved = (data?.savedStatus ?? data?.status ?? 'draft') as (typeof ProposalStatuses)[number]
            // A form's data gives an array without rows as its row count (0), not as a list.
            const rows = (v: unknown) => (Array.isArray(v) ? v : [])
            const facts = factsFromDoc({ ...data, extensions: rows(data?.extensions), rehandlings: rows(data?.rehandlings) })
            const reachable = new Set<string>([saved, ...nextStates(saved, actorOfReq(req), facts)])
            return options.filter((o) => reachable.has(typeof o === 'string' ? o : o.value))
          },
        },
        {
          name: 'enteredBy',
          type: 'select',
          label: { zh: '录入方式', en: 'Entered by' },
          options: [
            { value: 'representative', label: '代表本人' },
            { value: 'office', label: '代表工作室代为录入' },
          ],
          admin: { hidden: true },
          access: { create: () => false, update: () => false },
        },
        {
          // The status as stored, so the choices above don't shift while the person picks one.
          name: 'savedStatus',
          type: 'text',
          virtual: true,
          admin: { hidden: true },
          hooks: { afterRead: [({ siblingData }) => siblingData?.status] },
        },
      ],
    },
    // 编号 + 标题 (written by prepareChange): how the admin names a proposal everywhere.
    { name: 'heading', type: 'text', label: { zh: '提案', en: 'Proposal' }, admin: { hidden: true }, access: { read: originalTextRead, create: () => false, update: () => false } },
    // As written: staff and the proposal's own representatives; the public reads publicTitle/publicBody.
    { name: 'title', type: 'text', required: true, maxLength: 100, label: { zh: '标题', en: 'Title' }, access: { read: originalTextRead, update: contentAccess } },
    { name: 'body', type: 'textarea', required: true, maxLength: 5000, label: { zh: '提案内容', en: 'Text' }, access: { read: originalTextRead, update: contentAccess } },
    {
      type: 'row',
      fields: [
        {
          name: 'category',
          type: 'select',
          required: true,
          label: { zh: '类别', en: 'Category' },
          options: CategoryOptions.map((c) => ({ ...c })),
          // People and forms may name a category by its Chinese label; store its value.
          hooks: { beforeValidate: [({ value }) => CategoryOptions.find((c) => c.label === value)?.value ?? value] },
          access: { update: contentAccess },
        },
        {
          name: 'residentialArea',
          type: 'relationship',
          relationTo: 'residential-areas',
          required: true,
          label: { zh: '居民区', en: 'Residential area' },
          access: { update: contentAccess },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'proposer',
          type: 'relationship',
          relationTo: 'representatives',
          required: true,
          label: { zh: '提案人', en: 'Proposer' },
          access: { update: officeOnlyField },
        },
        {
          name: 'coSigners',
          type: 'relationship',
          relationTo: 'representatives',
          hasMany: true,
          label: { zh: '附议代表', en: 'Co-signers' },
          admin: { description: { zh: '代表在门户网站接受附议邀请后自动加入；纸质提案由代表工作室直接填写。', en: 'Added when an invitation is accepted in the portal; the office sets them for paper proposals.' } },
          access: { create: coSignersAccess, update: coSignersAccess },
        },
      ],
    },
    {
      type: 'collapsible',
      label: { zh: '公开版本（甄别时可隐去个人信息）', en: 'Public version (redacted at screening)' },
      admin: { condition: (data) => data?.status !== 'draft' },
      fields: [
        {
          name: 'publicTitle',
          type: 'text',
          maxLength: 100,
          label: { zh: '公开标题', en: 'Public title' },
          admin: { description: { zh: '公开网站和开放数据显示此标题；不填则甄别时取原标题；可删去姓名、电话等个人信息。原文仍对工作人员和提案人可见。', en: 'Shown on the public site; defaults to the title at screening.' } },
          access: { create: () => false, update: redactionAccess },
        },
        {
          name: 'publicBody',
          type: 'textarea',
          maxLength: 5000,
          label: { zh: '公开内容', en: 'Public text' },
          admin: { description: { zh: '公开网站和开放数据显示此内容；修改会记入办理记录（“公开版本已处理”），公开页面只说明已作处理，不显示删去的内容。', en: 'Shown on the public site; a change is recorded as an event.' } },
          access: { create: () => false, update: redactionAccess },
        },
      ],
    },
    {
      // Invited, not yet answered: they may read the proposal to decide (kept by the invitations' hooks).
      name: 'invitees',
      type: 'relationship',
      relationTo: 'representatives',
      hasMany: true,
      admin: { hidden: true },
      access: { read: inviteesRead, create: () => false, update: () => false },
    },
    {
      // The portal's idempotency key: `<proposer id>:<key the form made>`. A retried submission finds the proposal made the first time.
      name: 'clientKey',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { read: privateRead, create: representativeCreates, update: () => false },
    },
    {
      type: 'collapsible',
      label: { zh: '保密与内部备注（仅代表工作室）', en: 'Confidentiality and internal notes (office)' },
      admin: { initCollapsed: true },
      fields: [
        { name: 'confidential', type: 'checkbox', defaultValue: false, label: { zh: '涉密/不公开', en: 'Confidential' }, access: { update: officeOnlyField, create: officeOnlyField } },
        {
          name: 'confidentialReason',
          type: 'textarea',
          label: { zh: '不公开理由', en: 'Why confidential' },
          access: { read: confidentialReasonRead, update: officeOnlyField, create: officeOnlyField },
          validate: (v: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            siblingData?.confidential && !(typeof v === 'string' && v.trim()) ? '设为不公开须写明理由' : true,
        },
        { name: 'internalNotes', type: 'textarea', label: { zh: '内部备注', en: 'Internal notes' }, access: { read: privateRead, update: officeOnlyField, create: officeOnlyField } },
      ],
    },
    {
      name: 'screening',
      type: 'group',
      label: { zh: '甄别（代表工作室）', en: 'Screening (office)' },
      // 立案/并案/分流/不予立案 are steps of the action bar; the form shows them only to the full form's users.
      admin: { condition: (data) => data?.status !== 'draft', components: { Field: '/cms/components/FormOnly#FormOnly' } },
      fields: [
        {
          name: 'decision',
          type: 'select',
          label: { zh: '甄别结论', en: 'Decision' },
          options: ScreeningDecisions.map((d) => ({ value: d, label: ScreeningLabels[d] })),
          access: { create: () => false, update: screeningAccess },
        },
        { name: 'reason', type: 'textarea', label: { zh: '理由', en: 'Reason' }, access: { create: () => false, update: screeningAccess } },
        {
          name: 'mergedInto',
          type: 'relationship',
          relationTo: 'proposals',
          label: { zh: '并入提案', en: 'Merged into' },
          admin: { condition: (_d, sibling) => sibling?.decision === 'merged' },
          access: { create: () => false, update: screeningAccess },
        },
        { name: 'at', type: 'date', label: { zh: '甄别时间', en: 'Screened at' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'by', type: 'relationship', relationTo: 'users', label: { zh: '甄别人', en: 'Screened by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
      ],
    },
    {
      name: 'newInstruction',
      type: 'textarea',
      virtual: true,
      label: { zh: '批示意见（街道领导填写）', en: 'Instruction (leader)' },
      admin: {
        // 批示 is a step of the action bar (cms/components/ActionDialogs.tsx); the field stays for the API.
        hidden: true,
        condition: (data) => isIn(OpenScreenedStatuses, data?.status),
        description: { zh: `保存后形成一条批示记录，不可修改；已立案的提案同时将状态改为“${StatusLabels.instructed}”。`, en: 'Saved as a permanent instruction.' },
      },
      access: { create: () => false, update: instructionAccess, read: instructionAccess },
    },
    {
      name: 'assignment',
      type: 'group',
      label: { zh: '拟办与交办', en: 'Assignment' },
      admin: {
        condition: (data) => isIn(AcceptedStatuses, data?.status),
        // Named with 立案 or 拟办 from the action bar; in the form only for the full form's users.
        components: { Field: '/cms/components/FormOnly#FormOnly' },
        description: { zh: '代表工作室拟定主办科室；街道领导批示时正式交办，答复期限从批示之日起算。', en: 'The office proposes the lead section; the leader’s instruction assigns it and starts the reply clock.' },
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'leadSection', type: 'relationship', relationTo: 'sections', label: { zh: '主办科室', en: 'Lead section' }, access: { create: () => false, update: assignmentAccess } },
            { name: 'coSections', type: 'relationship', relationTo: 'sections', hasMany: true, label: { zh: '协办科室', en: 'Co-sections' }, access: { create: () => false, update: assignmentAccess } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'deadline',
              type: 'text',
              label: { zh: '答复期限', en: 'Reply deadline' },
              // Computed, never typed: the leader-approved extensions are the only way to move it.
              admin: {
                readOnly: true,
                description: { zh: '批示交办时按届次设置自动计算（遇节假日顺延）；此后只能由街道领导批准延期', en: 'Computed from the session settings at assignment; changed only by an approved extension' },
              },
              validate: localDate,
              access: { create: () => false, update: () => false },
            },
            { name: 'assignedAt', type: 'date', label: { zh: '交办时间', en: 'Assigned at' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
          ],
        },
      ],
    },
    {
      name: 'extensions',
      type: 'array',
      label: { zh: '已批准的延期', en: 'Approved extensions' },
      labels: { singular: { zh: '延期', en: 'Extension' }, plural: { zh: '延期', en: 'Extensions' } },
      // One way in: the lead section's 延期申请, approved by a leader (cms/collections/ExtensionRequests), appends here.
      admin: {
        readOnly: true,
        condition: (data, _s, { user }) => fullForm(user, data) && isIn(AssignedStatuses, data?.status) && (data?.extensions?.length ?? 0) > 0,
        description: { zh: '主办科室提出延期申请、街道领导批准后自动记入；延期及其理由在公开网站显示。', en: 'Added when a leader approves the lead section’s request; public with its reason.' },
      },
      access: { update: () => false, create: () => false },
      fields: [
        { name: 'newDeadline', type: 'text', required: true, label: { zh: '新期限（如 2026-12-31）', en: 'New deadline' }, validate: localDate },
        { name: 'reason', type: 'textarea', required: true, label: { zh: '延期理由', en: 'Reason' } },
        { name: 'approvedBy', type: 'relationship', relationTo: 'users', label: { zh: '批准人', en: 'Approved by' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'approvedAt', type: 'date', label: { zh: '批准时间', en: 'Approved at' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
      ],
    },
    {
      name: 'rehandlings',
      type: 'array',
      label: { zh: '重新办理', en: 'Rehandling rounds' },
      admin: { readOnly: true, condition: (data, _s, { user }) => fullForm(user, data) && (data?.rehandlings?.length ?? 0) > 0, components: { RowLabel: '/cms/components/RowLabel#RoundRowLabel' } },
      access: { create: () => false, update: () => false },
      fields: [
        { name: 'round', type: 'number', required: true, label: { zh: '轮次', en: 'Round' } },
        { name: 'startedAt', type: 'date', required: true, label: { zh: '开始时间', en: 'Started' } },
        { name: 'deadline', type: 'text', required: true, label: { zh: '期限', en: 'Deadline' } },
      ],
    },
    {
      name: 'noEvaluationReason',
      type: 'textarea',
      label: { zh: '未评价原因（代表工作室）', en: 'Why no evaluation (office)' },
      admin: { condition: (data) => isIn(EvaluationDueStatuses, data?.status) },
      access: { update: officeAccess, create: () => false },
    },
    {
      // Stamped by the steps; 办理情况 says them in words for everyone but the full form's users.
      type: 'row',
      admin: { condition: (data, _s, { user }) => fullForm(user, data) },
      fields: [
        { name: 'submittedAt', type: 'date', label: { zh: '提交时间', en: 'Submitted' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'closedAt', type: 'date', label: { zh: '办结时间', en: 'Closed' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        { name: 'currentDue', type: 'text', index: true, label: { zh: '当前期限', en: 'Due' }, admin: { readOnly: true }, access: { create: () => false, update: () => false } },
        {
          name: 'currentStage',
          type: 'select',
          label: { zh: '当前环节', en: 'Stage' },
          // The stored values are the database's enum (migrations); the names are core's (DeadlineStage).
          options: (['screening', 'instruction', 'reply', 'rehandling', 'explanation'] as const).map((s) => ({ value: s, label: DeadlineStageLabels[s] })),
          admin: { readOnly: true },
          access: { create: () => false, update: () => false },
        },
        {
          // The class of the reply that stands (core latestReply), kept by cms/lib/derived.ts for the 答复类别 filter.
          name: 'replyClass',
          type: 'select',
          index: true,
          label: { zh: '答复类别', en: 'Reply class' },
          options: ReplyClasses.map((c) => ({ value: c, label: ReplyClassLabels[c] })),
          admin: { readOnly: true },
          access: { create: () => false, update: () => false },
        },
      ],
    },
    {
      // The sort key of 当前期限: true when there is none, so those come last whichever way the list
      // is sorted (cms/lib/derived.ts undatedLast). Kept with currentDue; never shown: hidden in the
      // admin and left out of every read (hideSortKey). Readable by whoever reads the proposal, as
      // Payload checks a sort's fields as it checks a query's.
      name: 'undated',
      type: 'checkbox',
      defaultValue: true,
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      type: 'tabs',
      tabs: [
        { label: { zh: '批示', en: 'Instructions' }, fields: [{ name: 'instructions', type: 'join', collection: 'instructions', on: 'proposal', label: { zh: '批示', en: 'Instructions' } }] },
        { label: { zh: '答复', en: 'Replies' }, fields: [{ name: 'replies', type: 'join', collection: 'replies', on: 'proposal', label: { zh: '答复', en: 'Replies' } }] },
        { label: { zh: '协办意见', en: 'Co-opinions' }, fields: [{ name: 'coOpinions', type: 'join', collection: 'co-opinions', on: 'proposal', label: { zh: '协办意见', en: 'Co-opinions' } }] },
        { label: { zh: '评价', en: 'Evaluations' }, fields: [{ name: 'evaluations', type: 'join', collection: 'evaluations', on: 'proposal', label: { zh: '代表评价', en: 'Evaluations' } }] },
        {
          label: { zh: '回访验证', en: 'Follow-ups' },
          fields: [
            { name: 'followUps', type: 'join', collection: 'follow-ups', on: 'proposal', label: { zh: '回访与验证', en: 'Follow-ups' } },
            // What the representatives themselves said in the portal (问题是否已解决？), beside the office's own checks.
            { name: 'resolutionAnswers', type: 'join', collection: 'resolution-answers', on: 'proposal', label: { zh: '代表反馈的解决情况', en: 'Representatives’ answers' } },
          ],
        },
        { label: { zh: '附件', en: 'Attachments' }, fields: [{ name: 'attachments', type: 'join', collection: 'attachments', on: 'proposal', label: { zh: '附件', en: 'Attachments' } }] },
        { label: { zh: '办理记录', en: 'Timeline' }, fields: [{ name: 'events', type: 'join', collection: 'proposal-events', on: 'proposal', label: { zh: '办理记录', en: 'Events' }, defaultSort: 'at' }] },
      ],
    },
  ],
}
