// The ways out of the system besides 站内: e-mail through Payload's own adapter
// (@payloadcms/email-nodemailer, configured by SMTP_URL and MAIL_FROM in cms/payload.config.ts;
// without SMTP_URL, Payload's console adapter writes each message to the log), and SMS through a
// small gateway interface: SMS_URL names an HTTP gateway that takes a JSON POST (see README:
// 短信), without it each SMS is written to the log. Both answer whether the message left or why not.
import type { Payload } from 'payload'
import type { ChannelConfig } from '../../core/notices'

/** What the server is set up to send through (read from the environment at each call: tests and the CLI set it). */
export const channelConfig = (): ChannelConfig => ({ email: Boolean(process.env.SMTP_URL?.trim()), sms: Boolean(process.env.SMS_URL?.trim()) })

/** The sender of e-mail as MAIL_FROM gives it ("代表提案追踪平台 <noreply@example.org>" or a bare address). */
export function mailFrom(value = process.env.MAIL_FROM): { name: string; address: string } {
  const v = value?.trim() ?? ''
  const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(v)
  if (m) return { name: m[1].replace(/^"|"$/g, '').trim() || '代表提案追踪平台', address: m[2] }
  if (/^[^<>\s]+@[^<>\s]+$/.test(v)) return { name: '代表提案追踪平台', address: v }
  return { name: '代表提案追踪平台', address: 'noreply@localhost' }
}

/** A message to one person by one channel. */
export interface Outgoing {
  to: string
  subject: string
  text: string
}

/** Where a message went, in words for the record (never the address itself). */
export type Sent = { outcome: string }

/** One channel's sender: resolves when the message left, throws (with a reason) when it did not. */
export type Sender = (m: Outgoing) => Promise<Sent>

/** E-mail by Payload's adapter (payload.sendEmail): nodemailer to SMTP_URL, or Payload's log without it. */
export const emailSender =
  (payload: Payload): Sender =>
  async (m) => {
    await payload.sendEmail({ to: m.to, subject: m.subject, text: m.text })
    return { outcome: channelConfig().email ? '邮件服务器已接收' : '未配置邮件服务（SMTP_URL），已写入服务器日志' }
  }

/** How long one gateway call may take before it counts as failed (and is retried). */
const SMS_TIMEOUT_MS = 15_000

/**
 * The SMS gateway contract: POST SMS_URL with JSON { phone, text, sign, template } (sign: SMS_SIGN,
 * the approved signature; template: SMS_TEMPLATE, the approved template's id, whose one variable is
 * `text`), `Authorization: Bearer SMS_TOKEN` when set. Any 2xx answer is success, unless its JSON says
 * `ok: false` or gives a non-zero/non-"OK" `code` (as Chinese providers answer); anything else is a
 * failure carrying the gateway's words. Without SMS_URL the message is written to the log.
 */
export const smsSender =
  (payload: Payload): Sender =>
  async (m) => {
    const url = process.env.SMS_URL?.trim()
    if (!url) {
      payload.logger.info(`短信（未配置短信网关 SMS_URL，仅写入日志）：${m.text}`)
      return { outcome: '未配置短信网关（SMS_URL），已写入服务器日志' }
    }
    const token = process.env.SMS_TOKEN?.trim()
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ phone: m.to, text: m.text, sign: process.env.SMS_SIGN?.trim() || null, template: process.env.SMS_TEMPLATE?.trim() || null }),
      signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
    })
    const body = await res.text()
    let json: { ok?: unknown; code?: unknown; message?: unknown; Message?: unknown } | null = null
    try {
      json = JSON.parse(body)
    } catch {}
    const refused = json && (json.ok === false || (json.code != null && ![0, '0', 'OK', 'ok', 200, '200'].includes(json.code as string | number)))
    if (!res.ok || refused) throw new Error(`短信网关拒绝（HTTP ${res.status}）：${String(json?.message ?? json?.Message ?? body).slice(0, 300)}`)
    return { outcome: '短信网关已接收' }
  }
