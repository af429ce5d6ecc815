// Reading back the text of a PDF that Chromium printed, with PDF.js (pdfjs-dist).
// Chromium writes each glyph's text (the PDF's ToUnicode map) as the lowest code point the font maps
// to that glyph. Noto CJK (the Chinese font of Debian's Chromium here) draws the radicals and the
// ideographs they look like with one glyph, so 人 reads back as the Kangxi radical ⼈ (U+2F08) and 长
// as the CJK radical ⻓ (U+2ED3). The letter is right on paper; only its text layer says the radical.
// `fold` turns those radicals back into the ideographs: NFKC does it for the Kangxi radicals, and the
// map below for the CJK Radicals Supplement (their equivalents in Unicode's EquivalentUnifiedIdeograph.txt).
import type { Page } from '@playwright/test'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

const Supplement: Record<string, string> = {
  '⺠': '民', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶', '⻐': '钅', '⻓': '长', '⻔': '门',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙',
  '⻳': '龟', '⺰': '纟', '⻁': '虎', '⻄': '西',
}

/** The text as written: radicals back to ideographs, and no whitespace (spaces, 全角空格, line breaks are layout). */
export const fold = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\u2E80-\u2EFF]/g, (c) => Supplement[c] ?? c)
    .replace(/\s+/g, '')

/** A PDF's text (folded), its number of pages and its first page's size in points. */
export async function pdfText(pdf: Uint8Array): Promise<{ text: string; pages: number; size: number[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise
  try {
    let text = ''
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
    }
    const [, , width, height] = (await doc.getPage(1)).view
    return { text: fold(text), pages: doc.numPages, size: [Math.round(width), Math.round(height)] }
  } finally {
    await doc.destroy()
  }
}

/** Chromium's PDF of the page (print CSS, the page size it asks for), read back. */
export const printToPdf = async (page: Page) => pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))

/** Clicks the button that opens a document in a new tab, and returns that tab once loaded. */
export async function openPrint(page: Page, name: string): Promise<Page> {
  const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name }).click()])
  await tab.waitForLoadState('networkidle')
  return tab
}
