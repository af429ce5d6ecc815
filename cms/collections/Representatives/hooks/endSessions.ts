// After a password change or a disabling (marked by passwordChange on the request): every portal
// session of the representative ends.
import type { CollectionAfterChangeHook } from 'payload'
import type { Representative } from '../../../payload-types'
import { endAllSessions } from '../../../portal/sessions'

export const endSessions: CollectionAfterChangeHook<Representative> = async ({ doc, req, operation }) => {
  if (operation === 'update' && req.context.endPortalSessions) {
    delete req.context.endPortalSessions
    await endAllSessions(req.payload, doc.id, req)
  }
  return doc
}
