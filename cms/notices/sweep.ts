// The daily 督办 sweep (issue 14 §1) as the CMS runs it: read every open obligation (the stored
// `duties` rows with their proposal's number, title and 重点督办 mark, and the 承诺台账's
// commitments of published replies), each session's 督办 settings, and which of the ledger keys the
// day could plan are recorded already (core keysToCheck); ask core/sweep.ts planSweep what goes out
// today; resolve each group of recipients to people (the staff of a role, within a section when
// named; the representative); gather them into one digest per staff member and one message per
// representative (core digestsOf); and write one ledger record per notice per person per channel
// (站内 at once; 邮件 and 短信 due now or when the person's quiet hours end), plus the earlier steps
// passed over (已合并) and the notices no one could receive, made and written a chunk at a time in
// one transaction (cms/notices/ledger.ts). cms/notices/deliver.ts sends them. Under the sweep lock
// (cms/notices/lock.ts), with the ledger's unique key as the guard.
import type { Payload, Where } from 'payload'
import { toLocalDate, type WorkingCalendar } from '../../core/calendar'
import { channelsOf, quietHoursOf, type NoticeChannel, type NoticePerson } from '../../core/notices'
import {
  deliveryTime,
  digestsOf,
  digestSubject,
  dutyObligations,
  eventMessageText,
  keysToCheck,
  noticeLine,
  obligationStep,
  planSweep,
  responsibleOf,
  type Digest,
  type DigestItem,
  type EventMessage,
  type Notice,
  type Obligation,
  type ProposalRef,
  type RecipientGroup,
  type SupervisionSettings,
} from '../../core/sweep'
import { isIn, RoleLabels, SupervisedStatuses } from '../../core/lifecycle'
import type { Duty as CoreDuty } from '../../core/duties'
import { idOf } from '../access/actor'
import type { Duty } from '../payload-types'
import { getCalendar } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import { serverURL } from '../lib/env'
import { keyItemOf, supervisionSettingsOf } from '../lib/supervision'
import { groupByProposal } from '../lib/groupByProposal'
import { LedgerObligationColumns, ledgerObligationsOf, type StoredLedgerRow } from '../lib/commitmentLedger'
import { insertRecords, recordedKeys, uniqueKeyOf, type NoticeRow } from './ledger'
import { withSweepLock } from './lock'

type Id = string | number
const key = (id: unknown) => String(id)

/** A person a notice may go to, with what the channels need. */
export interface Person extends NoticePerson {
  collection: 'users' | 'representatives'
  id: Id
  name: string
  role?: string | null
  section?: Id | null
  active?: boolean | null
}

/** What one run found and did. */
export interface SweepResult {
  /** The sweep's day (China-local). */
  date: string
  workingDay: boolean
  /** Another instance was running the sweep: this one did nothing. */
  locked: boolean
  obligations: number
  notices: number
  superseded: number
  /** Records planned (every notice × person × channel, the passed-over steps, the unreached notices). */
  planned: number
  /** Records written now (those already in the ledger are not). */
  written: number
  /** Of those, the 邮件 and 短信 held for the end of someone's quiet hours. */
  deferred: number
  /** When those are due (each time once, in order): when to send again. */
  later: string[]
  /** On a dry run, the records it would write, for `--dry-run` to print (a real run writes them as it makes them, keeping none). */
  rows: NoticeRow[]
  people: Map<string, Person>
  /** Milliseconds per phase (read, ledger, plan, write: the records are made as they are written; on a dry run, records), for the benchmark. */
  timings: Record<string, number>
}

const personKey = (collection: Person['collection'], id: Id) => `${collection}:${id}`

/**
 * Rows of a collection's own table (no arrays, relationships as ids), the columns named: straight
 * from the adapter's Drizzle table on SQLite and PostgreSQL (the sweep reads every duty and proposal
 * at once: Payload's find, document by document, is several times slower), else through the
 * adapter's find. A column the table does not have (yet) is left out.
 */
async function tableRows<T>(payload: Payload, collection: 'duties' | 'proposals' | 'commitments', columns: string[], where?: Where): Promise<T[]> {
  const db = payload.db as unknown as { drizzle?: { select: (f: unknown) => { from: (t: unknown) => Promise<T[]> } }; tables?: Record<string, Record<string, unknown>> }
  const table = db.tables?.[collection]
  if (db.drizzle && table && !where) {
    const fields = Object.fromEntries(['id', ...columns].filter((c) => table[c]).map((c) => [c, table[c]]))
    return db.drizzle.select(fields).from(table)
  }
  const { docs } = await payload.db.find({ collection, where, select: Object.fromEntries(columns.map((c) => [c, true])), pagination: false, limit: 0 })
  return docs as unknown as T[]
}

