// 消息 on the workbench: the signed-in person's own 站内 messages (the 督办 reminders of the daily
// sweep, cms/notices/sweep.ts), newest first; for the office, who cannot be reached outside the
// system (no channel chosen, no address, or the server not set up for it: core/notices.ts
// noWorkingChannel) and the messages that could not be sent.
import Link from 'next/link'
import type { Payload, TypedUser, Where } from 'payload'
import { NoticeEventLabels, noWorkingChannel } from '../../core/notices'
import { SweepStageLabels } from '../../core/sweep'
import type { NoticeStage } from '../collections/Notices'
import { channelConfig } from '../notices/channels'

const Shown = 8
const KindLabels: Record<NoticeStage, string> = { ...SweepStageLabels, ...NoticeEventLabels }

/** A link the system wrote (absolute, for e-mail) as a path in this admin. */
const pathOf = (link: string | null | undefined): string | null => (link ? link.replace(/^https?:\/\/[^/]+/, '') || '/' : null)

export async function MyMessages({ payload, user }: { payload: Payload; user: TypedUser }) {
  const where: Where = { and: [{ user: { equals: user.id } }, { channel: { equals: 'inApp' } }] }
  const { docs, totalDocs } = await payload.find({ collection: 'notices', where, sort: '-createdAt', limit: Shown, depth: 0, overrideAccess: false, user })
  return (
    <section aria-labelledby="workbench-messages" className="workbench__messages">
      <h2 id="workbench-messages">消息</h2>
      {docs.length === 0 ? (
        <p>还没有督办提醒。每个工作日 8:30 系统会把到期、逾期和需要督促的事项汇总发给您。</p>
      ) : (
        <table className="workbench__table">
          <thead>
            <tr>
              <th>日期</th>
              <th>类别</th>
              <th>内容</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((n) => {
              const href = pathOf(n.link)
              return (
                <tr key={n.id} data-stage={n.stage}>
                  <td>{n.date}</td>
                  <td>{KindLabels[n.stage as NoticeStage]}</td>
                  <td>{href ? <Link href={href}>{n.text}</Link> : n.text}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {totalDocs > docs.length && <Link href={`/admin/collections/notices?where[user][equals]=${user.id}&where[channel][equals]=inApp`}>查看全部 {totalDocs} 条消息</Link>}
    </section>
  )
}

/** For the office: whom the system cannot reach (to phone them), and what could not be sent. */
export async function Reachability({ payload }: { payload: Payload }) {
  const config = channelConfig()
  const [users, reps, failed, retrying] = await Promise.all([
    payload.find({ collection: 'users', pagination: false, depth: 0, overrideAccess: true, sort: 'name', select: { name: true, role: true, email: true, phone: true, notify: true } }),
    payload.find({
      collection: 'representatives',
      where: { active: { not_equals: false } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      sort: 'name',
      select: { name: true, email: true, phone: true, notify: true },
    }),
    payload.count({ collection: 'notices', where: { and: [{ status: { equals: 'failed' } }, { nextAttemptAt: { exists: false } }] }, overrideAccess: true }),
    payload.count({ collection: 'notices', where: { and: [{ status: { equals: 'failed' } }, { nextAttemptAt: { exists: true } }] }, overrideAccess: true }),
  ])
  const unreachable = [
    ...reps.docs.map((r) => ({ key: `r${r.id}`, name: r.name, who: '居民代表', phone: r.phone ?? '', href: `/admin/collections/representatives/${r.id}`, reason: noWorkingChannel({ ...r.notify, email: r.email, phone: r.phone }, config) })),
    ...users.docs.map((u) => ({ key: `u${u.id}`, name: u.name, who: '工作人员', phone: u.phone ?? '', href: `/admin/collections/users/${u.id}`, reason: noWorkingChannel({ ...u.notify, email: u.email, phone: u.phone }, config) })),
  ].filter((p) => p.reason != null)
  return (
    <section aria-labelledby="workbench-reach" className="workbench__reach">
      <h2 id="workbench-reach">通知送达</h2>
      <ul className="workbench__counts">
        <li className={failed.totalDocs > 0 ? 'has-overdue' : 'is-empty'}>
          <Link href="/admin/collections/notices?where[status][equals]=failed">
            <span className="workbench__label">发送失败</span>
            <strong className="workbench__count">{failed.totalDocs + retrying.totalDocs}</strong>
            {retrying.totalDocs > 0 && <span>其中 {retrying.totalDocs} 条将自动重试</span>}
          </Link>
        </li>
        <li className={unreachable.length > 0 ? 'has-overdue' : 'is-empty'}>
          <div className="workbench__tile">
            <span className="workbench__label">无法通过邮件或短信通知的人员</span>
            <strong className="workbench__count">{unreachable.length}</strong>
          </div>
        </li>
      </ul>
      {unreachable.length > 0 && (
        <table className="workbench__table">
          <caption>以下人员只能在系统内看到提醒，请电话联系或补充联系方式</caption>
          <thead>
            <tr>
              <th>姓名</th>
              <th>身份</th>
              <th>原因</th>
              <th>手机号</th>
            </tr>
          </thead>
          <tbody>
            {unreachable.slice(0, 50).map((p) => (
              <tr key={p.key}>
                <td>
                  <Link href={p.href}>{p.name}</Link>
                </td>
                <td>{p.who}</td>
                <td>{p.reason}</td>
                <td>{p.phone || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unreachable.length > 50 && <p>另有 {unreachable.length - 50} 人未列出。</p>}
    </section>
  )
}
