// Runs before every save of a reply: a published reply is frozen; a new one takes its section,
// round and drafter from the proposal (a correction must name a published reply and say what it
// corrects); a B reply lists its commitments; the virtual 签发 and 公开 boxes stamp who and when.
// 退回修改: the signer may return the draft with a reason instead; the writer's next change marks
// it revised. 签发 waits for the co-sections' opinions until their deadline (core/duties.ts
// signOffWait), and records the co-sections that never gave one (they are named publicly).
import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { toLocalDate } from '../../../../core/calendar'
import { isReturned, signOffWait, silentCoSections } from '../../../../core/duties'
import { currentRound, isScreenedOut, sameId } from '../../../../core/lifecycle'
import { actorOfReq, docId, idOf } from '../../../access/actor'
import { proposalFacts } from '../../../access/proposalRule'
import { nowISO } from '../../../lib/clock'
import { loadDutyContext } from '../../../lib/derived'
import { replyFromDoc } from '../../../lib/facts'
import { refuse as refuseWith } from '../../../lib/refuse'
import type { StaffRole } from '../../../../core/types'
import type { Reply } from '../../../payload-types'

const refuse = (message: string, path = 'text'): never => refuseWith(message, path)

/** Whether an update changes what the writer wrote (text, class, commitments). */
const changesDraft = (data: Partial<Reply>, before: Reply): boolean =>
  (data.text !== undefined && data.text !== before.text) ||
  (data.class !== undefined && data.class !== before.class) ||
  (data.commitments !== undefined && JSON.stringify((data.commitments ?? []).map((c) => [c.text, c.dueDate])) !== JSON.stringify((before.commitments ?? []).map((c) => [c.text, c.dueDate])))

/** Every section's name, by id (few rows: read whole). */
async function sectionNames(req: PayloadRequest): Promise<Map<string, string>> {
  const { docs } = await req.payload.find({ collection: 'sections', pagination: false, depth: 0, select: { name: true }, overrideAccess: true, req })
  return new Map(docs.map((d) => [String(d.id), d.name]))
}

export const prepareChange: CollectionBeforeChangeHook<Reply> = async ({ data, originalDoc, operation, req }) => {
  if (originalDoc?.publishedAt) refuse('已公开的答复不能修改；如需更正，请另写一条答复并注明更正哪一条')
  const actor = actorOfReq(req)
  const facts = await proposalFacts(req, data.proposal ?? originalDoc?.proposal)
  if (!facts) return refuse('找不到对应的提案', 'proposal')
  if (operation === 'create') {
    data.section = isScreenedOut(facts.status) ? null : docId(facts.assignment.leadSection)
    data.round = currentRound(facts)
    data.draftedBy = docId(actor.id)
    if (data.corrects != null) {
      const target = facts.replies.find((r) => sameId(r.id, idOf(data.corrects)))
      if (!target?.publishedAt) refuse('只能更正本提案已公开的答复', 'corrects')
      if (!data.correctionNote?.trim()) refuse('更正答复须说明更正了什么', 'correctionNote')
    }
  }
  const merged = { ...(originalDoc ?? {}), ...data }
  if (merged.class === 'B' && !merged.commitments?.length) refuse('B 类答复须列出承诺事项及完成时限', 'commitments')
  const returning = data.returnForRevision?.trim()
  if (returning) {
    if (originalDoc?.signedOffAt || operation === 'create') refuse('只有尚未签发的答复稿可以退回修改', 'returnForRevision')
    if (data.signOff) refuse('签发和退回修改只能选一样', 'returnForRevision')
    data.returnedAt = nowISO()
    data.returnedBy = docId(actor.id)
    data.returnReason = returning
  } else if (operation === 'update' && originalDoc && isReturned(replyFromDoc(originalDoc)) && !data.signOff && changesDraft(data, originalDoc)) {
    data.revisedAt = nowISO()
  }
  if (data.signOff && !originalDoc?.signedOffAt) {
    const ctx = await loadDutyContext(req, idOf(merged.proposal)!)
    if (!ctx) return refuse('找不到对应的提案', 'proposal')
    const reply = replyFromDoc(merged as Reply)
    const names = await sectionNames(req)
    const wait = signOffWait(ctx.facts, reply, ctx.calendar, ctx.settings, toLocalDate(nowISO()), (id) => names.get(String(id)) ?? '协办科室')
    if (wait) refuse(wait, 'signOff')
    data.silentCoSections = silentCoSections(ctx.facts, reply, ctx.calendar, ctx.settings).map((id) => docId(id))
    data.signedOffBy = docId(actor.id)
    data.signedOffAt = nowISO()
    // Who they were when they signed: the rules judge a sign-off by this, so a head who
    // later moves section or role does not undo the replies they signed.
    data.signedOffRole = actor.role as StaffRole
    data.signedOffSection = docId(actor.section ?? null)
  }
  if (data.publish && (merged.signedOffAt || data.signedOffAt) && !originalDoc?.publishedAt) {
    data.publishedAt = nowISO()
    data.publishedBy = docId(actor.id)
  }
  delete data.signOff
  delete data.publish
  delete data.returnForRevision
  data.title = `第${merged.round ?? 1}轮答复（${merged.class ?? '—'}类）`
  return data
}
