// 代表登录: username or phone, and password. Wrong details, too many attempts and a disabled
// account each get the server's plain message; a first sign-in goes on to the password change.
import { useState, type FormEvent } from 'react'
import type { PortalError } from '../../core/portal'
import type { MeAnswer } from '../../core/portalApi'
import { api, safeNext } from './api'
import { Button, Field, Message } from './ui'

export default function SignIn() {
  const [login, setLogin] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<PortalError | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const r = await api<MeAnswer>('/portal/sign-in', { method: 'POST', body: { login, password }, quiet401: true })
    setBusy(false)
    if (r.error) {
      setError(r.error)
      return
    }
    const next = safeNext(new URLSearchParams(location.search).get('next'))
    location.assign(r.data!.representative.mustChangePassword ? `/portal/password/?next=${encodeURIComponent(next)}` : next)
  }

  return (
    <form onSubmit={submit} className="portal-form" noValidate>
      <Message error={error} />
      <Field id="login" label="登录名或手机号" error={error?.fields?.login}>
        {(p) => <input {...p} name="username" autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} required />}
      </Field>
      <Field id="password" label="密码" error={error?.fields?.password}>
        {(p) => <input {...p} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />}
      </Field>
      <Button busy={busy} type="submit">
        登录
      </Button>
      <p className="muted">
        <a href="/portal/forgot/">忘记密码？</a>（账号被锁定或没有登记邮箱、手机号，请联系街道代表工作室重置。）
      </p>
    </form>
  )
}
