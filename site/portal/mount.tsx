// Starts a portal page's React component. A plain module script, which Astro bundles into a file,
// instead of an Astro island, whose loader Astro writes inline into the page: the site's
// Content-Security-Policy allows no inline script or style (scripts/serve.mjs).
import type { ComponentType } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'

// Zod would try `new Function` to speed up parsing; under the CSP that is a reported violation.
z.config({ jitless: true })

export function mount(Component: ComponentType): void {
  createRoot(document.getElementById('portal-app')!).render(<Component />)
}
