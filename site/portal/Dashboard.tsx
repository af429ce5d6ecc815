// 我的提案: what waits on the representative first (replies to evaluate, invitations to
// co-sign), then their proposals, newest activity first, each with what happens next.
import { useEffect, useState } from 'react'
import type { PortalError } from '../../core/portal'
import type { Id, Me, MeAnswer, ProposalList } from '../../core/portalApi'
import { api, formatDay, formatTime } from './api'
import { Button, forgetOnSignOut, Loading, Message } from './ui'

export default function Dashboard() {
  const [list, setList] = useState<ProposalList | null>(null)
  const [me, setMe] = useState<Me | null>(null)
  const [error, setError] = useState<PortalError | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [busy, setBusy] = useState<Id | 'out' | null>(null)

  const load = async () => {
    const [l, m] = await Promise.all([api<ProposalList>('/portal/proposals'), api<MeAnswer>('/portal/me')])
    if (l.error) setError(l.error)
    else setList(l.data!)
    if (m.data) setMe(m.data.representative)
  }
  useEffect(() => {
    load()
  }, [])

  async function answer(id: Id, accept: boolean) {
    setBusy(id)
    const r = await api(`/portal/invitations/${id}`, { method: 'POST', body: { accept } })
    setBusy(null)
    if (r.error) return setError(r.error)
    setOk(accept ? '已同意附议。' : '已谢绝附议邀请。')
    load()
  }

  async function signOut() {
    setBusy('out')
    const r = await api('/portal/sign-out', { method: 'POST', quiet401: true })
    // Already signed out elsewhere (401) is signed out too; anything else is said, and nothing is forgotten.
    if (r.error && r.status !== 401) {
      setBusy(null)
      return setError(r.error)
    }
    forgetOnSignOut()
    location.assign('/portal/login/')
  }

  if (!list) return error ? <Message error={error} /> : <Loading />
  const { toEvaluate, invitations } = list.waiting
  return (
    <div className="portal">
      <div className="portal-head">
        <p>
          您好，<strong>{me?.name}</strong>代表{me?.residentialArea?.name ? `（${me.residentialArea.name}）` : ''}
        </p>
        <p className="actions">
          <a className="btn primary" href="/portal/new/">
            写新提案
          </a>
          <a className="btn plain" href="/portal/messages/">
            消息
          </a>
          <a className="btn plain" href="/portal/password/">
            修改密码
          </a>
          <a className="btn plain" href="/portal/sessions/">
            登录设备
          </a>
          <Button kind="plain" busy={busy === 'out'} onClick={signOut}>
            退出登录
          </Button>
        </p>
      </div>
      <Message error={error} ok={ok} />
      {(toEvaluate.length > 0 || invitations.length > 0) && (
        <section aria-labelledby="waiting">
          <h2 id="waiting">等待您处理</h2>
          <ul className="cards">
            {toEvaluate.map((t) => (
              <li key={`e${t.reply.id}`} className="card attention">
                <p>
                  <strong>
                    {t.proposal.number} {t.proposal.title}
                  </strong>
                </p>
                <p>
                  已于 {formatTime(t.reply.publishedAt)} 答复，请阅读并评价（截至 {formatDay(t.reply.evaluableUntil)}，含当天）。
                </p>
                <a className="btn primary" href={`/portal/proposal/?id=${t.proposal.id}#evaluate`}>
                  阅读答复并评价
                </a>
              </li>
            ))}
            {invitations.map((i) => (
              <li key={`i${i.id}`} className="card attention">
                <p>
                  邀请您附议：<strong>{i.proposal.title}</strong>
                </p>
                <p className="actions">
                  <a className="btn plain" href={`/portal/proposal/?id=${i.proposal.id}`}>
                    查看提案内容
                  </a>
                  <Button busy={busy === i.id} onClick={() => answer(i.id, true)}>
                    同意附议
                  </Button>
                  <Button kind="plain" busy={busy === i.id} onClick={() => answer(i.id, false)}>
                    谢绝
                  </Button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="mine">
        <h2 id="mine">我的提案</h2>
        {list.proposals.length === 0 ? (
          <p>您还没有提案。点击“写新提案”开始。</p>
        ) : (
          <ul className="cards">
            {list.proposals.map((p) => (
              <li key={p.id} className="card">
                <p>
                  <a href={`/portal/proposal/?id=${p.id}`}>
                    <strong>{p.number ? `${p.number} ` : ''}</strong>
                    {p.title}
                  </a>
                </p>
                <p>
                  <span className="badge">{p.statusLabel}</span> {p.role === 'coSigner' ? <span className="muted">（附议）</span> : null}
                  {p.currentDue ? <span className="muted"> 期限 {p.currentDue}</span> : null}
                </p>
                <p className="muted">下一步：{p.nextStep}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
