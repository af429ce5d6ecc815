import { describe, expect, it } from 'vitest'
import { xmlText } from './xml'

describe('xmlText', () => {
  it.each([
    ['plain 中文', 'plain 中文'],
    ['a & b <c> "d"', 'a &amp; b &lt;c&gt; &quot;d&quot;'],
    ['bell\u0007 backspace\u0008 esc\u001b nul\u0000', 'bell backspace esc nul'],
    ['tab\t newline\n return\r', 'tab\t newline\n return\r'],
    ['not chars \ufffe\uffff', 'not chars '],
    ['lone high \ud800 and low \udc00', 'lone high  and low '],
    ['a pair 😀 stays', 'a pair 😀 stays'],
    ['DEL \u007f is allowed in XML 1.0', 'DEL \u007f is allowed in XML 1.0'],
  ])('%j → %j', (input, expected) => {
    expect(xmlText(input)).toBe(expected)
  })
})
