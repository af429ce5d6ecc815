'use client'
// 筛选 above a list, by clicks and in words: each filter a dropdown of named options (never ids,
// never typed conditions), set in the list's own query (the `where` of the page's address,
// cms/lib/listFilters.ts), so Payload's list, its paging and sorting, and 导出 Excel follow it.
// The current choices are shown in words and can be cleared one by one or all at once.
import { Button, ReactSelect, useListQuery } from '@payloadcms/ui'
import type { Where } from 'payload'
import { chosenOption, withChoice, withoutFilters, type ListFilter } from '../lib/listFilters'

/** Shown when a filter holds conditions that are none of its options (another day's date bounds, a builder condition). */
const Other = '其他条件'

export function FilterBar({ filters, collection }: { filters: ListFilter[]; collection: string }) {
  const { query, handleWhereChange } = useListQuery()
  const where = query?.where as Where | undefined
  const chosen = filters.map((f) => ({ filter: f, choice: chosenOption(f, where) }))
  const active = chosen.filter((c) => c.choice !== null)
  const id = (key: string) => `filter-${collection}-${key}`
  const change = (next: Where) => void handleWhereChange?.(next)

  return (
    <section className="filter-bar" aria-label="筛选">
      <div className="filter-bar__filters">
        {chosen.map(({ filter, choice }) => {
          const options = filter.options.map((o, i) => ({ label: o.label, value: String(i) }))
          const value = choice === null ? undefined : choice === 'other' ? { label: Other, value: 'other' } : options[choice]
          return (
            <div key={filter.key} className="filter-bar__filter" data-filter={filter.key}>
              <label htmlFor={id(filter.key)}>{filter.label}</label>
              <ReactSelect
                inputId={id(filter.key)}
                isClearable
                placeholder="全部"
                options={options}
                value={value}
                noOptionsMessage={() => '没有可选项'}
                onChange={(picked) => {
                  const index = picked && !Array.isArray(picked) ? Number(picked.value) : NaN
                  change(withChoice(where, filter, Number.isInteger(index) ? filter.options[index] : null))
                }}
              />
            </div>
          )
        })}
      </div>
      <p className="filter-bar__summary" aria-live="polite">
        {active.length === 0 ? (
          '未筛选：显示全部'
        ) : (
          <>
            当前筛选：
            {active.map(({ filter, choice }) => (
              <span key={filter.key} className="filter-bar__chip">
                {filter.label}：{choice === 'other' ? Other : filter.options[choice as number].label}
              </span>
            ))}
            <Button buttonStyle="secondary" size="small" margin={false} onClick={() => change(withoutFilters(where, filters))}>
              清除筛选
            </Button>
          </>
        )}
      </p>
    </section>
  )
}
