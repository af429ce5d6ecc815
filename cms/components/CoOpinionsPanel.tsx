// 协办意见 beside the reply's draft: every co-opinion given on its proposal (read as the signed-in
// person reads them), and the co-sections still awaited with their deadline — which is also when
// the head may sign off without them (core/duties.ts signOffWait).
import type { UIFieldServerProps } from 'payload'
import { chineseDate, toLocalDate } from '../../core/calendar'
import { dueText } from '../../core/deadlines'
import { coOpinionsOwed } from '../../core/duties'
import { idOf } from '../access/actor'
import { nowISO } from '../lib/clock'
import { loadDutyContext } from '../lib/derived'

const box = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '0.75rem 1rem', margin: '0 0 1.5rem' } as const

export async function CoOpinionsPanel({ data, req, payload }: UIFieldServerProps) {
  const proposal = idOf(data?.proposal)
  if (proposal == null) return null
  const ctx = await loadDutyContext(req, proposal)
  if (!ctx || ctx.facts.assignment.coSections.length === 0) return null
  const [{ docs: opinions }, { docs: sections }] = await Promise.all([
    payload.find({ collection: 'co-opinions', where: { proposal: { equals: proposal } }, sort: 'at', depth: 0, pagination: false, overrideAccess: false, user: req.user, req }),
    payload.find({ collection: 'sections', pagination: false, depth: 0, select: { name: true }, req }),
  ])
  const name = (id: unknown) => sections.find((s) => String(s.id) === String(idOf(id)))?.name ?? '协办科室'
  const now = nowISO()
  const owed = coOpinionsOwed(ctx.facts, ctx.calendar, ctx.settings)
  return (
    <section style={box} aria-labelledby="co-opinions-panel">
      <h3 id="co-opinions-panel" style={{ margin: '0 0 0.5rem' }}>
        协办意见
      </h3>
      {opinions.length === 0 && <p>还没有协办科室提交意见。</p>}
      {opinions.map((o) => (
        <div key={o.id} style={{ margin: '0 0 0.75rem' }}>
          <strong>{name(o.section)}</strong>
          <span style={{ color: 'var(--theme-elevation-500)' }}>（{chineseDate(o.at ?? o.createdAt)}）</span>
          <div style={{ whiteSpace: 'pre-wrap' }}>{o.text}</div>
        </div>
      ))}
      {owed.map((o) => {
        const open = toLocalDate(now) <= o.due
        return (
          <p key={String(o.section)} role={open ? undefined : 'note'} style={{ color: open ? undefined : 'var(--theme-error-500)' }}>
            {open
              ? `等待“${name(o.section)}”的意见：期限 ${chineseDate(o.due)}（${dueText(o.due, now, ctx.calendar)}）。期限届满前不能签发。`
              : `“${name(o.section)}”未在期限（${chineseDate(o.due)}）内提出意见：可以签发，答复将注明该科室未提出协办意见。`}
          </p>
        )
      })}
    </section>
  )
}
