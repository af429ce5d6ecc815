'use client'
// The commitment a verification checks, chosen from the proposal's commitments (with their text,
// due date and where each stands), never typed: it reads /api/proposals/:id/commitments
// (cms/endpoints/commitments.ts) whenever the follow-up's proposal changes. The server checks the
// choice again (core/commitments.ts followUpRefusal): this only makes the right one easy to pick.
import { FieldError, useConfig, useField, useFormFields } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'
import { chineseDate } from '../../core/calendar'
import type { CommitmentChoice } from '../endpoints/commitments'
import { idOf } from '../access/actor'

type Loaded = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; commitments: CommitmentChoice[] }

/** A relationship field's value as an id to ask about (an empty choice is none). */
const chosenId = (v: unknown): string | null => {
  const id = idOf(v)
  return id == null || id === '' ? null : String(id)
}

export const CommitmentPicker: TextFieldClientComponent = ({ path, field }) => {
  const { config } = useConfig()
  const { value, setValue, showError, disabled } = useField<string>({ path })
  const proposal = useFormFields(([fields]) => chosenId(fields.proposal?.value))
  const correcting = useFormFields(([fields]) => chosenId(fields.corrects?.value))
  const [loaded, setLoaded] = useState<Loaded>({ state: 'idle' })

  useEffect(() => {
    if (!proposal) return setLoaded({ state: 'idle' })
    let live = true
    setLoaded({ state: 'loading' })
    fetch(`${config.routes.api}/proposals/${encodeURIComponent(proposal)}/commitments`, { credentials: 'include' })
      .then(async (res) => {
        const body = await res.json().catch(() => null)
        if (!res.ok) throw new Error(body?.errors?.[0]?.message ?? `服务器返回 ${res.status}`)
        if (live) setLoaded({ state: 'ready', commitments: body.commitments })
      })
      .catch((e: unknown) => live && setLoaded({ state: 'failed', message: e instanceof Error ? e.message : '读取失败' }))
    return () => {
      live = false
    }
  }, [proposal, config.routes.api])

  const name = `commitment-${path}`
  const label = typeof field.label === 'string' ? field.label : '验证的承诺事项'
  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }}>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={`${name}-note`}>
        <legend className="field-label">{label}</legend>
        <FieldError path={path} showError={showError} />
        {loaded.state === 'idle' && <p id={`${name}-note`}>请先选择提案，再从它的承诺事项中选择。</p>}
        {loaded.state === 'loading' && <p id={`${name}-note`}>正在读取这件提案的承诺事项…</p>}
        {loaded.state === 'failed' && (
          <p id={`${name}-note`} role="alert" style={{ color: 'var(--theme-error-500)' }}>
            读取承诺事项失败：{loaded.message}
          </p>
        )}
        {loaded.state === 'ready' && loaded.commitments.length === 0 && <p id={`${name}-note`}>这件提案已公开的答复中没有承诺事项：本次验证针对答复所说的问题本身。</p>}
        {loaded.state === 'ready' && loaded.commitments.length > 0 && (
          <>
            <p id={`${name}-note`} style={{ color: 'var(--theme-elevation-500)' }}>
              {correcting ? '更正记录针对原记录验证的承诺事项，无需再选。' : '选择本次到现场核实的一项承诺。已验证兑现的不能再选；原记录有误时请用下方的“更正”。'}
            </p>
            {loaded.commitments.map((c) => {
              const locked = disabled || !!correcting || c.state === 'kept'
              return (
                <label key={c.id} style={{ display: 'flex', gap: '0.5rem', alignItems: 'baseline', margin: '0.35rem 0', opacity: locked && value !== c.id ? 0.6 : 1 }}>
                  <input type="radio" name={name} value={c.id} checked={value === c.id} disabled={locked} onChange={() => setValue(c.id)} />
                  <span>
                    {c.text}
                    <span style={{ color: 'var(--theme-elevation-500)' }}>
                      （完成时限 {chineseDate(c.dueDate)}；{c.stateLabel}
                      {c.checkedAt ? `，${chineseDate(c.checkedAt)}核实` : ''}）
                    </span>
                  </span>
                </label>
              )
            })}
          </>
        )}
      </fieldset>
    </div>
  )
}
