// The notices' jobs (Payload's jobs queue, queue `notices`, run by the serving process's autoRun):
// - `sweep`: the daily 督办 sweep, scheduled every day at 08:30 China time (Asia/Shanghai); the
//   core working-day calendar decides whether that day is a working day (holidays, 调休 make-up
//   days), so it sends nothing on a day off. Missed days (the server was down) are caught up once:
//   Payload queues one overdue scheduled run, and the planner sends where each item now stands.
// - `deliverNotices`: sends what is due (after a sweep or an event, and at each planned retry or
//   end of quiet hours, queued with waitUntil).
// - `notifyEvent`: tells the representatives of a lifecycle event (cms/notices/events.ts).
import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import { NoticeEvents, type NoticeEvent } from '../../core/notices'
import { deliverDue, type DeliverResult } from './deliver'
import { NoticesQueue, recordEvent } from './events'
import { runSweep } from './sweep'

export { NoticesQueue }

/** 08:30 in China (UTC+8, no DST) as a 6-field cron in this machine's zone (Payload's scheduler reads crons in the local zone). */
export function chinaDailyCron(hour: number, minute: number, offsetMinutes = -new Date().getTimezoneOffset()): string {
  const local = (((hour * 60 + minute - 8 * 60 + offsetMinutes) % 1440) + 1440) % 1440
  return `0 ${local % 60} ${Math.floor(local / 60)} * * *`
}

/** Runs the job queue's notices in the serving process unless NOTICES_AUTORUN=0 (tests that don't send). */
export const noticesAutoRun = (): boolean => process.env.NOTICES_AUTORUN !== '0'

/** Queues a send now, and one at each later time given (retries, ends of quiet hours); each time once. */
export async function queueDelivery(payload: Payload, times: readonly string[] = [], req?: PayloadRequest): Promise<void> {
  const at = [null, ...[...new Set(times)].sort()]
  for (const waitUntil of at)
    await payload.jobs.queue({ task: 'deliverNotices', input: {}, queue: NoticesQueue, ...(waitUntil ? { waitUntil: new Date(waitUntil) } : {}), ...(req ? { req } : {}) })
}

/** A sweep, then the sends due; the later sends queued. */
export async function sweepAndDeliver(payload: Payload): Promise<{ sweep: Awaited<ReturnType<typeof runSweep>>; deliver: DeliverResult }> {
  const sweep = await runSweep(payload)
  const deliver = await deliverDue(payload)
  if (sweep.later.length || deliver.retries.length) await queueDelivery(payload, [...sweep.later, ...deliver.retries]).catch(() => undefined)
  return { sweep, deliver }
}

type SweepOutput = { date: string; notices: number; written: number; sent: number; failed: number }

export const SweepTask: TaskConfig<{ input: object; output: SweepOutput }> = {
  slug: 'sweep',
  label: '每日督办提醒',
  outputSchema: [
    { name: 'date', type: 'text', required: true },
    { name: 'notices', type: 'number', required: true },
    { name: 'written', type: 'number', required: true },
    { name: 'sent', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  retries: 2,
  concurrency: { key: () => 'notices-sweep', exclusive: true },
  schedule: [{ cron: chinaDailyCron(8, 30), queue: NoticesQueue }],
  handler: async ({ req }) => {
    const { sweep, deliver } = await sweepAndDeliver(req.payload)
    if (sweep.workingDay && !sweep.locked) req.payload.logger.info(`督办提醒（${sweep.date}）：${sweep.notices} 条提醒，写入 ${sweep.written} 条记录，发出 ${deliver.sent} 封/条，失败 ${deliver.failed}`)
    return { output: { date: sweep.date, notices: sweep.notices, written: sweep.written, sent: deliver.sent, failed: deliver.failed } }
  },
}

export const DeliverNoticesTask: TaskConfig<{ input: object; output: { sent: number; failed: number } }> = {
  slug: 'deliverNotices',
  label: '发送通知',
  outputSchema: [
    { name: 'sent', type: 'number', required: true },
    { name: 'failed', type: 'number', required: true },
  ],
  // Each record's own retries (attempts, next attempt time) are the policy; the job itself is not retried.
  retries: 0,
  handler: async ({ req }) => {
    const r = await deliverDue(req.payload)
    if (r.retries.length) await queueDelivery(req.payload, r.retries).catch(() => undefined)
    return { output: { sent: r.sent, failed: r.failed } }
  },
}

export const NotifyEventTask: TaskConfig<{ input: { event: NoticeEvent; proposal: string; subject: string }; output: { written: number } }> = {
  slug: 'notifyEvent',
  label: '通知代表',
  inputSchema: [
    { name: 'event', type: 'select', required: true, options: [...NoticeEvents] },
    { name: 'proposal', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'written', type: 'number', required: true }],
  retries: 3,
  // One proposal's events are told in the order they happened: its jobs run one at a time, oldest
  // first (Payload's concurrency control; a later one picked up in the same run waits for the next).
  concurrency: { key: ({ input }) => `notify-event-${input.proposal}`, exclusive: true },
  handler: async ({ input, req }) => {
    const { written, later } = await recordEvent(req.payload, input)
    if (written > 0) {
      const r = await deliverDue(req.payload)
      if (r.retries.length || later.length) await queueDelivery(req.payload, [...r.retries, ...later]).catch(() => undefined)
    }
    return { output: { written } }
  },
}

export const NoticeTasks = [SweepTask, DeliverNoticesTask, NotifyEventTask]
