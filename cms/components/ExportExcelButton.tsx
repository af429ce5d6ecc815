'use client'
// 导出 Excel, above the proposals' and the replies' lists: downloads the list as it is filtered now
// (the `where`, `search` and `sort` of the page's address) from /api/<collection>/export.xlsx
// (cms/endpoints/excelExport.ts), and says so plainly when the export fails.
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

/** The list's query from the page's address: its filters, search and sort (not its page or page size). */
export function listQueryOf(search: string): string {
  const kept = new URLSearchParams()
  for (const [key, value] of new URLSearchParams(search)) {
    if (key === 'search' || key === 'sort' || key === 'where' || key.startsWith('where[')) kept.append(key, value)
  }
  return kept.toString()
}

/** The file's name from Content-Disposition (filename*, else filename), else `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1]
  if (encoded) {
    try {
      return decodeURIComponent(encoded)
    } catch {}
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback
}

export function ExportExcelButton({ collection }: { collection: string }) {
  const { config } = useConfig()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const download = async () => {
    setBusy(true)
    setFailure(null)
    try {
      const query = listQueryOf(window.location.search)
      const res = await fetch(`${config.routes.api}/${collection}/export.xlsx${query ? `?${query}` : ''}`, { credentials: 'include' })
      if (!res.ok) {
        const body = await res.json().catch(() => null)
        throw new Error(body?.errors?.[0]?.message ?? `服务器返回 ${res.status}`)
      }
      const blob = await res.blob()
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = fileNameOf(res.headers.get('Content-Disposition'), `${collection}.xlsx`)
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (e) {
      // A network failure (or one in the middle of the file) has no message of the server's.
      const message = `导出失败：${e instanceof Error && e.message && !/fetch|network/i.test(e.message) ? e.message : '网络中断或服务器出错，请稍后重试'}`
      setFailure(message)
      toast.error(message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '1rem', margin: '0 0 1rem' }}>
      <Button buttonStyle="secondary" margin={false} disabled={busy} onClick={download} extraButtonProps={{ 'aria-describedby': `export-excel-note-${collection}` }}>
        {busy ? '正在导出…' : '导出 Excel'}
      </Button>
      <span id={`export-excel-note-${collection}`} role={failure ? 'alert' : undefined} style={failure ? { color: 'var(--theme-error-500)' } : { color: 'var(--theme-elevation-500)' }}>
        {failure ?? '按当前筛选条件导出全部记录'}
      </span>
    </div>
  )
}
