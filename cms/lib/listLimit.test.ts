// The cap on REST lists: 100 records, except a request restricted to at most 250 ids (the admin's
// relationship cells ask for the documents a page names with Payload's own limit=250).
import { describe, expect, it } from 'vitest'
import { LIST_LIMIT_MESSAGE, listLimitProblem } from './listLimit'

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(',')

describe('listLimitProblem', () => {
  it.each([
    ['limit within the cap', { limit: '100' }, null],
    ['limit above the cap', { limit: '101' }, LIST_LIMIT_MESSAGE],
    ['limit 0 (all)', { limit: '0' }, LIST_LIMIT_MESSAGE],
    ['pagination off', { pagination: 'false' }, LIST_LIMIT_MESSAGE],
    ['250 by a list of 3 ids (a relationship cell)', { limit: '250', where: { id: { in: ids(3) } } }, null],
    ['250 by a list of 250 ids', { limit: '250', where: { id: { in: ids(250) } } }, null],
    ['250 by ids given as an array', { limit: '250', where: { id: { in: ['1', '2'] } } }, null],
    ['251 by a list of ids', { limit: '251', where: { id: { in: ids(3) } } }, LIST_LIMIT_MESSAGE],
    ['250 by a list of 251 ids', { limit: '250', where: { id: { in: ids(251) } } }, LIST_LIMIT_MESSAGE],
    ['250 by another condition', { limit: '250', where: { title: { like: 'a' } } }, LIST_LIMIT_MESSAGE],
    ['250 by ids nested in an or', { limit: '250', where: { or: [{ id: { in: ids(3) } }, { title: { like: 'a' } }] } }, LIST_LIMIT_MESSAGE],
  ])('%s', (_what, query, expected) => {
    expect(listLimitProblem(query as Record<string, unknown>)).toBe(expected)
  })
})
