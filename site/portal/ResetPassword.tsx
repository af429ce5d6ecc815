// 设置新密码: opened from the link sent by e-mail or SMS (?token=…); the new password follows the
// same rule as a change, and every other sign-in of the account ends. Then the person signs in.
import { useState, type FormEvent } from 'react'
import { passwordProblem, type PortalError } from '../../core/portal'
import { api } from './api'
import { Button, Field, Message } from './ui'

export default function ResetPassword() {
  const token = new URLSearchParams(location.search).get('token') ?? ''
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<PortalError | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setError(null)
    const problem = passwordProblem(next) ?? (next !== again ? '两次输入的新密码不一致' : null)
    if (problem) return setError({ code: 'invalid', message: problem, fields: { [passwordProblem(next) ? 'newPassword' : 'again']: problem } })
    setBusy(true)
    const r = await api<{ reset: true }>('/portal/reset-password', { method: 'POST', body: { token, newPassword: next }, quiet401: true })
    setBusy(false)
    if (r.error) return setError(r.error)
    setDone('新密码已设置，请用新密码登录。')
    setTimeout(() => location.assign('/portal/login/'), 1500)
  }

  if (!/^[0-9a-f]{40}$/.test(token))
    return (
      <p className="alert">
        链接不完整。请从邮件或短信中完整打开链接，或<a href="/portal/forgot/">重新申请</a>。
      </p>
    )
  return (
    <form onSubmit={submit} className="portal-form" noValidate>
      <Message error={error} ok={done} />
      <Field id="new" label="新密码" hint="至少 8 位，须同时包含数字和字母（或其他符号），不能包含登录名" error={error?.fields?.newPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />}
      </Field>
      <Field id="again" label="再次输入新密码" error={error?.fields?.again}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />}
      </Field>
      <Button busy={busy} type="submit">
        保存新密码
      </Button>
      {error?.code === 'badLink' && (
        <p>
          <a href="/portal/forgot/">重新申请重设密码的链接</a>
        </p>
      )}
    </form>
  )
}
