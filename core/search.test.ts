import { describe, expect, it } from 'vitest'
import { indexText, joinExcerpt, PartSeparator, searchWords } from './search'

describe('searchWords', () => {
  it.each([
    ['竹林路与松风路交叉口缺少红绿灯', '红绿灯'],
    ['梅园新村电梯故障频发', '电梯'],
    ['请城管分队牵头整治，绿化办配合。', '整治'],
  ])('splits %s so that %s is a word of its own', (text, word) => {
    expect(searchWords(text).split(' ')).toContain(word)
  })

  it('drops punctuation and keeps Latin words and numbers whole', () => {
    expect(searchWords('3号楼，A座：WiFi 信号差！')).toBe(searchWords('3号楼 A座 WiFi 信号差'))
    expect(searchWords('WiFi 2026').split(' ')).toEqual(['WiFi', '2026'])
  })

  it('gives a query the same words as the text it should find', () => {
    const text = searchWords('松风小区电动自行车被盗多发')
    for (const w of searchWords('电动自行车被盗').split(' ')) expect(text.split(' ')).toContain(w)
  })
})

describe('indexText and joinExcerpt', () => {
  it('keeps the words of searchWords, and the punctuation as tokens of its own', () => {
    const text = '经与交警部门会商，已增设信号灯。'
    const tokens = indexText(text).split(' ')
    for (const w of searchWords(text).split(' ')) expect(tokens).toContain(w)
    expect(tokens).toContain('，')
    expect(tokens).toContain('。')
  })

  it('reads an excerpt of indexed text as the text was written, with the matches marked', () => {
    const text = '经与交警部门会商，已在该路口增设信号灯和斑马线，并安排协管员值守。'
    expect(joinExcerpt(indexText(text))).toBe(text)
    const marked = indexText(text).replace('交警', '<mark>交警</mark>')
    expect(joinExcerpt(marked)).toBe('经与<mark>交警</mark>部门会商，已在该路口增设信号灯和斑马线，并安排协管员值守。')
  })

  it('keeps a space only between Latin letters or digits', () => {
    expect(joinExcerpt(indexText('3号楼 WiFi 2026 年信号差'))).toBe('3号楼WiFi 2026年信号差')
    expect(joinExcerpt('WiFi <mark>2026</mark> 年')).toBe('WiFi <mark>2026</mark>年')
    expect(joinExcerpt(indexText('2026-001'))).toBe('2026-001')
  })

  it('shows the separator between the texts of a record, but not at either end of an excerpt', () => {
    const record = ['2026-001', '缺少红绿灯', '建议增设信号灯。'].map(indexText).join(` ${PartSeparator} `)
    expect(joinExcerpt(record)).toBe('2026-001｜缺少红绿灯｜建议增设信号灯。')
    expect(joinExcerpt(record.slice(record.indexOf(PartSeparator)))).toBe('缺少红绿灯｜建议增设信号灯。')
    expect(joinExcerpt(`${indexText('缺少红绿灯')} ${PartSeparator}`)).toBe('缺少红绿灯')
  })

  it('escapes everything but <mark>', () => {
    expect(joinExcerpt('A &lt;b&gt; &amp; <mark>C</mark>')).toBe('A&lt;b&gt;&amp;amp;<mark>C</mark>')
    expect(joinExcerpt('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
  })
})
