// The demo data: seeded through the real lifecycle on a fixed load day, then checked for
// what the demo has to show (every status, overdue items, every reply class, rehandling,
// open and verified commitments…) and for being the same every time.
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toLocalDate } from '../../core/calendar'
import { currentDeadline, deadlineState, type DeadlineState } from '../../core/deadlines'
import { ProposalStatuses, StaffRoles } from '../../core/types'
import { PORTAL_SIGN_IN } from '../../cms/collections/Representatives/hooks/onlyThroughPortal'
import { deadlineSettingsOf, getCalendar, invalidateCalendar } from '../../cms/lib/calendar'
import { factsFromDoc, loadRelated, loadSigners } from '../../cms/lib/facts'
import { plannedDuties } from '../../core/duties'
import { planDemo, seedDemo, isEmpty, type SeedResult } from '../../cms/seed/demo'
import { DemoPassword, SectionSeeds } from '../../cms/seed/reference'
import { databaseLabel, startPayload } from '../helpers/payload'

// Friday 10:00 in Beijing.
const NOW = new Date('2026-11-27T02:00:00.000Z')
// Whatever the clock was before seeding, seeding leaves it so.
const CLOCK_BEFORE = '2031-05-05T05:05:05.000Z'

type Doc = Record<string, any>
let payload: Payload
let second: Payload | undefined
let result: SeedResult
let seconds = 0
const logs: string[] = []

const all = async (p: Payload, collection: string): Promise<Doc[]> =>
  (await p.find({ collection: collection as any, pagination: false, depth: 0, overrideAccess: true })).docs as Doc[]
const idOf = (v: any) => (v && typeof v === 'object' ? v.id : v)
const byProposal = (docs: Doc[]) => {
  const m = new Map<string, Doc[]>()
  for (const d of docs) m.set(String(idOf(d.proposal)), [...(m.get(String(idOf(d.proposal))) ?? []), d])
  return m
}

beforeAll(async () => {
  payload = await startPayload()
  expect(await isEmpty(payload)).toBe(true)
  process.env.APP_NOW = CLOCK_BEFORE
  const started = performance.now()
  result = await seedDemo(payload, { now: NOW, log: (m) => logs.push(m) })
  seconds = (performance.now() - started) / 1000
  console.log(`demo seed on ${databaseLabel()}: ${result.proposals} proposals in ${seconds.toFixed(1)} s`, result.byStatus)
  // A guard against a hang, not a speed check (the time is printed above): a 2-core machine took 284–462 s, and
  // over 1,600 s while three other test runs shared it.
}, 1_200_000)

afterAll(async () => {
  if (process.env.APP_NOW === CLOCK_BEFORE) delete process.env.APP_NOW
  await second?.destroy()
  await payload?.destroy()
})

