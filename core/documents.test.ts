import { describe, expect, it } from 'vitest'
import {
  abbreviationProblem,
  DefaultOfficeAbbreviation,
  docAbbreviation,
  docNumberKey,
  docNumberYear,
  formatChineseDate,
  formatDocNumber,
  numberInOrder,
} from './documents'

describe('formatDocNumber', () => {
  it.each([
    [2026, '城管', 17, '〔2026〕城管答字第017号'],
    [2026, '城管', 1, '〔2026〕城管答字第001号'],
    [2026, '房管', 99, '〔2026〕房管答字第099号'],
    [2027, '代表工作室', 100, '〔2027〕代表工作室答字第100号'],
    [2026, '城管', 1234, '〔2026〕城管答字第1234号'],
    [2026, 'A1', 5, '〔2026〕A1答字第005号'],
  ])('%i %s %i → %s', (year, abbreviation, seq, expected) => {
    expect(formatDocNumber(year, abbreviation, seq)).toBe(expected)
  })

  it.each([
    [26, '城管', 1],
    [2026, '城管', 0],
    [2026, '城管', -1],
    [2026, '城管', 1.5],
    [2026, '', 1],
    [2026, '城 管', 1],
    [2026, '城管〕', 1],
  ])('refuses %i %j %i', (year, abbreviation, seq) => {
    expect(() => formatDocNumber(year, abbreviation, seq)).toThrow(RangeError)
  })
})

describe('docNumberYear: the sign-off’s year in China local time', () => {
  it.each([
    ['2026-03-02T02:00:00.000Z', 2026],
    ['2026-12-31T15:59:59.999Z', 2026],
    // 00:00 on 1 January in Shanghai is still 31 December in UTC.
    ['2026-12-31T16:00:00.000Z', 2027],
    ['2027-01-01T00:00:00+08:00', 2027],
    ['2025-12-31T23:59:00+08:00', 2025],
  ])('%s → %i', (at, year) => {
    expect(docNumberYear(at)).toBe(year)
  })
})

describe('docNumberKey: one series per abbreviation per year', () => {
  it('differs by year and by abbreviation', () => {
    const keys = [docNumberKey(2026, '城管'), docNumberKey(2027, '城管'), docNumberKey(2026, '房管')]
    expect(new Set(keys).size).toBe(3)
    expect(docNumberKey(2026, '城管')).toBe(docNumberKey(2026, '城管'))
  })
})

describe('abbreviationProblem', () => {
  it.each([
    ['城管', null],
    ['代表工作室', null],
    ['ABC12', null],
    ['一二三四五六七八', null],
    ['一二三四五六七八九', '文号简称最多 8 个字'],
    ['', '请填写文号简称'],
    ['  ', '请填写文号简称'],
    [null, '请填写文号简称'],
    ['城 管', '文号简称只能用汉字、字母和数字，不能有空格或标点'],
    ['城管（一）', '文号简称只能用汉字、字母和数字，不能有空格或标点'],
    ['〔城管〕', '文号简称只能用汉字、字母和数字，不能有空格或标点'],
  ])('%j → %j', (value, problem) => {
    expect(abbreviationProblem(value)).toBe(problem)
  })
})

describe('docAbbreviation', () => {
  it.each([
    ['the section’s own', { name: '城管分队', abbreviation: '城管' }, { officeAbbreviation: '工作室' }, '城管'],
    ['trimmed', { name: '城管分队', abbreviation: ' 城管 ' }, null, '城管'],
    ['the section’s name when none is set', { name: '城管分队', abbreviation: null }, { officeAbbreviation: '工作室' }, '城管分队'],
    ['the name without punctuation', { name: '社区（自治）办', abbreviation: '' }, null, '社区自治办'],
    ['the name when the abbreviation is unusable', { name: '房管办', abbreviation: '房 管' }, null, '房管办'],
    ['the office’s for an office-drafted reply', null, { officeAbbreviation: '工作室' }, '工作室'],
    ['the default when the office has none', null, { officeAbbreviation: null }, DefaultOfficeAbbreviation],
    ['the default without settings', null, null, DefaultOfficeAbbreviation],
  ])('%s', (_, section, office, expected) => {
    expect(docAbbreviation(section, office)).toBe(expected)
  })
})

describe('numberInOrder: a backlog numbered in sign-off order', () => {
  it('numbers each abbreviation and year from 1, in sign-off order then id', () => {
    const { numbers, counters } = numberInOrder([
      { id: 5, signedOffAt: '2026-03-05T02:00:00Z', abbreviation: '城管' },
      { id: 2, signedOffAt: '2026-03-01T02:00:00Z', abbreviation: '城管' },
      { id: 3, signedOffAt: '2026-03-01T02:00:00Z', abbreviation: '房管' },
      { id: 1, signedOffAt: '2026-03-05T02:00:00Z', abbreviation: '城管' },
      { id: 9, signedOffAt: '2025-12-31T16:30:00Z', abbreviation: '城管' },
      { id: 8, signedOffAt: '2025-12-31T15:30:00Z', abbreviation: '城管' },
    ])
    expect(Object.fromEntries(numbers)).toEqual({
      8: '〔2025〕城管答字第001号',
      // 00:30 on 1 January in Shanghai: the first of 2026.
      9: '〔2026〕城管答字第001号',
      2: '〔2026〕城管答字第002号',
      1: '〔2026〕城管答字第003号',
      5: '〔2026〕城管答字第004号',
      3: '〔2026〕房管答字第001号',
    })
    expect(Object.fromEntries(counters)).toEqual({ 'reply-doc:2025:城管': 1, 'reply-doc:2026:城管': 4, 'reply-doc:2026:房管': 1 })
  })

  it('continues after the numbers already given', () => {
    const { numbers, counters } = numberInOrder([{ id: 'a', signedOffAt: '2026-04-01T02:00:00Z', abbreviation: '城管' }], new Map([['reply-doc:2026:城管', 16]]))
    expect(numbers.get('a')).toBe('〔2026〕城管答字第017号')
    expect(counters.get('reply-doc:2026:城管')).toBe(17)
  })

  it('numbers nothing when nothing is signed off', () => {
    expect(numberInOrder([]).numbers.size).toBe(0)
  })
})

describe('formatChineseDate', () => {
  it.each([
    ['2026-11-30', '2026年11月30日'],
    ['2026-03-02', '2026年3月2日'],
    ['2026-11-29T16:00:00.000Z', '2026年11月30日'],
    ['2026-11-30T15:59:00.000Z', '2026年11月30日'],
  ])('%s → %s', (value, expected) => {
    expect(formatChineseDate(value)).toBe(expected)
  })
})
