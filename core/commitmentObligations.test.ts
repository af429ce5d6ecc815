// A stored ledger row gives the sweep the very obligation the replies and follow-ups give
// (core/sweep.ts commitmentObligations), for every state, corrections and a corrected reply included.
import { describe, expect, it } from 'vitest'
import { facts, reply } from '../tests/fixtures/facts'
import { commitmentRecords } from './commitments'
import { ledgerObligations } from './commitmentObligations'
import { commitmentObligations, type ProposalRef } from './sweep'
import type { FollowUp } from './types'

const ref: ProposalRef = { proposal: 'p-1', number: '2026-001', title: '路灯', keyItem: false }
const at = (day: number) => `2026-04-${String(day).padStart(2, '0')}T09:00:00+08:00`
const p = (followUps: FollowUp[]) =>
  facts({
    status: 'evaluated',
    replies: [
      reply({ id: 'r-0', class: 'B', commitments: [{ id: 'c-0', text: '旧', dueDate: '2026-04-10' }], publishedAt: at(1) }),
      reply({ id: 'r-1', class: 'B', corrects: 'r-0', section: 'sec-co', commitments: [{ id: 'c-1', text: '划线', dueDate: '2026-04-20' }, { id: 'c-2', text: '装灯', dueDate: '2026-04-30' }], publishedAt: at(2) }),
    ],
    followUps,
  })

describe('ledger rows as sweep obligations', () => {
  const kept: FollowUp = { id: 'f-1', kind: 'verification', at: at(5), commitmentId: 'c-1', verified: true }
  it.each<[string, FollowUp[]]>([
    ['nothing checked', []],
    ['one kept', [kept]],
    ['one not kept', [{ ...kept, verified: false }]],
    ['a kept corrected to not kept', [kept, { id: 'f-2', kind: 'verification', at: at(6), commitmentId: 'c-1', verified: false, corrects: 'f-1' }]],
  ])('%s: the same obligations as from the replies', (_, followUps) => {
    const rows = commitmentRecords(p(followUps)).map((c) => ({ commitmentId: c.id, text: c.text, dueDate: c.dueDate, section: c.section, state: c.state }))
    expect(rows.map((r) => r.state)).toContain('superseded')
    expect(ledgerObligations(ref, rows)).toEqual(commitmentObligations(ref, p(followUps)))
  })
})
