// One queue in full (/admin/queue?action=signOff): what the workbench counts, every item listed,
// earliest deadline first, those without one last.
import { DefaultTemplate } from '@payloadcms/next/templates'
import Link from 'next/link'
import type { AdminViewServerProps } from 'payload'
import { DutyLabels } from '../../core/labels'
import { getCalendar } from '../lib/calendar'
import { nowISO } from '../lib/clock'
import { isDutyAction, queueItems } from '../lib/queues'
import { QueueTable } from './Workbench'

export async function QueueView(props: AdminViewServerProps) {
  const { initPageResult, params, searchParams } = props
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const action = searchParams?.action
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={i18n} locale={locale} params={params} payload={payload} permissions={permissions} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <div className="workbench gutter--left gutter--right">
        <p>
          <Link href="/admin">← 返回工作台</Link>
        </p>
        {children}
      </div>
    </DefaultTemplate>
  )
  if (!user) return template(<p>请先登录。</p>)
  if (!isDutyAction(action)) return template(<p>没有这个待办事项类别。</p>)
  const [items, calendar] = await Promise.all([queueItems(payload, user, action), getCalendar(payload)])
  const total = items.length
  return template(
    <>
      <h1>
        {DutyLabels[action]}（{total} 件）
      </h1>
      {total === 0 ? <p>目前没有等您处理的事项。</p> : <QueueTable items={items} calendar={calendar} now={nowISO()} />}
    </>,
  )
}
