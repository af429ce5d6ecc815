import { describe, it, expect } from 'vitest'
import raw from './data/cn-public-holidays.json' with { type: 'json' }
import {
  DefaultCalendarData,
  WorkingCalendar,
  addCalendarDays,
  addMonths,
  isValidLocalDate,
  toLocalDate,
} from './calendar'

const cal = new WorkingCalendar(DefaultCalendarData)

type RawYear = { holidays: [string, string][]; makeUpWorkdays: [string, string][] }
const years = raw as unknown as Record<'2025' | '2026', RawYear>
const holidays = [...years['2025'].holidays, ...years['2026'].holidays]
const makeUps = [...years['2025'].makeUpWorkdays, ...years['2026'].makeUpWorkdays]

describe('DefaultCalendarData', () => {
  it.each([
    ['2025', 28, 5],
    ['2026', 33, 6],
  ])('holds every %s entry (%i holidays, %i make-up workdays)', (year, h, m) => {
    expect(DefaultCalendarData.holidays.filter((d) => d.date.startsWith(year))).toHaveLength(h)
    expect(DefaultCalendarData.makeUpWorkdays.filter((d) => d.date.startsWith(year))).toHaveLength(m)
  })

  it('holds only well-formed dates (the "about" key is not a year)', () => {
    const all = [...DefaultCalendarData.holidays, ...DefaultCalendarData.makeUpWorkdays]
    expect(all.every((d) => isValidLocalDate(d.date) && d.name.length > 0)).toBe(true)
    expect(all).toHaveLength(28 + 5 + 33 + 6)
  })
})

describe('statutory holidays are not working days', () => {
  it.each(holidays)('%s (%s)', (date, name) => {
    expect(cal.isWorkingDay(date)).toBe(false)
    expect(cal.holidayName(date)).toBe(name)
  })
})

describe('make-up workdays (调休) are working days although they fall on a weekend', () => {
  it.each(makeUps)('%s (%s)', (date) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    expect([0, 6]).toContain(weekday)
    expect(cal.isWorkingDay(date)).toBe(true)
    expect(cal.holidayName(date)).toBeNull()
  })
})

describe('ordinary days', () => {
  it.each([
    ['2026-03-07', 'Saturday', false],
    ['2026-03-08', 'Sunday', false],
    ['2026-03-09', 'Monday', true],
    ['2026-03-13', 'Friday', true],
    ['2025-10-12', 'Sunday after the 2025 make-up Saturday', false],
    ['2026-10-09', 'Friday after 国庆 2026', true],
    ['2027-10-01', 'Friday in a year without data (weekends only)', true],
    ['2027-10-02', 'Saturday in a year without data', false],
  ])('%s (%s) working: %s', (date, _label, working) => {
    expect(cal.isWorkingDay(date)).toBe(working)
    expect(cal.holidayName(date)).toBeNull()
  })

  it('a year entered later (via the CMS) is honoured', () => {
    const later = new WorkingCalendar({
      holidays: [{ date: '2027-10-01', name: '国庆节' }],
      makeUpWorkdays: [{ date: '2027-09-26', name: '国庆节调休' }],
    })
    expect(later.isWorkingDay('2027-10-01')).toBe(false)
    expect(later.isWorkingDay('2027-09-26')).toBe(true)
    expect(later.holidayName('2027-10-01')).toBe('国庆节')
  })
})

describe('国庆 2025 (10-01..08 off, Sun 09-28 and Sat 10-11 worked)', () => {
  it.each([
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-28', 1, '2025-09-29'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-10-03', 1, '2025-10-09'],
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected)
  })

  it('2025-10-11 (Saturday) is a working day', () => {
    expect(cal.isWorkingDay('2025-10-11')).toBe(true)
  })
})

describe('国庆 2026 (中秋 09-25..27, 国庆 10-01..07 off, Sun 09-20 and Sat 10-10 worked)', () => {
  it.each([
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-10-10', 1, '2026-10-12'],
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected)
  })

  it.each([
    ['2026-09-20', true],
    ['2026-09-25', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
  ])('%s working: %s', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working)
  })
})

describe('春节 2026 (02-15..23 off, Sat 02-14 and Sat 02-28 worked)', () => {
  it.each([
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-12', 5, '2026-02-26'],
    ['2026-02-26', 2, '2026-02-28'],
    ['2026-02-26', 3, '2026-03-02'],
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected)
  })

  it('counts 6 working days in (02-13, 02-28]', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6)
  })
})

describe('nextWorkingDay', () => {
  it.each([
    ['2026-03-10', '2026-03-10'], // already working
    ['2026-03-07', '2026-03-09'], // weekend
    ['2026-02-15', '2026-02-24'], // 春节
    ['2026-02-28', '2026-02-28'], // make-up Saturday
    ['2025-10-01', '2025-10-09'], // 国庆 2025
    ['2025-12-31', '2025-12-31'],
    ['2026-01-01', '2026-01-04'], // 元旦 01-01..03, then the Sunday make-up
  ])('nextWorkingDay(%s) = %s', (date, expected) => {
    expect(cal.nextWorkingDay(date)).toBe(expected)
  })
})

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-03-07', 0, '2026-03-07'], // n = 0 returns `from` even on a weekend
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-07', 1, '2026-03-09'],
    ['2026-03-10', 5, '2026-03-17'],
    ['2026-03-31', 3, '2026-04-03'],
    ['2026-04-02', 2, '2026-04-07'], // 清明 04-04..06
    ['2025-12-31', 1, '2026-01-04'], // 元旦 2026, Sunday make-up
  ])('addWorkingDays(%s, %i) = %s', (from, n, expected) => {
    expect(cal.addWorkingDays(from, n)).toBe(expected)
  })

  it.each([-1, 1.5, Number.NaN])('rejects n = %s', (n) => {
    expect(() => cal.addWorkingDays('2026-03-10', n)).toThrow(RangeError)
  })

  it.each(['2025-09-26', '2026-02-12', '2026-09-18', '2026-12-30'])(
    'workingDaysBetween(from, addWorkingDays(from, n)) = n from %s',
    (from) => {
      for (let n = 0; n <= 30; n++) {
        expect(cal.workingDaysBetween(from, cal.addWorkingDays(from, n))).toBe(n)
      }
    },
  )
})

