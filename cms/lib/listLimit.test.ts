// The list cap: which REST queries may list how many records (table-driven).
import { describe, expect, it } from 'vitest'
import { listLimitProblem, MAX_LOOKUP_IDS } from './listLimit'

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).join(',')

describe('listLimitProblem', () => {
  const rows: [string, Record<string, unknown>, boolean][] = [
    ['no paging asked', {}, true],
    ['limit 10', { limit: '10' }, true],
    ['limit 100', { limit: 100 }, true],
    ['limit 101', { limit: '101' }, false],
    ['limit 0 (all)', { limit: '0' }, false],
    ['pagination off', { pagination: 'false' }, false],
    ['a join asking for all', { joins: { replies: { limit: 0 } } }, false],
    ['the admin’s cells looking up 3 named records, 250 at a time', { limit: '250', where: { id: { in: '1,2,3' } } }, true],
    ['a lookup of the most named records', { limit: '250', where: { id: { in: ids(MAX_LOOKUP_IDS) } } }, true],
    ['a lookup naming too many', { limit: '300', where: { id: { in: ids(MAX_LOOKUP_IDS + 1) } } }, false],
    ['a lookup asking for more than 250', { limit: '251', where: { id: { in: '1,2' } } }, false],
    ['a lookup asking for all', { limit: '0', where: { id: { in: '1,2' } } }, false],
    ['a lookup as an array', { limit: '250', where: { id: { in: ['1', '2'] } } }, true],
    ['limit 250 with another condition beside the ids', { limit: '250', where: { id: { in: '1,2' }, status: { equals: 'closed' } } }, false],
    ['limit 250 with a wider id condition', { limit: '250', where: { id: { in: '1,2', exists: true } } }, false],
    ['limit 250 without naming ids', { limit: '250', where: { id: { exists: true } } }, false],
    ['limit 250 by ids nested in an or', { limit: '250', where: { or: [{ id: { in: '1,2' } }, { title: { like: 'a' } }] } }, false],
    ['limit 250, pagination off', { limit: '250', pagination: 'false', where: { id: { in: '1,2' } } }, false],
  ]
  it.each(rows)('%s', (_, query, allowed) => expect(listLimitProblem(query) === null).toBe(allowed))
})