describe(`demo seed on ${databaseLabel()}`, () => {
  it('restores the clock, reports progress, and the database is no longer empty', async () => {
    expect(process.env.APP_NOW).toBe(CLOCK_BEFORE)
    expect(logs).toContain(`演示数据：已生成 10/${result.proposals} 件提案`)
    expect(logs.at(-1)).toBe(`演示数据：已生成 ${result.proposals}/${result.proposals} 件提案`)
    expect(await isEmpty(payload)).toBe(false)
  })

  it('has at least 80 proposals in every status, over two sessions', async () => {
    const proposals = await all(payload, 'proposals')
    expect(proposals.length).toBeGreaterThanOrEqual(80)
    expect(proposals.length).toBe(result.proposals)
    const counted: Record<string, number> = {}
    for (const p of proposals) counted[p.status] = (counted[p.status] ?? 0) + 1
    for (const s of ProposalStatuses) expect(counted[s] ?? 0, s).toBeGreaterThan(0)
    expect(result.byStatus).toEqual(Object.fromEntries(ProposalStatuses.map((s) => [s, counted[s] ?? 0])))

    const sessions = await all(payload, 'sessions')
    expect(sessions.map((s) => s.year).sort()).toEqual([2025, 2026])
    const current = sessions.find((s) => s.current)!
    const previous = sessions.find((s) => !s.current)!
    expect(current.year).toBe(2026)
    const ofPrevious = proposals.filter((p) => String(idOf(p.session)) === String(previous.id))
    const ofCurrent = proposals.filter((p) => String(idOf(p.session)) === String(current.id))
    expect(ofPrevious.length).toBeGreaterThanOrEqual(20)
    expect(ofCurrent.length).toBeGreaterThanOrEqual(40)
    // Most of last year's items are closed; numbers follow the session's year.
    expect(ofPrevious.filter((p) => p.status === 'closed').length / ofPrevious.length).toBeGreaterThan(0.8)
    for (const p of ofPrevious) expect(p.number).toMatch(/^2025-\d{3}$/)
    for (const p of ofCurrent.filter((p) => p.status !== 'draft')) expect(p.number).toMatch(/^2026-\d{3}$/)
    for (const p of ofCurrent.filter((p) => p.status === 'draft')) expect(p.number ?? null).toBeNull()
  })

  it('numbers follow the order of submission in each session', async () => {
    const proposals = (await all(payload, 'proposals')).filter((p) => p.number)
    const sorted = [...proposals].sort((a, b) => String(a.number).localeCompare(String(b.number)))
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].number.slice(0, 4) !== sorted[i - 1].number.slice(0, 4)) continue
      expect(sorted[i].submittedAt > sorted[i - 1].submittedAt, sorted[i].number).toBe(true)
    }
  })

  it('has 30 representatives with private data, and accounts for every role and section', async () => {
    const reps = await all(payload, 'representatives')
    expect(reps).toHaveLength(30)
    expect(reps.map((r) => r.username).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `rep${String(i + 1).padStart(2, '0')}`))
    expect(new Set(reps.map((r) => String(idOf(r.residentialArea)))).size).toBe(6)
    expect(reps.filter((r) => r.kind === 'deputy').length).toBeGreaterThanOrEqual(3)
    for (const r of reps) {
      expect(r.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/)
      expect(r.phone).toMatch(/^1\d{10}$/)
      expect(r.idNumber).toMatch(/^\d{17}[\dX]$/)
      expect(r.address).toBeTruthy()
    }
    // The demo password works, through the portal's sign-in (no other login of a representative is taken).
    const login = await payload.login({ collection: 'representatives', data: { username: 'rep01', password: DemoPassword } as any, context: { [PORTAL_SIGN_IN]: true } })
    expect(login.user?.username).toBe('rep01')
    await expect(payload.login({ collection: 'representatives', data: { username: 'rep01', password: DemoPassword } as any })).rejects.toThrow()

    const users = await all(payload, 'users')
    for (const role of StaffRoles) expect(users.some((u) => u.role === role), role).toBe(true)
    const sections = await all(payload, 'sections')
    expect(sections).toHaveLength(SectionSeeds.length)
    for (const s of sections) {
      for (const role of ['sectionStaff', 'sectionHead'])
        expect(users.some((u) => u.role === role && String(idOf(u.section)) === String(s.id)), `${s.slug} ${role}`).toBe(true)
    }
    expect(users.some((u) => u.email === 'fangguan-head@demo.local')).toBe(true)
    const staffLogin = await payload.login({ collection: 'users', data: { email: 'fangguan-head@demo.local', password: DemoPassword } })
    expect(staffLogin.token).toBeTruthy()
  })

  it('spreads the lead over all eight sections', async () => {
    const proposals = await all(payload, 'proposals')
    const leads = new Set(proposals.map((p) => idOf(p.assignment?.leadSection)).filter((x) => x != null).map(String))
    expect(leads.size).toBe(SectionSeeds.length)
  })

  it('has overdue and long-overdue items at the load day, and items with approved extensions', async () => {
    invalidateCalendar()
    const calendar = await getCalendar(payload)
    const sessions = new Map((await all(payload, 'sessions')).map((s) => [String(s.id), s]))
    const states: Record<string, number> = {}
    for (const p of await all(payload, 'proposals')) {
      const due = currentDeadline(factsFromDoc(p), calendar, deadlineSettingsOf(sessions.get(String(idOf(p.session)))))
      if (!due) continue
      const { state } = deadlineState(due.due, NOW.toISOString(), calendar)
      states[`${due.stage}:${state}`] = (states[`${due.stage}:${state}`] ?? 0) + 1
    }
    const count = (stage: string, ...of: DeadlineState[]) => of.reduce((n, s) => n + (states[`${stage}:${s}`] ?? 0), 0)
    // Sections late with their reply, some of them by more than 20 working days.
    expect(count('reply', 'overdue'), JSON.stringify(states)).toBeGreaterThanOrEqual(3)
    expect(count('reply', 'longOverdue'), JSON.stringify(states)).toBeGreaterThanOrEqual(2)
    expect(count('reply', 'onTrack', 'dueSoon')).toBeGreaterThanOrEqual(4)
    expect(count('reply', 'dueSoon')).toBeGreaterThanOrEqual(1)
    // Late at the other stages too: screening (one long overdue), instruction, rehandling.
    expect(count('screening', 'longOverdue')).toBeGreaterThanOrEqual(1)
    expect(count('screening', 'overdue')).toBeGreaterThanOrEqual(1)
    expect(count('instruction', 'overdue', 'longOverdue')).toBeGreaterThanOrEqual(1)
    expect(count('rehandling', 'overdue', 'longOverdue')).toBeGreaterThanOrEqual(1)
    expect(count('rehandling', 'onTrack', 'dueSoon')).toBeGreaterThanOrEqual(1)

    const extended = (await all(payload, 'proposals')).filter((p) => (p.extensions ?? []).length > 0)
    expect(extended.length).toBeGreaterThanOrEqual(3)
    expect(extended.some((p) => p.extensions.length >= 2)).toBe(true)
    for (const p of extended) for (const e of p.extensions) expect(e.approvedBy).toBeTruthy()
    // Each came from the lead section's request (申请延期), approved by the leader; one request still waits (待审批延期).
    const requests = await all(payload, 'extension-requests')
    for (const p of extended)
      for (const e of p.extensions)
        expect(requests.some((r) => String(idOf(r.proposal)) === String(p.id) && r.decision === 'approved' && r.newDeadline === e.newDeadline && r.reason === e.reason)).toBe(true)
    expect(requests.filter((r) => r.decision === 'approved')).toHaveLength(extended.reduce((n, p) => n + p.extensions.length, 0))
    const pending = requests.filter((r) => r.decision === 'pending')
    expect(pending).toHaveLength(1)
    const asked = (await all(payload, 'proposals')).find((p) => String(p.id) === String(idOf(pending[0].proposal)))!
    expect(asked.status).toBe('inProgress')
    expect(pending[0].newDeadline > asked.currentDue).toBe(true)
  })

  it('stores on every proposal the deadline in force that core computes from all its records', async () => {
    invalidateCalendar()
    const calendar = await getCalendar(payload)
    const sessions = new Map((await all(payload, 'sessions')).map((s) => [String(s.id), s]))
    const req = await createLocalReq({}, payload)
    const stages: Record<string, number> = {}
    for (const p of await all(payload, 'proposals')) {
      const due = currentDeadline(factsFromDoc(p, await loadRelated(req, p.id)), calendar, deadlineSettingsOf(sessions.get(String(idOf(p.session)))))
      expect([p.number, p.currentStage ?? null, p.currentDue ?? null]).toEqual([p.number, due?.stage ?? null, due?.due ?? null])
      if (due) stages[due.stage] = (stages[due.stage] ?? 0) + 1
    }
    // The demo's screened-out item left unexplained waits on the office's explanation.
    expect(stages.explanation, JSON.stringify(stages)).toBeGreaterThanOrEqual(1)
  })

  it('stores on every proposal what waits on whom, as core plans it from all its records', async () => {
    const calendar = await getCalendar(payload)
    const sessions = new Map((await all(payload, 'sessions')).map((s) => [String(s.id), s]))
    const duties = byProposal(await all(payload, 'duties'))
    const coOpinions = byProposal(await all(payload, 'co-opinions'))
    const requests = byProposal(await all(payload, 'extension-requests'))
    const req = await createLocalReq({}, payload)
    const actions: Record<string, number> = {}
    for (const p of await all(payload, 'proposals')) {
      const related = await loadRelated(req, p.id)
      const facts = {
        ...factsFromDoc(p, related),
        coOpinions: (coOpinions.get(String(p.id)) ?? []).map((o) => ({ section: idOf(o.section) })),
        extensionRequests: (requests.get(String(p.id)) ?? []).map((r) => ({ id: r.id, decision: r.decision })),
      }
      const planned = plannedDuties(facts, calendar, deadlineSettingsOf(sessions.get(String(idOf(p.session)))), await loadSigners(req, facts.replies))
      const key = (d: Doc) => [d.action, d.role, String(idOf(d.section) ?? ''), String(idOf(d.person) ?? ''), d.due ?? '', d.from ?? '', d.until ?? ''].join('|')
      expect([p.number, (duties.get(String(p.id)) ?? []).map(key).sort()]).toEqual([p.number, planned.map((d) => key(d as Doc)).sort()])
      for (const d of planned) actions[d.action] = (actions[d.action] ?? 0) + 1
    }
    // The demo has something in every queue but the office's sign-off (of its own explanations, signed at once).
    for (const a of ['screen', 'nameLead', 'instruct', 'takeOn', 'coOpinion', 'draftReply', 'revise', 'signOff', 'publish', 'explain', 'evaluate', 'followUp', 'verify', 'close', 'decideExtension'])
      expect(actions[a] ?? 0, `${a}: ${JSON.stringify(actions)}`).toBeGreaterThanOrEqual(1)
  })

  it('has replies of every class, a rehandled proposal with two replies, open and verified commitments', async () => {
    const replies = (await all(payload, 'replies')).filter((r) => r.publishedAt)
    for (const cls of ['A', 'B', 'C']) expect(replies.some((r) => r.class === cls), cls).toBe(true)
    expect(replies.some((r) => r.section == null)).toBe(true) // the office's explanation of a screened-out item

    const proposals = await all(payload, 'proposals')
    const repliesOf = byProposal(replies)
    const rehandled = proposals.filter((p) => (p.rehandlings ?? []).length > 0)
    expect(rehandled.some((p) => (repliesOf.get(String(p.id)) ?? []).map((r) => r.round).sort().join() === '1,2')).toBe(true)

    const evaluations = await all(payload, 'evaluations')
    expect(evaluations.some((e) => e.rating === 'dissatisfied')).toBe(true)
    expect(evaluations.some((e) => e.rating === 'basicallySatisfied')).toBe(true)
    expect(evaluations.some((e) => e.rating === 'satisfied')).toBe(true)

    const followUps = await all(payload, 'follow-ups')
    const verified = new Set(followUps.filter((f) => f.kind === 'verification' && f.verified).map((f) => f.commitmentId))
    const commitments = replies.flatMap((r) => (r.commitments ?? []).map((c: Doc) => String(c.id)))
    expect(commitments.filter((c) => verified.has(c)).length).toBeGreaterThanOrEqual(3)
    expect(commitments.filter((c) => !verified.has(c)).length).toBeGreaterThanOrEqual(2)
    expect(followUps.some((f) => f.kind === 'verification' && !f.verified)).toBe(true)
  })

  it('has replies on their way (待签发, 退回修改, 待公开), a co-section that never answered, and a corrected verification', async () => {
    const replies = await all(payload, 'replies')
    const unsigned = replies.filter((r) => !r.signedOffAt)
    expect(unsigned.some((r) => !r.returnedAt), 'a draft waiting for sign-off').toBe(true)
    expect(unsigned.some((r) => r.returnedAt && !r.revisedAt && r.returnReason), 'a draft returned to its writer').toBe(true)
    expect(replies.some((r) => r.signedOffAt && !r.publishedAt && r.section != null), 'a signed reply waiting for publication').toBe(true)
    const silent = replies.filter((r) => r.publishedAt && (r.silentCoSections ?? []).length > 0)
    expect(silent.length).toBeGreaterThanOrEqual(1)
    const coOpinions = byProposal(await all(payload, 'co-opinions'))
    for (const r of silent) for (const s of r.silentCoSections) expect((coOpinions.get(String(idOf(r.proposal))) ?? []).some((o) => String(idOf(o.section)) === String(idOf(s)))).toBe(false)

    const followUps = await all(payload, 'follow-ups')
    const corrections = followUps.filter((f) => f.corrects)
    expect(corrections.length).toBeGreaterThanOrEqual(1)
    for (const c of corrections) {
      const wrong = followUps.find((f) => String(f.id) === String(idOf(c.corrects)))!
      expect([wrong.commitmentId, wrong.verified, c.verified]).toEqual([c.commitmentId, false, true])
      expect(c.correctionNote).toBeTruthy()
    }
  })

  it('has 督办 to show: an open item marked 重点督办 by a leader, a 催办 by the office with its note public, one by a leader with its note internal', async () => {
    const key = (await all(payload, 'proposals')).filter((p) => p.keyItem)
    expect(key.map((p) => p.status)).toEqual(['inProgress'])
    expect(key[0].keyItemAt).toBeTruthy()
    const urged = (await all(payload, 'proposal-events')).filter((e) => e.action === '催办')
    expect(urged.map((e) => [e.actorRole, !!e.notePublic, !!e.note]).sort()).toEqual([
      ['leader', false, true],
      ['office', true, true],
    ])
    expect(urged.find((e) => e.actorRole === 'office')!.proposal).toBe(key[0].id)
    expect(urged.every((e) => !/[{}]/.test(e.note))).toBe(true)
  })

  it('closes only what the rules allow: instruction, published reply, follow-up, verified commitments', async () => {
    const proposals = await all(payload, 'proposals')
    const instructions = byProposal(await all(payload, 'instructions'))
    const replies = byProposal((await all(payload, 'replies')).filter((r) => r.publishedAt && r.signedOffAt))
    const evaluations = byProposal(await all(payload, 'evaluations'))
    const followUps = byProposal(await all(payload, 'follow-ups'))
    const closed = proposals.filter((p) => p.status === 'closed')
    expect(closed.length).toBeGreaterThanOrEqual(20)
    for (const p of closed) {
      const k = String(p.id)
      expect(instructions.get(k)?.length, p.title).toBeGreaterThan(0)
      expect(replies.get(k)?.length, p.title).toBeGreaterThan(0)
      expect(followUps.get(k)?.length, p.title).toBeGreaterThan(0)
      expect(!!evaluations.get(k)?.length || !!p.noEvaluationReason, p.title).toBe(true)
      expect(p.closedAt).toBeTruthy()
      const verified = new Set((followUps.get(k) ?? []).filter((f) => f.kind === 'verification' && f.verified).map((f) => f.commitmentId))
      for (const r of replies.get(k) ?? []) for (const c of r.commitments ?? []) expect(verified.has(String(c.id)), c.text).toBe(true)
    }
    // Every item past screening has its instruction (件件有批示) once it is being handled.
    for (const p of proposals.filter((p) => ['instructed', 'inProgress', 'replied', 'evaluated', 'rehandling'].includes(p.status)))
      expect(instructions.get(String(p.id))?.length, p.title).toBeGreaterThan(0)
    // Screened-out items closed by the office, and some still open.
    for (const s of ['merged', 'redirected', 'notAccepted'])
      expect(closed.some((p) => p.screening?.decision === s), s).toBe(true)
    const merged = proposals.filter((p) => p.screening?.decision === 'merged')
    for (const p of merged) expect(p.screening.mergedInto).toBeTruthy()
  })

  it('keeps some items confidential and some internal notes', async () => {
    const proposals = await all(payload, 'proposals')
    const confidential = proposals.filter((p) => p.confidential)
    expect(confidential.length).toBeGreaterThanOrEqual(2)
    for (const p of confidential) expect(p.confidentialReason).toBeTruthy()
    expect(proposals.filter((p) => p.internalNotes).length).toBeGreaterThanOrEqual(2)
    expect(proposals.filter((p) => (p.coSigners ?? []).length > 0).length).toBeGreaterThanOrEqual(10)
  })

  it('reads as finished zh-CN text: no placeholder left, merged items name their target', async () => {
    const texts: string[] = []
    for (const p of await all(payload, 'proposals')) texts.push(p.title, p.body, p.screening?.reason ?? '', p.confidentialReason ?? '', p.internalNotes ?? '', p.noEvaluationReason ?? '')
    for (const r of await all(payload, 'replies')) texts.push(r.text, ...(r.commitments ?? []).map((c: Doc) => c.text))
    for (const c of ['instructions', 'co-opinions', 'evaluations', 'follow-ups'])
      for (const d of await all(payload, c)) texts.push(d.text ?? d.notes ?? d.comment ?? '')
    expect(texts.filter((t) => /\{\w+\}/.test(t))).toEqual([])
    expect(texts.filter((t) => /undefined|null|NaN/.test(t))).toEqual([])

    const proposals = await all(payload, 'proposals')
    const numbers = new Map(proposals.map((p) => [String(p.id), p.number]))
    const replies = byProposal(await all(payload, 'replies'))
    for (const p of proposals.filter((p) => p.screening?.decision === 'merged')) {
      const target = numbers.get(String(idOf(p.screening.mergedInto)))
      expect(target).toMatch(/^\d{4}-\d{3}$/)
      expect(p.screening.reason).toContain(target)
      for (const r of replies.get(String(p.id)) ?? []) expect(r.text).toContain(target)
    }
  })

  it('happened in the past, in office hours, in the order of the lifecycle', async () => {
    const events = await all(payload, 'proposal-events')
    expect(events.length).toBeGreaterThan(400)
    for (const e of events) expect(e.at < NOW.toISOString(), `${e.action} ${e.at}`).toBe(true)
    const calendar = await getCalendar(payload)
    for (const e of events) {
      const local = new Date(Date.parse(e.at) + 8 * 3_600_000)
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes()
      expect(minutes >= 9 * 60 && minutes <= 19 * 60, e.at).toBe(true)
      expect(calendar.isWorkingDay(toLocalDate(e.at)), e.at).toBe(true)
    }
    // Records are stamped by the (simulated) clock, so timelines read in order.
    const instructions = await all(payload, 'instructions')
    for (const i of instructions) expect(i.at < NOW.toISOString()).toBe(true)
    const byP = byProposal(events)
    for (const [, list] of byP) {
      const ordered = [...list].sort((a, b) => Number(a.id) - Number(b.id) || 0)
      for (let i = 1; i < ordered.length; i++) expect(ordered[i].at >= ordered[i - 1].at).toBe(true)
    }
    const rep01 = (await all(payload, 'representatives')).find((r) => r.username === 'rep01')!
    const own = (await all(payload, 'proposals')).filter((p) => String(idOf(p.proposer)) === String(rep01.id))
    expect(new Set(own.map((p) => p.status)).size).toBeGreaterThanOrEqual(4)
  })

  it('is deterministic: the same load day gives the same plan and the same data', async () => {
    const a = planDemo(NOW)
    const b = planDemo(new Date(NOW))
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
    // Another load day gives other dates, but the same story.
    const later = planDemo(new Date('2026-12-15T02:00:00.000Z'))
    expect(later.proposals.map((p) => p.status).sort()).toEqual(a.proposals.map((p) => p.status).sort())

    // What the database holds is the plan: titles and statuses in the order of their numbers.
    const proposals = await all(payload, 'proposals')
    const key = (p: Doc) => `${p.number ?? '-'}|${p.title}|${p.status}`
    const fromDb = proposals.map(key).sort()
    const planned = a.proposals.filter((p) => p.status === 'draft').map((p) => `-|${p.title}|draft`)
    const counters: Record<string, number> = {}
    for (const p of a.proposals) {
      if (p.status === 'draft') continue
      const year = p.session === 'current' ? a.year : a.year - 1
      counters[year] = (counters[year] ?? 0) + 1
      planned.push(`${year}-${String(counters[year]).padStart(3, '0')}|${p.title}|${p.status}`)
    }
    expect(fromDb).toEqual(planned.sort())
  })

  it('seeding a second fresh database on the same load day gives the same proposals', async () => {
    second = await startPayload()
    expect(await isEmpty(second)).toBe(true)
    const again = await seedDemo(second, { now: NOW })
    expect(again).toEqual(result)
    const snapshot = async (p: Payload) =>
      (await all(p, 'proposals'))
        .map((d) => [d.number ?? '-', d.title, d.status, d.submittedAt ?? '-', d.assignment?.deadline ?? '-', d.closedAt ?? '-'].join('|'))
        .sort()
    expect(await snapshot(second)).toEqual(await snapshot(payload))
    // A hang guard, as for the first seed.
  }, 1_200_000)
})
