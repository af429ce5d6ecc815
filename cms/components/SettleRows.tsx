'use client'
// A new array row (添加 承诺事项) never stuck as a grey placeholder. Payload 3.90 adds a row
// optimistically, marked loading, and fills in its fields from the form-state request that its
// debounced onChange sends 250 ms later. If an earlier form-state request (the text just typed)
// answers inside those 250 ms, Payload's merge takes the merged state as "already sent", so no
// request for the new row ever goes out, and the row stays a placeholder until something else in
// the form changes (seen under load in tests/e2e/actions.e2e.ts; the same code is in Payload's
// 4.0 previews). This invisible UI field notices a row still loading after a while and adds it
// again in its place, through the form's own API (useForm's removeFieldRow and addFieldRow). The
// row is empty while it loads (its fields are not shown), so nothing typed can be lost.
import { useAllFormFields, useForm } from '@payloadcms/ui'
import { useEffect } from 'react'

/** Long enough for a slow server's honest answer; short enough that a person waits only briefly. */
export const SettleAfterMs = 4000

/** Each array path with the ids of its rows still loading. */
export function loadingRows(fields: Record<string, { rows?: { id?: string; isLoading?: boolean }[] } | undefined>) {
  const out: { path: string; rowIndex: number; id: string }[] = []
  for (const [path, field] of Object.entries(fields))
    field?.rows?.forEach((row, rowIndex) => {
      if (row?.isLoading && row.id) out.push({ path, rowIndex, id: row.id })
    })
  return out
}

/** A schema path is the field path without its row numbers (commitments.0.items → commitments.items). */
const schemaPathOf = (path: string) => path.split('.').filter((s) => !/^\d+$/.test(s)).join('.')

export function SettleRows() {
  const [fields] = useAllFormFields()
  const { getFields, removeFieldRow, addFieldRow } = useForm()
  const waiting = loadingRows(fields as never).map((r) => r.id).join(',')
  useEffect(() => {
    if (!waiting) return
    const timer = setTimeout(() => {
      // Only a row that has waited the whole time, at the place it is now.
      for (const row of loadingRows(getFields() as never).filter((r) => waiting.split(',').includes(r.id))) {
        removeFieldRow({ path: row.path, rowIndex: row.rowIndex })
        addFieldRow({ path: row.path, rowIndex: row.rowIndex, schemaPath: schemaPathOf(row.path) })
      }
    }, SettleAfterMs)
    return () => clearTimeout(timer)
  }, [waiting, getFields, removeFieldRow, addFieldRow])
  return null
}
