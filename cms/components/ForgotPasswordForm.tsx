'use client'
// The admin's 忘记密码 form when e-mail or SMS is set up: the e-mail address, then the server's one
// answer (the same for every address: a link has gone to the account's e-mail or phone if it exists).
import { useState, type FormEvent } from 'react'

export function ForgotPasswordForm() {
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    try {
      const r = await fetch('/api/users/forgot-password', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) })
      const j = (await r.json().catch(() => null)) as { message?: string; errors?: { message?: string }[] } | null
      setMessage(j?.message ?? j?.errors?.[0]?.message ?? `服务器出错（${r.status}），请稍后再试`)
    } catch {
      setMessage('网络连接失败，请检查网络后再试')
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit} style={{ display: 'flex', flexDirection: 'column', gap: 'var(--base)' }}>
      <label htmlFor="forgot-email">工作人员的电子邮箱（登录用）</label>
      <input id="forgot-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="btn btn--style-primary" disabled={busy || !email.trim()}>
        {busy ? '正在发送…' : '发送重设密码的链接'}
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  )
}