/**
 * Reads every open obligation: duty rows with a deadline, and the commitments of published replies
 * as the 承诺台账 keeps them (cms/lib/commitmentLedger.ts; core ledgerObligations gives the same
 * obligations core commitmentObligations plans from the replies and follow-ups).
 */
export async function loadObligations(payload: Payload): Promise<{ obligations: Obligation[]; sessionOf: Map<string, Id | null> }> {
  const [allDuties, ledger, proposals] = await Promise.all([
    tableRows<Duty>(payload, 'duties', ['proposal', 'action', 'role', 'section', 'person', 'due', 'from', 'until', 'subject']),
    tableRows<StoredLedgerRow>(payload, 'commitments', [...LedgerObligationColumns]),
    tableRows<{ id: Id; number?: string | null; title: string; session?: unknown; status: string; keyItem?: unknown }>(payload, 'proposals', ['number', 'title', 'session', 'status', 'keyItem']),
  ])
  const duties = allDuties.filter((d) => d.due)
  const commitmentWords = new Map(ledger.map((r) => [r.commitmentId, r.text]))
  const refs = new Map<string, ProposalRef>()
  const sessionOf = new Map<string, Id | null>()
  for (const p of proposals) {
    // Open items only (as the 督办台): a closed proposal owes nothing, even a commitment found not kept.
    if (!isIn(SupervisedStatuses, p.status)) continue
    refs.set(key(p.id), { proposal: p.id, number: p.number ?? null, title: p.title, keyItem: keyItemOf(p) })
    sessionOf.set(key(p.id), idOf(p.session))
  }
  const obligations: Obligation[] = []
  for (const [p, list] of groupByProposal(duties)) {
    const ref = refs.get(p)
    if (!ref) continue
    const rows = list.map(
      (d): CoreDuty => ({
        action: d.action,
        role: d.role,
        section: idOf(d.section),
        person: idOf(d.person),
        due: d.due ?? null,
        ...(d.from ? { from: d.from } : {}),
        ...(d.until ? { until: d.until } : {}),
        ...(d.subject ? { subject: d.subject } : {}),
      }),
    )
    // A 待验证 is owed per commitment: its words tell one proposal's apart.
    for (const o of dutyObligations(ref, rows)) {
      const words = o.action === 'verify' && o.subject != null ? commitmentWords.get(String(o.subject)) : undefined
      obligations.push(words ? { ...o, subjectText: words } : o)
    }
  }
  obligations.push(...ledgerObligationsOf(ledger, (p) => refs.get(p)))
  return { obligations, sessionOf }
}

/** Staff and the representatives named, as the notices need them. */
async function loadPeople(payload: Payload, representatives: Id[]): Promise<Map<string, Person>> {
  const people = new Map<string, Person>()
  const users = await payload.find({
    collection: 'users',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true, role: true, section: true, email: true, phone: true, notify: true },
  })
  for (const u of users.docs)
    people.set(personKey('users', u.id), { collection: 'users', id: u.id, name: u.name, role: u.role, section: idOf(u.section), email: u.email, phone: u.phone, ...flat(u.notify) })
  for (let i = 0; i < representatives.length; i += 1000) {
    const reps = await payload.find({
      collection: 'representatives',
      where: { id: { in: representatives.slice(i, i + 1000) } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true, email: true, phone: true, notify: true, active: true },
    })
    for (const r of reps.docs)
      people.set(personKey('representatives', r.id), { collection: 'representatives', id: r.id, name: r.name, email: r.email, phone: r.phone, active: r.active, ...flat(r.notify) })
  }
  return people
}

const flat = (n: { byEmail?: boolean | null; bySms?: boolean | null; quietFrom?: string | null; quietTo?: string | null } | null | undefined) => ({
  byEmail: n?.byEmail ?? null,
  bySms: n?.bySms ?? null,
  quietFrom: n?.quietFrom ?? null,
  quietTo: n?.quietTo ?? null,
})

/** The people of a group: the staff of its role (within its section, when named); the representative named, if their account is enabled. */
export function resolveGroup(g: RecipientGroup, people: Map<string, Person>): Id[] {
  return groupIndex(people)(g)
}

const indexes = new WeakMap<Map<string, Person>, (g: RecipientGroup) => Id[]>()

