// After a reply is saved: 退回修改 and the writer's revision are recorded in the proposal's event
// log as internal steps (the reason as the note): the office sees them, the public timeline does not.
import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../access/actor'
import type { Reply } from '../../../payload-types'
import { appendEvent } from '../../Proposals/hooks/recordEvent'

export const recordSteps: CollectionAfterChangeHook<Reply> = async ({ doc, previousDoc, req }) => {
  const proposal = idOf(doc.proposal)
  if (proposal == null) return doc
  if (doc.returnedAt && doc.returnedAt !== previousDoc?.returnedAt)
    await appendEvent(req, proposal, { action: `第${doc.round ?? 1}轮答复稿退回修改`, note: doc.returnReason ?? undefined, internal: true })
  if (doc.revisedAt && doc.revisedAt !== previousDoc?.revisedAt) await appendEvent(req, proposal, { action: `第${doc.round ?? 1}轮答复稿已按退回意见修改`, internal: true })
  return doc
}
