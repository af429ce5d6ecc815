// 工作台: the admin's home page for every role, instead of Payload's card grid. What waits on the
// signed-in person (core/duties.ts, counted in the database by cms/lib/queues.ts), overdue first,
// each count opening its queue (/admin/queue?action=…); the deadlines of what they oversee; for
// the admin, how the system itself is doing.
import Link from 'next/link'
import type { AdminViewServerProps, Payload, TypedUser, Where } from 'payload'
import { toLocalDate } from '../../core/calendar'
import { DUE_SOON_WORKING_DAYS, dueText, deadlineState } from '../../core/deadlines'
import { DeadlineStateLabels, DutyLabels } from '../../core/labels'
import { RoleLabels } from '../../core/lifecycle'
import { canSupervise } from '../../core/permissions'
import type { Actor } from '../../core/types'
import { actorOf } from '../access/actor'
import { getCalendar } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import { queueCounts, queueItems, type QueueItem } from '../lib/queues'
import { channelConfig } from '../notices/channels'
import { MyMessages, Reachability } from './Messages'

/** Items shown per queue on the workbench; the queue's own page lists them all. */
const Shown = 5

export async function Workbench(props: AdminViewServerProps) {
  const { payload, user } = props.initPageResult.req
  if (!user) return null
  const actor = actorOf(user)
  return (
    <div className="workbench gutter--left gutter--right">
      <h1>工作台</h1>
      <p className="workbench__who">
        {RoleLabels[actor.role]} · {String((user as { name?: string }).name ?? '')}
      </p>
      {canSupervise(actor) && (
        <p className="workbench__board-link">
          <Link href="/admin/supervision">督办台：全部待办事项，按科室和环节，严重逾期和重点督办在前</Link>
        </p>
      )}
      {actor.role === 'admin' ? <SystemStatus payload={payload} /> : <Queues payload={payload} user={user} />}
      {(actor.role === 'office' || actor.role === 'leader' || actor.role === 'sectionHead') && <Deadlines payload={payload} user={user} actor={actor} />}
      {/* 消息: the 督办 reminders sent to this person; the office also sees whom the system cannot reach. */}
      <MyMessages payload={payload} user={user} />
      {(actor.role === 'office' || actor.role === 'admin') && <Reachability payload={payload} />}
    </div>
  )
}

async function Queues({ payload, user }: { payload: Payload; user: TypedUser }) {
  const counts = (await queueCounts(payload, user)).sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0))
  const open = counts.filter((c) => c.count > 0)
  const lists = await Promise.all(open.map(async (c) => ({ ...c, items: await queueItems(payload, user, c.action, Shown) })))
  const calendar = await getCalendar(payload)
  const now = nowISO()
  return (
    <section aria-labelledby="workbench-queues">
      <h2 id="workbench-queues">待我处理</h2>
      <ul className="workbench__counts">
        {counts.map((c) => (
          <li key={c.action} className={c.overdue > 0 ? 'has-overdue' : c.count === 0 ? 'is-empty' : ''}>
            <Link href={`/admin/queue?action=${c.action}`}>
              <span className="workbench__label">{DutyLabels[c.action]}</span>
              <strong className="workbench__count">{c.count}</strong>
              {c.overdue > 0 && <span className="overdue">其中{DeadlineStateLabels.overdue} {c.overdue}</span>}
            </Link>
          </li>
        ))}
      </ul>
      {open.length === 0 && <p>目前没有等您处理的事项。</p>}
      {lists.map((q) => (
        <section key={q.action} className="workbench__queue" aria-labelledby={`queue-${q.action}`}>
          <h3 id={`queue-${q.action}`}>
            {DutyLabels[q.action]}（{q.count} 件）
          </h3>
          <QueueTable items={q.items} calendar={calendar} now={now} />
          {q.count > q.items.length && <Link href={`/admin/queue?action=${q.action}`}>查看全部 {q.count} 件</Link>}
        </section>
      ))}
    </section>
  )
}

/** Where a queue's row opens: for 待审批延期 the request to decide (its page shows the proposal), else the proposal. */
const hrefOf = (i: QueueItem): string =>
  i.action === 'decideExtension' && i.subject ? `/admin/collections/extension-requests/${i.subject}` : `/admin/collections/proposals/${i.proposal.id}`

