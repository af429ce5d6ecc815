'use client'
// The last English of the admin: strings Payload 3.90 and the libraries bundled into its admin
// write in English with no translation key or setting, translated in the browser by this provider
// (admin.components.providers). Everything else is Payload's own i18n (cms/lib/chinese.ts).
// - the toaster's region and close button (sonner: "Notifications alt+T", "Close toast");
// - a relationship's edit button ("Edit 杨丽萍") and a multi-select's remove button ("Remove …");
// - a checkbox's tooltip, which is its field's path ("notify.byEmail"): its label instead;
// - the list's select-all box (title "select-all") and the id Payload adds to every list's
//   column chooser and filter ("ID");
// - dialogs named by their internal slug ("drawer_1_follow-ups…");
// - what dropdowns (react-select) say to screen readers ("3 results available. Use Up and Down…").
// Only attributes and text of what the browser itself renders (dropdown menus, the column chooser,
// the filter) are changed, never text the server rendered, so React's hydration is untouched.
import { useEffect, type ReactNode } from 'react'

type Rule = [RegExp, string | ((...m: string[]) => string)]

/** aria-label, title and placeholder values. */
const AttributeRules: Rule[] = [
  [/^Notifications (.+)$/, (_, keys) => `通知（${keys.replace(/^alt/, 'Alt')}）`],
  [/^Close toast$/, '关闭通知'],
  [/^Edit (.+)$/, '编辑 $1'],
  [/^Remove (.+)$/, '移除 $1'],
  [/^select-all$/, '全选'],
  [/\bID\b/g, '序号'],
]

/** What react-select says to screen readers (its live region), sentence by sentence. */
const LiveRules: Rule[] = [
  [/^0 results available/, '没有可选项'],
  [/(\d+) results? available/, '共 $1 项可选'],
  [/ for search term (.*?)\.$/, '（按“$1”筛选）。'],
  [/Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit the menu(, press Tab to select the option and exit the menu)?\./, '用上下方向键挑选，回车键选定，退出键关闭菜单。'],
  [/^(.*) is focused ?(,type to refine list)?, press Down to open the menu, ( press left to focus selected values)?$/, '可输入文字筛选，按向下方向键打开菜单。'],
  [/^Use left and right to toggle between focused values, press Backspace to remove the currently focused value$/, '用左右方向键在已选项之间切换，退格键移除当前项。'],
  [/^option (.*), deselected\.$/, '已取消选择 $1。'],
  [/^All selected options have been cleared\.$/, '已清除全部选择。'],
  [/^options? (.*), selected\.$/, '已选择 $1。'],
  [/^option (.*) is disabled\. Select another option\.$/, '$1 不可选，请选择其他项。'],
  [/^value (.*) focused, (\d+) of (\d+)\.$/, '已选项 $1，第 $2 项，共 $3 项。'],
  [/^(.*?)( selected)?( disabled)?, (\d+) of (\d+)\.$/, '$1，第 $4 项，共 $5 项。'],
]

/** Where the browser renders text of Payload's own (column chooser, filter, sort buttons, dropdown menus). */
const TextScopes = '.rs__menu, .rs__single-value, .column-selector, .where-builder, .group-by-builder, .sort-column, .list-controls'
const LiveScopes = '#aria-selection, #aria-focused, #aria-results, #aria-guidance'
const TextRules: Rule[] = [[/^ID$/, '序号']]

const apply = (value: string, rules: Rule[]) => rules.reduce((v, [re, to]) => v.replace(re, to as never), value)

function translateAttributes(el: Element) {
  for (const attr of ['aria-label', 'title', 'placeholder']) {
    const v = el.getAttribute(attr)
    if (!v) continue
    // A dialog named by its internal slug: named after its heading instead.
    if (attr === 'aria-label' && el.hasAttribute('aria-modal') && (v === el.id || el.hasAttribute('data-named-by-heading'))) {
      const name = el.querySelector('h1, h2, h3')?.textContent?.trim() || '对话框'
      el.setAttribute('data-named-by-heading', '')
      if (name !== v) el.setAttribute(attr, name)
      continue
    }
    if (!/[A-Za-z]/.test(v)) continue
    // A checkbox titled by its field's path (Payload's checkbox sets title = name, e.g. "notify.byEmail"): by its label instead.
    if (attr === 'title' && el instanceof HTMLInputElement && el.type === 'checkbox' && v === el.name) {
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim() : ''
      if (label) el.setAttribute('title', label.replace(/\s*\*$/, ''))
      else el.removeAttribute('title')
      continue
    }
    const zh = apply(v, AttributeRules)
    if (zh !== v) el.setAttribute(attr, zh)
  }
}

function translateText(node: Text) {
  const parent = node.parentElement
  if (!parent || !/[A-Za-z]/.test(node.data)) return
  const rules = parent.closest(LiveScopes) ? LiveRules : parent.closest(TextScopes) ? TextRules : null
  if (!rules) return
  const zh = apply(node.data, rules)
  // The text node itself is changed, never replaced: React keeps writing to the same node.
  if (zh !== node.data) node.data = zh
}

function translateTree(root: Node) {
  if (root instanceof Text) return translateText(root)
  if (!(root instanceof Element)) return
  translateAttributes(root)
  for (const el of Array.from(root.querySelectorAll('[aria-label], [title], [placeholder]'))) translateAttributes(el)
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) translateText(n as Text)
}

export function ChineseAdmin({ children }: { children?: ReactNode }) {
  useEffect(() => {
    translateTree(document.body)
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') translateAttributes(r.target as Element)
        else if (r.type === 'characterData') translateText(r.target as Text)
        else r.addedNodes.forEach(translateTree)
        // A dialog's heading arrives after the dialog: name the dialog again.
        const dialog = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[aria-modal]')
        if (dialog && r.type !== 'attributes') translateAttributes(dialog)
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title', 'placeholder'] })
    // Tests wait for this before reading a screen (what shows before the page is live is the server's HTML).
    document.documentElement.dataset.chinese = 'on'
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
