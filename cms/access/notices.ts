// Who reads which notice records (core/notices.ts canReadAllNotices): the office and the admin all
// of them (who has no working channel, the failures); everyone else their own, staff as `user`,
// representatives as `representative`. Nobody writes them over any API: the server does.
import type { Access, FieldAccess, Where } from 'payload'
import { canReadAllNotices } from '../../core/notices'
import { isStaff } from '../../core/permissions'
import { actorOfReq } from './actor'

export const noticesReadable: Access = ({ req }): boolean | Where => {
  const a = actorOfReq(req)
  if (canReadAllNotices(a)) return true
  if (a.id == null) return false
  if (isStaff(a)) return { user: { equals: a.id } }
  if (a.role === 'representative') return { representative: { equals: a.id } }
  return false
}

/** How a send went (the gateway's or the mail server's own words, the batch, the ledger key): the office and the admin only. */
export const noticeDeliveryReadable: FieldAccess = ({ req }) => canReadAllNotices(actorOfReq(req))
