// A new follow-up: recorded by the signed-in staff member; its time is when it happened (never
// ahead of now), or now. Payload's own createdAt is not taken from the client.
import type { CollectionBeforeChangeHook } from 'payload'
import { actorOfReq, docId } from '../../../access/actor'
import { nowISO } from '../../../lib/clock'
import { refuse } from '../../../lib/refuse'
import type { FollowUp } from '../../../payload-types'

export const stampFollowUp: CollectionBeforeChangeHook<FollowUp> = ({ data, req, operation }) => {
  if (operation !== 'create') return data
  const now = nowISO()
  // A visit may be recorded afterwards, never ahead of time.
  if (data.at && new Date(data.at).toISOString() > now) refuse('回访时间不能晚于现在', 'at')
  delete data.createdAt
  return { ...data, by: docId(actorOfReq(req).id), at: data.at ?? now }
}
