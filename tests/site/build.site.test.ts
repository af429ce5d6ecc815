// The public site built from the demo data, with private markers planted in every private field:
// every proposal has a page, every figure equals a recomputation from /data/proposals.json,
// nothing private reaches dist/, and a build that cannot read or validate its data fails and
// leaves the published site exactly as it was.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, readlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { gunzipSync } from 'node:zlib'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PublicExportSchema, type PublicExport } from '../../core/contract'
import { joinExcerpt } from '../../core/search'
import { chineseDate } from '../../core/calendar'
import { buildSite, currentBuildId, currentSiteDir } from '../../cms/site/builder'
import { startPayload } from '../helpers/payload'
import { freePort } from '../helpers/server'
import { audit, AuditCalendar, auditCommitments, chinaDate, currentDue, shown, shownCommitmentRate, type AuditFigures } from '../helpers/auditor'
import { Marker, plantPrivateMarkers } from '../helpers/site'
import { buildSiteFromDatabase } from '../../cms/site/rebuildTask'
import ExcelJS from 'exceljs'
import { CommitmentColumns, PublicProposalColumns } from '../../core/spreadsheet'
import { planDemo } from '../../cms/seed/demo'

let payload: Payload
let root: string
let dist: string
let exp: PublicExport
let planted: Awaited<ReturnType<typeof plantPrivateMarkers>>

const read = (rel: string) => readFileSync(path.join(dist, rel), 'utf8')

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) yield* files(p)
    else yield p
  }
}

/** data-figure values of a fragment of HTML, by key (with `:n` for the n a share shows). */
function figuresIn(html: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of html.matchAll(/data-figure="(\w+)"(?: data-n="(\d+)")?>(?:\s*<span class="n">)?([^<]*)</g)) {
    out[m[1]] = m[3].trim().replace(/（n=\d+）$/, '')
    if (m[2] !== undefined) out[`${m[1]}:n`] = m[2]
  }
  return out
}

