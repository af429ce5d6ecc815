// The portal's one way to the server: same-origin requests to /api/portal/* (the session cookie
// goes along by itself), answers turned into { data } or { error } with the server's zh-CN
// message. A lost session sends the person to sign in and back; a first sign-in to the
// password change.
import type { PortalError } from '../../core/portal'
import { formatDate } from '../data/format'

export interface Result<T> {
  data?: T
  error?: PortalError
  status: number
}

const offline: PortalError = { code: 'network', message: '网络连接失败，请检查网络后再试；您填写的内容没有丢失' }

export const here = () => `${location.pathname}${location.search}`

export function toSignIn(): void {
  location.assign(`/portal/login/?next=${encodeURIComponent(here())}`)
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; form?: FormData; quiet401?: boolean } = {}): Promise<Result<T>> {
  let res: Response
  try {
    res = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.form ? undefined : { 'content-type': 'application/json', accept: 'application/json' },
      body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    })
  } catch {
    return { error: offline, status: 0 }
  }
  let json: unknown = null
  try {
    json = await res.json()
  } catch {}
  if (res.ok) return { data: json as T, status: res.status }
  // A refusal: the portal's own `{ error }`, or Payload's `{ errors: [{ message }] }`.
  const body = json as { error?: PortalError; errors?: { message?: string }[] } | null
  const error: PortalError = body?.error ?? { code: 'server', message: body?.errors?.[0]?.message ?? `服务器出错（${res.status}），请稍后再试` }
  if (res.status === 401 && !init.quiet401) toSignIn()
  if (res.status === 403 && error.code === 'mustChangePassword' && !location.pathname.startsWith('/portal/password/'))
    location.assign(`/portal/password/?next=${encodeURIComponent(here())}`)
  return { error, status: res.status }
}

/** A key for one form, made once and kept with its draft, so a retried submission is recognised. */
export const newClientKey = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Only paths of this site are followed after signing in. */
export const safeNext = (next: string | null): string =>
  // One slash, then neither a slash nor a backslash (browsers read /\host as //host); no control characters.
  // eslint-disable-next-line no-control-regex -- the control characters are what this refuses
  next && /^\/(?![/\\])/.test(next) && !/[\u0000-\u001f\\]/.test(next) ? next : '/portal/'

export const formatTime = (iso?: string | null): string =>
  iso ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : ''

/** A day (YYYY-MM-DD) as the public site writes it ('2026年11月30日', site/data/format.ts); anything else as it came. */
export const formatDay = (date: string): string => {
  try {
    return formatDate(date)
  } catch {
    return date // a page that shows something odd beats one that does not render
  }
}

/** Today in Beijing time (YYYY-MM-DD), as deadlines are written. */
export const localToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
