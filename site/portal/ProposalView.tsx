// One proposal as its representative sees it: the whole text and story, what they may do next
// (finish and submit a draft, add photos, invite co-signers, evaluate a reply, say whether the
// problem is solved, answer an invitation), and its confidential reason if it has one. Each
// section that acts is in ./proposal/, each action through useAction.
import { useEffect, useState } from 'react'
import { categoryLabel } from '../../core/categories'
import type { PortalError } from '../../core/portal'
import type { Me, MeAnswer, ProposalDetail } from '../../core/portalApi'
import { api, formatTime, type Result } from './api'
import Attachments from './proposal/Attachments'
import DeleteDraft from './proposal/DeleteDraft'
import InvitationAnswer from './proposal/InvitationAnswer'
import Invitations, { InvitationList } from './proposal/Invitations'
import Replies from './proposal/Replies'
import Resolution from './proposal/Resolution'
import ProposalForm from './ProposalForm'
import { Loading, LoadFailed, Message } from './ui'

/** Worth trying again: no answer at all, or the server (or a proxy before it) failed. */
const transient = (r: Result<unknown>) => r.status === 0 || r.status >= 500

export default function ProposalView() {
  const id = Number(new URLSearchParams(location.search).get('id'))
  const [doc, setDoc] = useState<ProposalDetail | null>(null)
  const [me, setMe] = useState<Me | null>(null)
  const [error, setError] = useState<PortalError | null>(null)
  /** Why the page could not be shown, when trying again may help (a lost sign-in goes to the sign-in page instead). */
  const [failed, setFailed] = useState<PortalError | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const load = async () => {
    const [d, m] = await Promise.all([api<ProposalDetail>(`/portal/proposals/${id}`), api<MeAnswer>('/portal/me')])
    if (d.error) setError(d.error)
    else setDoc(d.data!)
    if (m.data) setMe(m.data.representative)
    // Without knowing who is reading, the page cannot be shown: anything but a lost sign-in is said.
    const stuck = m.error && m.status !== 401 ? m.error : d.error && transient(d) ? d.error : null
    if (stuck) setFailed({ ...stuck, message: `页面没有加载完成：${stuck.message}` })
  }
  const retry = () => {
    setFailed(null)
    setError(null)
    load()
  }
  useEffect(() => {
    if (!id) setError({ code: 'notFound', message: '没有指定提案' })
    else load()
  }, [])
  const done = (message: string) => {
    setOk(message)
    setError(null)
    load()
  }

  if (!doc || !me) return failed ? <LoadFailed error={failed} onRetry={retry} /> : error ? <Message error={error} /> : <Loading />
  const p = doc.proposal
  const params = new URLSearchParams(location.search)
  const isProposer = p.proposer.id === me.id
  const isCoSigner = p.coSigners.some((c) => c.id === me.id)
  const myInvitation = doc.invitations.find((i) => i.representative.id === me.id && i.status === 'invited')
  const draft = p.status === 'draft'

  return (
    <article className="portal">
      <p>
        <a href="/portal/">← 返回我的提案</a>
      </p>
      {params.get('submitted') && p.number && (
        <p className="alert ok" role="status">
          提案已提交，编号 <strong>{p.number}</strong>。{p.currentDue ? `代表工作室将在 ${p.currentDue} 前甄别立案。` : '代表工作室将尽快甄别立案。'}
        </p>
      )}
      {params.get('saved') && draft && (
        <p className="alert ok" role="status">
          草稿已保存。可以继续修改、上传照片、邀请附议代表，然后提交。
        </p>
      )}
      <h1>
        {p.number ? `${p.number} ` : ''}
        {p.title}
      </h1>
      <p>
        <span className="badge">{p.statusLabel}</span>
        {p.currentDue && <span className="muted"> 当前期限 {p.currentDue}</span>}
      </p>
      <p className="muted">下一步：{p.nextStep}</p>
      <Message error={error} ok={ok} />

      {myInvitation && <InvitationAnswer id={myInvitation.id} proposer={p.proposer.name} onDone={done} onError={setError} />}

      {draft && isProposer ? (
        <>
          <h2>修改草稿</h2>
          <ProposalForm
            existing={{ id: p.id, title: p.title, body: p.body, category: p.category, residentialArea: String(p.residentialArea.id) }}
            onSaved={load}
          />
          <Attachments doc={doc} editable onDone={done} onError={setError} />
          <Invitations doc={doc} onDone={done} onError={setError} />
          <DeleteDraft id={p.id} onError={setError} />
        </>
      ) : (
        <>
          <dl className="facts">
            <dt>提案人</dt>
            <dd>{p.proposer.name}</dd>
            {p.coSigners.length > 0 && (
              <>
                <dt>附议代表</dt>
                <dd>{p.coSigners.map((c) => c.name).join('、')}</dd>
              </>
            )}
            <dt>类别</dt>
            <dd>{categoryLabel(p.category)}</dd>
            <dt>居民区</dt>
            <dd>{p.residentialArea.name}</dd>
            {p.submittedAt && (
              <>
                <dt>提交时间</dt>
                <dd>{formatTime(p.submittedAt)}</dd>
              </>
            )}
          </dl>
          <h2>提案内容</h2>
          <div className="text">{p.body}</div>
          {p.publicVersion && !p.confidential && (
            <div className="alert">
              <p>为保护个人信息，代表工作室在公开网站上隐去了部分内容。公众看到的是：</p>
              <p>
                <strong>{p.publicVersion.title}</strong>
              </p>
              <div className="text">{p.publicVersion.body}</div>
            </div>
          )}
          {p.confidential && (
            <p className="alert">
              本提案不公开{p.confidentialReason ? `，理由：${p.confidentialReason}` : ''}（仅您和代表工作室可见）。
            </p>
          )}
          {p.screening?.reason && (
            <>
              <h2>甄别意见</h2>
              <div className="text">{p.screening.reason}</div>
            </>
          )}
          {doc.instructions.length > 0 && (
            <>
              <h2>领导批示</h2>
              {doc.instructions.map((i) => (
                <div key={i.id} className="record">
                  <p className="muted">{formatTime(i.at)}</p>
                  <div className="text">{i.text}</div>
                </div>
              ))}
            </>
          )}
          <Replies doc={doc} me={me.id} canAct={isProposer || isCoSigner} onDone={done} onError={setError} />
          <Resolution doc={doc} me={me.id} canAct={isProposer || isCoSigner} onDone={done} onError={setError} />
          <Attachments doc={doc} editable={false} onDone={done} onError={setError} />
          {doc.invitations.length > 0 && (isProposer || isCoSigner) && <InvitationList doc={doc} />}
        </>
      )}
    </article>
  )
}
