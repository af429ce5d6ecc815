// Dates and numbers as the public reads them: China local time, zh-CN.
import { chineseDate } from '../../core/calendar'
import { remembered } from '../../core/memo'
import { formatShare, SAMPLE_MIN, shareValue, type Share } from '../../core/stats'

const CHINA = 8 * 3_600_000

/** '2026-03-10T05:35:00Z' → '2026年3月10日'. Accepts a local date too (core's chineseDate, as the admin writes it). */
export const formatDate: (isoOrDate: string) => string = chineseDate

/** '2026-03-10T05:35:00Z' → '2026年3月10日 13:35' (China local): the date as `formatDate` writes it. */
export const formatDateTime: (iso: string) => string = remembered((iso) => {
  const t = new Date(Date.parse(iso) + CHINA).toISOString()
  return `${formatDate(iso)} ${t.slice(11, 16)}`
})

export function formatDays(n: number | null): string {
  if (n === null) return '—'
  return `${Number.isInteger(n) ? n : n.toFixed(1)} 个工作日`
}

/** Paths under /proposals/<facet>/<value>/: values are used as they are (Chinese included). */
export const proposalPath = (number: string) => `/proposals/${number}/`
export const sectionPath = (slug: string) => `/sections/${slug}/`
export const representativePath = (id: string) => `/representatives/${id}/`
export const facetPath = (facet: string, value: string) => `/proposals/${facet}/${encodeURIComponent(value)}/`

/** A share as a chart row: no bar when n is too small to say anything (样本不足), n beside the figure. */
export function shareRow(label: string, s: Share): { label: string; value: number | null; text: string } {
  return { label, value: s.of < SAMPLE_MIN ? null : shareValue(s), text: `${formatShare(s)}（n=${s.of}）` }
}
