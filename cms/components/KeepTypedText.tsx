'use client'
// Nothing typed into a document drawer (e.g. 新建 回访验证 from a proposal's tab) is lost to Esc or a
// stray click. In Payload 3.90 the drawer's own ✕ asks before discarding changes, but Esc (the
// modal library closes the newest modal on any Escape key, even one meant for an open dropdown)
// and a click beside the drawer (a full-size close button behind it) close it at once. This
// provider (admin.components.providers) routes both to the drawer's ✕:
// - Esc on an open dropdown only closes the dropdown;
// - Esc otherwise, or a click beside the drawer, acts as the ✕: closes an untouched drawer, and
//   asks (离开而不保存？) before discarding what was typed.
import { useEffect, type ReactNode } from 'react'

/** The drawer on top, if any: the one with the highest stacking order (Payload stacks nested drawers by z-index). */
function topDrawer(): HTMLElement | null {
  let top: HTMLElement | null = null
  for (const d of Array.from(document.querySelectorAll<HTMLElement>('.drawer.drawer--is-open')))
    if (!top || Number(d.style.zIndex || 0) >= Number(top.style.zIndex || 0)) top = d
  return top
}

/** A document drawer's ✕, which asks before discarding changes; null for other drawers (lists, pickers). */
const closeButtonOf = (drawer: HTMLElement | null) =>
  drawer?.classList.contains('doc-drawer') ? drawer.querySelector<HTMLButtonElement>('.doc-drawer__header-close') : null

/** A confirmation (离开而不保存？ and the like) is open above everything: Esc is for it. (Closed ones stay in the page without `open`.) */
const confirmationOpen = () => document.querySelector('.confirmation-modal[open]') != null

export function KeepTypedText({ children }: { children?: ReactNode }) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !e.isTrusted || confirmationOpen()) return
      const close = closeButtonOf(topDrawer())
      if (!close) return
      const target = e.target instanceof HTMLElement ? e.target : null
      // Any other open popup inside (a date picker, a menu) closes as usual; only the drawer stays.
      const otherPopup = document.querySelector('.react-datepicker-popper, .popup--active')
      if (otherPopup && target?.getAttribute('aria-expanded') !== 'true') {
        // The modal library reads keyCode alone; the popup's own handler reads key.
        Object.defineProperty(e, 'keyCode', { get: () => 0 })
        Object.defineProperty(e, 'which', { get: () => 0 })
        return
      }
      // Nothing else hears this Esc (the modal library would close the drawer, the focus trap would let go).
      e.stopImmediatePropagation()
      e.preventDefault()
      if (target?.getAttribute('aria-expanded') === 'true') {
        // An open dropdown (react-select): it closes when its input loses focus; focus comes back without reopening it.
        target.blur()
        target.focus()
        return
      }
      close.click()
    }
    const onClick = (e: MouseEvent) => {
      const backdrop = e.target instanceof Element ? e.target.closest('.drawer__close') : null
      const close = closeButtonOf(backdrop?.closest<HTMLElement>('.drawer') ?? null)
      if (!close) return
      e.stopImmediatePropagation()
      e.preventDefault()
      close.click()
    }
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('click', onClick, true)
    }
  }, [])
  return <>{children}</>
}
