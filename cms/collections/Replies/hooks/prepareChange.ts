// Runs before every save of a reply: a published reply is frozen; a new one takes its section,
// round and drafter from the proposal (a correction must name a published reply and say what it
// corrects); a B reply lists its commitments; the virtual 签发 and 公开 boxes stamp who and when.
import type { CollectionBeforeChangeHook } from 'payload'
import { currentRound, isScreenedOut, sameId } from '../../../../core/lifecycle'
import { actorOfReq, docId, idOf } from '../../../access/actor'
import { proposalFacts } from '../../../access/proposalRule'
import { nowISO } from '../../../lib/clock'
import { refuse as refuseWith } from '../../../lib/refuse'
import type { StaffRole } from '../../../../core/types'
import type { Reply } from '../../../payload-types'

const refuse = (message: string, path = 'text'): never => refuseWith(message, path)

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
  if (data.signOff && !originalDoc?.signedOffAt) {
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
  data.title = `第${merged.round ?? 1}轮答复（${merged.class ?? '—'}类）`
  return data
}
