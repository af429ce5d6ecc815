// 督办台 (/admin/supervision), for the office and leaders: every open item, grouped by who owes it
// (a section, the office, a leader, the proposer) and its stage, each with its deadline and the
// working days left or overdue; 严重逾期 first, 重点督办 first (core/supervision.ts). Counted in the
// database (cms/lib/board.ts). Filters by 责任方 and 环节 are links; each row opens the proposal
// and offers 催办 (its small dialog, cms/components/ActionDialogs.tsx). zh-CN only, no ids shown.
import { DefaultTemplate } from '@payloadcms/next/templates'
import Link from 'next/link'
import type { AdminViewServerProps, Payload, TypedUser } from 'payload'
import { mayTakeSupervisionAction, urgeOutlook } from '../../core/actions'
import { chineseDate } from '../../core/calendar'
import { DeadlineStateLabels } from '../../core/labels'
import { deadlineState, dueText } from '../../core/deadlines'
import { canSupervise } from '../../core/permissions'
import { BoardStageLabels, KeyItemLabel, type BoardStage } from '../../core/supervision'
import { commitmentPhrase, SweepStageLabels } from '../../core/sweep'
import type { Actor } from '../../core/types'
import { actorOf } from '../access/actor'
import { boardData, PageSize, type BoardDay, type BoardRow, type Reminded } from '../lib/board'
import { getCalendar } from '../lib/calendar'
import { UrgeButton, UrgeProvider } from './UrgeDialog'

type Search = Record<string, string | string[] | undefined> | undefined
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** The board's address with these filters (责任方 by section slug or party role, 环节, page). */
function hrefOf(f: { who?: string; stage?: BoardStage; page?: number }): string {
  const q = new URLSearchParams()
  if (f.who) q.set('who', f.who)
  if (f.stage) q.set('stage', f.stage)
  if (f.page && f.page > 1) q.set('page', String(f.page))
  const s = q.toString()
  return `/admin/supervision${s ? `?${s}` : ''}`
}

export async function SupervisionBoard(props: AdminViewServerProps) {
  const { initPageResult, params, searchParams } = props
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, user, i18n } = req
  const template = (children: React.ReactNode) => (
    <DefaultTemplate i18n={i18n} locale={locale} params={params} payload={payload} permissions={permissions} searchParams={searchParams} user={user ?? undefined} visibleEntities={visibleEntities}>
      <div className="workbench supervision-board gutter--left gutter--right">
        <p>
          <Link href="/admin">← 返回工作台</Link>
        </p>
        {children}
      </div>
    </DefaultTemplate>
  )
  if (!user) return template(<p>请先登录。</p>)
  const actor = actorOf(user)
  if (!canSupervise(actor)) return template(<p>督办台只对代表工作室和街道领导开放。</p>)
  return template(<Board payload={payload} user={user} actor={actor} search={searchParams as Search} />)
}