/** `resolveGroup` over an index of the people by role and section, made once per set of people (the sweep asks for every group of every notice). */
function groupIndex(people: Map<string, Person>): (g: RecipientGroup) => Id[] {
  const made = indexes.get(people)
  if (made) return made
  const byRole = new Map<string, Person[]>()
  const bySection = new Map<string, Person[]>()
  for (const p of people.values()) {
    if (p.collection !== 'users' || !p.role) continue
    byRole.set(p.role, [...(byRole.get(p.role) ?? []), p])
    if (p.section != null) bySection.set(`${p.role}\u0000${key(p.section)}`, [...(bySection.get(`${p.role}\u0000${key(p.section)}`) ?? []), p])
  }
  const resolve = (g: RecipientGroup): Id[] => {
    if (g.role === 'representative') {
      const p = g.person != null ? people.get(personKey('representatives', g.person)) : undefined
      return p && p.active !== false ? [p.id] : []
    }
    const staff = g.section == null ? (byRole.get(g.role) ?? []) : (bySection.get(`${g.role}\u0000${key(g.section)}`) ?? [])
    return (g.person == null ? staff : staff.filter((p) => key(p.id) === key(g.person))).map((p) => p.id)
  }
  indexes.set(people, resolve)
  return resolve
}

/** Where a staff member opens an item: the request to decide for 待审批延期, else the proposal. */
export function staffLink(o: Obligation): string {
  if (o.kind === 'duty' && o.action === 'decideExtension' && o.subject != null) return `${serverURL}/admin/collections/extension-requests/${o.subject}`
  return `${serverURL}/admin/collections/proposals/${o.proposal}`
}

/** Where a representative opens their proposal in the portal (at the evaluation form when that is what is owed). */
export const portalLink = (proposal: Id, evaluate = false): string => `${serverURL}/portal/proposal/?id=${proposal}${evaluate ? '#evaluate' : ''}`

/** Who owes an obligation, named: the section's 经办人 or 负责人, the office, the leader, the representative. */
function ownerName(people: Map<string, Person>, sections: Map<string, string>) {
  return (o: Obligation): string => {
    const g = responsibleOf(o)
    if (g.role === 'representative') return `代表${people.get(personKey('representatives', g.person!))?.name ?? ''}`
    const section = g.section != null ? sections.get(key(g.section)) : undefined
    return section ? `${section}${RoleLabels[g.role].replace(/^科室/, '')}` : RoleLabels[g.role]
  }
}

const proposalName = (o: Obligation) => (o.number ? `${o.number}「${o.title}」` : `「${o.title}」`)

/** A representative's reminder: its subject. */
export const reminderSubject = (m: EventMessage): string => `【提醒】您的提案 ${proposalName(m.item.notice.obligation)}${obligationStep(m.item.notice.obligation)}`

/**
 * The records of a day's plan, made one at a time as they are taken (pure apart from the clock
 * passed in): a day's tens of thousands are written as they come, never held together.
 */
export function* recordsOf(
  plan: { date: string; notices: Notice[]; superseded: { key: string; stage: Notice['stage']; by: string }[] },
  people: Map<string, Person>,
  calendar: WorkingCalendar,
  sections: Map<string, string>,
  now: string,
): Generator<NoticeRow> {
  const base = (n: { key: string; stage: Notice['stage'] }, proposal: Id | null) => ({
    key: n.key,
    date: plan.date,
    stage: n.stage,
    proposal,
    user: null,
    representative: null,
    channel: null,
    subject: null,
    text: null,
    link: null,
    attempts: 0,
    nextAttemptAt: null,
    sentAt: null,
    outcome: null,
    lastError: null,
    digest: null,
    position: null,
    supersededBy: null,
  })
  const proposalOfKey = new Map(plan.notices.map((n) => [n.key, n.obligation.proposal]))
  const { digests, messages } = digestsOf(plan.notices, groupIndex(people))
  const reached = new Set<string>()
  const owner = ownerName(people, sections)
  // A notice reads the same to everyone who gets it for the same reason: each line is made once.
  const lines = new Map<string, string>()
  const lineOf = (item: DigestItem) => {
    const k = `${item.as}\u0000${item.notice.key}`
    let line = lines.get(k)
    if (line === undefined) lines.set(k, (line = noticeLine(item, calendar, owner)))
    return line
  }
  function* channelRows(
    n: Notice,
    person: Person,
    fields: { subject: string; text: string; link: string; position: number | null; digestOf: (channel: NoticeChannel, uniqueKey: string) => string },
  ): Generator<NoticeRow> {
    reached.add(n.key)
    const quiet = quietHoursOf(person)
    for (const channel of channelsOf(person)) {
      const uniqueKey = uniqueKeyOf(n.key, person, channel)
      const row: NoticeRow = {
        ...base(n, n.obligation.proposal),
        uniqueKey,
        [person.collection === 'users' ? 'user' : 'representative']: person.id,
        channel,
        subject: fields.subject,
        text: fields.text,
        link: fields.link,
        position: fields.position,
        status: 'sent',
      }
      if (channel === 'inApp') Object.assign(row, { sentAt: now, outcome: '已显示在站内消息' })
      else {
        const at = deliveryTime(now, quiet)
        Object.assign(row, { status: at > now ? 'deferred' : 'pending', nextAttemptAt: at, digest: fields.digestOf(channel, uniqueKey) })
      }
      yield row
    }
  }
  for (const d of digests as Digest[]) {
    const person = people.get(personKey('users', d.person))
    if (!person) continue
    const subject = digestSubject(d)
    for (const [position, item] of d.items.entries())
      yield* channelRows(item.notice, person, {
        subject,
        text: lineOf(item),
        link: staffLink(item.notice.obligation),
        position,
        digestOf: (channel) => JSON.stringify(['digest', d.date, 'users', String(person.id), channel]),
      })
  }
  for (const m of messages) {
    const person = people.get(personKey('representatives', m.person))
    if (!person) continue
    const o = m.item.notice.obligation
    const link = portalLink(o.proposal, o.kind === 'duty' && o.action === 'evaluate')
    yield* channelRows(m.item.notice, person, { subject: reminderSubject(m), text: eventMessageText(m, calendar), link, position: null, digestOf: (_c, u) => u })
  }
  // A notice no one could receive (no account for the section, the representative disabled): recorded as failed, for the office to see.
  for (const n of plan.notices) {
    if (reached.has(n.key)) continue
    const who = n.recipients.map((g) => (g.section != null ? `${sections.get(key(g.section)) ?? ''}${RoleLabels[g.role]}` : RoleLabels[g.role])).join('、')
    yield {
      ...base(n, n.obligation.proposal),
      uniqueKey: uniqueKeyOf(n.key, null, null),
      subject: `${proposalName(n.obligation)}${obligationStep(n.obligation)}`,
      text: noticeLine({ notice: n, as: 'supervisor' }, calendar, owner),
      link: staffLink(n.obligation),
      status: 'failed',
      lastError: `无人接收：${who}没有可用的账号`,
    }
  }
  for (const s of plan.superseded) yield { ...base(s, proposalOfKey.get(s.by) ?? null), uniqueKey: uniqueKeyOf(s.key, null, null), status: 'superseded', supersededBy: s.by }
}

