// Payload's edit lock (payload-locked-documents) as this project keeps it: it ends when its holder
// leaves the document, and soon after if their tab is closed without leaving (a crash, a lost
// connection): the lock lasts EDIT_LOCK_SECONDS past its last refresh, and the holder's open tab
// refreshes it every EDIT_LOCK_REFRESH_SECONDS (cms/components/EditLock.tsx).

/** How long a lock holds past its last refresh (Payload's default: 300). */
export const EDIT_LOCK_SECONDS = 90
/** How often the holder's open tab refreshes its lock. */
export const EDIT_LOCK_REFRESH_SECONDS = 30

/** The document an admin path edits (`/admin/collections/<slug>/<id>`), or null (lists, create, other views). */
export function editedDocument(pathname: string): { collection: string; id: string } | null {
  const m = /^\/admin\/collections\/([^/]+)\/([^/]+)\/?$/.exec(pathname)
  if (!m || m[2] === 'create' || m[2] === 'trash') return null
  return { collection: decodeURIComponent(m[1]), id: decodeURIComponent(m[2]) }
}

/** The REST query selecting one person's lock on one document. */
export function ownLockQuery(doc: { collection: string; id: string }, user: { collection: string; id: string | number }): string {
  const p = new URLSearchParams()
  p.set('where[and][0][document.relationTo][equals]', doc.collection)
  p.set('where[and][1][document.value][equals]', doc.id)
  p.set('where[and][2][user.relationTo][equals]', user.collection)
  p.set('where[and][3][user.value][equals]', String(user.id))
  p.set('depth', '0')
  p.set('limit', '10')
  return p.toString()
}
