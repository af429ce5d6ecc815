'use client'
// A join field's table (a proposal's 批示, 办理记录 …) as the last save left it. Payload's table
// queries its rows when it first shows and then only when sorted or paged; records that the save
// itself created (the 批示 a leader writes in the proposal's form, the events it records) appeared
// only after a reload. Keyed by the document's last save, the table queries its rows afresh after
// each save (cms/lib/freshJoins.ts puts it on every join field).
import { JoinField, useDocumentInfo } from '@payloadcms/ui'
import type { JoinFieldClientComponent } from 'payload'

export const FreshJoin: JoinFieldClientComponent = (props) => {
  const { data } = useDocumentInfo()
  return <JoinField key={String(data?.updatedAt ?? '')} {...props} />
}
