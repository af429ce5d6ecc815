// 登录设备: where this account is signed in; ending one signs that device out at once.
import { useEffect, useState } from 'react'
import type { PortalError } from '../../core/portal'
import type { Id, PortalSignIn as Session } from '../../core/portalApi'
import { api, formatTime } from './api'
import { Button, forgetOnSignOut, Loading, Message } from './ui'

export default function Sessions() {
  const [sessions, setSessions] = useState<Session[] | null>(null)
  const [error, setError] = useState<PortalError | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [busy, setBusy] = useState<Id | null>(null)
  const load = () => api<{ sessions: Session[] }>('/portal/sessions').then((r) => (r.error ? setError(r.error) : setSessions(r.data!.sessions)))
  useEffect(() => {
    load()
  }, [])
  const end = async (s: Session) => {
    setBusy(s.id)
    const r = await api(`/portal/sessions/${s.id}`, { method: 'DELETE' })
    setBusy(null)
    if (r.error) return setError(r.error)
    if (s.current) {
      forgetOnSignOut()
      return location.assign('/portal/login/')
    }
    setOk(`已让“${s.device}”退出登录。`)
    load()
  }
  if (!sessions) return error ? <Message error={error} /> : <Loading />
  return (
    <div>
      <Message error={error} ok={ok} />
      <ul className="cards">
        {sessions.map((s) => (
          <li key={s.id} className="card">
            <p>
              <strong>{s.device}</strong> {s.current && <span className="badge done">当前设备</span>}
            </p>
            <p className="muted">
              登录于 {formatTime(s.createdAt)}，最近使用 {formatTime(s.lastSeenAt)}
            </p>
            <Button kind="plain" busy={busy === s.id} onClick={() => end(s)}>
              {s.current ? '退出此设备' : '让这台设备退出'}
            </Button>
          </li>
        ))}
      </ul>
      <p>
        <a href="/portal/">← 返回我的提案</a>
      </p>
    </div>
  )
}
