// The printed documents' CSS: on screen a grey desk with A4 sheets; on paper (and PDF) only the
// sheets, A4 with the margins of GB/T 9704 (公文格式: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
// Fonts: the Song/FangSong faces Windows and macOS offices have, then Noto CJK (Linux).
export const PrintCSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
.print-desk { min-height: 100vh; background: #e9e9e9; color: #000; padding: 0 0 3rem; }
.print-toolbar { position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 1rem; flex-wrap: wrap;
  padding: 0.75rem 1.5rem; background: #fff; border-bottom: 1px solid #ccc; font: 15px/1.5 system-ui, sans-serif; }
.print-toolbar button { font: inherit; padding: 0.4rem 1.2rem; border-radius: 4px; border: 1px solid #888; background: #fff; color: #000; cursor: pointer; }
.print-toolbar button.primary { background: #1f4e8c; border-color: #1f4e8c; color: #fff; }
.print-toolbar .hint { color: #555; }
.print-notice { max-width: 210mm; margin: 1rem auto 0; padding: 0.6rem 1rem; background: #fff4d6; border: 1px solid #e0b84c; font: 15px/1.5 system-ui, sans-serif; }
.print-sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 1.5rem auto 0; padding: 37mm 26mm 35mm 28mm; background: #fff; color: #000;
  box-shadow: 0 1px 4px rgba(0,0,0,.25);
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", "Songti SC", serif;
  font-size: 16pt; line-height: 1.75; }
.print-sheet p { margin: 0; }
.print-sheet h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-weight: 700;
  font-size: 22pt; line-height: 1.5; text-align: center; margin: 0 0 0.8em; }
.letter__org { color: #c00; font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif; font-weight: 700;
  font-size: 30pt; line-height: 1.3; text-align: center; letter-spacing: 0.05em; }
.letter__meta { display: flex; justify-content: space-between; margin-top: 1.2em; font-size: 16pt; }
.letter__rule { border: 0; border-top: 2px solid #c00; margin: 0.3em 0 1.6em; }
.letter__sub { text-align: center; font-size: 14pt; margin: -0.6em 0 1.2em !important; }
.letter__to { margin-bottom: 0.3em !important; }
.letter__para, .letter__item { text-indent: 2em; }
.letter__sign { margin: 3em 0 0 auto; width: max-content; text-align: center; }
.letter__contact { margin-top: 1.5em !important; }
.form__org { text-align: center; font-size: 16pt; }
.form__for { text-align: right; font-size: 14pt; margin-bottom: 0.4em !important; }
.form__table { width: 100%; border-collapse: collapse; font-size: 13pt; line-height: 1.6; }
.form__table th, .form__table td { border: 1px solid #000; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
.form__table th { width: 6em; font-weight: 700; white-space: nowrap; }
.form__table tr { break-inside: avoid; }
.form__text p + p { margin-top: 0.3em; }
.form__ratings { display: flex; gap: 2.5em; padding: 0.3em 0; }
.form__box { display: inline-block; width: 0.9em; height: 0.9em; border: 1.5px solid #000; margin-right: 0.35em; vertical-align: -0.1em; }
.form__lines { height: 8em; }
.form__hint { font-size: 11pt; color: #333; }
.form__note { font-size: 12pt; margin-top: 0.8em !important; }
@media print {
  html, body, .print-desk { background: #fff !important; }
  .print-desk { padding: 0; min-height: 0; }
  .print-toolbar, .print-notice { display: none !important; }
  .print-sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .print-sheet + .print-sheet { break-before: page; }
}
`