/**
 * Runs the sweep for today (the server's clock, cms/lib/clock.ts). `dryRun`: plans and builds the
 * records without writing anything (and without the lock).
 */
export async function runSweep(payload: Payload, opts: { dryRun?: boolean } = {}): Promise<SweepResult> {
  const now = nowISO()
  const date = toLocalDate(now)
  const calendar = await getCalendar(payload)
  const empty: SweepResult = { date, workingDay: calendar.isWorkingDay(date), locked: false, obligations: 0, notices: 0, superseded: 0, planned: 0, written: 0, deferred: 0, later: [], rows: [], people: new Map(), timings: {} }
  if (!empty.workingDay) return empty
  const work = async (): Promise<SweepResult> => {
    const timings: Record<string, number> = {}
    let t = performance.now()
    const lap = (name: string) => {
      const n = performance.now()
      timings[name] = Math.round(n - t)
      t = n
    }
    const [{ obligations, sessionOf }, sessions, sectionDocs] = await Promise.all([
      loadObligations(payload),
      payload.find({ collection: 'sessions', pagination: false, depth: 0, overrideAccess: true }),
      payload.find({ collection: 'sections', pagination: false, depth: 0, overrideAccess: true, select: { name: true } }),
    ])
    const settingsOf = new Map<string, SupervisionSettings>(sessions.docs.map((s) => [key(s.id), supervisionSettingsOf(s)]))
    const fallback = supervisionSettingsOf(sessions.docs.find((s) => s.current) ?? null)
    const day = { today: date, calendar, settings: (o: Obligation) => settingsOf.get(key(sessionOf.get(key(o.proposal)))) ?? fallback }
    lap('read')
    // The ledger asked only for the keys today's obligations may have (not every notice ever recorded).
    const sent = await recordedKeys(payload, keysToCheck(obligations, day))
    lap('ledger')
    const plan = planSweep(obligations, { ...day, sent })
    lap('plan')
    const reps = [...new Set(plan.notices.flatMap((n) => n.recipients.filter((g) => g.role === 'representative' && g.person != null).map((g) => key(g.person))))]
    const people = await loadPeople(payload, reps)
    const sections = new Map(sectionDocs.docs.map((s) => [key(s.id), s.name]))
    const records = recordsOf(plan, people, calendar, sections, now)
    const counts = { date, workingDay: true, locked: false, obligations: obligations.length, notices: plan.notices.length, superseded: plan.superseded.length, people, timings }
    if (opts.dryRun) {
      const rows = [...records]
      lap('records')
      return { ...counts, planned: rows.length, written: 0, deferred: 0, later: [], rows }
    }
    const w = await insertRecords(payload, records)
    lap('write')
    return { ...counts, planned: w.offered, written: w.written, deferred: w.deferred, later: w.later, rows: [] }
  }
  if (opts.dryRun) return work()
  const r = await withSweepLock(payload, work)
  return r.ran ? r.value : { ...empty, locked: true }
}
