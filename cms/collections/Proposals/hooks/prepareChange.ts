// Runs before every save of a proposal: stamps the facts a transition creates (number,
// submission time, screening time, assignment deadline, rehandling round, closing time),
// then asks `core` whether the transition is allowed. An illegal step changes nothing.
import type { CollectionBeforeChangeHook } from 'payload'
import type { Proposal } from '../../../payload-types'
import { toLocalDate } from '../../../../core/calendar'
import { maxExtendedDeadline, replyDeadline } from '../../../../core/deadlines'
import { canTransition, isIn, UnscreenedStatuses } from '../../../../core/lifecycle'
import type { ProposalStatus } from '../../../../core/types'
import { actorOfReq, docId, idOf } from '../../../access/actor'
import { deadlineSettingsOf, getCalendar } from '../../../lib/calendar'
import { nowISO } from '../../../lib/clock'
import { factsFromDoc, loadRelated, loadSigners } from '../../../lib/facts'
import { formatProposalNumber, nextSequence } from '../../../lib/sequence'
import { derivedColumnsOf } from '../../../lib/derived'
import { refuse as refuseWith } from '../../../lib/refuse'

const refuse = (message: string, path = 'status'): never => refuseWith(message, path)

async function findSession(req: Parameters<CollectionBeforeChangeHook>[0]['req'], id: unknown) {
  if (id != null) {
    return req.payload.findByID({ collection: 'sessions', id: idOf(id)!, depth: 0, overrideAccess: true, req })
  }
  const current = await req.payload.find({
    collection: 'sessions',
    where: { current: { equals: true } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return current.docs[0] ?? null
}

export const prepareChange: CollectionBeforeChangeHook<Proposal> = async ({ data, originalDoc, operation, req }) => {
  const actor = actorOfReq(req)
  const from: ProposalStatus | null = operation === 'create' ? null : (originalDoc?.status ?? 'draft')
  let to: ProposalStatus = data.status ?? from ?? 'draft'
  const now = nowISO()
  const today = toLocalDate(now)
  // The leader's instruction written in this same save counts (createInstruction records it after the save).
  const written = typeof data.newInstruction === 'string' && data.newInstruction.trim() ? { leader: actor.id!, text: data.newInstruction as string, at: now } : null
  // Writing an instruction on an accepted item instructs it, as the field's description says
  // (the transition check below still decides whether this person may).
  if (from === 'accepted' && to === 'accepted' && written) {
    to = 'instructed'
    data.status = to
  }
  const merged = { ...(originalDoc ?? {}), ...data, id: originalDoc?.id }

  // A representative creates proposals only as their own; who entered it decides who may read and delete the draft.
  if (operation === 'create' && actor.role === 'representative') data.proposer = docId(actor.id!)
  if (operation === 'create') data.enteredBy = actor.role === 'office' ? 'office' : 'representative'
  else delete data.enteredBy
  if (operation === 'create' && !isIn(UnscreenedStatuses, to)) refuse('新提案只能保存为草稿或直接提交')

  const session = await findSession(req, merged.session)
  if (!session) refuse('没有当前届次，请管理员先设置届次', 'session')
  data.session = session!.id
  const settings = deadlineSettingsOf(session)
  const calendar = await getCalendar(req.payload, req)

  // 交办 is the leader's 批示: the office may name the lead section beforehand (拟办), and the
  // instruction hands the proposal to it. Then, and only then, the time is stamped and the reply
  // deadline computed from the session's settings — the reply clock starts at the 批示 (docs/figures.md).
  // Nobody sets either (not even a system call): afterwards only an approved extension moves the date in force.
  const lead = idOf(merged.assignment?.leadSection)
  if (to === 'instructed' && from !== 'instructed' && lead != null && !originalDoc?.assignment?.assignedAt) {
    data.assignment = { ...(merged.assignment ?? {}), assignedAt: now, deadline: replyDeadline(today, calendar, settings) }
  } else if (data.assignment)
    data.assignment = { ...data.assignment, assignedAt: originalDoc?.assignment?.assignedAt ?? null, deadline: originalDoc?.assignment?.deadline ?? null }
  const assignedAt = data.assignment?.assignedAt ?? merged.assignment?.assignedAt
  if (data.extensions) {
    // Approved extensions are part of the record: they stay as they were; new ones are stamped here.
    type Row = NonNullable<Proposal['extensions']>[number]
    const before: Row[] = originalDoc?.extensions ?? []
    const added = data.extensions.filter((e) => !before.some((b) => b.id != null && b.id === e.id))
    if (added.length && !assignedAt) refuse('尚未交办，不能延期', 'extensions')
    const cap = assignedAt ? maxExtendedDeadline(toLocalDate(assignedAt), calendar, settings) : ''
    for (const e of added) {
      if (e.newDeadline > cap) refuse(`延期后的期限不能晚于 ${cap}（自交办起最多 ${settings.extensionMaxMonths} 个月）`, 'extensions')
      e.approvedAt = now
      e.approvedBy = docId(actor.id)
    }
    data.extensions = [...before, ...added]
  }

  let related: Awaited<ReturnType<typeof loadRelated>> | undefined
  if (from !== to) {
    if (to === 'submitted') {
      data.submittedAt = now
      if (!merged.number) data.number = formatProposalNumber(session!.year, await nextSequence(req, `proposal:${session!.id}`))
    }
    if (from === 'submitted') {
      data.screening = { ...(merged.screening ?? {}), at: now, by: docId(actor.id) }
      // From screening on the item is public, in the version the office left (as written unless redacted).
      data.publicTitle = (typeof merged.publicTitle === 'string' && merged.publicTitle.trim()) || merged.title
      data.publicBody = (typeof merged.publicBody === 'string' && merged.publicBody.trim()) || merged.body
    }
    if (to === 'closed') data.closedAt = now

    related = merged.id != null ? await loadRelated(req, merged.id) : undefined
    const facts = factsFromDoc({ ...merged, ...data }, related)
    if (written) facts.instructions.push(written)
    const result = canTransition(from ?? 'draft', to, actor, facts, await loadSigners(req, facts.replies))
    if (from === null && to === 'draft') {
      // creating a draft is not a transition
    } else if (!result.ok) refuse(result.reason)
    // A new round starts after the check (the check counts the rounds already used).
    if (to === 'rehandling') {
      const rounds = [...(merged.rehandlings ?? [])]
      rounds.push({ round: rounds.length + 1, startedAt: now, deadline: calendar.addMonthsDeadline(today, settings.rehandlingMonths) })
      data.rehandlings = rounds
    }
  }

  // How the admin names it: its number (once submitted) and its title as written.
  data.heading = [data.number ?? merged.number, data.title ?? merged.title].filter(Boolean).join(' ')

  // A public version, once there is one, is never emptied (the public page would lose its title).
  for (const k of ['publicTitle', 'publicBody'] as const)
    if (k in data && originalDoc?.[k] && !(typeof data[k] === 'string' && data[k].trim())) refuse('公开版本不能为空；如需隐去内容，请改写而不是清空', k)

  // The deadline in force (and the class of the reply that stands), kept as columns for the staff's lists (overdue first):
  // from the record as it will be and its instructions and replies (a screened-out item's 批示 and explanation).
  if (!related && merged.id != null) related = await loadRelated(req, merged.id)
  const facts = factsFromDoc({ ...merged, ...data, status: to }, related)
  if (written) facts.instructions.push(written)
  Object.assign(data, await derivedColumnsOf(req, facts, session))
  return data
}