/** CSV as the open data writes it: comma-separated, quoted cells with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  return rows
}

const days = (n: number | null) => (n === null ? '—' : `${Number.isInteger(n) ? n : n.toFixed(1)} 个工作日`)

beforeAll(async () => {
  // A fixed "today" for the demo data and the export (other files in this worker set their own).
  process.env.APP_NOW = '2026-11-20T02:00:00.000Z'
  payload = await startPayload()
  const { seedDemo } = await import('../../cms/seed/demo')
  await seedDemo(payload)
  planted = await plantPrivateMarkers(payload)
  root = await mkdtemp(path.join(os.tmpdir(), 'site-root-'))
  const result = await buildSiteFromDatabase(payload, root)
  dist = result.dir
  exp = PublicExportSchema.parse(JSON.parse(read('data/proposals.json')))
}, 600_000)

afterAll(async () => {
  await payload?.destroy()
})

describe('the built site', () => {
  it('is published as the current build', async () => {
    expect(await readlink(currentSiteDir(root))).toBe(path.join('builds', path.basename(dist)))
    expect(exp.proposals.length).toBeGreaterThan(50)
  })

  it('has a page for every public proposal, naming its number and title', () => {
    for (const p of exp.proposals) {
      const html = read(`proposals/${p.number}/index.html`)
      expect(html).toContain(p.number)
      expect(html).toContain(p.title.replace(/&/g, '&amp;'))
    }
    const pages = readdirSync(path.join(dist, 'proposals')).filter((n) => /^\d{4}-\d+$/.test(n))
    expect(pages.sort()).toEqual(exp.proposals.map((p) => p.number).sort())
  })

  // The auditor (tests/helpers/auditor.ts) recomputes from proposals.json with the published
  // definitions only, independently of core/stats.
  const headline = (f: AuditFigures) => ({
    received: String(f.received),
    accepted: String(f.accepted),
    instructed: String(f.instructed),
    assigned: String(f.assigned),
    replied: String(f.replied),
    replyRate: shown(f.replyRate),
    'replyRate:n': String(f.replyRate[1]),
    onTimeRate: shown(f.onTimeRate),
    'onTimeRate:n': String(f.onTimeRate[1]),
    overdueNow: String(f.overdueNow),
    longOverdueNow: String(f.longOverdueNow),
    satisfactionRate: shown(f.satisfactionRate),
    'satisfactionRate:n': String(f.satisfactionRate[1]),
    medianWorkingDaysToReply: days(f.medianWorkingDaysToReply),
    commitmentRate: shownCommitmentRate(f.commitmentRate),
    'commitmentRate:n': String(f.commitmentRate[1]),
  })

  it('shows on / the current session’s figures as an auditor recomputes them from /data/proposals.json', () => {
    const current = exp.sessions.find((s) => s.current)!
    const list = exp.proposals.filter((p) => p.session === current.slug)
    const f = audit(list, exp)
    expect(f.overdueNow).toBeGreaterThan(0) // the demo has overdue items; the figure must be exercised
    expect(f.longOverdueNow).toBeGreaterThan(0)
    const html = read('index.html')
    expect(figuresIn(html)).toEqual(headline(f))
    expect(html).toContain(`不满意 ${f.dissatisfied} 件`)
    // 严重逾期 is shown as a count with its list.
    expect(html).toMatch(new RegExp(`data-count="longOverdue">${f.longOverdueNow} 件`))
  })

  it('shows on /sections/ and each section page the scorecards an auditor recomputes from /data/proposals.json', () => {
    const index = read('sections/index.html')
    let checked = 0
    let urged = 0
    for (const session of exp.sessions) {
      for (const section of exp.sections) {
        const led = exp.proposals.filter((p) => p.session === session.slug && p.assignment?.leadSection.slug === section.slug)
        const f = audit(led, exp)
        const expected = {
          assigned: String(f.assigned),
          replied: String(f.replied),
          onTimeRate: shown(f.onTimeRate),
          'onTimeRate:n': String(f.onTimeRate[1]),
          medianWorkingDaysToReply: days(f.medianWorkingDaysToReply),
          satisfactionRate: shown(f.satisfactionRate),
          'satisfactionRate:n': String(f.satisfactionRate[1]),
          dissatisfied: String(f.dissatisfied),
          overdueNow: String(f.overdueNow),
          longOverdueNow: String(f.longOverdueNow),
          commitmentRate: shownCommitmentRate(f.commitmentRate),
          'commitmentRate:n': String(f.commitmentRate[1]),
          urged: String(f.urged),
        }
        const table = (html: string) => html.split(`data-scorecard="${session.slug}"`)[1].split('</table>')[0]
        const row = table(index).split(`data-section="${section.slug}"`)[1].split('</tr>')[0]
        expect(figuresIn(row), `${session.slug} ${section.slug}`).toEqual(expected)
        expect(figuresIn(table(read(`sections/${section.slug}/index.html`)))).toEqual(expected)
        checked += f.assigned
        urged += f.urged
      }
    }
    expect(checked).toBeGreaterThan(40)
    // The 催办 of the planted data (tests/helpers/site.ts) are counted: two after 交办 of every third assigned proposal.
    expect(urged).toBeGreaterThan(0)
  })

  it('publishes every commitment with its date and state, and every 承诺兑现率 is recomputed from the open data files by the published definition alone', () => {
    const today = chinaDate(exp.generatedAt)
    // proposals.json: each commitment's state is what the definition gives from the replies and followUps.
    const audited = new Map(exp.proposals.flatMap((p) => auditCommitments(p).map((c) => [c.id, c] as const)))
    const published = exp.proposals.flatMap((p) => p.replies.flatMap((r) => r.commitments))
    expect(published.length).toBeGreaterThan(10)
    for (const c of published) expect([c.id, c.state, c.checkedAt], c.text).toEqual([c.id, audited.get(c.id)!.state, audited.get(c.id)!.checkedAt])
    // commitments.csv: a row per commitment, the same dates and states.
    const [header, ...rows] = parseCsv(read('data/commitments.csv').replace(/^\uFEFF/, ''))
    expect(header).toEqual(['number', 'session', 'lead_section', 'reply', 'round', 'reply_section', 'reply_published_at', 'commitment', 'text', 'due_date', 'state', 'state_label', 'checked_at', 'corrected'])
    const col = (row: string[], name: string) => row[header.indexOf(name)]!
    expect(rows).toHaveLength(published.length)
    for (const row of rows) {
      const c = audited.get(col(row, 'commitment'))!
      expect([col(row, 'due_date'), col(row, 'state'), col(row, 'checked_at') || null], col(row, 'text')).toEqual([c.dueDate, c.state, c.checkedAt])
    }
    // The demo has each case, so the comparisons exercise them: due and kept, due and not (yet) kept, not yet due, kept through a correction.
    const due = rows.filter((r) => col(r, 'state') !== 'superseded' && col(r, 'due_date') <= today)
    expect(due.filter((r) => col(r, 'state') === 'kept').length).toBeGreaterThan(0)
    expect(due.filter((r) => col(r, 'state') !== 'kept').length).toBeGreaterThan(0)
    expect(rows.filter((r) => col(r, 'due_date') > today).length).toBeGreaterThan(0)
    expect(rows.filter((r) => col(r, 'corrected') === '1').length).toBeGreaterThan(0)

    // 承诺兑现率 from commitments.csv alone: per session (the home page shows the current one) and per session and lead section (the scorecards).
    const rate = (keep: (row: string[]) => boolean): [number, number] => {
      const counted = due.filter(keep)
      return [counted.filter((r) => col(r, 'state') === 'kept').length, counted.length]
    }
    const current = exp.sessions.find((s) => s.current)!
    const home = rate((r) => col(r, 'session') === current.slug)
    expect(home[1]).toBeGreaterThanOrEqual(5) // shown as a percentage, not 样本不足
    expect(figuresIn(read('index.html')).commitmentRate).toBe(shownCommitmentRate(home))
    expect(figuresIn(read('index.html'))['commitmentRate:n']).toBe(String(home[1]))
    const index = read('sections/index.html')
    let rated = 0
    for (const session of exp.sessions)
      for (const section of exp.sections) {
        const r = rate((row) => col(row, 'session') === session.slug && col(row, 'lead_section') === section.slug)
        const cell = index.split(`data-scorecard="${session.slug}"`)[1]!.split(`data-section="${section.slug}"`)[1]!.split('</tr>')[0]!
        expect([figuresIn(cell).commitmentRate, figuresIn(cell)['commitmentRate:n']], `${session.slug} ${section.slug}`).toEqual([shownCommitmentRate(r), String(r[1])])
        if (r[1] > 0) rated++
      }
    expect(rated).toBeGreaterThan(2)
    // Nothing due: no rate, never 0%.
    expect(index).toContain('data-figure="commitmentRate" data-n="0">无到期承诺<')

    // Each proposal page: every commitment's state, and the proposal's own due and kept counts.
    for (const p of exp.proposals.filter((x) => x.replies.some((r) => r.commitments.length))) {
      const html = read(`proposals/${p.number}/index.html`)
      for (const c of auditCommitments(p)) expect(html, `${p.number} ${c.id}`).toContain(`data-commitment="${c.id}" data-state="${c.state}"`)
      const mine = auditCommitments(p).filter((c) => c.state !== 'superseded' && c.dueDate <= today)
      expect(html, p.number).toContain(`data-commitment-summary data-due="${mine.length}" data-kept="${mine.filter((c) => c.state === 'kept').length}"`)
    }
    // /about/ defines it in words; /data/ lists the files.
    expect(read('about/index.html')).toContain('<dt>承诺兑现率</dt>')
    expect(read('data/index.html')).toMatch(/<a href="\/data\/commitments\.csv" download>commitments\.csv<\/a>/)
    expect(read('data/README.md')).toContain('承诺兑现率')
  })

  it('offers commitments.xlsx: zh-CN headers, a row per commitment, China-local dates, the states of proposals.json', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(path.join(dist, 'data/commitments.xlsx')) as unknown as ArrayBuffer)
    const rows: ExcelJS.CellValue[][] = []
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
    const [headers, ...body] = rows
    expect(headers).toEqual(CommitmentColumns.map((c) => c.header))
    const published = exp.proposals.flatMap((p) => auditCommitments(p).map((c) => ({ p, c })))
    expect(body).toHaveLength(published.length)
    const labels: Record<string, string> = { open: '待兑现', kept: '已兑现', unkept: '未兑现', superseded: '已更正' }
    const day = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null))
    for (const [i, { p, c }] of published.entries()) {
      const r = body[i]!
      expect(r[headers!.indexOf('提案编号')]).toBe(p.number)
      expect(day(r[headers!.indexOf('完成时限')])).toBe(c.dueDate)
      expect(String(r[headers!.indexOf('状态')])).toMatch(new RegExp(`^${labels[c.state]}`))
      expect(day(r[headers!.indexOf('验证日期')])).toBe(c.checkedAt ? chinaDate(c.checkedAt) : null)
    }
  })

  it('has each way of gaming the figures in its data, so the comparisons above exercise them', () => {
    const cal = new AuditCalendar(exp.calendar)
    const today = chinaDate(exp.generatedAt)
    const session = (p: (typeof exp.proposals)[number]) => exp.sessions.find((s) => s.slug === p.session)!
    // A newer reply after 不满意, not evaluated again: the 不满意 still counts.
    expect(
      exp.proposals.some((p) => {
        const mine = p.evaluations.filter((e) => e.representative === p.proposer.id)
        const last = mine.sort((a, b) => a.at.localeCompare(b.at)).at(-1)
        return last?.rating === 'dissatisfied' && p.replies.some((r) => Date.parse(r.publishedAt) > Date.parse(last.at))
      }),
    ).toBe(true)
    // Never replied, past the deadline: counted in 按期答复率 as late.
    expect(exp.proposals.some((p) => p.assignment && p.replies.length === 0 && today > p.assignment.deadline)).toBe(true)
    // Screened out and left waiting (批示 or explanation) past its deadline: overdue.
    const waiting = exp.proposals.filter((p) => ['merged', 'redirected', 'notAccepted'].includes(p.status) && (currentDue(p, session(p), cal) ?? '9999') < today)
    expect(waiting.length).toBeGreaterThan(0)
    // …and the CSV gives it the deadline (not a blank).
    const csv = read('data/proposals.csv').split('\r\n')
    const col = csv[0].split(',').indexOf('current_deadline')
    for (const p of waiting) expect(csv.find((l) => l.startsWith(`${p.number},`))!.split(',')[col]).toBe(currentDue(p, session(p), cal))
    // A correction of a published reply.
    expect(exp.proposals.some((p) => p.replies.some((r) => r.corrects))).toBe(true)
    // The reply clock starts at the 批示: every 交办 is the day of an instruction.
    for (const p of exp.proposals.filter((x) => x.assignment)) expect(p.instructions.map((i) => chinaDate(i.at))).toContain(chinaDate(p.assignment!.assignedAt))
  })

  it('publishes no private value anywhere: not in pages, open data, feed or search index', () => {
    expect(planted.length).toBeGreaterThan(150)
    expect(planted.some((p) => p.field === 'confidentialReason')).toBe(true)
    expect(planted.some((p) => p.collection === 'replies')).toBe(true)
    let scanned = 0
    for (const file of files(dist)) {
      const bytes = readFileSync(file)
      // Pagefind's index files are compressed: search them decompressed.
      const text = file.includes(`${path.sep}pagefind${path.sep}`) && /\.pf_/.test(file) ? gunzipOrRaw(bytes) : bytes.toString('utf8')
      expect(text.includes(Marker), `${path.relative(dist, file)} contains a private marker`).toBe(false)
      scanned++
    }
    expect(scanned).toBeGreaterThan(exp.proposals.length)
    // The counts of confidential proposals are public; nothing else of them.
    expect(exp.confidential.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(0)
  })

  it('shows unscreened proposals only as counts, and says on a redacted page that something was removed', async () => {
    const submitted = (await payload.find({ collection: 'proposals', where: { status: { equals: 'submitted' } }, pagination: false, depth: 0, overrideAccess: true })).docs
    const current = exp.sessions.find((s) => s.current)!
    const count = exp.unscreened.find((u) => u.session === current.slug)?.count ?? 0
    expect(submitted.length).toBeGreaterThan(0)
    expect(exp.unscreened.reduce((n, u) => n + u.count, 0)).toBe(submitted.length)
    expect(read('index.html')).toContain(`另有 ${count} 件已提交、等待代表工作室甄别的提案`)
    const redacted = exp.proposals.filter((p) => p.redacted)
    expect(redacted.length).toBeGreaterThan(10)
    expect(exp.proposals.length - redacted.length).toBeGreaterThan(10)
    for (const p of exp.proposals) {
      const html = read(`proposals/${p.number}/index.html`)
      expect(html.includes('本提案公开时隐去了部分内容'), p.number).toBe(p.redacted)
    }
  })

  it('serves open data that matches the pages: CSV row per proposal, JSON Schema, README, Atom feed', () => {
    const csv = read('data/proposals.csv')
    expect(csv.startsWith('\uFEFFnumber,session,status')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(exp.proposals.length + 1)
    const schema = JSON.parse(read('data/schema.json'))
    expect(schema.properties.proposals.items.additionalProperties).toBe(false)
    expect(read('data/README.md')).toContain('按期答复率')
    const feed = read('feed.xml')
    const replies = exp.proposals.flatMap((p) => p.replies)
    expect(feed).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/)
    expect((feed.match(/<entry>/g) ?? []).length).toBeGreaterThan(0)
    expect(replies.length).toBeGreaterThan(0)
  })

  it('offers proposals.xlsx beside the CSV: zh-CN headers, a row per public proposal, China-local dates, nothing private', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(readFileSync(path.join(dist, 'data/proposals.xlsx')) as unknown as ArrayBuffer)
    const rows: ExcelJS.CellValue[][] = []
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
    const [headers, ...body] = rows
    expect(headers).toEqual(PublicProposalColumns.map((c) => c.header))
    expect(body).toHaveLength(exp.proposals.length)
    const col = (header: string) => headers.indexOf(header)
    const day = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null))
    const byNumber = new Map(exp.proposals.map((p) => [p.number, p]))
    expect(body.map((r) => r[col('编号')]).sort()).toEqual([...byNumber.keys()].sort())
    for (const r of body) {
      const p = byNumber.get(String(r[col('编号')]))!
      // The public version of the title; China-local dates.
      expect(r[col('标题')]).toBe(p.title)
      expect(r[col('公开时隐去了部分内容')]).toBe(p.redacted ? '是' : '否')
      expect(day(r[col('提交日期')])).toBe(chinaDate(p.submittedAt))
      expect(day(r[col('甄别日期')])).toBe(p.screening ? chinaDate(p.screening.at) : null)
    }
    // Nothing private: no planted marker, and none of the demo representatives' phone numbers, ID numbers or addresses as seeded.
    const text = rows.flat().map((v) => (v instanceof Date ? v.toISOString() : String(v ?? ''))).join('\n')
    expect(text).not.toContain(Marker)
    const demo = planDemo(new Date(process.env.APP_NOW!)).representatives
    expect(demo.length).toBeGreaterThan(10)
    for (const r of demo) for (const secret of [r.phone, r.idNumber, r.address]) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/1390000\d{4}/)
    // Linked from /data/ with a zh-CN description.
    expect(read('data/index.html')).toMatch(/<a href="\/data\/proposals\.xlsx" download>proposals\.xlsx<\/a>：同样的公开提案/)
  })

  it('keeps in the feed only the last 90 days before generatedAt, at most 100 entries, newest first', () => {
    const feed = read('feed.xml')
    const now = Date.parse(exp.generatedAt)
    const since = now - 90 * 86_400_000
    const entries = [...feed.matchAll(/<entry>\s*<id>([^<]*)<\/id>[\s\S]*?<updated>([^<]*)<\/updated>[\s\S]*?<\/entry>/g)].map((m) => ({ id: m[1], updated: Date.parse(m[2]) }))
    expect(entries.length).toBe((feed.match(/<entry>/g) ?? []).length)
    expect(entries.length).toBeLessThanOrEqual(100)
    for (const e of entries) expect(e.updated, e.id).toBeGreaterThanOrEqual(since)
    expect(entries.map((e) => e.updated)).toEqual(entries.map((e) => e.updated).sort((a, b) => b - a))
    // The demo has replies on both sides of the limit, so the rule is exercised.
    const replies = exp.proposals.flatMap((p) => p.replies)
    const recent = replies.filter((r) => Date.parse(r.publishedAt) >= since).map((r) => String(r.id))
    expect(recent.length).toBeGreaterThan(0)
    expect(replies.length - recent.length).toBeGreaterThan(0)
    const inFeed = entries.flatMap((e) => e.id.match(/#reply-(.+)$/)?.[1] ?? [])
    if (entries.length < 100) expect(inFeed.sort()).toEqual(recent.sort())
    else for (const id of inFeed) expect(recent).toContain(id)
    expect(entries.some((e) => e.id.includes('#overdue-'))).toBe(true)
    expect(feed).toMatch(/<subtitle>[^<]*90 天[^<]*100 条[^<]*<\/subtitle>/)
  })

  it('gives every id once on each page, and every aria-labelledby names an id of that page (two charts on a section page)', () => {
    let pages = 0
    for (const file of files(dist)) {
      if (!file.endsWith('.html')) continue
      const html = readFileSync(file, 'utf8')
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])
      const twice = ids.filter((id, i) => ids.indexOf(id) !== i)
      expect(twice, `${path.relative(dist, file)} has an id twice`).toEqual([])
      for (const m of html.matchAll(/\saria-labelledby="([^"]*)"/g)) {
        for (const id of m[1].split(/\s+/)) expect(ids, `${path.relative(dist, file)}: aria-labelledby ${id}`).toContain(id)
      }
      pages++
    }
    expect(pages).toBeGreaterThan(exp.proposals.length)
    for (const section of exp.sections) {
      const html = read(`sections/${section.slug}/index.html`)
      const charts = [...html.matchAll(/<svg class="chart"[^>]*aria-labelledby="([^"]+)"[^>]*>\s*<title id="([^"]+)">([^：<]*)/g)]
      expect(charts.map((c) => c[3])).toEqual([`${section.name}历届按期答复率`, `${section.name}历届满意率`])
      for (const c of charts) expect(c[1]).toBe(c[2])
    }
  })

  it('writes dates for people as 年月日 (the 即将到期 badge too), never as ISO dates', () => {
    const isoDate = /\d{4}-\d{2}-\d{2}/
    let badges = 0
    for (const file of files(dist)) {
      if (!file.endsWith('.html')) continue
      const html = readFileSync(file, 'utf8')
      // The text people read: no scripts, styles, tags (attributes such as datetime= are for machines).
      const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ')
      expect(text.match(isoDate)?.[0], path.relative(dist, file)).toBeUndefined()
      for (const m of html.matchAll(/<span class="badge dueSoon">([^<]*)<\/span>/g)) {
        expect(m[1]).toMatch(/^即将到期（\d{4}年\d{1,2}月\d{1,2}日）$/)
        badges++
      }
    }
    expect(badges).toBeGreaterThan(0)
    const feedText = [...read('feed.xml').matchAll(/<(?:title|subtitle|summary)>([^<]*)</g)].map((m) => m[1]).join('\n')
    expect(feedText).toContain('期限 ')
    expect(feedText.match(isoDate)?.[0]).toBeUndefined()
  })

  it('has a search page in zh-CN only, whose results show the excerpt of what matched (from the public text)', () => {
    const html = read('search/index.html')
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/_astro\/[^"]+)"/g)].map((m) => read(m[1].slice(1)))
    // Bundlers may write non-ASCII as \u escapes.
    const page = [html, ...scripts].join('\n').replace(/\\u\{?([0-9a-fA-F]{4,6})\}?/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    expect(page).not.toMatch(/summary/i)
    for (const s of ['找到 [COUNT] 件与“[SEARCH_TERM]”有关的提案', '没有找到与“[SEARCH_TERM]”有关的提案', '正在搜索“[SEARCH_TERM]”', '显示更多结果']) expect(page).toContain(s)
    expect(page).toContain('<mark>')
    // Each record of the index: the title as its only meta (Pagefind's UI shows any other as "Key: value"),
    // and the public texts (title, body, instructions, replies) whole, punctuation included, for excerpts.
    const dir = path.join(dist, 'pagefind', 'fragment')
    const byUrl = new Map(exp.proposals.map((p) => [`/proposals/${p.number}/`, p]))
    const squash = (t: string) => t.replace(/\s+/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    let withReply = 0
    for (const name of readdirSync(dir)) {
      const fragment = JSON.parse(gunzipOrRaw(readFileSync(path.join(dir, name))).replace(/^pagefind_dcd/, ''))
      const p = byUrl.get(fragment.url)!
      expect(p, fragment.url).toBeDefined()
      expect(fragment.meta).toEqual({ title: `${p.number} ${p.title}` })
      const shown = joinExcerpt(fragment.content).replace(/\s+/g, '')
      for (const t of [p.title, p.body, ...p.instructions.map((i) => i.text), ...p.replies.map((r) => r.text)]) expect(shown).toContain(squash(t))
      if (p.replies.length) withReply++
    }
    expect(withReply).toBeGreaterThan(10)
  })

  it('shows on a proposal page each approved extension with its reason, and the approval on its timeline; never a request', () => {
    const extended = exp.proposals.filter((p) => (p.assignment?.extensions.length ?? 0) > 0)
    expect(extended.length).toBeGreaterThanOrEqual(3)
    for (const p of extended) {
      const html = read(`proposals/${p.number}/index.html`)
      for (const x of p.assignment!.extensions) {
        expect(html).toContain(`批准延期至 ${chineseDate(x.newDeadline)}：${x.reason}`)
        expect(p.timeline.map((t) => t.action)).toContain(`批准延期：答复期限延至${chineseDate(x.newDeadline)}`)
      }
    }
    // The demo's request still waiting for the leader is nowhere public (its reason is planted as private).
    expect(planted.some((x) => x.collection === 'extension-requests')).toBe(true)
    expect(exp.proposals.flatMap((p) => p.timeline).some((t) => t.action.includes('申请延期'))).toBe(false)
  })

  it('shows each 催办 on the proposal page as who urged and when, with its note only when made public; 重点督办 on the page and in the lists', () => {
    const urged = exp.proposals.filter((p) => p.timeline.some((t) => t.action === '催办'))
    expect(urged.length).toBeGreaterThan(3)
    for (const p of urged) {
      const html = read(`proposals/${p.number}/index.html`)
      for (const t of p.timeline.filter((x) => x.action === '催办')) {
        const who = t.role === 'leader' ? '街道领导' : '代表工作室'
        expect(html).toContain(`${who}催办（${chineseDate(t.at)}）`)
        if (t.note) expect(html).toContain(`说明：${t.note}`)
      }
      // The notes planted as private (not made public) are not in the data, nor on the page.
      expect(p.timeline.every((t) => !t.note?.includes(Marker))).toBe(true)
    }
    // The demo's office 催办 made its note public: it is shown; the demo leader's internal note is not.
    expect(urged.some((p) => p.timeline.some((t) => t.action === '催办' && t.role === 'office' && t.note))).toBe(true)
    expect(JSON.stringify(exp)).not.toContain('月底前拿出方案')
    // 重点督办: the demo's item and the one planted.
    const key = exp.proposals.filter((p) => p.keyItem)
    expect(key).toHaveLength(2)
    const pages = [...files(dist)].filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8'))
    for (const k of key) {
      expect(read(`proposals/${k.number}/index.html`)).toContain('<span class="badge key">重点督办</span>')
      // In every list that names it (facet pages, section pages, the home page).
      const listed = pages.filter((html) => html.includes(`data-number="${k.number}"`))
      expect(listed.length).toBeGreaterThan(0)
      for (const html of listed) expect(html.split(`data-number="${k.number}"`)[1]!.split('</li>')[0]).toContain('重点督办')
    }
    // Everywhere else, no badge: the mark is the leader's, not a default.
    expect(exp.proposals.filter((p) => !p.keyItem).some((p) => read(`proposals/${p.number}/index.html`).includes('badge key'))).toBe(false)
  })

  it('says plainly on a proposal page that it is overdue, and by how many working days', () => {
    const overdue = readFileSync(path.join(dist, 'proposals', 'deadline', 'overdue', 'index.html'), 'utf8')
    const first = overdue.match(/href="\/proposals\/(\d{4}-\d+)\/"/)![1]
    expect(read(`proposals/${first}/index.html`)).toMatch(/本件已逾期 \d+ 个工作日/)
  })
})

function gunzipOrRaw(bytes: Buffer): string {
  try {
    return gunzipSync(bytes).toString('utf8')
  } catch {
    return bytes.toString('utf8')
  }
}

describe('a build that cannot be trusted publishes nothing', () => {
  const snapshot = () => [...files(currentSiteDir(root))].map((f) => `${path.relative(root, f)}:${statSync(f).size}`).sort()

  it('fails with a clear message when the CMS is not running, and leaves the old site', async () => {
    const before = { id: await currentBuildId(root), files: snapshot() }
    const port = await freePort()
    await expect(buildSite({ exportURL: `http://127.0.0.1:${port}/api/public/export` }, root)).rejects.toThrow(/无法连接内容管理系统.*ECONNREFUSED.*网站未生成/)
    expect(await currentBuildId(root)).toBe(before.id)
    expect(snapshot()).toEqual(before.files)
    expect(readdirSync(path.join(root, 'builds')).filter((n) => n.startsWith('.work-'))).toEqual([])
  })

  it('fails naming the proposal when one record breaks the contract (an extra private field), and leaves the old site', async () => {
    const before = { id: await currentBuildId(root), files: snapshot() }
    const bad = structuredClone(exp) as any
    bad.proposals[3].phone = '13800000000'
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'bad-export-')), 'export.json')
    await writeFile(file, JSON.stringify(bad))
    await expect(buildSite({ exportFile: file }, root)).rejects.toThrow(new RegExp(`公开数据不符合数据约定[\\s\\S]*${bad.proposals[3].number}`))
    expect(await currentBuildId(root)).toBe(before.id)
    expect(snapshot()).toEqual(before.files)
    expect(existsSync(path.join(dist, 'index.html'))).toBe(true)
  })
})
