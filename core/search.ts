// Chinese text as space-separated words, by the standard library's word segmenter (ICU), so the
// search index needs no segmenter of its own. The site's search box splits queries the same way.
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })

export function searchWords(text: string): string {
  const words: string[] = []
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment)
  return words.join(' ')
}
