// 修改密码: required at the first sign-in, and available any time. Every other sign-in of the
// account ends; this device stays signed in with a new session.
import { useEffect, useState, type FormEvent } from 'react'
import { passwordProblem, type PortalError } from '../../core/portal'
import type { Me, MeAnswer } from '../../core/portalApi'
import { api, safeNext } from './api'
import { Button, Field, Message } from './ui'

export default function ChangePassword() {
  const [me, setMe] = useState<Me | null>(null)
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<PortalError | null>(null)
  const [done, setDone] = useState<string | null>(null)

  useEffect(() => {
    api<MeAnswer>('/portal/me').then((r) => r.data && setMe(r.data.representative))
  }, [])

  async function submit(e: FormEvent) {
    e.preventDefault()
    setError(null)
    const problem = passwordProblem(next, me?.username) ?? (next !== again ? '两次输入的新密码不一致' : null)
    if (problem) {
      setError({ code: 'invalid', message: problem, fields: { [next !== again && !passwordProblem(next, me?.username) ? 'again' : 'newPassword']: problem } })
      return
    }
    setBusy(true)
    const r = await api<MeAnswer>('/portal/password', { method: 'POST', body: { currentPassword: current, newPassword: next } })
    setBusy(false)
    if (r.error) return setError(r.error)
    setDone('密码已修改。其他设备上的登录已全部退出。')
    setTimeout(() => location.assign(safeNext(new URLSearchParams(location.search).get('next'))), 1200)
  }

  return (
    <form onSubmit={submit} className="portal-form" noValidate>
      {me?.mustChangePassword && <p className="alert">首次登录，请先设置您自己的新密码。</p>}
      <Message error={error} ok={done} />
      <Field id="current" label="当前密码" error={error?.fields?.currentPassword}>
        {(p) => <input {...p} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />}
      </Field>
      <Field id="new" label="新密码" hint="至少 8 位，须同时包含数字和字母（或其他符号），不能包含登录名" error={error?.fields?.newPassword}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />}
      </Field>
      <Field id="again" label="再次输入新密码" error={error?.fields?.again}>
        {(p) => <input {...p} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />}
      </Field>
      <Button busy={busy} type="submit">
        保存新密码
      </Button>
    </form>
  )
}
