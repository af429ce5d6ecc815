'use client'
// The small dialogs of 申请延期 (the lead section, on the proposal's page) and of its approval
// (a leader, on the request's page). They send to Payload's REST API for 延期申请
// (POST /api/extension-requests, PATCH /api/extension-requests/:id), so the collection's own access
// and hooks decide (cms/collections/ExtensionRequests); a refusal's zh-CN reason is shown under the
// field it concerns and what was typed stays. Closing a dialog (Esc, 取消, a click outside) keeps
// what was typed until it is sent: reopening shows it again.
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

type Errors = Record<string, string | undefined>

/** Sends JSON to the REST API; on a refusal, the messages by field (and `form` for the rest). */
async function send(url: string, method: 'POST' | 'PATCH', body: unknown, fields: string[]): Promise<{ ok: true } | { ok: false; errors: Errors }> {
  try {
    const res = await fetch(url, { method, credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    if (res.ok) return { ok: true }
    const answer = await res.json().catch(() => null)
    const first = answer?.errors?.[0]
    const errors: Errors = {}
    for (const e of first?.data?.errors ?? []) if (fields.includes(e?.path) && !errors[e.path]) errors[e.path] = e.message
    if (!Object.values(errors).some(Boolean))
      errors.form = res.status === 403 ? '您没有权限进行这项操作（可能情况已有变化，请刷新页面）' : (first?.message ?? `未能保存（${res.status}），请稍后再试`)
    return { ok: false, errors }
  } catch {
    return { ok: false, errors: { form: '网络连接中断，未能保存；您填写的内容仍在，请稍后再试' } }
  }
}

/** A modal dialog (the browser's own: Esc closes it, focus stays inside while open). */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className="extension-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      // A click on the backdrop (outside the box) closes it, as Esc does; what was typed is kept.
      onClick={(e) => {
        if (e.target === ref.current) onClose()
      }}
    >
      <div className="extension-dialog__box">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  )
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="extension-dialog__error">
      {message}
    </p>
  ) : null
}

export interface RequestExtensionProps {
  proposal: string | number
  /** 现在的答复期限, in words, with the working days left. */
  deadlineText: string
  /** The first and the last date that may be asked for (YYYY-MM-DD). */
  earliest: string
  cap: string
  capText: string
  /** A request already waiting for a leader: no second one until it is decided. */
  pending: { newDeadlineText: string } | null
}

/** 申请延期: the lead section's button on the proposal's page, and its dialog. */
export function RequestExtensionButton({ proposal, deadlineText, earliest, cap, capText, pending }: RequestExtensionProps) {
  const { config } = useConfig()
  const router = useRouter()
  const uid = useId()
  const [open, setOpen] = useState(false)
  const [date, setDate] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState<string | null>(null)

  if (pending || sent)
    return (
      <p className="extension-note" role="status">
        延期申请待审批：申请延至{pending?.newDeadlineText ?? sent}
      </p>
    )

  const submit = async () => {
    const found: Errors = {}
    if (!date) found.newDeadline = '请选择新的答复期限'
    if (reason.trim().length < 2) found.reason = '请写明延期理由'
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    const result = await send(`${config.serverURL}${config.routes.api}/extension-requests`, 'POST', { proposal, newDeadline: date, reason }, ['newDeadline', 'reason', 'proposal'])
    setBusy(false)
    if (!result.ok) {
      setErrors({ ...result.errors, form: result.errors.form ?? result.errors.proposal })
      return
    }
    toast.success('已提交延期申请，等待街道领导审批')
    // Until the page is rendered again (router.refresh) with the request as stored, the date as chosen (2026-12-30).
    setSent(date)
    setOpen(false)
    setDate('')
    setReason('')
    router.refresh()
  }

  return (
    <>
      <Button buttonStyle="secondary" size="medium" margin={false} type="button" onClick={() => setOpen(true)}>
        申请延期
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="申请延期">
        <p>现在的答复期限：{deadlineText}</p>
        <p>最迟可延至{capText}</p>
        {errors.form && (
          <p role="alert" className="extension-dialog__error">
            {errors.form}
          </p>
        )}
        <div className={`field-type${errors.newDeadline ? ' error' : ''}`}>
          <label className="field-label" htmlFor={`${uid}-date`}>
            新的答复期限<span className="required">*</span>
          </label>
          <input id={`${uid}-date`} type="date" min={earliest} max={cap} value={date} aria-invalid={!!errors.newDeadline} aria-describedby={errors.newDeadline ? `${uid}-date-error` : undefined} onChange={(e) => setDate(e.target.value)} />
          <FieldError id={`${uid}-date-error`} message={errors.newDeadline} />
        </div>
        <div className={`field-type${errors.reason ? ' error' : ''}`}>
          <label className="field-label" htmlFor={`${uid}-reason`}>
            延期理由<span className="required">*</span>
          </label>
          <textarea id={`${uid}-reason`} rows={4} value={reason} aria-invalid={!!errors.reason} aria-describedby={errors.reason ? `${uid}-reason-error` : undefined} onChange={(e) => setReason(e.target.value)} />
          <FieldError id={`${uid}-reason-error`} message={errors.reason} />
          <p className="field-description">批准后，延期及其理由将在公开网站上显示。</p>
        </div>
        <div className="extension-dialog__actions">
          <Button buttonStyle="primary" size="medium" margin={false} type="button" disabled={busy} onClick={() => void submit()}>
            {busy ? '正在提交…' : '提交申请'}
          </Button>
          <Button buttonStyle="secondary" size="medium" margin={false} type="button" disabled={busy} onClick={() => setOpen(false)}>
            取消
          </Button>
        </div>
      </Dialog>
    </>
  )
}

