'use client'
// A new array row (添加 承诺事项) never stuck as a grey placeholder. Payload 3.90 adds a row
// optimistically, marked loading, and fills in its fields from the form-state request that its
// debounced onChange sends 250 ms later. If an earlier form-state request (the text just typed)
// answers inside those 250 ms, Payload's merge takes the merged state as "already sent", so no
// request for the new row ever goes out, and the row stays a placeholder until something else in
// the form changes (seen under load in tests/e2e/actions.e2e.ts; the same code is in Payload's
// 4.0 previews). This invisible UI field notices a row still loading after a while and adds it
// again in its place, through the form's own API (useForm's removeFieldRow and addFieldRow), waiting
// longer before each further try at the same place (on a server slower than the wait, each answer
// would otherwise come for a row already replaced). The row is empty while it loads (its fields are
// not shown), so nothing typed can be lost.
import { useAllFormFields, useForm } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

/** The first wait: long enough for a slow server's honest answer; short enough that a person waits only briefly. */
export const SettleAfterMs = 4000
/** Each new try at the same place waits twice as long (a re-added row is a new row: an answer still on its way for the one it replaced no longer fills it), up to this. */
export const SettleAtMostMs = 32_000

type RowState = { id?: string; isLoading?: boolean; blockType?: string }

/** Each array row still loading, where it is now. (Blocks rows are left alone: re-adding one needs its block type.) */
export function loadingRows(fields: Record<string, { rows?: RowState[] } | undefined>) {
  const out: { path: string; rowIndex: number; id: string }[] = []
  for (const [path, field] of Object.entries(fields))
    field?.rows?.forEach((row, rowIndex) => {
      if (row?.isLoading && row.id && !row.blockType) out.push({ path, rowIndex, id: row.id })
    })
  return out
}

/** How long to wait before the try after `tries` earlier ones at the same place. */
export const settleDelay = (tries: number): number => Math.min(SettleAfterMs * 2 ** tries, SettleAtMostMs)

export function SettleRows() {
  const [fields] = useAllFormFields()
  const { getFields, removeFieldRow, addFieldRow } = useForm()
  const waiting = loadingRows(fields as never)
  const ids = waiting.map((r) => r.id).join(',')
  // Tries so far at each place (path and row number); forgotten once nothing is loading.
  const tries = useRef(new Map<string, number>())
  useEffect(() => {
    if (!ids) {
      tries.current.clear()
      return
    }
    const place = (r: { path: string; rowIndex: number }) => `${r.path}.${r.rowIndex}`
    const delay = Math.min(...waiting.map((r) => settleDelay(tries.current.get(place(r)) ?? 0)))
    const timer = setTimeout(() => {
      // Only a row that has waited the whole time, at the place it is now.
      for (const row of loadingRows(getFields() as never).filter((r) => ids.split(',').includes(r.id))) {
        tries.current.set(place(row), (tries.current.get(place(row)) ?? 0) + 1)
        removeFieldRow({ path: row.path, rowIndex: row.rowIndex })
        addFieldRow({ path: row.path, rowIndex: row.rowIndex, schemaPath: row.path.split('.').filter((s) => !/^\d+$/.test(s)).join('.') })
      }
    }, delay)
    return () => clearTimeout(timer)
    // `waiting` is read for its delays only; `ids` says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ids, getFields, removeFieldRow, addFieldRow])
  return null
}
