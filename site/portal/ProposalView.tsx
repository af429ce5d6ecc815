// One proposal as its representative sees it: the whole text and story, what they may do next
// (finish and submit a draft, add photos, invite co-signers, evaluate a reply, say whether the
// problem is solved, answer an invitation), and its confidential reason if it has one.
import { useEffect, useState, type FormEvent } from 'react'
import { categoryLabel } from '../../core/categories'
import { isEvaluableStatus } from '../../core/permissions'
import { ATTACHMENT_MAX_BYTES, checkInput, EvaluationSchema, ResolutionLabels, ResolutionAnswers, type PortalError } from '../../core/portal'
import type { ProposalStatus } from '../../core/types'
import { api, formatDay, formatTime, localToday } from './api'
import ProposalForm from './ProposalForm'
import { Button, Field, Loading, Message, useKept } from './ui'

type Id = number
interface Doc {
  proposal: {
    id: Id
    number: string | null
    title: string
    body: string
    category: string
    status: string
    statusLabel: string
    nextStep: string
    role: 'proposer' | 'coSigner'
    currentDue: string | null
    proposer: { id: Id; name: string } | Id
    coSigners: ({ id: Id; name: string } | Id)[]
    residentialArea: { id: Id; name: string } | Id
    confidential?: boolean
    confidentialReason?: string | null
    publicVersion?: { title: string; body: string } | null
    screening?: { decision?: string | null; reason?: string | null }
    submittedAt?: string | null
  }
  instructions: { id: Id; text: string; at: string }[]
  /** Published replies only, oldest first. */
  replies: {
    id: Id
    round: number
    class: string
    text: string
    publishedAt: string
    section: { name: string } | null
    commitments: { id: string; text: string; dueDate: string }[]
    /** The reply this one corrects, if it is a correction. */
    corrects: Id | null
    correctionNote: string | null
    /** The last day it may be evaluated (YYYY-MM-DD). */
    evaluableUntil: string
  }[]
  /** The round a "问题是否已解决？" answer now belongs to. */
  resolutionRound: number
  evaluations: { id: Id; reply: Id; representative: Id; rating: string; comment?: string | null; at: string }[]
  attachments: { id: Id; filename: string; filesize: number; url: string }[]
  invitations: { id: Id; representative: { id: Id; name: string } | Id; status: string }[]
  resolutionAnswers: { id: Id; representative: Id; round: number; answer: string }[]
}
interface Me {
  representative: { id: Id; name: string }
}

const idOf = (v: unknown): Id | undefined => (v && typeof v === 'object' ? (v as { id: Id }).id : (v as Id | undefined))
const nameOf = (v: unknown) => (v && typeof v === 'object' ? (v as { name: string }).name : '')
const RatingText: Record<string, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' }
const InvitationText: Record<string, string> = { invited: '待答复', accepted: '已同意附议', declined: '已谢绝' }

