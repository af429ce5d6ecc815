import { describe, expect, it } from 'vitest'
import { safeNext } from './api'

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