export interface DecisionButtonsProps {
  request: string | number
  /** 申请延至, in words. */
  newDeadlineText: string
  /** Why it cannot be approved now (the proposal was answered meanwhile…); null when it can. */
  approvalRefusal: string | null
}

/** 批准 / 不批准: a leader's decision on a pending request, each confirmed in a small dialog. */
export function DecisionButtons({ request, newDeadlineText, approvalRefusal }: DecisionButtonsProps) {
  const { config } = useConfig()
  const router = useRouter()
  const uid = useId()
  const [open, setOpen] = useState<'approve' | 'refuse' | null>(null)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  if (done)
    return (
      <p className="extension-note" role="status">
        {done}
      </p>
    )

  const decide = async (decision: 'approved' | 'refused') => {
    if (decision === 'refused' && note.trim().length < 2) {
      setErrors({ decisionNote: '不批准须写明理由' })
      return
    }
    setBusy(true)
    const body = decision === 'approved' ? { decision } : { decision, decisionNote: note }
    const result = await send(`${config.serverURL}${config.routes.api}/extension-requests/${request}`, 'PATCH', body, ['decision', 'decisionNote'])
    setBusy(false)
    if (!result.ok) {
      setErrors({ ...result.errors, form: result.errors.form ?? result.errors.decision })
      return
    }
    const message = decision === 'approved' ? `已批准：答复期限延至${newDeadlineText}` : '已决定不批准，理由已记入办理记录'
    toast.success(message)
    setDone(message)
    setOpen(null)
    router.refresh()
  }

  const formError = errors.form && (
    <p role="alert" className="extension-dialog__error">
      {errors.form}
    </p>
  )

  return (
    <div className="extension-decision__actions">
      <Button buttonStyle="primary" size="medium" margin={false} type="button" disabled={!!approvalRefusal} onClick={() => setOpen('approve')}>
        批准
      </Button>
      <Button buttonStyle="secondary" size="medium" margin={false} type="button" onClick={() => setOpen('refuse')}>
        不批准
      </Button>
      {approvalRefusal && <p className="field-description">现在不能批准：{approvalRefusal}</p>}
      <Dialog open={open === 'approve'} onClose={() => setOpen(null)} title="批准延期">
        <p>批准后，答复期限改为{newDeadlineText}；延期及其理由将在公开网站上显示。</p>
        {formError}
        <div className="extension-dialog__actions">
          <Button buttonStyle="primary" size="medium" margin={false} type="button" disabled={busy} onClick={() => void decide('approved')}>
            {busy ? '正在保存…' : '确认批准'}
          </Button>
          <Button buttonStyle="secondary" size="medium" margin={false} type="button" disabled={busy} onClick={() => setOpen(null)}>
            取消
          </Button>
        </div>
      </Dialog>
      <Dialog open={open === 'refuse'} onClose={() => setOpen(null)} title="不批准延期">
        {formError}
        <div className={`field-type${errors.decisionNote ? ' error' : ''}`}>
          <label className="field-label" htmlFor={`${uid}-note`}>
            不批准的理由<span className="required">*</span>
          </label>
          <textarea id={`${uid}-note`} rows={4} value={note} aria-invalid={!!errors.decisionNote} aria-describedby={errors.decisionNote ? `${uid}-note-error` : undefined} onChange={(e) => setNote(e.target.value)} />
          <FieldError id={`${uid}-note-error`} message={errors.decisionNote} />
          <p className="field-description">理由记入办理记录，供主办科室查看，不在公开网站显示。</p>
        </div>
        <div className="extension-dialog__actions">
          <Button buttonStyle="primary" size="medium" margin={false} type="button" disabled={busy} onClick={() => void decide('refused')}>
            {busy ? '正在保存…' : '确认不批准'}
          </Button>
          <Button buttonStyle="secondary" size="medium" margin={false} type="button" disabled={busy} onClick={() => setOpen(null)}>
            取消
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
