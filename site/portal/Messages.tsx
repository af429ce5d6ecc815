// 消息: every message the system sent this representative (提案已编号, 甄别结果, 答复已公开, 评价
// 期限提醒 …), newest first, each opening the proposal it is about. The same messages go by SMS or
// e-mail as the representative chose with the office.
import { useEffect, useState } from 'react'
import type { PortalError } from '../../core/portal'
import type { NoticesAnswer, PortalNotice } from '../../core/portalApi'
import { api, formatDay, formatTime } from './api'
import { LoadFailed, Loading } from './ui'

/** What the text adds to the subject: a reminder's text repeats its subject (the SMS carries both), shown once here. */
export function bodyOf(n: Pick<PortalNotice, 'subject' | 'text'>): string {
  return n.text.startsWith(n.subject) ? n.text.slice(n.subject.length).replace(/^[，,：:\s]+/, '') : n.text
}

export default function Messages() {
  const [notices, setNotices] = useState<PortalNotice[] | null>(null)
  const [error, setError] = useState<PortalError | null>(null)
  const load = async () => {
    setError(null)
    const r = await api<NoticesAnswer>('/portal/notices')
    if (r.error) setError(r.error)
    else setNotices(r.data!.notices)
  }
  useEffect(() => {
    load()
  }, [])
  if (!notices) return error ? <LoadFailed error={error} onRetry={load} /> : <Loading />
  return (
    <div>
      {notices.length === 0 ? (
        <p>还没有消息。提案编号、甄别结果、答复公开和评价期限将要届满时，这里会有提醒。</p>
      ) : (
        <ul className="cards">
          {notices.map((n) => (
            <li key={n.id} className="card">
              <p>
                <span className="badge">{n.kind}</span> <span className="muted">{n.sentAt ? formatTime(n.sentAt) : formatDay(n.date)}</span>
              </p>
              <p>
                <strong>{n.subject}</strong>
              </p>
              {bodyOf(n) && <p>{bodyOf(n)}</p>}
              {n.proposal != null && (
                <a className="btn plain" href={`/portal/proposal/?id=${n.proposal}`}>
                  查看提案
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/portal/">← 返回我的提案</a>
      </p>
    </div>
  )
}