describe('workingDaysBetween', () => {
  it.each([
    ['2026-03-10', '2026-03-10', 0],
    ['2026-03-09', '2026-03-13', 4], // (Mon, Fri]
    ['2026-03-06', '2026-03-09', 1], // over a weekend
    ['2026-03-07', '2026-03-08', 0], // weekend only
    ['2025-09-30', '2025-10-09', 1],
    ['2025-09-26', '2025-10-11', 6],
    ['2026-09-30', '2026-10-10', 3],
    ['2026-01-01', '2026-12-31', 248],
  ])('workingDaysBetween(%s, %s) = %i, and the reverse is its negative', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected)
    expect(Object.is(cal.workingDaysBetween(to, from), expected === 0 ? 0 : -expected)).toBe(true)
  })
})

describe('addMonths (clamped to month end)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-05-31', 3, '2026-08-31'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-03-10', 0, '2026-03-10'],
  ])('addMonths(%s, %i) = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected)
  })
})

describe('addMonthsDeadline rolls forward to a working day (顺延)', () => {
  it.each([
    ['2026-09-01', 1, '2026-10-08'], // lands on 国庆 2026-10-01
    ['2025-09-04', 1, '2025-10-09'], // lands on 国庆 2025-10-04
    ['2026-01-15', 1, '2026-02-24'], // lands on 春节 2026-02-15
    ['2025-12-31', 1, '2026-02-02'], // clamps to Sat 2026-01-31, then Monday
    ['2026-01-31', 1, '2026-02-28'], // clamps to Sat 2026-02-28, a make-up workday
    ['2026-03-10', 1, '2026-04-10'], // already a working day
    ['2026-07-01', 3, '2026-10-08'],
  ])('addMonthsDeadline(%s, %i) = %s', (from, months, expected) => {
    expect(cal.addMonthsDeadline(from, months)).toBe(expected)
  })
})

describe('addCalendarDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addCalendarDays(%s, %i) = %s', (date, n, expected) => {
    expect(addCalendarDays(date, n)).toBe(expected)
  })
})

describe('toLocalDate (China is UTC+8)', () => {
  it.each([
    ['2026-01-01T15:59:59Z', '2026-01-01'],
    ['2026-01-01T16:00:00Z', '2026-01-02'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01'],
    ['2024-12-31T15:59:59.999Z', '2024-12-31'],
    ['2026-01-01T00:00:00+08:00', '2026-01-01'],
    ['2026-01-01T23:59:59+08:00', '2026-01-01'],
    ['2025-12-31T23:59:59-08:00', '2026-01-01'],
    ['2026-02-28T16:00:00Z', '2026-03-01'],
    ['2026-03-05', '2026-03-05'], // a bare local date passes through
  ])('toLocalDate(%s) = %s', (ts, expected) => {
    expect(toLocalDate(ts)).toBe(expected)
  })

  it.each([
    '2026-01-01T10:00:00', // no zone: would depend on the machine
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    'yesterday',
    '',
  ])('rejects %j', (ts) => {
    expect(() => toLocalDate(ts)).toThrow(RangeError)
  })
})

describe('isValidLocalDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-12-31', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['20260105', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isValidLocalDate(s)).toBe(expected)
  })
})

describe('invalid dates throw RangeError', () => {
  const bad = ['2026-02-30', '2026/03/10', '10-03-2026', '']
  const calls: [string, (d: string) => unknown][] = [
    ['addCalendarDays', (d) => addCalendarDays(d, 1)],
    ['addMonths', (d) => addMonths(d, 1)],
    ['isWorkingDay', (d) => cal.isWorkingDay(d)],
    ['nextWorkingDay', (d) => cal.nextWorkingDay(d)],
    ['addWorkingDays', (d) => cal.addWorkingDays(d, 0)],
    ['workingDaysBetween (from)', (d) => cal.workingDaysBetween(d, '2026-03-10')],
    ['workingDaysBetween (to)', (d) => cal.workingDaysBetween('2026-03-10', d)],
    ['addMonthsDeadline', (d) => cal.addMonthsDeadline(d, 1)],
    ['holidayName', (d) => cal.holidayName(d)],
  ]
  describe.each(calls)('%s', (_name, call) => {
    it.each(bad)('%j', (d) => {
      expect(() => call(d)).toThrow(RangeError)
    })
  })

  it.each([
    [{ holidays: [{ date: '2026-02-30', name: 'x' }], makeUpWorkdays: [] }],
    [{ holidays: [], makeUpWorkdays: [{ date: '2026-2-1', name: 'x' }] }],
    [{ holidays: [{ date: '2026-10-10', name: 'x' }], makeUpWorkdays: [{ date: '2026-10-10', name: 'y' }] }],
  ])('the constructor rejects bad data %#', (data) => {
    expect(() => new WorkingCalendar(data)).toThrow(RangeError)
  })
})
