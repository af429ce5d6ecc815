'use client'
// The action bar's buttons and their small dialogs (cms/components/ActionBar.tsx decides which,
// from core/actions.ts): each dialog asks only for its step's fields, says what follows (the
// deadline it starts, in Chinese dates), and saves through the step's endpoint
// (cms/endpoints/actions.ts), so the collection's own rules decide. A refusal's zh-CN reason is
// shown in the dialog, under the field it concerns when it concerns one, and what was typed stays;
// closing a dialog (Esc, 取消, a click outside) keeps what was typed until it is sent. 起草答复
// opens a new reply for this proposal in a drawer, the proposal already chosen. The look is the
// extension dialogs' (cms/components/ExtensionDialogs.tsx), whose dialog this reuses.
import { Button, toast, useConfig, useDocumentDrawer, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useId, useState, type ReactNode } from 'react'
import { chineseDate } from '../../core/calendar'
import type { ActionName } from '../../core/actions'
import type { CommitmentChoice } from '../endpoints/commitments'
import { Dialog, FieldError } from './ExtensionDialogs'

type Id = string | number

export interface ActionSpec {
  action: ActionName
  label: string
  /** What follows the step, line by line (core/actions.ts actionOutlook). */
  outlook: string[]
}

export interface ActionData {
  /** Every section, for 立案 and 拟办. */
  sections?: { id: Id; name: string }[]
  /** The lead and co-sections named now (拟办 starts from them). */
  lead?: Id | null
  coSections?: Id[]
  /** The proposal's live commitments and where each stands (验证). */
  commitments?: CommitmentChoice[]
  /** Verifications that stand, which a correction may name (验证). */
  verifications?: { id: Id; title: string; commitmentId: string | null; verified: boolean }[]
  /** 办结 asks why no evaluation came when the proposer has not evaluated and none is recorded. */
  askNoEvaluationReason?: boolean
  /** Today, China-local (YYYY-MM-DD): the latest date a visit may be dated. */
  today: string
}

export interface ActionButtonsProps {
  collection: 'proposals' | 'replies'
  id: Id
  /** The proposal the record belongs to (itself, or a reply's). */
  proposal: Id
  actions: ActionSpec[]
  data: ActionData
  /** What the buttons act on, in words, when the page lists many (the 督办 board's rows): their accessible names say it. */
  subject?: string
}

type Values = Record<string, string | boolean | string[] | undefined>
type Errors = Record<string, string | undefined>

/** Sends a step to its endpoint; on a refusal, its message (`form`) and its messages by field. */
export async function sendAction(url: string, body: unknown): Promise<{ ok: true; message: string } | { ok: false; errors: Errors }> {
  try {
    const res = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const answer = await res.json().catch(() => null)
    if (res.ok) return { ok: true, message: answer?.message ?? '已办理' }
    const first = answer?.errors?.[0]
    const fields: Errors = first?.fields ?? {}
    // Under its field when it concerns one; else at the top of the dialog.
    return { ok: false, errors: Object.keys(fields).length ? fields : { form: first?.message ?? `未能办理（${res.status}），请稍后再试` } }
  } catch {
    return { ok: false, errors: { form: '网络连接中断，未能办理；您填写的内容仍在，请稍后再试' } }
  }
}

/** Each step's request body from what was typed in its dialog. */
function bodyOf(action: ActionName, v: Values): Record<string, unknown> {
  const s = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '')
  const orNull = (k: string) => s(k) || null
  switch (action) {
    case 'accept':
      return { reason: s('reason'), leadSection: orNull('leadSection'), coSections: (v.coSections as string[] | undefined) ?? [] }
    case 'assign':
      return { leadSection: orNull('leadSection'), coSections: (v.coSections as string[] | undefined) ?? [] }
    case 'merge':
      return { reason: s('reason'), mergedInto: orNull('mergedInto') }
    case 'redirect':
    case 'notAccept':
    case 'returnForRevision':
      return { reason: s('reason') }
    case 'instruct':
    case 'coOpinion':
      return { text: s('text') }
    case 'followUp':
      return { kind: s('kind') || null, at: orNull('at'), notes: s('notes') }
    case 'verify': {
      const correcting = !!v.correcting
      return {
        commitmentId: correcting ? null : orNull('commitmentId'),
        verified: v.verified === 'yes' ? true : v.verified === 'no' ? false : null,
        at: orNull('at'),
        notes: s('notes'),
        ...(correcting ? { corrects: orNull('corrects'), correctionNote: s('correctionNote') } : {}),
      }
    }
    case 'close':
      return s('noEvaluationReason') ? { noEvaluationReason: s('noEvaluationReason') } : {}
    case 'urge':
      return { note: s('note'), notePublic: !!v.notePublic }
    default:
      return {}
  }
}

