// Runs before every save of a 延期申请. A new request: the lead section's, on a proposal under its
// reply deadline, no other request pending, a date later than the deadline in force and no later
// than the cap, a reason; who, which section and when are stamped. A decision: once, by a leader,
// approved or refused, a refusal with its reason; an approval is judged again against the date rule.
// Every refusal is a zh-CN 400 naming the field, and nothing is saved.
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { chineseDate } from '../../../../core/calendar'
import { extensionRefusal } from '../../../../core/extensions'
import { canApproveExtension, canDecideExtension, canRequestExtension } from '../../../../core/permissions'
import { actorOfReq, docId } from '../../../access/actor'
import { nowISO } from '../../../lib/clock'
import { extensionContext } from '../../../lib/extensions'
import { refuse } from '../../../lib/refuse'
import type { ExtensionRequest } from '../../../payload-types'

/** Requests are made and decided one at a time: `PATCH`/`DELETE /api/extension-requests?where=…` are refused. */
export const refuseBulk: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if ((operation === 'update' || operation === 'delete') && (args as { id?: unknown }).id == null && req.payloadAPI !== 'local')
    refuse('延期申请只能逐件审批，不能批量修改或删除', 'id')
  return args
}

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

export const prepareRequest: CollectionBeforeChangeHook<ExtensionRequest> = async ({ data, originalDoc, operation, req }) => {
  const actor = actorOfReq(req)
  const ctx = await extensionContext(req, operation === 'create' ? data.proposal : originalDoc?.proposal)
  if (!ctx) return refuse('找不到对应的提案', 'proposal')
  const { proposal, facts, calendar, settings } = ctx

  if (operation === 'create') {
    if (!canRequestExtension(actor, facts)) refuse('只有主办科室可以为已交办、办理中的提案申请延期', 'proposal')
    const pending = await req.payload.count({ collection: 'extension-requests', where: { and: [{ proposal: { equals: proposal.id } }, { decision: { equals: 'pending' } }] }, overrideAccess: true, req })
    if (pending.totalDocs > 0) refuse('这件提案已有一份延期申请在等待审批；审批之后才能再申请', 'proposal')
    const wrong = extensionRefusal(facts, data.newDeadline, calendar, settings)
    if (wrong) refuse(wrong, 'newDeadline')
    if (text(data.reason).length < 2) refuse('请写明延期理由', 'reason')
    return {
      ...data,
      reason: text(data.reason),
      title: `${proposal.number ?? ''} 申请延期至${chineseDate(data.newDeadline!)}`.trim(),
      section: docId(actor.section ?? null),
      requestedBy: docId(actor.id ?? null),
      at: nowISO(),
      decision: 'pending',
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
      // At most one pending request per proposal, held by the database too (a unique column, emptied on decision).
      openFor: String(proposal.id),
    }
  }

  if (originalDoc?.decision !== 'pending') return refuse('这份延期申请已经审批，不能再修改', 'decision')
  if (!canDecideExtension(actor, originalDoc)) return refuse('只有街道领导可以审批延期申请', 'decision')
  if (data.decision !== 'approved' && data.decision !== 'refused') return refuse('请选择“批准”或“不批准”', 'decision')
  const note = text(data.decisionNote)
  if (data.decision === 'refused' && note.length < 2) refuse('不批准须写明理由', 'decisionNote')
  if (data.decision === 'approved') {
    // Judged again now: the proposal may have been answered, or the deadline moved, since the request.
    const wrong = extensionRefusal(facts, originalDoc.newDeadline, calendar, settings)
    if (wrong || !canApproveExtension(actor, facts)) refuse(wrong ?? '只有街道领导可以批准延期', 'decision')
  }
  return { ...data, decisionNote: note || null, decidedBy: docId(actor.id ?? null), decidedAt: nowISO(), openFor: null }
}
