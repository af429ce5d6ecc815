// 申请延期 on a proposal's page, beside 保存, for the lead section's staff and head while the
// reply deadline is in force (core/permissions.ts canRequestExtension): the deadline now, with the
// working days left, and how far it may go ("最迟可延至2027年3月1日"). With a request already
// waiting for a leader it says so instead; to a leader, that request is 审批延期 (its page).
import { Button } from '@payloadcms/ui'
import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { addCalendarDays, chineseDate } from '../../core/calendar'
import { dueText } from '../../core/deadlines'
import { canDecideExtension, canRequestExtension } from '../../core/permissions'
import { actorOf } from '../access/actor'
import { nowISO } from '../lib/clock'
import { extensionContext } from '../lib/extensions'
import { RequestExtensionButton } from './ExtensionDialogs'

export async function RequestExtension({ id, payload, user }: { id?: number | string; payload: Payload; user?: TypedUser | null }) {
  if (id == null || !user) return null
  const actor = actorOf(user)
  const pendingOn = async (proposal: number | string) =>
    (await payload.find({ collection: 'extension-requests', where: { and: [{ proposal: { equals: proposal } }, { decision: { equals: 'pending' } }] }, limit: 1, depth: 0, overrideAccess: false, user })).docs[0]
  // A leader: 审批延期 opens the request waiting for them (as 待审批延期 on the workbench does).
  if (canDecideExtension(actor, { decision: 'pending' })) {
    const waiting = await pendingOn(id)
    return waiting ? (
      <Button el="link" url={`/admin/collections/extension-requests/${waiting.id}`} buttonStyle="secondary" size="medium" margin={false}>
        审批延期（申请延至{chineseDate(waiting.newDeadline)}）
      </Button>
    ) : null
  }
  if (actor.role !== 'sectionStaff' && actor.role !== 'sectionHead') return null
  const req = await createLocalReq({ user }, payload)
  const ctx = await extensionContext(req, id)
  if (!ctx?.inForce || !ctx.cap || !canRequestExtension(actor, ctx.facts)) return null
  const waiting = await pendingOn(ctx.proposal.id)
  return (
    <RequestExtensionButton
      proposal={ctx.proposal.id}
      deadlineText={`${chineseDate(ctx.inForce)}（${dueText(ctx.inForce, nowISO(), ctx.calendar)}）`}
      earliest={addCalendarDays(ctx.inForce, 1)}
      cap={ctx.cap}
      capText={chineseDate(ctx.cap)}
      pending={waiting ? { newDeadlineText: chineseDate(waiting.newDeadline) } : null}
    />
  )
}
