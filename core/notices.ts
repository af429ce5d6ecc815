// 通知: the rules of the notices the CMS records and sends (issue 14 §3), pure. The sweep's plan,
// digests and reminder texts are core/sweep.ts; here are the rest: the channels and the states of
// a notice record, who reads which records, the lifecycle events a representative is told of and
// their zh-CN texts, the per-session 督办 settings as the office types them, a person's working
// channels, quiet hours as typed, and the retry policy of a failed send.
import { chineseDate } from './calendar'
import { ReplyClassLabels, ScreeningLabels } from './labels'
import { DefaultSupervisionSettings, supervisionSettingsRefusal, type QuietHours, type SupervisionSettings } from './sweep'
import type { Actor, ReplyClass, ScreeningDecision } from './types'

// ── Channels and states ──────────────────────────────────────────────────────────────────────

/** 站内 (listed in the workbench / the portal's 消息 page), 邮件, 短信. */
export const NoticeChannels = ['inApp', 'email', 'sms'] as const
export type NoticeChannel = (typeof NoticeChannels)[number]
export const NoticeChannelLabels: Record<NoticeChannel, string> = { inApp: '站内', email: '邮件', sms: '短信' }

/** The channels a person may choose besides 站内 (which every notice always has). */
export const OptionalChannels = ['email', 'sms'] as const satisfies readonly NoticeChannel[]
export type OptionalChannel = (typeof OptionalChannels)[number]

/**
 * A record's state: 待发送 (due now), 发送中 (claimed by one sender), 已发送, 发送失败 (retried
 * while `nextAttemptAt` is set, given up when it is not), 已合并 (an earlier step of a deadline
 * passed over by a later one: recorded, never sent), 免打扰延后 (waiting for the end of quiet hours).
 */
export const NoticeStatuses = ['pending', 'sending', 'sent', 'failed', 'superseded', 'deferred'] as const
export type NoticeStatus = (typeof NoticeStatuses)[number]
export const NoticeStatusLabels: Record<NoticeStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  superseded: '已合并',
  deferred: '免打扰延后',
}

/** The states a sender picks up once their time has come (a failure only while a retry is planned). */
export const DueStatuses = ['pending', 'deferred', 'failed'] as const satisfies readonly NoticeStatus[]

/** Who reads every notice record (who has no working channel, the failures): the office and the admin. Everyone else reads their own. */
export const canReadAllNotices = (a: Actor): boolean => a.role === 'office' || a.role === 'admin'

// ── Retries ──────────────────────────────────────────────────────────────────────────────────

/** A send is tried at most this many times. */
export const MAX_SEND_ATTEMPTS = 5
/** The wait after the first failure; each further failure doubles it (5, 10, 20, 40 minutes). */
export const RETRY_BASE_MINUTES = 5

