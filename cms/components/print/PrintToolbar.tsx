'use client'
// The bar above a printed document on screen (never on paper): print it, or close the tab.
export function PrintToolbar({ what }: { what: string }) {
  return (
    <div className="print-toolbar" role="toolbar" aria-label={`${what}打印`}>
      <button type="button" className="primary" onClick={() => window.print()}>
        打印
      </button>
      <button type="button" onClick={() => window.close()}>
        关闭
      </button>
      <span className="hint">在打印窗口的「目标打印机」中选择「另存为 PDF」，即可保存为 PDF 文件。</span>
    </div>
  )
}
