// Edit locks (Payload's `payload-locked-documents`): only someone who may update a document may
// lock it, take its lock over or remove it — otherwise any staff member could lock a proposal
// they cannot even read and keep the office from saving it (423) for minutes.
import type { Access, CollectionSlug, PayloadRequest, Where } from 'payload'
import { isStaff } from '../../core/permissions'
import { isValidId } from '../lib/inputCheck'
import { actorOfReq, idOf } from './actor'

/**
 * Whether this request's user may update document `id` of `collection`: the collection's own
 * update access, evaluated for that id; a query answer counts only if it matches the document.
 */
export async function mayUpdateDocument(req: PayloadRequest, collection: unknown, id: unknown): Promise<boolean> {
  if (typeof collection !== 'string' || !isValidId(req.payload, id)) return false
  const config = req.payload.collections[collection as CollectionSlug]?.config
  if (!config) return false
  const rule = config.access?.update
  const result = rule ? await rule({ req, id: id as number, data: undefined }) : !!req.user
  if (typeof result === 'boolean') return result
  const where: Where = { and: [{ id: { equals: id } }, result as Where] }
  const { totalDocs } = await req.payload.count({ collection: collection as CollectionSlug, where, overrideAccess: true, req })
  return totalDocs > 0
}

type LockTarget = { relationTo?: unknown; value?: unknown } | null | undefined

const allows = (req: PayloadRequest, target: LockTarget) => !!target && mayUpdateDocument(req, target.relationTo, idOf(target.value))

/** One's own locks: what an update or delete of many locks at once (by `where`) may reach. */
const ownLocks = (req: PayloadRequest): Where => ({
  and: [{ 'user.relationTo': { equals: req.user?.collection } }, { 'user.value': { equals: req.user?.id } }],
})

/**
 * Create, update and delete of a lock. Without a document in view (the admin asking what it may
 * do at all, or a change of many locks by `where`, as cms/components/EditLock.tsx removes one's
 * lock on leaving) staff may, on their own locks only; with one, only if they may update the
 * locked document (and, when a lock is moved to another document, that one too). Locks on
 * globals: there are none here.
 */
export const lockAccess: Access = async ({ req, id, data }) => {
  if (!isStaff(actorOfReq(req))) return false
  const targets: LockTarget[] = []
  if (id != null) {
    if (!isValidId(req.payload, id)) return false
    const lock = await req.payload.findByID({ collection: 'payload-locked-documents', id, depth: 0, overrideAccess: true, disableErrors: true, req })
    if (!lock) return false
    // Removing one's own lock (the admin does when leaving a document) is always allowed.
    const owner = lock.user as { relationTo?: string; value?: unknown } | undefined
    if (data == null && owner?.relationTo === req.user?.collection && String(idOf(owner?.value)) === String(req.user?.id)) return true
    targets.push(lock.document as LockTarget)
  }
  if (data && 'document' in data) targets.push(data.document as LockTarget)
  else if (data && 'globalSlug' in data && data.globalSlug) return false
  if (targets.length === 0) return id == null && data == null ? ownLocks(req) : false
  for (const t of targets) if (!(await allows(req, t))) return false
  return true
}