async function Board({ payload, user, actor, search }: { payload: Payload; user: TypedUser; actor: Actor; search: Search }) {
  const d = await boardData({ payload, user }, await getCalendar(payload), { who: one(search?.who), stage: one(search?.stage), page: Number(one(search?.page)) })
  const { day, parties, chosen, stage, page, unknown, counts, commitmentsOf, all, commitmentCount, single, groups, stageChoices, reminded } = d
  return (
    <>
      <h1>督办台</h1>
      <p className="workbench__who">
        今天是 {chineseDate(day.today)}。{DeadlineStateLabels.longOverdue}的事项排在最前，其次是{KeyItemLabel}事项，再按期限先后。
      </p>
      {unknown && <p role="alert">没有这个筛选条件，已显示全部。</p>}

      <nav aria-label="按责任方筛选" className="supervision-board__filter">
        <span className="supervision-board__filter-label">责任方：</span>
        <ul>
          <li>
            <Link href={hrefOf({ stage })} aria-current={!chosen ? 'page' : undefined}>
              全部
            </Link>
          </li>
          {parties.map((p) => (
            <li key={p.slug}>
              <Link href={hrefOf({ who: p.slug, stage })} aria-current={chosen?.slug === p.slug ? 'page' : undefined}>
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="按环节筛选" className="supervision-board__filter">
        <span className="supervision-board__filter-label">环节：</span>
        <ul>
          <li>
            <Link href={hrefOf({ who: chosen?.slug })} aria-current={!stage ? 'page' : undefined}>
              全部
            </Link>
          </li>
          {stageChoices.map((s) => (
            <li key={s}>
              <Link href={hrefOf({ who: chosen?.slug, stage: s })} aria-current={stage === s ? 'page' : undefined}>
                {BoardStageLabels[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <p className="supervision-board__totals">
        {chosen ? `${chosen.name}：` : '全部：'}待办 {all.total} 件，其中{DeadlineStateLabels.overdue} {all.overdue} 件（{DeadlineStateLabels.longOverdue} {all.veryOverdue} 件），{KeyItemLabel} {all.key} 件；承诺逾期未兑现 {commitmentCount} 项。
      </p>

      {!chosen && !stage && (
        <table className="workbench__table supervision-board__overview">
          <caption>各责任方汇总</caption>
          <thead>
            <tr>
              <th scope="col">责任方</th>
              <th scope="col">待办</th>
              <th scope="col">{DeadlineStateLabels.overdue}</th>
              <th scope="col">{DeadlineStateLabels.longOverdue}</th>
              <th scope="col">{KeyItemLabel}</th>
              <th scope="col">承诺逾期未兑现</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => {
              const c = counts.get(p.slug)!
              return (
                <tr key={p.slug}>
                  <th scope="row">
                    <Link href={hrefOf({ who: p.slug })}>{p.name}</Link>
                  </th>
                  <td>{c.total}</td>
                  <td className={c.overdue > 0 ? 'overdue' : undefined}>{c.overdue}</td>
                  <td className={c.veryOverdue > 0 ? 'longOverdue' : undefined}>{c.veryOverdue}</td>
                  <td>{c.key}</td>
                  <td className={commitmentsOf(p.party).length > 0 ? 'overdue' : undefined}>{commitmentsOf(p.party).length}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}

      {groups.length === 0 && <p>没有待办事项。</p>}
      {/* One 催办 dialog for the whole board, opened by each row's button. */}
      <UrgeProvider outlook={urgeOutlook(actor, day.now)}>
        {groups.map((g) => {
          const id = `group-${g.p.slug}-${g.stage}`
          const pages = Math.max(1, Math.ceil(g.total / PageSize))
          return (
            <section key={id} className="workbench__queue supervision-board__group" aria-labelledby={id}>
              <h2 id={id}>
                {g.p.name} · {BoardStageLabels[g.stage]}（{g.total} 件）
              </h2>
              <BoardTable rows={g.rows} day={day} actor={actor} reminded={reminded} />
              {!single && g.total > g.rows.length && <Link href={hrefOf({ who: g.p.slug, stage: g.stage })}>查看全部 {g.total} 件</Link>}
              {single && pages > 1 && (
                <nav aria-label="分页" className="supervision-board__pager">
                  {page > 1 && <Link href={hrefOf({ who: g.p.slug, stage: g.stage, page: page - 1 })}>上一页</Link>}
                  <span>
                    第 {page} / {pages} 页
                  </span>
                  {page < pages && <Link href={hrefOf({ who: g.p.slug, stage: g.stage, page: page + 1 })}>下一页</Link>}
                </nav>
              )}
            </section>
          )
        })}
      </UrgeProvider>
    </>
  )
}

/** A group's rows: number, title (opens the proposal; 重点督办 marked), what is owed, deadline, working days left or overdue, the sweep's latest notice, 催办. */
function BoardTable({ rows, day, actor, reminded }: { rows: BoardRow[]; day: BoardDay; actor: Actor; reminded: Map<string, Reminded> }) {
  return (
    <table className="workbench__table supervision-board__table">
      <thead>
        <tr>
          <th scope="col">编号</th>
          <th scope="col">标题</th>
          <th scope="col">事项</th>
          <th scope="col">期限</th>
          <th scope="col">剩余或逾期</th>
          <th scope="col">系统提醒</th>
          <th scope="col">督办</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const state = row.due ? deadlineState(row.due, day.now, day.calendar).state : null
          const name = [row.proposal.number, row.proposal.title].filter(Boolean).join(' ')
          const sent = reminded.get(row.key)
          return (
            <tr key={row.key} data-state={state ?? 'none'} data-key-item={row.proposal.keyItem ? 'true' : undefined}>
              <td>{row.proposal.number ?? '—'}</td>
              <td>
                {row.proposal.keyItem && <span className="supervision-board__key">{KeyItemLabel}</span>}
                <Link href={`/admin/collections/proposals/${row.proposal.id}`}>{row.proposal.title}</Link>
              </td>
              <td>{row.stage === 'commitment' ? commitmentPhrase(row.commitment ?? '') : `${BoardStageLabels[row.stage]}${row.commitment ? commitmentPhrase(row.commitment) : ''}`}</td>
              <td>{row.due ? chineseDate(row.due) : '不限'}</td>
              <td className={state ?? undefined}>{row.due ? dueText(row.due, day.now, day.calendar) : '—'}</td>
              <td>{sent ? `${chineseDate(sent.date)}${SweepStageLabels[sent.stage]}` : '—'}</td>
              <td>
                {mayTakeSupervisionAction('urge', actor, { status: row.proposal.status }) && <UrgeButton id={row.proposal.id} subject={name} />}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
