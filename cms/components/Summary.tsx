// 办理情况: a proposal's and a reply's status and stamped facts as information at the top of its
// page, in words and Chinese dates — who did each step and when, the deadline in force with the
// working days left — instead of a status dropdown and date inputs. Read as the signed-in person
// (fields they may not read are not shown); names of staff and sections are the system's own read.
import Link from 'next/link'
import type { UIFieldServerProps } from 'payload'
import { dueWords } from '../../core/actions'
import { chineseDate } from '../../core/calendar'
import { currentDeadline } from '../../core/deadlines'
import { isReturned } from '../../core/duties'
import { DeadlineStageLabels, ScreeningLabels } from '../../core/labels'
import { StatusLabels } from '../../core/lifecycle'
import { replyDeadlineInForce } from '../../core/proposalFacts'
import { idOf } from '../access/actor'
import { nowISO } from '../lib/clock'
import { loadDutyContext } from '../lib/derived'
import { replyFromDoc } from '../lib/facts'
import { KeyItemLabel } from '../../core/supervision'

type Row = [label: string, value: React.ReactNode]

function Facts({ title, rows }: { title: string; rows: Row[] }) {
  return (
    <section className="doc-summary" aria-labelledby="doc-summary-title">
      <h3 id="doc-summary-title">{title}</h3>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="doc-summary__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

/** Staff and section names by id (the system's own read: staff see these names anyway). */
async function namer(req: UIFieldServerProps['req'], collection: 'users' | 'sections', ids: unknown[]) {
  const wanted = [...new Set(ids.map(idOf).filter((x): x is string | number => x != null))]
  if (wanted.length === 0) return () => ''
  const { docs } = await req.payload.find({ collection, where: { id: { in: wanted } }, pagination: false, depth: 0, select: { name: true }, overrideAccess: true, req })
  const names = new Map(docs.map((d) => [String(d.id), (d as { name?: string }).name ?? '']))
  return (id: unknown) => names.get(String(idOf(id))) ?? ''
}

const joined = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('，')

export async function ProposalSummary({ id, req }: UIFieldServerProps) {
  if (id == null || !req?.user) return null
  const doc = await req.payload.findByID({ collection: 'proposals', id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
  if (!doc) return null
  const ctx = await loadDutyContext(req, doc.id)
  if (!ctx) return null
  const { facts, calendar } = ctx
  const now = nowISO()
  const a = doc.assignment
  const [user, section] = await Promise.all([namer(req, 'users', [doc.screening?.by, doc.keyItemBy]), namer(req, 'sections', [a?.leadSection, ...(a?.coSections ?? [])])])
  const merged = idOf(doc.screening?.mergedInto)
  const target = merged != null ? await req.payload.findByID({ collection: 'proposals', id: merged, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, select: { heading: true }, req }) : null
  const due = currentDeadline(facts, calendar, ctx.settings)
  const rows: Row[] = [['办理状态', <strong key="s">{StatusLabels[doc.status]}</strong>]]
  // 重点督办: set and cleared by a leader from the action bar; who and when for staff (the fields' read access).
  if (doc.keyItem) rows.push([KeyItemLabel, joined('是', doc.keyItemBy != null && user(doc.keyItemBy), doc.keyItemAt && `${chineseDate(doc.keyItemAt)}标记`)])
  if (due) rows.push([`${DeadlineStageLabels[due.stage]}期限`, dueWords(due.due, now, calendar)])
  if (doc.submittedAt) rows.push(['提交时间', chineseDate(doc.submittedAt)])
  if (doc.screening?.decision) {
    rows.push(['甄别结论', joined(ScreeningLabels[doc.screening.decision], user(doc.screening.by), doc.screening.at && chineseDate(doc.screening.at))])
    if (doc.screening.reason) rows.push(['甄别理由', <span key="r" className="doc-summary__text">{doc.screening.reason}</span>])
    if (target) rows.push(['并入提案', <Link key="m" href={`/admin/collections/proposals/${target.id}`}>{target.heading}</Link>])
  }
  if (a?.leadSection) rows.push(['主办科室', section(a.leadSection)])
  if (a?.coSections?.length) rows.push(['协办科室', a.coSections.map(section).join('、')])
  if (a?.assignedAt) rows.push(['交办时间', chineseDate(a.assignedAt)])
  const inForce = replyDeadlineInForce(facts.assignment)
  if (inForce && due?.stage !== 'reply') rows.push(['答复期限', chineseDate(inForce)])
  for (const [i, e] of (doc.extensions ?? []).entries()) rows.push([`第${i + 1}次延期`, joined(`延至${chineseDate(e.newDeadline)}`, e.approvedAt && `${chineseDate(e.approvedAt)}批准`, e.reason)])
  for (const r of doc.rehandlings ?? []) rows.push([`第${r.round}轮重新办理`, joined(`${chineseDate(r.startedAt)}开始`, `期限${chineseDate(r.deadline)}`)])
  if (doc.noEvaluationReason) rows.push(['未评价原因', doc.noEvaluationReason])
  if (doc.closedAt) rows.push(['办结时间', chineseDate(doc.closedAt)])
  return <Facts title="办理情况" rows={rows} />
}

export async function ReplySummary({ id, req }: UIFieldServerProps) {
  if (id == null || !req?.user) return null
  const doc = await req.payload.findByID({ collection: 'replies', id, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req })
  if (!doc) return null
  const r = replyFromDoc(doc)
  const [user, section] = await Promise.all([namer(req, 'users', [doc.draftedBy, doc.signedOffBy, doc.publishedBy, doc.returnedBy]), namer(req, 'sections', [doc.section, ...(doc.silentCoSections ?? [])])])
  const state = r.publishedAt ? '已公开' : r.signedOffAt ? '已签发，待代表工作室公开' : isReturned(r) ? '已退回修改，待经办人修改' : '答复稿，待科室负责人签发'
  const rows: Row[] = [
    ['状态', <strong key="s">{state}</strong>],
    ['答复科室', doc.section ? section(doc.section) : '代表工作室'],
  ]
  if (doc.draftedBy) rows.push(['拟稿人', joined(user(doc.draftedBy), chineseDate(doc.createdAt))])
  if (doc.returnedAt) rows.push(['退回修改', joined(user(doc.returnedBy), chineseDate(doc.returnedAt), doc.returnReason && `理由：${doc.returnReason}`, doc.revisedAt && `${chineseDate(doc.revisedAt)}已修改`)])
  if (doc.signedOffAt) rows.push(['签发', joined(user(doc.signedOffBy), chineseDate(doc.signedOffAt), doc.docNumber && `文号${doc.docNumber}`)])
  if (doc.silentCoSections?.length) rows.push(['未按期提出意见的协办科室', doc.silentCoSections.map(section).join('、')])
  if (doc.publishedAt) rows.push(['公开', joined(user(doc.publishedBy), chineseDate(doc.publishedAt))])
  return <Facts title="办理情况" rows={rows} />
}
