// Small pieces every portal form uses: a labelled field with its own error, a message box that
// screen readers announce, a button that says it is working, and state kept as it is typed.
import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { PortalError } from '../../core/portal'

export function Message({ error, ok }: { error?: PortalError | null; ok?: string | null }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (error || ok) ref.current?.focus()
  }, [error, ok])
  if (!error && !ok) return null
  return (
    <div ref={ref} tabIndex={-1} role={error ? 'alert' : 'status'} className={error ? 'alert' : 'alert ok'}>
      {error ? error.message : ok}
    </div>
  )
}

interface FieldProps {
  id: string
  label: string
  error?: string
  hint?: string
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode
}

export function Field({ id, label, error, hint, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  )
}

export function Button({ busy, children, kind = 'primary', ...rest }: { busy?: boolean; kind?: 'primary' | 'plain' | 'danger' } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button className={`btn ${kind}`} disabled={busy || rest.disabled} aria-busy={busy || undefined} {...rest}>
      {busy ? '请稍候…' : children}
    </button>
  )
}

/** A page that could not be loaded: why, in zh-CN, and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: PortalError; onRetry: () => void }) {
  return (
    <div className="portal">
      <Message error={error} />
      <p className="actions">
        <Button onClick={onRetry}>重试</Button>
        <a className="btn plain" href="/portal/">
          返回我的提案
        </a>
      </p>
    </div>
  )
}

export function Loading() {
  return (
    <p className="muted" role="status">
      正在加载…
    </p>
  )
}

const KEPT = 'portal:kept:'

/**
 * State kept in this tab (sessionStorage) as it is typed: when a sign-in has expired the portal
 * sends the person to sign in and back, and what they had written is still there. `forget` after
 * it has been sent; signing out forgets everything.
 */
export function useKept<T>(key: string, initial: T): [T, (v: T) => void, () => void] {
  const storageKey = KEPT + key
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey)
      return stored == null ? initial : (JSON.parse(stored) as T)
    } catch {
      return initial
    }
  })
  const set = (v: T) => {
    setValue(v)
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(v))
    } catch {}
  }
  const forget = () => {
    try {
      sessionStorage.removeItem(storageKey)
    } catch {}
  }
  return [value, set, forget]
}

/**
 * Removes what the portal kept in this tab when signing out (e.g. on a shared phone). A new
 * proposal not yet saved stays on the device under its writer's own key: only they see it again,
 * at their next sign-in, and nothing they wrote is lost by signing out.
 */
export function forgetOnSignOut(): void {
  for (const k of Object.keys(sessionStorage)) if (k.startsWith('portal:')) sessionStorage.removeItem(k)
}
