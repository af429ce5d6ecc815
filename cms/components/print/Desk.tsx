// The page around printed documents: their CSS, the toolbar, and what the person is told when
// there is nothing to print. Whoever is not signed in is sent to sign in first (a custom admin
// view is not guarded by Payload); whoever may not read the document gets the admin's 404.
import { notFound, redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'
import type { Printable } from '../../lib/printDocuments'
import { PrintCSS } from './styles'
import { PrintToolbar } from './PrintToolbar'

/** 全角空格, the space between items on a line of a Chinese letter. */
export const Gap = '\u3000'

/** The document's id (the last segment of /admin/print/<kind>/<id>); sends an anonymous visitor to sign in. */
export function printTarget(props: AdminViewServerProps, kind: 'reply' | 'evaluation'): string {
  const segments = props.params?.segments
  const id = Array.isArray(segments) ? String(segments[segments.length - 1] ?? '') : ''
  const { req } = props.initPageResult
  if (!req.user) {
    const admin = req.payload.config.routes.admin
    redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}/print/${kind}/${id}`)}`)
  }
  return id
}

export function Desk<T>({ what, result, children }: { what: string; result: Printable<T>; children: (doc: T) => ReactNode }) {
  if (result.kind === 'notFound') notFound()
  return (
    <div className="print-desk" lang="zh-CN">
      <style>{PrintCSS}</style>
      {result.kind === 'ok' ? (
        <>
          <PrintToolbar what={what} />
          {children(result.doc)}
        </>
      ) : (
        <p className="print-notice" role="alert">
          {result.message}
        </p>
      )}
    </div>
  )
}