/** After the `attempts`-th failed try at `nowISO`: when to try again (ISO), or null when it is given up. */
export function nextAttemptAfterFailure(nowISO: string, attempts: number): string | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer: ${attempts}`)
  if (attempts >= MAX_SEND_ATTEMPTS) return null
  return new Date(Date.parse(nowISO) + RETRY_BASE_MINUTES * 2 ** (attempts - 1) * 60_000).toISOString()
}

// ── Settings as typed ────────────────────────────────────────────────────────────────────────

/**
 * A list of working days as the office types it ("3,1", "5、3、2、1", "3 1"): the numbers, or null when
 * it is not a list of whole numbers. Empty means none.
 */
export function parseWorkingDays(text: string | null | undefined): number[] | null {
  const parts = String(text ?? '')
    .split(/[\s,，、;；]+/)
    .filter(Boolean)
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null
  return parts.map(Number)
}

/** The 督办 settings of a session as stored (lists as text): what is missing is the default; a list that is not one is refused by `supervisionSettingsRefusal`. */
export interface StoredSupervision {
  reminderWorkingDays?: string | null
  escalationWorkingDays?: number | null
  keyReminderWorkingDays?: string | null
  keyEscalationWorkingDays?: number | null
}

export function supervisionSettingsFrom(stored: StoredSupervision | null | undefined): SupervisionSettings {
  const s = stored ?? {}
  const list = (v: string | null | undefined, fallback: readonly number[]) => (v == null ? fallback : (parseWorkingDays(v) ?? [Number.NaN]))
  const number = (v: number | null | undefined, fallback: number) => (typeof v === 'number' ? v : fallback)
  const d = DefaultSupervisionSettings
  return {
    reminderWorkingDays: list(s.reminderWorkingDays, d.reminderWorkingDays),
    escalationWorkingDays: number(s.escalationWorkingDays, d.escalationWorkingDays),
    keyReminderWorkingDays: list(s.keyReminderWorkingDays, d.keyReminderWorkingDays),
    keyEscalationWorkingDays: number(s.keyEscalationWorkingDays, d.keyEscalationWorkingDays),
  }
}

/** Why one setting may not be saved as typed (null: it may), the others as they are (`supervisionSettingsRefusal`). */
export function supervisionFieldRefusal(name: keyof StoredSupervision, value: unknown, others: StoredSupervision | null | undefined): string | null {
  return supervisionSettingsRefusal(supervisionSettingsFrom({ ...(others ?? {}), [name]: value ?? null }))
}

// ── A person's channels ──────────────────────────────────────────────────────────────────────

/** What the server can send through: e-mail when SMTP_URL is set, SMS when SMS_URL is. */
export interface ChannelConfig {
  email: boolean
  sms: boolean
}

/** A person as far as notices go: the channels they chose besides 站内, their addresses, their quiet hours. */
export interface NoticePerson {
  email?: string | null
  phone?: string | null
  byEmail?: boolean | null
  bySms?: boolean | null
  quietFrom?: string | null
  quietTo?: string | null
}

/** The channels a notice goes out by to this person: 站内 always, then each chosen one they have an address for. */
export function channelsOf(p: NoticePerson): NoticeChannel[] {
  const out: NoticeChannel[] = ['inApp']
  if (p.byEmail && p.email?.trim()) out.push('email')
  if (p.bySms && p.phone?.trim()) out.push('sms')
  return out
}

/**
 * Why this person cannot be reached outside the system (null: they can): no channel chosen, or
 * none that works (no address, or the server not set up for it). The office phones them.
 */
export function noWorkingChannel(p: NoticePerson, config: ChannelConfig): string | null {
  if (!p.byEmail && !p.bySms) return '未选择邮件或短信通知'
  const reasons: string[] = []
  if (p.byEmail) {
    if (!p.email?.trim()) reasons.push('选择了邮件但没有电子邮箱')
    else if (!config.email) reasons.push('选择了邮件但本系统未配置邮件服务')
    else return null
  }
  if (p.bySms) {
    if (!p.phone?.trim()) reasons.push('选择了短信但没有手机号')
    else if (!config.sms) reasons.push('选择了短信但本系统未配置短信网关')
    else return null
  }
  return reasons.join('；')
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/

/** A time of day as typed (HH:MM, 24-hour, China time), or empty. */
export const timeOfDayRefusal = (v: unknown): string | null =>
  v == null || v === '' || (typeof v === 'string' && HHMM.test(v)) ? null : '请按“时:分”填写 24 小时制时间，如 22:00'

/** The person's quiet hours (core/sweep.ts `deliveryTime`), or null when they have none (either end empty, or both equal). */
export function quietHoursOf(p: Pick<NoticePerson, 'quietFrom' | 'quietTo'>): QuietHours | null {
  const from = p.quietFrom ?? ''
  const to = p.quietTo ?? ''
  if (!HHMM.test(from) || !HHMM.test(to) || from === to) return null
  return { from, to }
}

// ── Events a representative is told of ───────────────────────────────────────────────────────

/** 提案已编号, 已甄别 (with the decision), 答复已公开, 重新办理答复已公开. (The evaluation window closing is the sweep's reminder.) */
export const NoticeEvents = ['numbered', 'screened', 'replyPublished', 'rehandlingReplyPublished'] as const
export type NoticeEvent = (typeof NoticeEvents)[number]
export const NoticeEventLabels: Record<NoticeEvent, string> = {
  numbered: '提案已编号',
  screened: '提案已甄别',
  replyPublished: '答复已公开',
  rehandlingReplyPublished: '重新办理答复已公开',
}

export interface EventFacts {
  event: NoticeEvent
  number: string | null
  title: string
  /** screened: the decision and the office's reason. */
  decision?: ScreeningDecision | null
  reason?: string | null
  /** a reply: its class, and the last day it may be evaluated (China-local). */
  replyClass?: ReplyClass | null
  evaluableUntil?: string | null
  /** Where the representative reads it (the portal's page of the proposal). */
  link?: string
}

const named = (f: Pick<EventFacts, 'number' | 'title'>) => (f.number ? `${f.number}「${f.title}」` : `「${f.title}」`)

/** The subject of an event's e-mail: 【答复已公开】2026-017「小区停车难」. */
export const eventSubject = (f: EventFacts): string => `【${NoticeEventLabels[f.event]}】${named(f)}`

/** An event's message, one per representative, in zh-CN (the link is added where it goes out by SMS or e-mail: `withLink`). */
export function eventText(f: Omit<EventFacts, 'link'>): string {
  switch (f.event) {
    case 'numbered':
      return `您的提案「${f.title}」已提交，编号 ${f.number ?? '（待编号）'}。`
    case 'screened': {
      const decision = f.decision ? ScreeningLabels[f.decision] : '已甄别'
      const reason = f.decision && f.decision !== 'accepted' && f.reason?.trim() ? `，理由：${f.reason.trim()}` : ''
      return `您的提案 ${named(f)}甄别结果：${decision}${reason}。`
    }
    case 'replyPublished':
    case 'rehandlingReplyPublished': {
      const what = f.event === 'replyPublished' ? '答复已公开' : '重新办理后的答复已公开'
      const cls = f.replyClass ? `（${ReplyClassLabels[f.replyClass]}）` : ''
      const until = f.evaluableUntil ? `请于 ${chineseDate(f.evaluableUntil)}（含当天）前阅读并评价` : '请阅读'
      return `您的提案 ${named(f)}${what}${cls}，${until}。`
    }
  }
}

/** A message as it goes out by SMS or e-mail: its text, then where to read more. */
export const withLink = (text: string, link: string | null | undefined): string => (link ? `${text}详见：${link}` : text)

/** The ledger key of an event (unique with the recipient and the channel): the event and what it concerns. */
export const eventKey = (event: NoticeEvent, subject: string | number): string => JSON.stringify(['event', event, String(subject)])
