// Sends the ledger's due records (cms/notices/ledger.ts) by e-mail and SMS (cms/notices/channels.ts):
// batch by batch — a staff member's digest of a day and channel is one message, a representative's
// record one message each — each batch claimed first in one statement, so two senders never send the
// same one. A sent batch is marked 已发送; a failed one 发送失败 with its error, tried again later
// with backoff (core/notices.ts nextAttemptAfterFailure, never inside the person's quiet hours) until
// given up. The addresses are read at the moment of sending. Nothing here touches a lifecycle step.
import type { Payload } from 'payload'
import { nextAttemptAfterFailure, quietHoursOf, withLink } from '../../core/notices'
import { deliveryTime } from '../../core/sweep'
import { nowISO } from '../lib/clock'
import { serverURL } from '../lib/env'
import { emailSender, smsSender, type Outgoing, type Sender } from './channels'
import { claimBatch, dueBatches, releaseStale, updateRecords, type ClaimedRecord } from './ledger'

type Id = string | number

export interface DeliverResult {
  /** Messages that left (a digest counts once). */
  sent: number
  failed: number
  /** Batches another sender had claimed first. */
  skipped: number
  /** The times of the retries planned (ISO), for whoever queues the next run. */
  retries: string[]
}

export interface Senders {
  email: Sender
  sms: Sender
}

export const defaultSenders = (payload: Payload): Senders => ({ email: emailSender(payload), sms: smsSender(payload) })

interface Recipient {
  name: string
  email?: string | null
  phone?: string | null
  quietFrom?: string | null
  quietTo?: string | null
}

async function recipientOf(payload: Payload, r: ClaimedRecord): Promise<Recipient | null> {
  const collection = r.user != null ? 'users' : r.representative != null ? 'representatives' : null
  if (!collection) return null
  const doc = await payload.findByID({ collection, id: (r.user ?? r.representative)!, depth: 0, overrideAccess: true, disableErrors: true })
  if (!doc) return null
  return { name: doc.name, email: doc.email, phone: doc.phone, quietFrom: doc.notify?.quietFrom, quietTo: doc.notify?.quietTo }
}

/** The message of a batch: a staff digest (its lines numbered, each with its link), or a representative's one message. */
export function messageOf(records: readonly ClaimedRecord[], to: Recipient, channel: 'email' | 'sms'): Omit<Outgoing, 'to'> {
  const sorted = [...records].sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
  const first = sorted[0]
  const isDigest = first.user != null
  if (!isDigest) return { subject: first.subject ?? '', text: withLink(first.text ?? '', first.link) }
  const subject = first.subject ?? ''
  if (channel === 'sms') return { subject, text: `${subject}。请登录工作台查看：${serverURL}/admin` }
  const lines = sorted.map((r, i) => `${i + 1}. ${r.text ?? ''}\n   ${r.link ?? ''}`)
  return {
    subject,
    text: [`${to.name}，您好：`, '', `${first.date} 的督办提醒如下（逾期和上报的事项在前）：`, '', ...lines, '', `请登录工作台处理：${serverURL}/admin`, '', '（本邮件由代表提案追踪平台自动发送，请勿直接回复。）'].join('\n'),
  }
}

/** Sends every batch due now (at most `limit`). */
export async function deliverDue(payload: Payload, opts: { senders?: Senders; limit?: number } = {}): Promise<DeliverResult> {
  const senders = opts.senders ?? defaultSenders(payload)
  const now = nowISO()
  const result: DeliverResult = { sent: 0, failed: 0, skipped: 0, retries: [] }
  await releaseStale(payload, now)
  for (const digest of await dueBatches(payload, now, opts.limit)) {
    const records = await claimBatch(payload, digest, now)
    if (records.length === 0) {
      result.skipped++
      continue
    }
    const ids = records.map((r) => r.id as Id)
    const channel = records[0].channel
    const attempts = Math.max(...records.map((r) => r.attempts ?? 1))
    const fail = async (message: string, retry: boolean, to?: Recipient | null) => {
      const next = retry ? nextAttemptAfterFailure(now, attempts) : null
      const at = next && to ? deliveryTime(next, quietHoursOf(to)) : next
      await updateRecords(payload, ids, { status: 'failed', lastError: message.slice(0, 1000), nextAttemptAt: at })
      if (at) result.retries.push(at)
      result.failed++
    }
    if (channel !== 'email' && channel !== 'sms') {
      await fail(`无法发送：渠道 ${String(channel)}`, false)
      continue
    }
    const to = await recipientOf(payload, records[0])
    const address = channel === 'email' ? to?.email?.trim() : to?.phone?.trim()
    if (!to || !address) {
      await fail(channel === 'email' ? '接收人没有电子邮箱' : '接收人没有手机号', false)
      continue
    }
    try {
      const { outcome } = await senders[channel]({ to: address, ...messageOf(records, to, channel) })
      await updateRecords(payload, ids, { status: 'sent', sentAt: nowISO(), outcome, lastError: null, nextAttemptAt: null })
      result.sent++
    } catch (e) {
      await fail(e instanceof Error ? e.message : String(e), true, to)
    }
  }
  return result
}
