// Atom feed: replies as they are published, and proposals on the day they became overdue.
// It keeps the entries of the last 90 days before the export's generatedAt, at most the 100
// newest of them (site/data/feed.ts), and says so in its <subtitle>.
import type { APIRoute } from 'astro'
import { addCalendarDays } from '../../core/calendar'
import { DeadlineStageLabels } from '../../core/labels'
import { siteData } from '../data/model'
import { recentEntries, FeedDays, FeedMax, type FeedEntry } from '../data/feed'
import { formatDate, proposalPath } from '../data/format'

import { xmlText as esc } from '../data/xml'

export const GET: APIRoute = async ({ site }) => {
  const d = await siteData()
  const base = (site ?? new URL('http://localhost/')).href.replace(/\/$/, '')
  const entries: FeedEntry[] = []
  for (const v of d.proposals) {
    const link = `${base}${proposalPath(v.p.number)}`
    for (const r of v.p.replies) {
      entries.push({
        id: `${link}#reply-${r.id}`,
        title: `${r.corrects ? '更正答复' : '新答复'}：${v.p.number} ${v.p.title}`,
        updated: r.publishedAt,
        link,
        summary: `${r.section?.name ?? '代表工作室'}（${r.class} 类）：${r.text.slice(0, 140)}`,
      })
    }
    if (v.overdue && v.deadline) {
      // Became overdue at the start of the day after the deadline (Beijing time).
      entries.push({
        id: `${link}#overdue-${v.deadline.stage}-${v.deadline.due}`,
        title: `逾期：${v.p.number} ${v.p.title}`,
        updated: `${addCalendarDays(v.deadline.due, 1)}T00:00:00+08:00`,
        link,
        summary: `${DeadlineStageLabels[v.deadline.stage]}期限 ${formatDate(v.deadline.due)} 已过，已逾期 ${v.overdueDays} 个工作日。`,
      })
    }
  }
  const latest = recentEntries(entries, d.now)
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>代表提案追踪：新答复与逾期提醒</title>
  <subtitle>数据截至时间前 ${FeedDays} 天内的新答复与逾期提醒，从新到旧，最多 ${FeedMax} 条。</subtitle>
  <id>${esc(base)}/feed.xml</id>
  <link rel="self" href="${esc(base)}/feed.xml"/>
  <link href="${esc(base)}/"/>
  <updated>${new Date(d.now).toISOString()}</updated>
  <author><name>街道代表工作室</name></author>
${latest
  .map(
    (e) => `  <entry>
    <id>${esc(e.id)}</id>
    <title>${esc(e.title)}</title>
    <link href="${esc(e.link)}"/>
    <updated>${new Date(e.updated).toISOString()}</updated>
    <summary>${esc(e.summary)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>
`
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
