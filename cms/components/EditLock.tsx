'use client'
// The edit lock ends when its holder leaves the document. Payload 3.90 removes a lock only when
// someone leaves a form with unsaved changes and confirms; a saved document keeps the lock its
// form took after the save, and the next person finds it "locked" for minutes. This provider
// (admin.components.providers) removes the signed-in person's own lock on the document they were
// editing as soon as they navigate elsewhere in the admin, and when the tab is closed or
// reloaded (a request that outlives the page); while the document is open it refreshes the lock,
// which Payload lets expire EDIT_LOCK_SECONDS after the last refresh (cms/lib/editLock.ts), so a
// tab that vanishes without a word (a crash, a lost connection) frees it soon too.
import { useAuth, useConfig } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import { useEffect, useRef, type ReactNode } from 'react'
import { editedDocument, EDIT_LOCK_REFRESH_SECONDS, ownLockQuery } from '../lib/editLock'

export function EditLock({ children }: { children?: ReactNode }) {
  const pathname = usePathname()
  const { user } = useAuth()
  const { config } = useConfig()
  const api = config.routes.api
  // Whoever uses the admin signs in to its user collection. The user object itself is replaced
  // while the page is open (each token refresh): read at release time, never a reason to release.
  const userSlug = config.admin.user
  const userId = useRef<string | number | undefined>(undefined)
  userId.current = user?.id

  useEffect(() => {
    const doc = editedDocument(pathname)
    if (!doc) return
    const locks = `${api}/payload-locked-documents`
    const mine = () => (userId.current == null ? null : `${locks}?${ownLockQuery(doc, { collection: userSlug, id: userId.current })}`)
    // keepalive: the request is sent even when the page is going away.
    const release = () => {
      const url = mine()
      if (url) fetch(url, { method: 'DELETE', credentials: 'include', keepalive: true }).catch(() => undefined)
    }
    const refresh = async () => {
      const url = mine()
      if (!url) return
      try {
        const found = (await (await fetch(url, { credentials: 'include' })).json()) as { docs?: { id: string | number }[] }
        for (const lock of found.docs ?? [])
          await fetch(`${locks}/${lock.id}`, { method: 'PATCH', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' })
      } catch {
        // Offline for a moment: the next refresh tries again; meanwhile the lock may lapse.
      }
    }
    const timer = window.setInterval(refresh, EDIT_LOCK_REFRESH_SECONDS * 1000)
    window.addEventListener('pagehide', release)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener('pagehide', release)
      release()
      // The form may have a form-state request on its way as the person leaves, which locks the
      // document again on the server: release once more after it has landed.
      window.setTimeout(() => {
        const now = editedDocument(window.location.pathname)
        if (now?.collection !== doc.collection || now?.id !== doc.id) release()
      }, 2000)
    }
  }, [pathname, api, userSlug])

  return <>{children}</>
}
