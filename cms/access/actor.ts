// Maps Payload's signed-in user to the `core` Actor the rules speak of.
import type { PayloadRequest, TypedUser } from 'payload'
import type { Actor } from '../../core/types'
import { PUBLIC, StaffRoles } from '../../core/types'

type AnyUser = (TypedUser & { collection?: string; role?: string; section?: unknown; active?: boolean | null }) | null | undefined

const idOf = (v: unknown): string | number | null => {
  if (v == null) return null
  if (typeof v === 'object' && 'id' in (v as object)) return (v as { id: string | number }).id
  return v as string | number
}

export function actorOf(user: AnyUser): Actor {
  if (!user) return PUBLIC
  if (user.collection === 'representatives') {
    // A disabled account acts as nobody.
    return user.active === false ? PUBLIC : { role: 'representative', id: user.id }
  }
  if (user.collection === 'users' && StaffRoles.includes(user.role as (typeof StaffRoles)[number])) {
    return { role: user.role as Actor['role'], id: user.id, section: idOf(user.section) }
  }
  return PUBLIC
}

export const actorOfReq = (req: Pick<PayloadRequest, 'user'>): Actor => actorOf(req.user as AnyUser)

/**
 * An id of `core` (string or number) as cms/payload-types.ts types a document's ids: numbers, as
 * SQLite and PostgreSQL make them. Only the type changes: the value is passed on as it is.
 */
export function docId(id: string | number): number
export function docId(id: string | number | null | undefined): number | null | undefined
export function docId(id: string | number | null | undefined): number | null | undefined {
  return id as number | null | undefined
}

export { idOf }