export default function ProposalView() {
  const id = Number(new URLSearchParams(location.search).get('id'))
  const [doc, setDoc] = useState<Doc | null>(null)
  const [me, setMe] = useState<Me['representative'] | null>(null)
  const [error, setError] = useState<PortalError | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const load = async () => {
    const [d, m] = await Promise.all([api<Doc>(`/portal/proposals/${id}`), api<Me>('/portal/me')])
    if (d.error) setError(d.error)
    else setDoc(d.data!)
    if (m.data) setMe(m.data.representative)
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

  if (!doc || !me) return error ? <Message error={error} /> : <Loading />
  const p = doc.proposal
  const params = new URLSearchParams(location.search)
  const isProposer = idOf(p.proposer) === me.id
  const isCoSigner = p.coSigners.some((c) => idOf(c) === me.id)
  const myInvitation = doc.invitations.find((i) => idOf(i.representative) === me.id && i.status === 'invited')
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

      {myInvitation && <InvitationAnswer id={myInvitation.id} proposer={nameOf(p.proposer)} onDone={done} onError={setError} />}

      {draft && isProposer ? (
        <>
          <h2>修改草稿</h2>
          <ProposalForm
            existing={{ id: p.id, title: p.title, body: p.body, category: p.category, residentialArea: String(idOf(p.residentialArea) ?? '') }}
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
            <dd>{nameOf(p.proposer)}</dd>
            {p.coSigners.length > 0 && (
              <>
                <dt>附议代表</dt>
                <dd>{p.coSigners.map(nameOf).join('、')}</dd>
              </>
            )}
            <dt>类别</dt>
            <dd>{categoryLabel(p.category)}</dd>
            <dt>居民区</dt>
            <dd>{nameOf(p.residentialArea)}</dd>
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

type Act = { onDone: (m: string) => void; onError: (e: PortalError) => void }

function InvitationAnswer({ id, proposer, onDone, onError }: { id: Id; proposer: string } & Act) {
  const [busy, setBusy] = useState(false)
  const answer = async (accept: boolean) => {
    setBusy(true)
    const r = await api(`/portal/invitations/${id}`, { method: 'POST', body: { accept } })
    setBusy(false)
    if (r.error) onError(r.error)
    else onDone(accept ? '已同意附议，您已成为本提案的附议代表。' : '已谢绝附议邀请。')
  }
  return (
    <div className="card attention">
      <p>
        <strong>{proposer}</strong>代表邀请您附议本提案。
      </p>
      <p className="actions">
        <Button busy={busy} onClick={() => answer(true)}>
          同意附议
        </Button>
        <Button kind="plain" busy={busy} onClick={() => answer(false)}>
          谢绝
        </Button>
      </p>
    </div>
  )
}

function Attachments({ doc, editable, onDone, onError }: { doc: Doc; editable: boolean } & Act) {
  const [busy, setBusy] = useState(false)
  if (!editable && doc.attachments.length === 0) return null
  const upload = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const input = e.currentTarget.elements.namedItem('file') as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return onError({ code: 'invalid', message: '请选择要上传的文件' })
    if (file.size > ATTACHMENT_MAX_BYTES) return onError({ code: 'tooLarge', message: `文件太大：每个附件不超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` })
    const form = new FormData()
    form.append('file', file)
    setBusy(true)
    const r = await api(`/portal/proposals/${doc.proposal.id}/attachments`, { method: 'POST', form })
    setBusy(false)
    input.value = ''
    if (r.error) onError(r.error)
    else onDone(`已上传 ${file.name}`)
  }
  const remove = async (id: Id) => {
    const r = await api(`/portal/attachments/${id}`, { method: 'DELETE' })
    if (r.error) onError(r.error)
    else onDone('附件已删除')
  }
  return (
    <section aria-labelledby="att">
      <h2 id="att">附件</h2>
      {doc.attachments.length > 0 ? (
        <ul>
          {doc.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url}>{a.filename}</a> <span className="muted">（{Math.ceil(a.filesize / 1024)} KB）</span>
              {editable && (
                <button type="button" className="btn plain small" onClick={() => remove(a.id)} aria-label={`删除附件 ${a.filename}`}>
                  删除
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">还没有附件。</p>
      )}
      {editable && (
        <form onSubmit={upload} className="portal-form">
          <Field id="file" label="上传照片或文件" hint="PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个">
            {(p) => <input {...p} type="file" name="file" accept="application/pdf,image/jpeg,image/png" />}
          </Field>
          <Button busy={busy} type="submit">
            上传
          </Button>
        </form>
      )}
    </section>
  )
}

function InvitationList({ doc }: { doc: Doc }) {
  return (
    <ul>
      {doc.invitations.map((i) => (
        <li key={i.id}>
          {nameOf(i.representative)}：{InvitationText[i.status] ?? i.status}
        </li>
      ))}
    </ul>
  )
}

function Invitations({ doc, onDone, onError }: { doc: Doc } & Act) {
  const [people, setPeople] = useState<{ id: Id; name: string; residentialArea: string }[]>([])
  const [filter, setFilter] = useState('')
  const [chosen, setChosen] = useState<string>('')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    api<{ representatives: typeof people }>('/portal/representatives').then((r) => r.data && setPeople(r.data.representatives))
  }, [])
  const taken = new Set(doc.invitations.map((i) => idOf(i.representative)))
  const options = people.filter((r) => !taken.has(r.id) && (r.name.includes(filter) || r.residentialArea.includes(filter)))
  const invite = async (e: FormEvent) => {
    e.preventDefault()
    if (!chosen) return onError({ code: 'invalid', message: '请选择要邀请的代表' })
    setBusy(true)
    const r = await api(`/portal/proposals/${doc.proposal.id}/invitations`, { method: 'POST', body: { representatives: [Number(chosen)] } })
    setBusy(false)
    if (r.error) return onError(r.error)
    setChosen('')
    onDone('已发出附议邀请，对方在门户网站中答复。')
  }
  const withdraw = async (id: Id) => {
    const r = await api(`/portal/invitations/${id}`, { method: 'DELETE' })
    if (r.error) onError(r.error)
    else onDone('已撤回邀请')
  }
  return (
    <section aria-labelledby="inv">
      <h2 id="inv">附议代表</h2>
      {doc.invitations.length > 0 && (
        <ul>
          {doc.invitations.map((i) => (
            <li key={i.id}>
              {nameOf(i.representative)}：{InvitationText[i.status] ?? i.status}{' '}
              {i.status === 'invited' && (
                <button type="button" className="btn plain small" onClick={() => withdraw(i.id)}>
                  撤回
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={invite} className="portal-form">
        <Field id="who-filter" label="查找代表（姓名或居民区）">
          {(p) => <input {...p} value={filter} onChange={(e) => setFilter(e.target.value)} />}
        </Field>
        <Field id="who" label="邀请附议的代表">
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">请选择</option>
              {options.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}（{r.residentialArea}）
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button busy={busy} type="submit">
          发出邀请
        </Button>
      </form>
    </section>
  )
}

function DeleteDraft({ id, onError }: { id: Id; onError: (e: PortalError) => void }) {
  const [sure, setSure] = useState(false)
  const remove = async () => {
    const r = await api(`/portal/proposals/${id}`, { method: 'DELETE' })
    if (r.error) onError(r.error)
    else location.assign('/portal/')
  }
  return (
    <section aria-labelledby="del">
      <h2 id="del">删除草稿</h2>
      {sure ? (
        <p className="actions">
          <Button kind="danger" onClick={remove}>
            确认删除这份草稿
          </Button>
          <Button kind="plain" onClick={() => setSure(false)}>
            不删除
          </Button>
        </p>
      ) : (
        <Button kind="plain" onClick={() => setSure(true)}>
          删除草稿…
        </Button>
      )}
    </section>
  )
}

function Replies({ doc, me, canAct, onDone, onError }: { doc: Doc; me: Id; canAct: boolean } & Act) {
  const published = doc.replies
  if (published.length === 0) return null
  const evaluable = isEvaluableStatus(doc.proposal.status as ProposalStatus)
  const today = localToday()
  const ordinal = (id: Id) => published.findIndex((r) => r.id === id) + 1
  return (
    <section aria-labelledby="replies" id="evaluate">
      <h2 id="replies">答复</h2>
      {published.map((r) => {
        const mine = doc.evaluations.find((e) => idOf(e.reply) === r.id && idOf(e.representative) === me)
        return (
          <div key={r.id} className={r.corrects != null ? 'record correction' : 'record'}>
            <p className="muted">
              {r.section?.name ?? '代表工作室'} · 第 {r.round} 轮 · {r.class} 类 · {formatTime(r.publishedAt)}
            </p>
            {r.corrects != null && (
              <p>
                <strong>更正</strong>：更正上面第 {ordinal(r.corrects)} 条答复{r.correctionNote ? `（${r.correctionNote}）` : ''}
              </p>
            )}
            <div className="text">{r.text}</div>
            {r.commitments && r.commitments.length > 0 && (
              <ul>
                {r.commitments.map((c) => (
                  <li key={c.id}>
                    承诺：{c.text}（{formatDay(c.dueDate)} 前）
                  </li>
                ))}
              </ul>
            )}
            {mine ? (
              <p>
                您的评价：<strong>{RatingText[mine.rating]}</strong>
                {mine.comment ? `，${mine.comment}` : ''}
              </p>
            ) : canAct && evaluable && r.evaluableUntil >= today ? (
              <Evaluate proposal={doc.proposal.id} reply={r.id} until={r.evaluableUntil} keep={`${me}:evaluate:${r.id}`} onDone={onDone} onError={onError} />
            ) : canAct && evaluable ? (
              <p className="muted">评价期限（{formatDay(r.evaluableUntil)}）已过；如有意见，请联系代表工作室。</p>
            ) : null}
          </div>
        )
      })}
    </section>
  )
}

function Evaluate({ proposal, reply, until, keep, onDone, onError }: { proposal: Id; reply: Id; until: string; keep: string } & Act) {
  const [rating, setRating, forgetRating] = useKept(`${keep}:rating`, '')
  const [comment, setComment, forgetComment] = useKept(`${keep}:comment`, '')
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [fieldError, setFieldError] = useState<Record<string, string>>({})
  const check = () => {
    const parsed = checkInput(EvaluationSchema, { reply, rating: rating || undefined, comment })
    if (!parsed.ok) {
      setFieldError(parsed.error.fields ?? {})
      onError(parsed.error)
      return null
    }
    setFieldError({})
    return parsed.data
  }
  // First the check and a confirmation (an evaluation counts once and cannot be changed)…
  const review = (e: FormEvent) => {
    e.preventDefault()
    if (check()) setConfirming(true)
  }
  // …then the evaluation itself.
  const send = async () => {
    const data = check()
    if (!data) return setConfirming(false)
    setBusy(true)
    const r = await api<{ proposal: { status: string; statusLabel: string } }>(`/portal/proposals/${proposal}/evaluations`, { method: 'POST', body: data })
    setBusy(false)
    setConfirming(false)
    if (r.error) {
      setFieldError(r.error.fields ?? {})
      return onError(r.error)
    }
    forgetRating()
    forgetComment()
    const status = r.data!.proposal.status
    onDone(status === 'rehandling' ? '评价已提交。您不满意，提案将重新办理。' : `评价已提交，谢谢您。提案现在：${r.data!.proposal.statusLabel}。`)
  }
  if (confirming)
    return (
      <div className="portal-form evaluate confirm" role="group" aria-labelledby={`confirm-${reply}`}>
        <p id={`confirm-${reply}`}>
          您的评价是<strong>“{RatingText[rating]}”</strong>
          {comment.trim() ? `，意见：${comment.trim()}` : ''}。评价提交后不能修改，确认提交吗？
        </p>
        <p className="actions">
          <Button busy={busy} onClick={send} autoFocus>
            确认提交评价
          </Button>
          <Button kind="plain" onClick={() => setConfirming(false)}>
            返回修改
          </Button>
        </p>
      </div>
    )
  return (
    <form onSubmit={review} className="portal-form evaluate" noValidate>
      <p className="muted">评价截至 {formatDay(until)}（含当天）；每条答复只能评价一次。</p>
      <fieldset aria-describedby={fieldError.rating ? 'rating-error' : undefined}>
        <legend>您对这条答复满意吗？</legend>
        {Object.entries(RatingText).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name={`rating-${reply}`} value={value} checked={rating === value} onChange={() => setRating(value)} /> {label}
          </label>
        ))}
        {fieldError.rating && (
          <p id="rating-error" className="field-error">
            {fieldError.rating}
          </p>
        )}
      </fieldset>
      <Field id={`comment-${reply}`} label="意见" hint="选择“不满意”时必须写明理由" error={fieldError.comment}>
        {(p) => <textarea {...p} rows={4} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />}
      </Field>
      <Button busy={busy} type="submit">
        提交评价
      </Button>
    </form>
  )
}

function Resolution({ doc, me, canAct, onDone, onError }: { doc: Doc; me: Id; canAct: boolean } & Act) {
  const keep = `${me}:resolution:${doc.proposal.id}:${doc.resolutionRound}`
  const [answer, setAnswer, forgetAnswer] = useKept(`${keep}:answer`, '')
  const [comment, setComment, forgetComment] = useKept(`${keep}:comment`, '')
  const [busy, setBusy] = useState(false)
  if (!canAct || !['replied', 'evaluated'].includes(doc.proposal.status)) return null
  const mine = doc.resolutionAnswers.find((a) => a.representative === me && a.round === doc.resolutionRound)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!answer) return onError({ code: 'invalid', message: '请选择已解决、部分解决或未解决' })
    setBusy(true)
    const r = await api(`/portal/proposals/${doc.proposal.id}/resolution`, { method: 'POST', body: { answer, comment } })
    setBusy(false)
    if (r.error) return onError(r.error)
    forgetAnswer()
    forgetComment()
    onDone('已告知代表工作室，谢谢您。')
  }
  return (
    <section aria-labelledby="resolved">
      <h2 id="resolved">问题是否已解决？</h2>
      {mine ? (
        <p>
          您的反馈：<strong>{ResolutionLabels[mine.answer as keyof typeof ResolutionLabels]}</strong>
        </p>
      ) : (
        <form onSubmit={submit} className="portal-form" noValidate>
          <fieldset>
            <legend>请告诉代表工作室实际情况（回访验证时参考）</legend>
            {ResolutionAnswers.map((a) => (
              <label key={a} className="choice">
                <input type="radio" name="resolution" value={a} checked={answer === a} onChange={() => setAnswer(a)} /> {ResolutionLabels[a]}
              </label>
            ))}
          </fieldset>
          <Field id="resolution-comment" label="说明（可不填）">
            {(p) => <textarea {...p} rows={3} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />}
          </Field>
          <Button busy={busy} type="submit">
            提交
          </Button>
        </form>
      )}
    </section>
  )
}