/** A queue's rows: number, title (opens the proposal, or what is to be decided on it), deadline and how it stands in working days. */
export function QueueTable({ items, calendar, now, showAction = false }: { items: QueueItem[]; calendar: Awaited<ReturnType<typeof getCalendar>>; now: string; showAction?: boolean }) {
  return (
    <table className="workbench__table">
      <thead>
        <tr>
          <th>编号</th>
          <th>标题</th>
          {showAction && <th>事项</th>}
          <th>期限</th>
          <th>剩余或逾期</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => {
          const state = i.due ? deadlineState(i.due, now, calendar).state : null
          return (
            <tr key={i.id} data-state={state ?? 'none'}>
              <td>{i.proposal.number ?? '—'}</td>
              <td>
                <Link href={hrefOf(i)}>{i.proposal.title}</Link>
              </td>
              {showAction && <td>{DutyLabels[i.action]}</td>}
              <td>{i.due ?? '不限'}</td>
              <td className={state ?? undefined}>{i.due ? dueText(i.due, now, calendar) : '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** What the person oversees, by its deadline in force: overdue and due soon, each opening the filtered list of proposals. */
async function Deadlines({ payload, user, actor }: { payload: Payload; user: TypedUser; actor: Actor }) {
  const now = nowISO()
  const today = toLocalDate(now)
  const calendar = await getCalendar(payload)
  const soon = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS)
  const scope: Where[] = actor.role === 'sectionHead' && actor.section != null ? [{ 'assignment.leadSection': { equals: actor.section } }] : []
  const count = async (extra: Where[]) => (await payload.count({ collection: 'proposals', where: { and: [...scope, ...extra] }, overrideAccess: false, user })).totalDocs
  const scopeQuery = actor.role === 'sectionHead' && actor.section != null ? `&where[assignment.leadSection][equals]=${actor.section}` : ''
  const [overdue, dueSoon] = await Promise.all([count([{ currentDue: { less_than: today } }]), count([{ currentDue: { greater_than_equal: today } }, { currentDue: { less_than_equal: soon } }])])
  const bySection = actor.role === 'leader' ? await overdueBySection(payload, user, today) : []
  const title = actor.role === 'sectionHead' ? '本科室提案的期限' : '全部提案的期限'
  return (
    <section aria-labelledby="workbench-deadlines" className="workbench__deadlines">
      <h2 id="workbench-deadlines">{title}</h2>
      <ul className="workbench__counts">
        <li className={overdue > 0 ? 'has-overdue' : 'is-empty'}>
          <Link href={`/admin/collections/proposals?where[currentDue][less_than]=${today}${scopeQuery}`}>
            <span className="workbench__label">{DeadlineStateLabels.overdue}</span>
            <strong className="workbench__count">{overdue}</strong>
          </Link>
        </li>
        <li className={dueSoon > 0 ? '' : 'is-empty'}>
          <Link href={`/admin/collections/proposals?where[currentDue][greater_than_equal]=${today}&where[currentDue][less_than_equal]=${soon}${scopeQuery}`}>
            <span className="workbench__label">{DeadlineStateLabels.dueSoon}</span>
            <strong className="workbench__count">{dueSoon}</strong>
            <span>（{soon} 前）</span>
          </Link>
        </li>
      </ul>
      {bySection.length > 0 && (
        <table className="workbench__table">
          <caption>{DeadlineStateLabels.overdue}，按主办科室</caption>
          <thead>
            <tr>
              <th>主办科室</th>
              <th>{DeadlineStateLabels.overdue}</th>
            </tr>
          </thead>
          <tbody>
            {bySection.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td className={s.overdue > 0 ? 'overdue' : undefined}>
                  <Link href={`/admin/collections/proposals?where[currentDue][less_than]=${today}&where[assignment.leadSection][equals]=${s.id}`}>{s.overdue}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

async function overdueBySection(payload: Payload, user: TypedUser, today: string) {
  const sections = await payload.find({ collection: 'sections', pagination: false, depth: 0, sort: 'name', overrideAccess: false, user })
  const rows = await Promise.all(
    sections.docs.map(async (s) => ({
      id: s.id,
      name: s.name,
      overdue: (await payload.count({ collection: 'proposals', where: { and: [{ 'assignment.leadSection': { equals: s.id } }, { currentDue: { less_than: today } }] }, overrideAccess: false, user })).totalDocs,
    })),
  )
  return rows.sort((a, b) => b.overdue - a.overdue)
}

/** The admin's home: the last site build, the job queue, the database, e-mail. */
async function SystemStatus({ payload }: { payload: Payload }) {
  const [build, waiting, failed] = await Promise.all([
    payload.find({ collection: 'site-builds', sort: '-startedAt', limit: 1, depth: 0, overrideAccess: true }),
    payload.count({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] }, overrideAccess: true }),
    payload.count({ collection: 'payload-jobs', where: { hasError: { equals: true } }, overrideAccess: true }),
  ])
  const last = build.docs[0]
  const channels = channelConfig()
  const BuildStatus: Record<string, string> = { running: '正在生成', succeeded: '成功', failed: '失败' }
  return (
    <section aria-labelledby="workbench-system">
      <h2 id="workbench-system">系统状态</h2>
      <dl className="workbench__status">
        <dt>公开网站最近一次生成</dt>
        <dd>{last ? `${BuildStatus[last.status] ?? last.status} · ${toLocalDate(last.startedAt)}${last.error ? ` · ${last.error}` : ''}` : '尚未生成'}</dd>
        <dt>后台任务</dt>
        <dd>
          等待中 {waiting.totalDocs} 个，出错 {failed.totalDocs} 个
        </dd>
        <dt>数据库</dt>
        <dd>{payload.db.name === 'sqlite' ? 'SQLite（内置数据库文件）' : payload.db.name === 'postgres' ? 'PostgreSQL' : payload.db.name}</dd>
        <dt>电子邮件</dt>
        <dd>{channels.email ? '已配置（SMTP_URL）：督办提醒和通知按各人选择发送邮件。' : '未配置（SMTP_URL）：邮件只写入服务器日志，提醒只在工作台和门户“消息”中显示；密码由管理员或代表工作室重置。'}</dd>
        <dt>短信</dt>
        <dd>{channels.sms ? '已配置（SMS_URL）：通知按各人选择发送短信。' : '未配置（SMS_URL）：短信只写入服务器日志。'}</dd>
      </dl>
    </section>
  )
}

