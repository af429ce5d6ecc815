// The admin speaks zh-CN only. Three places, all Payload's own config:
// - `zhTranslations`: Payload's zh strings that still carry English ("Payload 设置", "ID"), set
//   through `i18n.translations`;
// - `chineseConfig`: before Payload sanitizes the config, every `{ zh, en }` label becomes its zh
//   string (Payload interpolates a label object into aria-labels and "创建新的 …" as "[object
//   Object]"), every date field shows 2026-11-30 / 2026-11-30 14:05, hidden fields stay out of the
//   list's column chooser and filter, and no document shows its API tab;
// - `chineseSanitized`: after sanitizing, the fields Payload adds itself (array rows' id, an
//   upload's file fields, its own collections' fields) get zh labels too.
// What Payload and the libraries bundled into its admin hardcode in English with no setting
// (react-select's screen-reader messages, the toaster's label) is translated in the browser by
// cms/components/ChineseAdmin.tsx.
import type { CollectionConfig, Config, Field, GlobalConfig, SanitizedConfig } from 'payload'
import { EDIT_LOCK_SECONDS } from './editLock'

/** Payload's zh translations, where they still carry English or an id. */
export const zhTranslations = {
  general: {
    payloadSettings: '界面设置',
    // Payload's IDLabel ("ID: 12") and the search box of a collection titled by its id.
    id: '序号',
    // A checkbox cell with no value (e.g. 承诺已兑现 on a visit) asks for "general:null".
    null: '—',
    undefined: '—',
  },
}

/** The date formats the admin writes: 2026-11-30, 2026-11-30 14:05 (docs/rules.md: dates). */
export const DateFormat = 'yyyy-MM-dd'
export const DateTimeFormat = 'yyyy-MM-dd HH:mm'

type Labelled = Record<string, unknown>
const isZhObject = (v: unknown): v is { zh: string } => !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { zh?: unknown }).zh === 'string'
/** `{ zh, en }` → its zh string; anything else as it is. */
export const zhOf = <T>(v: T): T | string => (isZhObject(v) ? v.zh : v)

function zhKeys(o: Labelled | undefined, keys: string[]) {
  if (!o) return
  for (const k of keys) if (k in o) o[k] = zhOf(o[k])
}

const displayFormats: Record<string, string> = { dayOnly: DateFormat, dayAndTime: DateTimeFormat, monthOnly: 'yyyy-MM', timeOnly: 'HH:mm' }

/** A date field shows 2026-11-30 (14:05): in its input and in its picker's list of times (not "2:05 PM"). */
function chineseDate(admin: Labelled) {
  const date = (admin.date ??= {}) as Labelled
  date.displayFormat ??= displayFormats[String(date.pickerAppearance ?? 'dayOnly')] ?? DateTimeFormat
  date.timeFormat ??= 'HH:mm'
}

function chineseField(field: Field): Field {
  const f = field as unknown as Labelled & { admin?: Labelled; type: string }
  zhKeys(f, ['label'])
  zhKeys(f.labels as Labelled | undefined, ['singular', 'plural'])
  zhKeys(f.admin, ['description', 'placeholder'])
  if (Array.isArray(f.options)) f.options = f.options.map((o) => (o && typeof o === 'object' ? { ...o, label: zhOf((o as Labelled).label) } : o))
  if (f.type === 'date') chineseDate((f.admin ??= {}) as Labelled)
  // An array's rows are named after its items: without `labels`, Payload makes "Rehandling 01" of the field's name.
  if (f.type === 'array' && !f.labels && typeof f.label === 'string') f.labels = { singular: f.label, plural: f.label }
  // What the form does not show is not offered as a column or a filter either ("Client Key", "Saved Status").
  if (f.admin?.hidden === true) {
    f.admin.disableListColumn ??= true
    f.admin.disableListFilter ??= true
  }
  if (Array.isArray(f.fields)) f.fields = (f.fields as Field[]).map(chineseField)
  if (Array.isArray(f.tabs))
    f.tabs = (f.tabs as Labelled[]).map((t) => {
      zhKeys(t, ['label', 'description'])
      return { ...t, fields: (t.fields as Field[]).map(chineseField) }
    })
  if (Array.isArray(f.blocks))
    for (const b of f.blocks as Labelled[]) {
      zhKeys(b.labels as Labelled | undefined, ['singular', 'plural'])
      b.fields = (b.fields as Field[]).map(chineseField)
    }
  return field
}

function chineseEntity<T extends CollectionConfig | GlobalConfig>(entity: T): T {
  const e = entity as unknown as Labelled & { admin?: Labelled; fields: Field[] }
  zhKeys(e, ['label'])
  zhKeys(e.labels as Labelled | undefined, ['singular', 'plural'])
  e.admin ??= {}
  zhKeys(e.admin, ['group', 'description'])
  // The API tab and its URL are for programmers, not for the people who use the admin.
  e.admin.hideAPIURL = true
  // An edit lock ends soon after its holder's tab is gone (cms/components/EditLock.tsx keeps it while the tab is open).
  if (e.lockDocuments !== false) e.lockDocuments = { duration: EDIT_LOCK_SECONDS }
  e.fields = e.fields.map(chineseField)
  return entity
}

