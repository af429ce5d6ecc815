'use client'
// 修改密码 (one's own account: with the current password) or 重置密码 (someone else's: with a
// reason, which goes into the audit log), in a panel of its own on the account's page. It keeps
// what was typed when the server refuses, shows why under the field concerned, and posts to
// POST /api/<collection>/:id/password (cms/lib/passwordChange.ts), apart from the page's 保存.
import { Button, toast, useAuth, useConfig, useDocumentInfo } from '@payloadcms/ui'
import type { UIFieldClientComponent } from 'payload'
import { useId, useState, type KeyboardEvent } from 'react'

type Key = 'password' | 'confirm' | 'currentPassword' | 'reason'
const empty: Record<Key, string> = { password: '', confirm: '', currentPassword: '', reason: '' }

export const PasswordPanel: UIFieldClientComponent = () => {
  const { id, collectionSlug, docPermissions } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const uid = useId()
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState(empty)
  const [errors, setErrors] = useState<Partial<Record<Key | 'form', string>>>({})
  const [busy, setBusy] = useState(false)
  if (id == null || !docPermissions?.update) return null

  const own = collectionSlug === 'users' && user?.collection === 'users' && String(user.id) === String(id)
  const title = own ? '修改密码' : '重置密码'

  const check = (): typeof errors => {
    const found: typeof errors = {}
    if (!values.password) found.password = '请填写新密码'
    else if (values.confirm !== values.password) found.confirm = '两次输入的新密码不一致'
    if (own && !values.currentPassword) found.currentPassword = '修改自己的密码须填写当前密码'
    if (!own && !values.reason.trim()) found.reason = '重置他人密码须填写原因（将记入操作记录）'
    return found
  }

  const submit = async () => {
    const found = check()
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      const body = own ? { password: values.password, currentPassword: values.currentPassword } : { password: values.password, reason: values.reason }
      const res = await fetch(`${config.serverURL}${config.routes.api}/${collectionSlug}/${id}/password`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (res.ok) {
        toast.success(own ? '密码已修改，下次登录请用新密码' : collectionSlug === 'representatives' ? '密码已重置，代表下次登录时须改成自己的密码' : '密码已重置')
        setValues(empty)
        setErrors({})
        setOpen(false)
        return
      }
      const answer = await res.json().catch(() => null)
      const first = answer?.errors?.[0]
      const byField: typeof errors = {}
      for (const e of first?.data?.errors ?? []) if (e?.path in empty && !byField[e.path as Key]) byField[e.path as Key] = e.message
      if (!Object.keys(byField).length) byField.form = first?.message ?? `未能保存（${res.status}），请稍后再试`
      setErrors(byField)
    } catch {
      setErrors({ form: '网络连接中断，未能保存；您填写的内容仍在，请稍后再试' })
    } finally {
      setBusy(false)
    }
  }

  // Enter in the panel saves the password, not the page around it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement)) {
      e.preventDefault()
      void submit()
    }
  }

  const input = (key: Key, label: string, autoComplete: string, description?: string) => {
    const fieldId = `${uid}-${key}`
    const error = errors[key]
    return (
      <div className={`field-type text${error ? ' error' : ''}`} style={{ marginBottom: 'var(--base)' }}>
        <label className="field-label" htmlFor={fieldId}>
          {label}
          <span className="required">*</span>
        </label>
        <div className="field-type__wrap">
          {key === 'reason' ? (
            <textarea id={fieldId} rows={3} value={values[key]} aria-invalid={!!error} aria-describedby={error ? `${fieldId}-error` : undefined}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          ) : (
            <input id={fieldId} type="password" autoComplete={autoComplete} value={values[key]} aria-invalid={!!error} aria-describedby={error ? `${fieldId}-error` : undefined}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })} />
          )}
          {error && <p id={`${fieldId}-error`} role="alert" style={{ color: 'var(--theme-error-500)', margin: '4px 0 0' }}>{error}</p>}
          {description && <p className="field-description">{description}</p>}
        </div>
      </div>
    )
  }

  return (
    <div className="field-type password-panel" style={{ marginBottom: 'calc(var(--base) * 1.5)' }} onKeyDown={open ? onKeyDown : undefined}>
      {!open ? (
        <Button buttonStyle="secondary" size="medium" type="button" onClick={() => setOpen(true)}>{title}</Button>
      ) : (
        <fieldset style={{ border: '1px solid var(--theme-elevation-150)', padding: 'var(--base)', borderRadius: 4 }}>
          <legend style={{ padding: '0 6px', fontWeight: 600 }}>{title}</legend>
          {errors.form && <p role="alert" style={{ color: 'var(--theme-error-500)' }}>{errors.form}</p>}
          {own && input('currentPassword', '当前密码', 'current-password')}
          {input('password', '新密码', 'new-password', '至少 8 位，须同时包含数字和字母（或其他符号）')}
          {input('confirm', '再次输入新密码', 'new-password')}
          {!own && input('reason', '重置原因', 'off', '将与您的姓名一起记入“账户与删除记录”')}
          <div style={{ display: 'flex', gap: 'var(--base)' }}>
            <Button buttonStyle="primary" size="medium" type="button" disabled={busy} onClick={() => void submit()}>{busy ? '正在保存…' : '保存新密码'}</Button>
            <Button buttonStyle="secondary" size="medium" type="button" disabled={busy} onClick={() => { setOpen(false); setErrors({}); setValues(empty) }}>取消</Button>
          </div>
        </fieldset>
      )}
    </div>
  )
}
