import { describe, expect, it } from 'vitest'
import { searchWords } from './search'

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
