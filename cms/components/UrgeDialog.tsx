'use client'
// 催办 from the 督办台's rows (cms/components/SupervisionBoard.tsx): one small dialog for the whole
// board — a note (optional) and 公开说明 — opened by each row's button, saved through the step's
// endpoint (POST /api/proposals/:id/actions/urge, cms/endpoints/actions.ts) as on the proposal's
// action bar. What was typed for a row stays until it is sent; a refusal's zh-CN reason is shown
// in the dialog. One dialog, not one per row: the board lists many rows (a dialog each made the
// page at 10k proposals 600 KB of HTML).
import { Button, toast, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { createContext, useContext, useId, useState, type ReactNode } from 'react'
import { ActionLabels } from '../../core/actions'
import { sendAction, TextArea } from './ActionDialogs'
import { Dialog, FieldError } from './ExtensionDialogs'

type Id = string | number
type Target = { id: Id; subject: string }
type Typed = { note: string; notePublic: boolean }

const OpenUrge = createContext<(t: Target) => void>(() => {})

/** The board's one 催办 dialog; `outlook` says what follows (core/actions.ts urgeOutlook). */
export function UrgeProvider({ outlook, children }: { outlook: string[]; children: ReactNode }) {
  const { config } = useConfig()
  const router = useRouter()
  const uid = useId()
  const [target, setTarget] = useState<Target | null>(null)
  const [typed, setTyped] = useState<Record<string, Typed>>({})
  const [errors, setErrors] = useState<Record<string, string | undefined>>({})
  const [busy, setBusy] = useState(false)
  const key = target ? String(target.id) : ''
  const values = typed[key] ?? { note: '', notePublic: false }
  const set = (v: Partial<Typed>) => setTyped((all) => ({ ...all, [key]: { ...values, ...v } }))

  const submit = async () => {
    if (!target) return
    setBusy(true)
    const result = await sendAction(`${config.serverURL}${config.routes.api}/proposals/${target.id}/actions/urge`, values)
    setBusy(false)
    if (!result.ok) return setErrors(result.errors)
    toast.success(result.message)
    setTyped((all) => ({ ...all, [key]: { note: '', notePublic: false } }))
    setErrors({})
    setTarget(null)
    // The board as stored after the 催办.
    router.refresh()
  }

  const open = (t: Target) => {
    setErrors({})
    setTarget(t)
  }
  return (
    <OpenUrge.Provider value={open}>
      {children}
      <Dialog open={target != null} onClose={() => setTarget(null)} title={target ? `${ActionLabels.urge}：${target.subject}` : ActionLabels.urge}>
        {outlook.map((line) => (
          <p key={line} className="action-dialog__outlook">
            {line}
          </p>
        ))}
        {errors.form && (
          <p role="alert" className="extension-dialog__error">
            {errors.form}
          </p>
        )}
        <TextArea uid={uid} name="note" label="催办说明（可不填）" value={values.note} error={errors.note} onChange={(note) => set({ note })} rows={3} description="说明只有工作人员看到；勾选下面的“公开说明”后，公开网站的办理过程同时显示（公开前请勿写入姓名、电话、住址等个人信息）。" />
        <div className="field-type">
          <label className="action-dialog__choice">
            <input type="checkbox" checked={values.notePublic} onChange={(e) => set({ notePublic: e.target.checked })} />
            <span>公开说明</span>
          </label>
          <FieldError id={`${uid}-notePublic-error`} message={errors.notePublic} />
        </div>
        <div className="extension-dialog__actions">
          <Button buttonStyle="primary" size="medium" margin={false} type="button" disabled={busy} onClick={() => void submit()}>
            {busy ? '正在办理…' : `确认${ActionLabels.urge}`}
          </Button>
          <Button buttonStyle="secondary" size="medium" margin={false} type="button" disabled={busy} onClick={() => setTarget(null)}>
            取消
          </Button>
        </div>
      </Dialog>
    </OpenUrge.Provider>
  )
}

/** A row's 催办 button, named after its proposal (编号 and title). */
export function UrgeButton({ id, subject }: Target) {
  const open = useContext(OpenUrge)
  return (
    <Button buttonStyle="secondary" size="small" margin={false} type="button" aria-label={`${ActionLabels.urge}：${subject}`} onClick={() => open({ id, subject })}>
      {ActionLabels.urge}
    </Button>
  )
}
