// 写提案: title, text, category, residential area. What is typed is kept on this device until it
// is saved, so a closed page or a lost connection loses nothing; the same form sent twice (a
// double tap, a retry) makes one proposal, because it carries one client key.
import { useEffect, useState, type FormEvent } from 'react'
import { CategoryOptions } from '../../core/categories'
import { checkInput, DraftSchema, type PortalError } from '../../core/portal'
import type { Id, MeAnswer, ProposalCreated, ProposalSaved } from '../../core/portalApi'
import { api, newClientKey } from './api'
import { Button, Field, Message } from './ui'

export interface DraftValues {
  title: string
  body: string
  category: string
  residentialArea: string
}
interface Area {
  id: number
  name: string
}

/** Where a new proposal's unsaved text waits, per representative (a phone may be shared); an edited draft's, per draft. */
const storeOf = (representative: Id) => `portal:new-proposal:${representative}`
const draftStore = (id: Id) => `portal:kept:draft:${id}`
const empty: DraftValues = { title: '', body: '', category: '', residentialArea: '' }

export default function ProposalForm({ existing, onSaved }: { existing?: DraftValues & { id: Id }; onSaved?: () => void }) {
  const [values, setValues] = useState<DraftValues>(
    existing ? { title: existing.title, body: existing.body, category: existing.category, residentialArea: existing.residentialArea } : empty,
  )
  const [clientKey, setClientKey] = useState<string>(newClientKey)
  const [areas, setAreas] = useState<Area[]>([])
  const [error, setError] = useState<PortalError | null>(null)
  const [ok, setOk] = useState<string | null>(null)
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null)
  const [confirming, setConfirming] = useState(false)

  const [store, setStore] = useState<string | null>(null)

  useEffect(() => {
    api<{ docs: Area[] }>('/residential-areas?limit=100&depth=0&sort=name').then((r) => r.data && setAreas(r.data.docs))
    if (existing) {
      const kept = JSON.parse(sessionStorage.getItem(draftStore(existing.id)) ?? 'null') as DraftValues | null
      if (kept) {
        setValues(kept)
        setOk('已恢复您上次未保存的修改。')
      }
      return
    }
    api<MeAnswer>('/portal/me').then((r) => {
      if (!r.data) return
      const me = r.data.representative
      setStore(storeOf(me.id))
      const stored = JSON.parse(localStorage.getItem(storeOf(me.id)) ?? 'null') as { values: DraftValues; clientKey: string } | null
      if (stored) {
        setValues(stored.values)
        setClientKey(stored.clientKey)
        setOk('已恢复您上次未保存的内容。')
      } else {
        setValues((v) => ({ ...v, residentialArea: v.residentialArea || String(me.residentialArea.id) }))
      }
    })
    // Once, on mount: `existing` seeds the form as useState's initial value does; running again for
    // each new `existing` object the parent renders would overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const set = (k: keyof DraftValues) => (e: { target: { value: string } }) => {
    const next = { ...values, [k]: e.target.value }
    setValues(next)
    try {
      if (existing) sessionStorage.setItem(draftStore(existing.id), JSON.stringify(next))
      else if (store) localStorage.setItem(store, JSON.stringify({ values: next, clientKey }))
    } catch {}
  }

  async function save(submit: boolean) {
    setError(null)
    setOk(null)
    const parsed = checkInput(DraftSchema, { ...values, residentialArea: values.residentialArea ? Number(values.residentialArea) : undefined })
    if (!parsed.ok) {
      setConfirming(false)
      return setError(parsed.error)
    }
    setBusy(submit ? 'submit' : 'save')
    let id = existing?.id
    if (existing) {
      const r = await api<ProposalSaved>(`/portal/proposals/${existing.id}`, { method: 'PATCH', body: parsed.data })
      if (r.error) return finish(r.error)
      sessionStorage.removeItem(draftStore(existing.id))
      if (submit) {
        const s = await api<ProposalSaved>(`/portal/proposals/${existing.id}/submit`, { method: 'POST' })
        if (s.error) return finish(s.error)
      }
    } else {
      const r = await api<ProposalCreated>('/portal/proposals', { method: 'POST', body: { ...parsed.data, clientKey, submit } })
      if (r.error?.code === 'frozen') {
        // This form was submitted already (its answer was lost on the way): that proposal stands as
        // it was sent. What is in the form now can still go in as a new proposal, under a new key.
        const key = newClientKey()
        setClientKey(key)
        if (store) localStorage.setItem(store, JSON.stringify({ values, clientKey: key }))
        return finish({ ...r.error, message: `${r.error.message}，可在“我的提案”中查看。下面是您修改后的内容：如需作为一件新提案，请再次提交。` })
      }
      if (r.error) return finish(r.error)
      if (store) localStorage.removeItem(store)
      id = r.data!.proposal.id
    }
    finish(null)
    if (existing && !submit) {
      setOk('已保存。')
      onSaved?.()
    } else location.assign(`/portal/proposal/?id=${id}${submit ? '&submitted=1' : '&saved=1'}`)
  }
  const finish = (e: PortalError | null) => {
    setBusy(null)
    setConfirming(false)
    if (e) setError(e)
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setConfirming(true)
  }

  return (
    <form onSubmit={onSubmit} className="portal-form" noValidate>
      <Message error={error} ok={ok} />
      <Field id="title" label="标题" hint="一句话说明问题，例如：梅园小区3号楼电梯经常停运" error={error?.fields?.title}>
        {(p) => <input {...p} value={values.title} maxLength={100} onChange={set('title')} required />}
      </Field>
      <Field id="body" label="提案内容" hint="问题在哪里、影响到谁、希望怎样解决" error={error?.fields?.body}>
        {(p) => <textarea {...p} rows={10} value={values.body} maxLength={5000} onChange={set('body')} required />}
      </Field>
      <p className="muted counter" aria-live="polite">
        已写 {values.body.length} / 5000 字
      </p>
      <Field id="category" label="类别" error={error?.fields?.category}>
        {(p) => (
          <select {...p} value={values.category} onChange={set('category')} required>
            <option value="">请选择</option>
            {CategoryOptions.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="area" label="居民区" error={error?.fields?.residentialArea}>
        {(p) => (
          <select {...p} value={values.residentialArea} onChange={set('residentialArea')} required>
            <option value="">请选择</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="confirm-q">
          <p id="confirm-q">
            <strong>提交后内容不能再修改。确认提交吗？</strong>
          </p>
          <p className="actions">
            <Button type="button" busy={busy === 'submit'} onClick={() => save(true)} autoFocus>
              确认提交
            </Button>
            <Button type="button" kind="plain" onClick={() => setConfirming(false)}>
              返回修改
            </Button>
          </p>
        </div>
      ) : (
        <p className="actions">
          <Button type="submit">提交提案</Button>
          <Button type="button" kind="plain" busy={busy === 'save'} onClick={() => save(false)}>
            {existing ? '保存修改' : '保存为草稿'}
          </Button>
        </p>
      )}
      {!existing && <p className="muted">需要上传照片或邀请其他代表附议，请先“保存为草稿”，在草稿页面中添加。</p>}
    </form>
  )
}
