// "待我处理": above the proposals list, what waits on the signed-in person (core/duties.ts, as the
// workbench counts it: cms/lib/queues.ts), earliest deadline first; the heading counts them all.
import type { BeforeListTableServerProps } from 'payload'
import { DeadlineStateLabels } from '../../core/labels'
import { getCalendar } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import { QueuesOf, owedCount, queueItems } from '../lib/queues'
import { actorOf } from '../access/actor'
import { QueueTable } from './Workbench'

/** The table lists at most this many (earliest deadline first); the heading counts them all. */
const Listed = 200

export async function WaitingOnMe({ payload, user }: BeforeListTableServerProps) {
  if (!user || QueuesOf[actorOf(user).role].length === 0) return null
  const [{ count, overdue }, items, calendar] = await Promise.all([owedCount(payload, user), queueItems(payload, user, undefined, Listed), getCalendar(payload)])
  return (
    <section className="waiting-on-me workbench" aria-labelledby="waiting-on-me-title">
      <h2 id="waiting-on-me-title">
        待我处理：{count} 件{overdue > 0 ? <span className="overdue">（其中{DeadlineStateLabels.overdue} {overdue} 件）</span> : null}
      </h2>
      {count > items.length && <p>下表列出期限最早的 {items.length} 件；全部见 <a href="/admin">工作台</a>。</p>}
      {items.length > 0 && <QueueTable items={items} calendar={calendar} now={nowISO()} showAction />}
    </section>
  )
}
