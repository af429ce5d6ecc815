import { describe, expect, it } from 'vitest'
import { formatDay, safeNext } from './api'

describe('after signing in, only this site’s own pages are followed', () => {
  it.each([
    ['/portal/proposal/?id=3', '/portal/proposal/?id=3'],
    ['/portal/', '/portal/'],
    ['/ok?x=%2F%2F', '/ok?x=%2F%2F'],
    ['//evil.example', '/portal/'],
    ['/\\evil.example', '/portal/'],
    ['/\\/evil.example', '/portal/'],
    ['https://evil.example', '/portal/'],
    ['javascript:alert(1)', '/portal/'],
    ['/a\tb', '/portal/'],
    ['', '/portal/'],
    [null, '/portal/'],
  ])('%j → %s', (next, to) => {
    expect(safeNext(next)).toBe(to)
  })
})

describe('days in the portal', () => {
  it('are written as on the public site', () => {
    expect(formatDay('2026-11-30')).toBe('2026年11月30日')
    expect(formatDay('2026-03-05')).toBe('2026年3月5日')
  })

  it('show a value that is no date as it came, rather than fail the page', () => {
    expect(formatDay('2026-02-30')).toBe('2026-02-30')
  })
})
