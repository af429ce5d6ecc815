// Reference data and accounts that both the demo seed and the tests start from.
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import type { User } from '../payload-types'
import { DefaultCalendarData } from '../../core/calendar'
import { DefaultDeadlineSettings } from '../../core/types'
import { SeedContext } from './context'

/** Each section's 文号简称 and the contact its letters name (a work phone, not public). */
export const SectionSeeds = [
  { slug: 'chengguan', name: '城管分队', description: '市容环境、违章搭建、占道经营', abbreviation: '城管', contactName: '孙立', contactPhone: '021-5081 2301' },
  { slug: 'fangguan', name: '房管办', description: '老旧小区、电梯加装、物业监管', abbreviation: '房管', contactName: '钱芳', contactPhone: '021-5081 2302' },
  { slug: 'lvhua', name: '绿化办', description: '绿地养护、树木修剪', abbreviation: '绿化', contactName: '吴松', contactPhone: '021-5081 2303' },
  { slug: 'paichusuo', name: '派出所', description: '治安、交通秩序', abbreviation: '派出所', contactName: '郑警官', contactPhone: '021-5081 2304' },
  { slug: 'shichang', name: '市场监管所', description: '菜场、食品安全、经营噪声', abbreviation: '市监', contactName: '冯洁', contactPhone: '021-5081 2305' },
  { slug: 'zizhi', name: '社区自治办', description: '居民自治、停车管理、社区设施', abbreviation: '自治', contactName: '褚云', contactPhone: '021-5081 2306' },
  { slug: 'shiwu', name: '社会事务科', description: '养老、助餐、救助', abbreviation: '社事', contactName: '卫红', contactPhone: '021-5081 2307' },
  { slug: 'pingan', name: '平安办', description: '消防安全、隐患排查', abbreviation: '平安', contactName: '蒋毅', contactPhone: '021-5081 2308' },
] as const

/** 公文设置: the letterhead of printed replies and evaluation forms. */
export const LetterheadSeed = {
  organization: '梅园街道办事处',
  officeUnit: '代表工作室',
  officeAbbreviation: '代表',
  officeContactName: '周敏',
  officeContactPhone: '021-5081 2300',
}

export const AreaSeeds = ['梅园居民区', '竹林居民区', '松风居民区', '兰亭居民区', '桂苑居民区', '枫桥居民区'] as const

/** One demo account per role; the README lists them. */
export const DemoPassword = 'demo-2026'
export const StaffSeeds = [
  { email: 'admin@demo.local', name: '系统管理员', role: 'admin' },
  { email: 'office@demo.local', name: '周敏（代表工作室）', role: 'office' },
  { email: 'leader@demo.local', name: '陈建国（街道副主任）', role: 'leader' },
  { email: 'staff@demo.local', name: '李强（城管分队经办人）', role: 'sectionStaff', section: 'chengguan' },
  { email: 'head@demo.local', name: '王海（城管分队队长）', role: 'sectionHead', section: 'chengguan' },
] as const

export interface Reference {
  sections: Record<string, number | string>
  areas: (number | string)[]
  sessions: { previous: number | string; current: number | string; year: number }
}

/** The statutory calendar shipped with the project (2025, 2026); later years are entered in the admin. */
export async function createCalendar(payload: Payload): Promise<void> {
  for (const [kind, days] of [
    ['holiday', DefaultCalendarData.holidays],
    ['makeUpWorkday', DefaultCalendarData.makeUpWorkdays],
  ] as const) {
    for (const d of days) await payload.create({ collection: 'holidays', data: { date: d.date, name: d.name, kind }, overrideAccess: true, context: SeedContext })
  }
}

export async function createSession(payload: Payload, year: number, current: boolean): Promise<number | string> {
  const doc = await payload.create({
    collection: 'sessions',
    data: { name: `${year}年度居民代表会议`, slug: String(year), year, current, deadlines: { ...DefaultDeadlineSettings } },
    overrideAccess: true, context: SeedContext,
  })
  return doc.id
}

export async function createReferenceData(payload: Payload, year: number): Promise<Reference> {
  const sections: Record<string, number | string> = {}
  for (const s of SectionSeeds) sections[s.slug] = (await payload.create({ collection: 'sections', data: { ...s }, overrideAccess: true, context: SeedContext })).id
  await payload.updateGlobal({ slug: 'letterhead', data: LetterheadSeed, overrideAccess: true, context: SeedContext })
  const areas = []
  for (const name of AreaSeeds) areas.push((await payload.create({ collection: 'residential-areas', data: { name }, overrideAccess: true, context: SeedContext })).id)
  const previous = await createSession(payload, year - 1, false)
  const current = await createSession(payload, year, true)
  await createCalendar(payload)
  return { sections, areas, sessions: { previous, current, year } }
}

export async function createStaff(payload: Payload, ref: Reference) {
  const users = {} as Record<(typeof StaffSeeds)[number]['role'], User>
  for (const s of StaffSeeds) {
    const section = 'section' in s ? ref.sections[s.section] : undefined
    users[s.role] = await payload.create({
      collection: 'users',
      // A section's id is a number on SQLite and PostgreSQL, a string on MongoDB (the generated type says number).
      data: { email: s.email, name: s.name, role: s.role, section, password: DemoPassword } as RequiredDataFromCollectionSlug<'users'>,
      overrideAccess: true, context: SeedContext,
    })
  }
  return users
}
