// Working-day arithmetic in China local time (Asia/Shanghai, UTC+8, no DST).
// A "local date" is `YYYY-MM-DD`; all arithmetic runs on UTC midnights so the machine's zone never matters.

import raw from './data/cn-public-holidays.json' with { type: 'json' }
import { remembered } from './memo'

export interface CalendarDay {
  date: string
  name: string
}

export interface CalendarData {
  holidays: CalendarDay[]
  makeUpWorkdays: CalendarDay[]
}

type RawYear = { holidays: [string, string][]; makeUpWorkdays: [string, string][] }

function fromRaw(json: Record<string, unknown>): CalendarData {
  const data: CalendarData = { holidays: [], makeUpWorkdays: [] }
  for (const [key, value] of Object.entries(json)) {
    if (!/^\d{4}$/.test(key)) continue // skips "about"
    const year = value as RawYear
    for (const [date, name] of year.holidays) data.holidays.push({ date, name })
    for (const [date, name] of year.makeUpWorkdays) data.makeUpWorkdays.push({ date, name })
  }
  return data
}

/** The published statutory calendars (2025, 2026); later years come from the CMS. */
export const DefaultCalendarData: CalendarData = fromRaw(raw as Record<string, unknown>)

const DAY_MS = 86_400_000
const CHINA_OFFSET_MS = 8 * 3_600_000

// A timestamp must carry its zone (Z or ±hh:mm), otherwise Date would read it in the machine's zone.
const TIMESTAMP_RE = /^(\d{4}-\d{2}-\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/

/** UTC instant → China local date. A bare `YYYY-MM-DD` is returned unchanged. */
export const toLocalDate: (isoTimestamp: string) => string = remembered((isoTimestamp) => {
  const match = typeof isoTimestamp === 'string' ? TIMESTAMP_RE.exec(isoTimestamp) : null
  // Date.parse accepts 2026-02-30 (rolls into March), so check the date part ourselves.
  const ms = match && isValidLocalDate(match[1]) ? Date.parse(isoTimestamp) : NaN
  if (Number.isNaN(ms)) throw new RangeError(`Invalid ISO timestamp (zone required): ${JSON.stringify(isoTimestamp)}`)
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
})

/** A China date as people write it: '2026-12-30' (or a timestamp, as its China-local day) → '2026年12月30日'. */
export const chineseDate: (dateOrIso: string) => string = remembered((dateOrIso) => {
  const [y, m, d] = toLocalDate(dateOrIso).split('-').map(Number)
  return `${y}年${m}月${d}日`
})

export function isValidLocalDate(s: string): boolean {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const [y, m, d] = s.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  // Round-trip rejects 2026-02-30 and friends.
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

function assertDate(s: string): void {
  if (!isValidLocalDate(s)) throw new RangeError(`Invalid local date (expected YYYY-MM-DD): ${JSON.stringify(s)}`)
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`)
}

const toUtcMs = remembered((date: string): number => {
  assertDate(date)
  const [y, m, d] = date.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
})

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addCalendarDays(date: string, n: number): string {
  assertInteger(n, 'Days')
  return fromUtcMs(toUtcMs(date) + n * DAY_MS)
}

/** Same day n months later, clamped to the month's end (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, n: number): string {
  assertInteger(n, 'Months')
  assertDate(date)
  const [y, m, d] = date.split('-').map(Number)
  const monthIndex = y * 12 + (m - 1) + n
  const ty = Math.floor(monthIndex / 12)
  const tm = monthIndex - ty * 12
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate()
  return fromUtcMs(Date.UTC(ty, tm, Math.min(d, lastDay)))
}

/**
 * Weekends, statutory holidays and 调休 make-up workdays.
 * Years not in the data fall back to weekends only (the office enters each new year in the CMS).
 */
export class WorkingCalendar {
  private readonly holidays = new Map<string, string>()
  private readonly makeUpWorkdays = new Map<string, string>()
  // The same days as day numbers (days since 1970-01-01), so day-by-day loops make no strings.
  private readonly holidayDays = new Set<number>()
  private readonly makeUpDays = new Set<number>()

  constructor(data: CalendarData) {
    for (const { date, name } of data.holidays) {
      assertDate(date)
      this.holidays.set(date, name)
      this.holidayDays.add(toUtcMs(date) / DAY_MS)
    }
    for (const { date, name } of data.makeUpWorkdays) {
      assertDate(date)
      // A day can't be both; catching it here beats a silently wrong deadline.
      if (this.holidays.has(date)) throw new RangeError(`${date} is both a holiday and a make-up workday`)
      this.makeUpWorkdays.set(date, name)
      this.makeUpDays.add(toUtcMs(date) / DAY_MS)
    }
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.makeUpDays.has(day)) return true
    if (this.holidayDays.has(day)) return false
    const weekday = (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday (4)
    return weekday !== 0 && weekday !== 6
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toUtcMs(date) / DAY_MS)
  }

  /** The date itself if working, else the next working day. */
  nextWorkingDay(date: string): string {
    let day = toUtcMs(date) / DAY_MS
    while (!this.isWorkingDayNumber(day)) day++
    return fromUtcMs(day * DAY_MS)
  }

  /** The n-th working day after `from` (`from` itself not counted); n = 0 → from. */
  addWorkingDays(from: string, n: number): string {
    assertInteger(n, 'Working days')
    if (n < 0) throw new RangeError(`Working days must be ≥ 0, got ${n}`)
    let day = toUtcMs(from) / DAY_MS
    for (let left = n; left > 0; ) {
      day++
      if (this.isWorkingDayNumber(day)) left--
    }
    return fromUtcMs(day * DAY_MS)
  }

  /** Working days in (from, to]; negative (−count in (to, from]) when to < from. */
  workingDaysBetween(from: string, to: string): number {
    const a = toUtcMs(from) / DAY_MS
    const b = toUtcMs(to) / DAY_MS
    if (b < a) return -this.workingDaysBetween(to, from) || 0 // `|| 0` avoids −0
    let count = 0
    for (let day = a + 1; day <= b; day++) if (this.isWorkingDayNumber(day)) count++
    return count
  }

  /** Month-based deadline: addMonths, then rolled forward to a working day (期间届满日为节假日的，顺延至节后第一个工作日). */
  addMonthsDeadline(from: string, months: number): string {
    return this.nextWorkingDay(addMonths(from, months))
  }

  /** The statutory holiday's name, or null (also for plain weekends and make-up days). */
  holidayName(date: string): string | null {
    assertDate(date)
    return this.holidays.get(date) ?? null
  }
}
