// Printed documents: the reply letter's number (文号, e.g. 〔2026〕城管答字第017号) and dates as
// letters write them. The number is given when the reply is signed off (cms/collections/Replies/
// hooks/assignDocNumber.ts), one series per abbreviation per year, counted in China local time.
import { chineseDate, toLocalDate } from './calendar'

/** The office's abbreviation when the settings give none. */
export const DefaultOfficeAbbreviation = '代表工作室'

/** 文号简称: at most this many characters. */
export const AbbreviationMaxLength = 8

/**
 * Why an abbreviation can't stand in a 文号 (zh-CN), or null when it can: 1–8 characters, Chinese,
 * letters or digits only — no spaces, brackets or 字/号 punctuation that would make the number ambiguous.
 */
export function abbreviationProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return '请填写文号简称'
  if ([...value].length > AbbreviationMaxLength) return `文号简称最多 ${AbbreviationMaxLength} 个字`
  if (!/^[\p{Script=Han}A-Za-z0-9]+$/u.test(value)) return '文号简称只能用汉字、字母和数字，不能有空格或标点'
  return null
}

/** The year a sign-off counts in: its year in China local time (a sign-off at 2026-12-31T16:30Z is 2027's). */
export const docNumberYear = (signedOffAt: string): number => Number(toLocalDate(signedOffAt).slice(0, 4))

/** The counter (cms/lib/sequence.ts) behind one abbreviation's numbers in one year. */
export const docNumberKey = (year: number, abbreviation: string): string => `reply-doc:${year}:${abbreviation}`

/** 〔2026〕城管答字第017号: the year, the abbreviation, 答字, the number in at least three digits. */
export function formatDocNumber(year: number, abbreviation: string, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must be four digits, got ${year}`)
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer, got ${seq}`)
  if (abbreviationProblem(abbreviation)) throw new RangeError(`bad abbreviation ${JSON.stringify(abbreviation)}`)
  return `〔${year}〕${abbreviation}答字第${String(seq).padStart(3, '0')}号`
}

const trimmed = (s: string | null | undefined): string => (typeof s === 'string' ? s.trim() : '')

/** A section's name as a number can use it: only its Chinese characters, letters and digits. */
const usable = (s: string): string => [...s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')].slice(0, AbbreviationMaxLength).join('')

/**
 * The abbreviation a reply's number takes: its section's 文号简称 (the section's name when none is
 * set yet); an office-drafted reply (no section) takes the office's from the settings.
 */
export function docAbbreviation(
  section: { name?: string | null; abbreviation?: string | null } | null | undefined,
  office: { officeAbbreviation?: string | null } | null | undefined,
): string {
  const candidates = section ? [trimmed(section.abbreviation), usable(trimmed(section.name))] : [trimmed(office?.officeAbbreviation)]
  return candidates.find((c) => c !== '' && abbreviationProblem(c) === null) ?? DefaultOfficeAbbreviation
}

export interface SignedOffReply<Id> {
  id: Id
  signedOffAt: string
  abbreviation: string
}

/**
 * Numbers for replies signed off before numbering existed (a data migration): in sign-off order
 * (then by id), each abbreviation and year its own series, continuing after `used` (the counters'
 * values so far, by docNumberKey). Returns each reply's number and the counters' new values.
 */
export function numberInOrder<Id extends string | number>(
  replies: readonly SignedOffReply<Id>[],
  used: ReadonlyMap<string, number> = new Map(),
): { numbers: Map<Id, string>; counters: Map<string, number> } {
  const ordered = [...replies].sort(
    (a, b) => Date.parse(a.signedOffAt) - Date.parse(b.signedOffAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  const counters = new Map(used)
  const numbers = new Map<Id, string>()
  for (const r of ordered) {
    const year = docNumberYear(r.signedOffAt)
    const key = docNumberKey(year, r.abbreviation)
    const seq = (counters.get(key) ?? 0) + 1
    counters.set(key, seq)
    numbers.set(r.id, formatDocNumber(year, r.abbreviation, seq))
  }
  return { numbers, counters }
}

/** '2026-11-30T02:00:00Z' or '2026-11-30' → '2026年11月30日': core/calendar.ts `chineseDate`, the one formatter. */
export const formatChineseDate = chineseDate
