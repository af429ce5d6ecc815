// "待我处理": above the proposals list, what waits on the signed-in person, overdue first.
import type { BeforeListTableServerProps, Where } from 'payload'
import type { Proposal } from '../payload-types'
import { toLocalDate } from '../../core/calendar'
import { deadlineState, type DeadlineState } from '../../core/deadlines'
import { DeadlineStageLabels, DeadlineStateLabels } from '../../core/labels'
import { StatusLabels } from '../../core/lifecycle'
import { WaitingStatuses } from '../../core/permissions'
import { actorOf } from '../access/actor'
import { getCalendar } from '../lib/calendar'
import { nowISO } from '../lib/clock'

const order: Record<DeadlineState, number> = { longOverdue: 0, overdue: 1, dueSoon: 2, onTrack: 3 }
/** The table lists at most this many (earliest deadline first); the heading counts them all. */
const Listed = 200

export async function WaitingOnMe({ payload, user }: BeforeListTableServerProps) {
  const actor = actorOf(user)
  const statuses = WaitingStatuses[actor.role]
  if (!statuses.length) return null
  const where: Where[] = [{ status: { in: statuses } }]
  if (actor.role === 'sectionStaff' || actor.role === 'sectionHead') where.push({ 'assignment.leadSection': { equals: actor.section } })
  const now = nowISO()
  const [res, overdue] = await Promise.all([
    payload.find({
      collection: 'proposals',
      where: { and: where },
      limit: Listed,
      depth: 0,
      sort: 'currentDue',
      overrideAccess: false,
      user,
      select: { number: true, title: true, status: true, currentDue: true, currentStage: true },
    }),
    // Overdue from the day after the deadline (core/deadlines deadlineState): a deadline before today.
    payload.count({ collection: 'proposals', where: { and: [...where, { currentDue: { less_than: toLocalDate(now) } }] }, overrideAccess: false, user }),
  ])
  const calendar = await getCalendar(payload)
  const rows = (res.docs as Pick<Proposal, 'id' | 'number' | 'title' | 'status' | 'currentDue' | 'currentStage'>[])
    .map((d) => ({ ...d, due: d.currentDue ? deadlineState(d.currentDue, now, calendar) : null }))
    .sort((a, b) => order[a.due?.state ?? 'onTrack'] - order[b.due?.state ?? 'onTrack'] || String(a.currentDue ?? '9').localeCompare(String(b.currentDue ?? '9')))
  return (
    <section className="waiting-on-me" aria-labelledby="waiting-on-me-title">
      <h2 id="waiting-on-me-title">
        待我处理：{res.totalDocs} 件{overdue.totalDocs > 0 ? <span className="overdue">（其中{DeadlineStateLabels.overdue} {overdue.totalDocs} 件）</span> : null}
      </h2>
      {res.totalDocs > rows.length && <p>下表列出期限最早的 {rows.length} 件。</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr><th>编号</th><th>标题</th><th>状态</th><th>当前环节期限</th><th>期限状态</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-state={r.due?.state ?? 'none'}>
                <td>{r.number ?? '—'}</td>
                <td><a href={`/admin/collections/proposals/${r.id}`}>{r.title}</a></td>
                <td>{StatusLabels[r.status as keyof typeof StatusLabels]}</td>
                <td>{r.currentDue ? `${r.currentStage ? DeadlineStageLabels[r.currentStage] : ''} ${r.currentDue}` : '—'}</td>
                <td className={r.due?.state}>
                  {r.due ? (r.due.workingDaysLeft < 0 ? `${DeadlineStateLabels[r.due.state]} ${-r.due.workingDaysLeft} 个工作日` : r.due.state === 'dueSoon' ? `剩 ${r.due.workingDaysLeft} 个工作日` : '') : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
