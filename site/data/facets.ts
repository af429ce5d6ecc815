// The dimensions the public filters proposals by. Each works without JavaScript as plain
// pages (/proposals/<facet>/<value>/); the filter script combines them in the browser.
import { StatusLabels } from '../../core/lifecycle'
import { DeadlineStateLabels, ReplyClassLabels } from '../../core/labels'
import type { ProposalStatus } from '../../core/types'
import type { ProposalView, SiteData } from './model'

export interface FacetValue {
  value: string
  label: string
}

export interface Facet {
  key: string
  label: string
  /** The values a proposal has for this facet (none, e.g. unassigned for section; several where one implies another). */
  of: (v: ProposalView) => string[]
  values: (d: SiteData) => FacetValue[]
}

/** 已逾期 (every overdue item), 严重逾期 (those of them past LONG_OVERDUE_WORKING_DAYS too), or 即将到期. */
export function deadlineValues(v: ProposalView): string[] {
  if (v.overdue) return v.deadline?.state === 'longOverdue' ? ['overdue', 'longOverdue'] : ['overdue']
  return v.deadline?.state === 'dueSoon' ? ['dueSoon'] : []
}

export const Facets: Facet[] = [
  {
    key: 'session',
    label: '届次',
    of: (v) => [v.p.session],
    values: (d) => [...d.meta.sessions].reverse().map((s) => ({ value: s.slug, label: s.name })),
  },
  {
    key: 'status',
    label: '状态',
    of: (v) => [v.p.status],
    values: () =>
      (Object.keys(StatusLabels) as ProposalStatus[]).filter((s) => s !== 'draft').map((s) => ({ value: s, label: StatusLabels[s] })),
  },
  {
    key: 'section',
    label: '主办科室',
    of: (v) => (v.p.assignment ? [v.p.assignment.leadSection.slug] : []),
    values: (d) => d.meta.sections.map((s) => ({ value: s.slug, label: s.name })),
  },
  {
    key: 'category',
    label: '类别',
    of: (v) => [v.p.category],
    values: (d) => [...new Set(d.proposals.map((v) => v.p.category))].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((c) => ({ value: c, label: c })),
  },
  {
    key: 'area',
    label: '居民区',
    of: (v) => [v.p.residentialArea],
    values: (d) => d.meta.residentialAreas.map((a) => ({ value: a, label: a })),
  },
  {
    key: 'class',
    label: '答复类别',
    of: (v) => (v.replyClass ? [v.replyClass] : []),
    values: () => (['A', 'B', 'C'] as const).map((c) => ({ value: c, label: ReplyClassLabels[c] })),
  },
  {
    key: 'deadline',
    label: '办理期限',
    of: deadlineValues,
    values: () => [
      { value: 'overdue', label: DeadlineStateLabels.overdue },
      { value: 'longOverdue', label: `其中${DeadlineStateLabels.longOverdue}` },
      { value: 'dueSoon', label: DeadlineStateLabels.dueSoon },
    ],
  },
]

export const PageSize = 50

export interface FacetGroup {
  facet: Facet
  values: (FacetValue & { count: number })[]
}

const groupsOf = new WeakMap<SiteData, FacetGroup[]>()

/** Every facet with its values and how many proposals each has; computed once per build. */
export function facetGroups(d: SiteData): FacetGroup[] {
  let groups = groupsOf.get(d)
  if (!groups) {
    groups = Facets.map((facet) => {
      const counts = new Map<string, number>()
      for (const v of d.proposals) {
        for (const k of facet.of(v)) counts.set(k, (counts.get(k) ?? 0) + 1)
      }
      return { facet, values: facet.values(d).map((x) => ({ ...x, count: counts.get(x.value) ?? 0 })) }
    })
    groupsOf.set(d, groups)
  }
  return groups
}
