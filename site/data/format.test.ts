import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format'

describe('dates as the public reads them', () => {
  it('writes a date as 年月日, in China local time', () => {
    expect(formatDate('2026-11-30')).toBe('2026年11月30日')
    expect(formatDate('2026-03-09T17:00:00Z')).toBe('2026年3月10日')
  })

  it('writes a time with the date as formatDate writes it', () => {
    expect(formatDateTime('2026-03-10T05:35:00Z')).toBe('2026年3月10日 13:35')
    expect(formatDateTime('2026-03-09T17:00:00Z')).toBe('2026年3月10日 01:00')
  })
})
