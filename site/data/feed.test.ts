import { describe, expect, it } from 'vitest'
import { FeedMax, recentEntries, type FeedEntry } from './feed'

const now = '2026-11-20T02:00:00.000Z'
const entry = (id: string, updated: string): FeedEntry => ({ id, title: id, updated, link: '/', summary: '' })

describe('the feed keeps the last 90 days, at most 100 entries', () => {
  it('drops entries older than 90 days before generatedAt, keeps the one exactly at the limit', () => {
    const kept = recentEntries(
      [entry('old', '2026-08-22T01:59:59.999Z'), entry('limit', '2026-08-22T02:00:00.000Z'), entry('new', '2026-11-19T10:00:00+08:00')],
      now,
    )
    expect(kept.map((e) => e.id)).toEqual(['new', 'limit'])
  })

  it('keeps the 100 newest, newest first, ties in the order of their ids', () => {
    const many = Array.from({ length: 150 }, (_, i) => entry(`e${String(i).padStart(3, '0')}`, new Date(Date.parse(now) - Math.floor(i / 2) * 3_600_000).toISOString()))
    const kept = recentEntries([...many].reverse(), now)
    expect(kept).toHaveLength(FeedMax)
    expect(kept.map((e) => e.id)).toEqual(many.slice(0, FeedMax).map((e) => e.id))
  })
})
