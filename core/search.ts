// Chinese text as space-separated words, by the standard library's word segmenter (ICU), so the
// search index needs no segmenter of its own. The site's search box splits queries the same way.
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })

export function searchWords(text: string): string {
  const words: string[] = []
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment)
  return words.join(' ')
}

/**
 * Text as the search index stores it: the same words as `searchWords`, with the punctuation
 * kept as tokens of its own (the index finds only words; the punctuation is there so that an
 * excerpt reads as the text did). `joinExcerpt` takes the inserted spaces out again.
 */
export function indexText(text: string): string {
  const tokens: string[] = []
  for (const s of segmenter.segment(text)) if (/\S/.test(s.segment)) tokens.push(s.segment.trim())
  return tokens.join(' ')
}

/** Between the texts of one record in the index (number, title, body, …), so an excerpt shows where one ends. */
export const PartSeparator = '｜'

const LatinOrDigit = /[A-Za-z0-9]/
const isTag = (t: string) => t === '<mark>' || t === '</mark>'
const isSpace = (t: string) => /^ +$/.test(t)

/**
 * An excerpt of text stored by `indexText` (HTML: the words, and `<mark>` around the matches)
 * as people read it: a space stays only between two Latin letters or digits ("WiFi 信号" →
 * "WiFi信号", "WiFi 2026" stays), without a PartSeparator at either end. Everything but `<mark>` is
 * escaped, so the result is safe as HTML.
 */
export function joinExcerpt(excerpt: string): string {
  const tokens = excerpt.split(/(<\/?mark>| +)/).filter((t) => t !== '')
  const text = (i: number, step: 1 | -1): string => {
    for (let j = i + step; j >= 0 && j < tokens.length; j += step) if (!isTag(tokens[j]) && !isSpace(tokens[j])) return tokens[j]
    return ''
  }
  let out = ''
  tokens.forEach((t, i) => {
    if (isTag(t)) out += t
    else if (isSpace(t)) {
      if (LatinOrDigit.test(text(i, -1).slice(-1)) && LatinOrDigit.test(text(i, 1).charAt(0))) out += ' '
    } else {
      // Pagefind escapes < and > of the stored text and leaves & as it is.
      out += t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    }
  })
  // An excerpt that starts or ends where one text of the record does needs no separator there.
  return out.replace(new RegExp(`^${PartSeparator}|${PartSeparator}$`, 'g'), '')
}
