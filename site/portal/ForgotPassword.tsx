// 忘记密码: the representative types their login (name or phone); a link to set a new password goes
// to the e-mail or phone the office recorded, when the system sends e-mail or SMS. The answer says
// the same for any login; without e-mail or SMS it says to ask the office.
import { useState, type FormEvent } from 'react'
import type { PortalError } from '../../core/portal'
import { api } from './api'
import { Button, Field, Message } from './ui'

export default function ForgotPassword() {
  const [login, setLogin] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<PortalError | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setError(null)
    setBusy(true)
    const r = await api<{ message: string }>('/portal/forgot-password', { method: 'POST', body: { login }, quiet401: true })
    setBusy(false)
    if (r.error) return setError(r.error)
    setDone(r.data!.message)
  }

  return (
    <form onSubmit={submit} className="portal-form" noValidate>
      <Message error={error} ok={done} />
      <Field id="login" label="登录名或手机号" error={error?.fields?.login}>
        {(p) => <input {...p} autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required />}
      </Field>
      <Button busy={busy} type="submit">
        发送重设密码的链接
      </Button>
      <p>
        <a href="/portal/login/">← 返回登录</a>
      </p>
    </form>
  )
}
