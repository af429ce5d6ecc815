// Every name the admin can show is zh-CN: each collection's and global's labels and group, each
// field a form, a list column, a filter or a row shows (Payload's own added fields and its own
// collections included), each choice of a select, each tab. Read from the config as Payload runs
// it (sanitized), so a field Payload adds by itself is checked as well as ours.
import { initI18n } from '@payloadcms/translations'
import type { Field, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

let config: SanitizedConfig
let t: (key: string) => string

beforeAll(async () => {
  config = await (await import('../payload.config')).default
  const i18n = await initI18n({ config: config.i18n, language: 'zh', context: 'api' })
  t = i18n.t as unknown as (key: string) => string
})

const chinese = /[\u4e00-\u9fff]/
/** Latin words allowed in descriptions (file formats, the database products the admin names). */
const allowed = new Set(['PDF', 'Excel', 'SQLite', 'PostgreSQL', 'PNG', 'JPEG', 'JPG', 'Word'])

/** A label as the admin shows it in zh: a string, or a function of Payload's translations. */
const shown = (label: unknown): unknown => (typeof label === 'function' ? label({ t, i18n: { language: 'zh', t } }) : label)

type Problem = string
function checkName(where: string, label: unknown, problems: Problem[], optional = false) {
  const text = shown(label)
  if (text === false || (optional && text === undefined)) return
  if (typeof text !== 'string' || !chinese.test(text)) problems.push(`${where}: ${JSON.stringify(text)}`)
}

function checkProse(where: string, text: unknown, problems: Problem[]) {
  const s = shown(text)
  if (s == null) return
  if (typeof s !== 'string') return problems.push(`${where}: not a string (${JSON.stringify(s)})`)
  const words = (s.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w))
  if (words.length) problems.push(`${where}: ${JSON.stringify(s)}`)
}

/** A field nobody sees: hidden from the form and kept out of list columns and filters. */
/** A field as this test reads it: any kind, the properties that name it. */
type Loose = {
  name?: string
  type?: string
  label?: unknown
  hidden?: boolean
  admin?: { hidden?: boolean; disabled?: boolean; disableListColumn?: boolean; disableListFilter?: boolean; description?: unknown; placeholder?: unknown; date?: { displayFormat?: string; timeFormat?: string } }
  options?: ({ value: string; label: unknown } | string)[]
  labels?: { singular?: unknown }
  fields?: Field[]
  tabs?: { name?: string; label?: unknown; fields: Field[] }[]
  blocks?: { slug: string; fields: Field[] }[]
}
const unseen = (f: Loose) =>
  f.hidden === true || f.admin?.disabled === true || (f.admin?.hidden === true && f.admin?.disableListColumn === true && f.admin?.disableListFilter === true)

function checkFields(where: string, fields: Field[], problems: Problem[]) {
  for (const field of fields) {
    const f = field as Loose
    const name = `${where}.${f.name ?? f.type}`
    // What nobody sees may keep Payload's own names, and so may what it holds.
    if (f.name && unseen(f)) continue
    if (f.name && !unseen(f)) checkName(`${name} (label)`, f.label, problems)
    if (!unseen(f)) {
      checkProse(`${name} (description)`, f.admin?.description, problems)
      checkProse(`${name} (placeholder)`, f.admin?.placeholder, problems)
    }
    if (Array.isArray(f.options)) for (const o of f.options) if (typeof o === 'object') checkName(`${name} option ${o.value}`, o.label, problems)
    if (f.type === 'array' && !unseen(f)) checkName(`${name} (row label)`, f.labels?.singular, problems)
    if (f.type === 'date' && !unseen(f)) {
      const format = f.admin?.date?.displayFormat
      if (!/^yyyy-MM-dd( HH:mm)?$|^yyyy-MM$|^HH:mm$/.test(format ?? '')) problems.push(`${name} (date format): ${JSON.stringify(format)}`)
      if (f.admin?.date?.timeFormat !== 'HH:mm') problems.push(`${name} (time format): ${JSON.stringify(f.admin?.date?.timeFormat)}`)
    }
    if (Array.isArray(f.fields)) checkFields(name, f.fields, problems)
    if (Array.isArray(f.tabs))
      for (const tab of f.tabs) {
        checkName(`${name} tab`, tab.label, problems, !!tab.name)
        checkFields(`${name}.${tab.name ?? tab.label}`, tab.fields, problems)
      }
    if (Array.isArray(f.blocks)) for (const b of f.blocks) checkFields(`${name}.${b.slug}`, b.fields, problems)
  }
}

describe('the admin in zh-CN only', () => {
  it('offers no language but zh', () => {
    expect(Object.keys(config.i18n.supportedLanguages ?? {})).toEqual(['zh'])
  })

  it('names every collection, group, field, choice, tab and row in Chinese', () => {
    const problems: Problem[] = []
    for (const c of config.collections) {
      checkName(`${c.slug} (singular)`, c.labels.singular, problems)
      checkName(`${c.slug} (plural)`, c.labels.plural, problems)
      if (c.admin.group !== undefined) checkName(`${c.slug} (group)`, c.admin.group, problems)
      checkProse(`${c.slug} (description)`, c.admin.description, problems)
      checkFields(c.slug, c.fields, problems)
      // The list's search box is named after the title field ("搜索 标题"), hidden or not.
      const title = c.fields.find((f) => 'name' in f && f.name === c.admin.useAsTitle)
      if (title && 'label' in title) checkName(`${c.slug}.${c.admin.useAsTitle} (title, named in the search box)`, title.label, problems)
    }
    for (const g of config.globals) {
      checkName(`${g.slug} (label)`, g.label, problems)
      if (g.admin.group !== undefined) checkName(`${g.slug} (group)`, g.admin.group, problems)
      checkFields(g.slug, g.fields, problems)
    }
    expect(problems).toEqual([])
  })

  it('shows no API tab or URL on any document', () => {
    expect(config.collections.filter((c) => !c.admin.hidden && c.admin.hideAPIURL !== true).map((c) => c.slug)).toEqual([])
    expect(config.globals.filter((g) => g.admin.hideAPIURL !== true).map((g) => g.slug)).toEqual([])
  })

  it("replaces Payload's zh strings that still carry English", () => {
    for (const key of ['general:payloadSettings', 'general:id', 'general:null']) expect(t(key), key).not.toMatch(/[A-Za-z]/)
    expect(t('general:payloadSettings')).toBe('界面设置')
  })
})
