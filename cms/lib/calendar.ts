// The working-day calendar as the office keeps it in the `holidays` collection.
import type { Payload, PayloadRequest } from 'payload'
import { toLocalDate, WorkingCalendar, type CalendarData } from '../../core/calendar'
import { DefaultDeadlineSettings, type DeadlineSettings } from '../../core/types'

let cached: Promise<WorkingCalendar> | null = null

export async function loadCalendarData(payload: Payload, req?: PayloadRequest): Promise<CalendarData> {
  const res = await payload.find({ collection: 'holidays', pagination: false, depth: 0, overrideAccess: true, sort: 'date', req })
  const days = res.docs as { date: string; kind: string; name: string }[]
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map(({ date, name }) => ({ date, name })),
    makeUpWorkdays: days.filter((d) => d.kind === 'makeUpWorkday').map(({ date, name }) => ({ date, name })),
  }
}

/**
 * The calendar, cached per process. Inside a write, pass `req`: the read then joins that
 * transaction instead of waiting for another pooled connection (which, with every connection
 * held by a waiting transaction, would never come).
 */
export function getCalendar(payload: Payload, req?: PayloadRequest): Promise<WorkingCalendar> {
  cached ??= loadCalendarData(payload, req).then((d) => new WorkingCalendar(d)).catch((e) => {
    cached = null
    throw e
  })
  return cached
}

/** Called when the office edits the calendar. */
export const invalidateCalendar = (): void => {
  cached = null
}

export function deadlineSettingsOf(session: unknown): DeadlineSettings {
  const d = (session as { deadlines?: Partial<DeadlineSettings> } | null)?.deadlines ?? {}
  return { ...DefaultDeadlineSettings, ...Object.fromEntries(Object.entries(d).filter(([, v]) => typeof v === 'number')) }
}

/** The last day a reply published at `publishedAt` may be evaluated: its session's window, in working days. */
export const lastEvaluationDay = (calendar: WorkingCalendar, session: unknown, publishedAt: string): string =>
  calendar.addWorkingDays(toLocalDate(publishedAt), deadlineSettingsOf(session).evaluationWorkingDays)