/** What each dialog starts with. */
const initialValues = (action: ActionName, data: ActionData): Values => {
  if (action === 'assign') return { leadSection: data.lead != null ? String(data.lead) : '', coSections: (data.coSections ?? []).map(String) }
  if (action === 'followUp') return { kind: 'visit', at: data.today }
  if (action === 'verify') return { at: data.today }
  return {}
}

export function TextArea({ uid, name, label, required, value, error, description, onChange, rows = 4 }: { uid: string; name: string; label: string; required?: boolean; value: string; error?: string; description?: string; onChange: (v: string) => void; rows?: number }) {
  const id = `${uid}-${name}`
  return (
    <div className={`field-type${error ? ' error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {required && <span className="required">*</span>}
      </label>
      <textarea id={id} rows={rows} value={value} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
      <FieldError id={`${id}-error`} message={error} />
      {description && <p className="field-description">{description}</p>}
    </div>
  )
}

function DateInput({ uid, name, label, value, max, error, onChange }: { uid: string; name: string; label: string; value: string; max: string; error?: string; onChange: (v: string) => void }) {
  const id = `${uid}-${name}`
  return (
    <div className={`field-type${error ? ' error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} type="date" max={max} value={value} aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  )
}

function Choices({ uid, name, legend, required, options, value, error, onChange, disabled }: { uid: string; name: string; legend: string; required?: boolean; options: { value: string; label: ReactNode; disabled?: boolean }[]; value: string; error?: string; onChange: (v: string) => void; disabled?: boolean }) {
  const id = `${uid}-${name}`
  return (
    <fieldset className={`field-type action-dialog__choices${error ? ' error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">
        {legend}
        {required && <span className="required">*</span>}
      </legend>
      {options.map((o) => (
        <label key={o.value} className="action-dialog__choice">
          <input type="radio" name={id} value={o.value} checked={value === o.value} disabled={disabled || o.disabled} onChange={() => onChange(o.value)} />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  )
}

/** 主办科室 (one) and 协办科室 (any others), from every section. */
function SectionsFields({ uid, data, values, errors, set }: { uid: string; data: ActionData; values: Values; errors: Errors; set: (k: string, v: Values[string]) => void }) {
  const lead = (values.leadSection as string | undefined) ?? ''
  const co = (values.coSections as string[] | undefined) ?? []
  const sections = data.sections ?? []
  return (
    <>
      <div className={`field-type${errors.leadSection ? ' error' : ''}`}>
        <label className="field-label" htmlFor={`${uid}-lead`}>
          主办科室<span className="required">*</span>
        </label>
        <select id={`${uid}-lead`} value={lead} aria-invalid={!!errors.leadSection} aria-describedby={errors.leadSection ? `${uid}-lead-error` : undefined} onChange={(e) => set('leadSection', e.target.value)}>
          <option value="">请选择</option>
          {sections.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
        <FieldError id={`${uid}-lead-error`} message={errors.leadSection} />
      </div>
      <fieldset className={`field-type action-dialog__choices${errors.coSections ? ' error' : ''}`}>
        <legend className="field-label">协办科室（可多选，可不选）</legend>
        {sections
          .filter((s) => String(s.id) !== lead)
          .map((s) => (
            <label key={s.id} className="action-dialog__choice">
              <input type="checkbox" checked={co.includes(String(s.id))} onChange={(e) => set('coSections', e.target.checked ? [...co, String(s.id)] : co.filter((x) => x !== String(s.id)))} />
              <span>{s.name}</span>
            </label>
          ))}
        <FieldError id={`${uid}-co-error`} message={errors.coSections} />
      </fieldset>
    </>
  )
}

/** 并案: the proposal it joins, found by its number or title. */
function MergeTarget({ uid, proposal, values, errors, set }: { uid: string; proposal: Id; values: Values; errors: Errors; set: (k: string, v: Values[string]) => void }) {
  const { config } = useConfig()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ id: Id; heading: string }[] | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const search = async () => {
    const q = query.trim()
    if (!q) return setNote('请输入提案编号或标题中的字词')
    const params = new URLSearchParams({ depth: '0', limit: '10', 'select[heading]': 'true' })
    params.set('where[and][0][id][not_equals]', String(proposal))
    params.set('where[and][1][status][not_equals]', 'draft')
    params.set('where[and][2][or][0][number][like]', q)
    params.set('where[and][2][or][1][title][like]', q)
    try {
      const res = await fetch(`${config.serverURL}${config.routes.api}/proposals?${params}`, { credentials: 'include' })
      const body = await res.json()
      const docs = (body?.docs ?? []) as { id: Id; heading?: string }[]
      setFound(docs.map((d) => ({ id: d.id, heading: d.heading ?? '' })))
      setNote(docs.length ? null : '没有找到，请换个字词')
    } catch {
      setNote('查找失败，请稍后再试')
    }
  }
  const chosen = (values.mergedInto as string | undefined) ?? ''
  return (
    <div className={`field-type${errors.mergedInto ? ' error' : ''}`}>
      <label className="field-label" htmlFor={`${uid}-merge-search`}>
        并入的提案<span className="required">*</span>
      </label>
      <div className="action-dialog__search">
        <input
          id={`${uid}-merge-search`}
          type="search"
          placeholder="提案编号或标题中的字词"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void search()
            }
          }}
        />
        <Button buttonStyle="secondary" size="small" margin={false} type="button" onClick={() => void search()}>
          查找
        </Button>
      </div>
      {note && <p className="field-description">{note}</p>}
      {found && found.length > 0 && (
        <Choices uid={uid} name="mergedInto" legend="选择要并入的提案" options={found.map((f) => ({ value: String(f.id), label: f.heading }))} value={chosen} onChange={(v) => set('mergedInto', v)} />
      )}
      <FieldError id={`${uid}-mergedInto-error`} message={errors.mergedInto} />
    </div>
  )
}

/** 验证: the commitment checked (chosen, never typed), the finding, or a correction of a standing verification. */
function VerifyFields({ uid, data, values, errors, set }: { uid: string; data: ActionData; values: Values; errors: Errors; set: (k: string, v: Values[string]) => void }) {
  const correcting = !!values.correcting
  const verifications = data.verifications ?? []
  return (
    <>
      <Choices
        uid={uid}
        name="commitmentId"
        legend="验证的承诺事项"
        required={!correcting}
        disabled={correcting}
        options={(data.commitments ?? []).map((c) => ({
          value: c.id,
          disabled: c.state === 'kept',
          label: (
            <>
              {c.text}
              <span className="action-dialog__muted">
                （完成时限 {chineseDate(c.dueDate)}；{c.stateLabel}
                {c.checkedAt ? `，${chineseDate(c.checkedAt)}核实` : ''}）
              </span>
            </>
          ),
        }))}
        value={correcting ? '' : ((values.commitmentId as string | undefined) ?? '')}
        error={errors.commitmentId}
        onChange={(v) => set('commitmentId', v)}
      />
      <Choices
        uid={uid}
        name="verified"
        legend="验证结论"
        required
        options={[
          { value: 'yes', label: '承诺已兑现' },
          { value: 'no', label: '尚未兑现' },
        ]}
        value={(values.verified as string | undefined) ?? ''}
        error={errors.verified}
        onChange={(v) => set('verified', v)}
      />
      <DateInput uid={uid} name="at" label="验证日期" value={(values.at as string) ?? ''} max={data.today} error={errors.at} onChange={(v) => set('at', v)} />
      <TextArea uid={uid} name="notes" label="验证情况（内部）" required value={(values.notes as string) ?? ''} error={errors.notes} onChange={(v) => set('notes', v)} />
      {verifications.length > 0 && (
        <div className="field-type">
          <label className="action-dialog__choice">
            <input type="checkbox" checked={correcting} onChange={(e) => set('correcting', e.target.checked)} />
            <span>更正以前录错的验证记录（原记录不删除，公开网站同时显示更正）</span>
          </label>
          {correcting && (
            <>
              <Choices uid={uid} name="corrects" legend="被更正的验证记录" required options={verifications.map((x) => ({ value: String(x.id), label: x.title }))} value={(values.corrects as string | undefined) ?? ''} error={errors.corrects} onChange={(v) => set('corrects', v)} />
              <TextArea uid={uid} name="correctionNote" label="更正说明" required rows={2} value={(values.correctionNote as string) ?? ''} error={errors.correctionNote} onChange={(v) => set('correctionNote', v)} />
            </>
          )}
        </div>
      )}
    </>
  )
}

/** The fields of one step's dialog. */
function StepFields({ action, uid, proposal, data, values, errors, set }: { action: ActionName; uid: string; proposal: Id; data: ActionData; values: Values; errors: Errors; set: (k: string, v: Values[string]) => void }) {
  const text = (k: string) => (values[k] as string | undefined) ?? ''
  switch (action) {
    case 'accept':
      return (
        <>
          <TextArea uid={uid} name="reason" label="立案理由" required value={text('reason')} error={errors.reason} onChange={(v) => set('reason', v)} />
          <SectionsFields uid={uid} data={data} values={values} errors={errors} set={set} />
        </>
      )
    case 'assign':
      return <SectionsFields uid={uid} data={data} values={values} errors={errors} set={set} />
    case 'merge':
      return (
        <>
          <MergeTarget uid={uid} proposal={proposal} values={values} errors={errors} set={set} />
          <TextArea uid={uid} name="reason" label="并案理由" required value={text('reason')} error={errors.reason} onChange={(v) => set('reason', v)} />
        </>
      )
    case 'redirect':
      return <TextArea uid={uid} name="reason" label="分流理由（转交哪个部门、依据什么）" required value={text('reason')} error={errors.reason} onChange={(v) => set('reason', v)} />
    case 'notAccept':
      return <TextArea uid={uid} name="reason" label="不予立案的理由" required value={text('reason')} error={errors.reason} onChange={(v) => set('reason', v)} />
    case 'returnForRevision':
      return <TextArea uid={uid} name="reason" label="退回理由（写明要修改什么）" required value={text('reason')} error={errors.reason} onChange={(v) => set('reason', v)} description="理由记入办理记录（内部），不在公开网站显示。" />
    case 'instruct':
      return <TextArea uid={uid} name="text" label="批示内容" required value={text('text')} error={errors.text} onChange={(v) => set('text', v)} />
    case 'coOpinion':
      return <TextArea uid={uid} name="text" label="协办意见" required value={text('text')} error={errors.text} onChange={(v) => set('text', v)} />
    case 'followUp':
      return (
        <>
          <Choices
            uid={uid}
            name="kind"
            legend="回访方式"
            required
            options={[
              { value: 'visit', label: '上门回访' },
              { value: 'call', label: '电话回访' },
            ]}
            value={text('kind')}
            error={errors.kind}
            onChange={(v) => set('kind', v)}
          />
          <DateInput uid={uid} name="at" label="回访日期" value={text('at')} max={data.today} error={errors.at} onChange={(v) => set('at', v)} />
          <TextArea uid={uid} name="notes" label="回访情况（内部）" required value={text('notes')} error={errors.notes} onChange={(v) => set('notes', v)} />
        </>
      )
    case 'verify':
      return <VerifyFields uid={uid} data={data} values={values} errors={errors} set={set} />
    case 'urge':
      return (
        <>
          <TextArea uid={uid} name="note" label="催办说明（可不填）" value={text('note')} error={errors.note} onChange={(v) => set('note', v)} rows={3} description="说明只有工作人员看到；勾选下面的“公开说明”后，公开网站的办理过程同时显示（公开前请勿写入姓名、电话、住址等个人信息）。" />
          <div className="field-type">
            <label className="action-dialog__choice">
              <input type="checkbox" checked={!!values.notePublic} onChange={(e) => set('notePublic', e.target.checked)} />
              <span>公开说明</span>
            </label>
            <FieldError id={`${uid}-notePublic-error`} message={errors.notePublic} />
          </div>
        </>
      )
    case 'close':
      return data.askNoEvaluationReason ? (
        <TextArea uid={uid} name="noEvaluationReason" label="未评价原因（提案人未评价时填写）" value={text('noEvaluationReason')} error={errors.noEvaluationReason} onChange={(v) => set('noEvaluationReason', v)} rows={2} />
      ) : null
    default:
      return null
  }
}

/** 起草答复: a new reply for this proposal, in a drawer, the proposal already chosen. */
function DraftReplyButton({ proposal, label }: { proposal: Id; label: string }) {
  const router = useRouter()
  const [DocumentDrawer, , { openDrawer, closeDrawer }] = useDocumentDrawer({ collectionSlug: 'replies' })
  return (
    <>
      <Button buttonStyle="secondary" size="medium" margin={false} type="button" onClick={openDrawer}>
        {label}
      </Button>
      <DocumentDrawer
        initialData={{ proposal }}
        onSave={() => {
          toast.success('答复稿已保存，等待科室负责人签发')
          closeDrawer()
          router.refresh()
        }}
      />
    </>
  )
}

/** The bar: one button per step offered, each opening its dialog. */
export function ActionButtons({ collection, id, proposal, actions, data, subject }: ActionButtonsProps) {
  const { config } = useConfig()
  const router = useRouter()
  const uid = useId()
  const modified = useFormModified()
  const [open, setOpen] = useState<ActionName | null>(null)
  const [values, setValues] = useState<Partial<Record<ActionName, Values>>>({})
  const [errors, setErrors] = useState<Partial<Record<ActionName, Errors>>>({})
  const [busy, setBusy] = useState(false)

  const valuesOf = (a: ActionName) => values[a] ?? initialValues(a, data)
  const set = (a: ActionName) => (k: string, v: Values[string]) => setValues((all) => ({ ...all, [a]: { ...(all[a] ?? initialValues(a, data)), [k]: v } }))

  const submit = async (spec: ActionSpec) => {
    setBusy(true)
    const result = await sendAction(`${config.serverURL}${config.routes.api}/${collection}/${id}/actions/${spec.action}`, bodyOf(spec.action, valuesOf(spec.action)))
    setBusy(false)
    if (!result.ok) {
      setErrors((all) => ({ ...all, [spec.action]: result.errors }))
      return
    }
    toast.success(result.message)
    setOpen(null)
    setValues((all) => ({ ...all, [spec.action]: undefined }))
    setErrors((all) => ({ ...all, [spec.action]: undefined }))
    // The page (its status, its summary, the buttons now offered) as stored after the step.
    router.refresh()
  }

  return (
    <div className="action-bar__buttons">
      {actions.map((spec) => {
        if (spec.action === 'draftReply') return <DraftReplyButton key={spec.action} proposal={proposal} label={spec.label} />
        const e = errors[spec.action] ?? {}
        return (
          <span key={spec.action}>
            <Button buttonStyle={spec.action === actions[0]?.action ? 'primary' : 'secondary'} size="medium" margin={false} type="button" aria-label={subject ? `${spec.label}：${subject}` : undefined} onClick={() => setOpen(spec.action)}>
              {spec.label}
            </Button>
            <Dialog open={open === spec.action} onClose={() => setOpen(null)} title={subject ? `${spec.label}：${subject}` : spec.label}>
              {spec.outlook.map((line) => (
                <p key={line} className="action-dialog__outlook">
                  {line}
                </p>
              ))}
              {modified && (
                <p role="alert" className="extension-dialog__error">
                  页面上有尚未保存的修改：请先保存（或撤销修改），再办理“{spec.label}”。
                </p>
              )}
              {e.form && (
                <p role="alert" className="extension-dialog__error">
                  {e.form}
                </p>
              )}
              <StepFields action={spec.action} uid={`${uid}-${spec.action}`} proposal={proposal} data={data} values={valuesOf(spec.action)} errors={e} set={set(spec.action)} />
              <div className="extension-dialog__actions">
                <Button buttonStyle="primary" size="medium" margin={false} type="button" disabled={busy || modified} onClick={() => void submit(spec)}>
                  {busy ? '正在办理…' : `确认${spec.label}`}
                </Button>
                <Button buttonStyle="secondary" size="medium" margin={false} type="button" disabled={busy} onClick={() => setOpen(null)}>
                  取消
                </Button>
              </div>
            </Dialog>
          </span>
        )
      })}
    </div>
  )
}