/** The config's collections and globals in zh only (before Payload sanitizes it). */
export function chineseConfig(config: Config): Config {
  return {
    ...config,
    collections: config.collections?.map(chineseEntity),
    globals: config.globals?.map(chineseEntity),
  }
}

/** zh labels of the fields Payload adds by itself while sanitizing (an upload's file, auth, its own collections). */
const AddedFieldLabels: Record<string, string> = {
  filename: '文件名',
  mimeType: '文件类型',
  filesize: '文件大小',
  width: '宽度',
  height: '高度',
  focalX: '焦点横坐标',
  focalY: '焦点纵坐标',
  url: '链接',
  thumbnailURL: '缩略图链接',
  resetPasswordToken: '重置密码令牌',
  resetPasswordExpiration: '重置密码有效期',
  resetPasswordRequestedAt: '申请重置密码时间',
  loginAttempts: '登录失败次数',
  lockUntil: '锁定至',
  expiresAt: '过期时间',
  document: '文档',
  globalSlug: '全局设置',
  user: '用户',
  key: '键',
  value: '值',
  data: '数据',
  name: '名称',
  batch: '批次',
  input: '输入',
  taskStatus: '任务状态',
  completedAt: '完成时间',
  executedAt: '执行时间',
  totalTried: '尝试次数',
  hasError: '出错',
  error: '错误',
  log: '日志',
  taskSlug: '任务',
  taskID: '任务序号',
  workflowSlug: '工作流',
  queue: '队列',
  waitUntil: '等待至',
  processing: '处理中',
  meta: '附加信息',
  concurrencyKey: '并发键',
  output: '输出',
  state: '状态',
  stats: '统计',
  parent: '上级',
  id: '序号',
}

/** Addresses of files and ids are not for people: not offered as list columns or filters. */
const NotForPeople = new Set(['url', 'thumbnailURL', 'focalX', 'focalY', 'id'])

/** Payload's own English in its own collections' tabs, groups and descriptions. */
const AddedTexts: Record<string, string> = { Status: '状态', System: '系统' }

const hasChinese = (v: unknown) => typeof v === 'string' && /[\u4e00-\u9fff]/.test(v)

function chineseAdded(fields: Field[]) {
  for (const field of fields) {
    const f = field as unknown as Labelled & { admin?: Labelled; type: string; name?: string }
    f.admin ??= {}
    if (f.name && typeof f.label !== 'function' && f.label !== false && !hasChinese(f.label) && AddedFieldLabels[f.name]) f.label = AddedFieldLabels[f.name]
    if (f.name && NotForPeople.has(f.name)) {
      f.admin.disableListColumn = true
      f.admin.disableListFilter = true
    }
    if (typeof f.admin.description === 'string' && !hasChinese(f.admin.description)) delete f.admin.description
    if (f.type === 'date') chineseDate(f.admin)
    if (f.type === 'array' && !hasChinese((f.labels as Labelled | undefined)?.singular) && typeof f.label === 'string') f.labels = { singular: f.label, plural: f.label }
    if (f.admin.hidden === true) {
      f.admin.disableListColumn ??= true
      f.admin.disableListFilter ??= true
    }
    if (Array.isArray(f.fields)) chineseAdded(f.fields as Field[])
    if (Array.isArray(f.tabs))
      for (const t of f.tabs as Labelled[]) {
        if (typeof t.label === 'string' && AddedTexts[t.label]) t.label = AddedTexts[t.label]
        chineseAdded(t.fields as Field[])
      }
  }
}

const PayloadLabels: Record<string, string> = {
  'payload-locked-documents': '编辑锁',
  'payload-preferences': '界面偏好',
  'payload-migrations': '数据库迁移',
  'payload-jobs': '后台任务',
  'payload-jobs-stats': '后台任务统计',
  'payload-kv': '键值存储',
}

/** The sanitized config's added fields and Payload's own collections and globals in zh (after Payload sanitizes it). */
export function chineseSanitized(config: SanitizedConfig): SanitizedConfig {
  for (const c of config.collections) {
    chineseAdded(c.fields)
    const label = PayloadLabels[c.slug]
    if (label) c.labels = { singular: label, plural: label }
    if (typeof c.admin.group === 'string' && AddedTexts[c.admin.group]) c.admin.group = AddedTexts[c.admin.group]
    c.admin.hideAPIURL = true
  }
  for (const g of config.globals) {
    chineseAdded(g.fields)
    if (PayloadLabels[g.slug]) g.label = PayloadLabels[g.slug]
    if (typeof g.admin.group === 'string' && AddedTexts[g.admin.group]) g.admin.group = AddedTexts[g.admin.group]
    g.admin.hideAPIURL = true
  }
  return config
}
