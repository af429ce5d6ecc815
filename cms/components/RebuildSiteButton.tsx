'use client'
// Above the site-build list: rebuild the public site now (queues the job; the list shows the result).
import { Button, toast } from '@payloadcms/ui'
import { useState } from 'react'

export function RebuildSiteButton() {
  const [busy, setBusy] = useState(false)
  const rebuild = async () => {
    setBusy(true)
    try {
      const res = await fetch('/api/site/rebuild', { method: 'POST', credentials: 'include' })
      const body = await res.json().catch(() => ({}))
      if (res.ok) toast.success(body.message ?? '已安排重新生成')
      else toast.error(body.errors?.[0]?.message ?? `失败（${res.status}）`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: '1rem' }}>
      <Button buttonStyle="secondary" disabled={busy} onClick={rebuild}>
        {busy ? '正在安排…' : '立即重新生成公开网站'}
      </Button>
    </div>
  )
}
