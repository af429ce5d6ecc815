// The public site: static HTML built from the CMS's public export (site/data/load.ts reads and validates it).
import { defineConfig } from 'astro/config'
import react from '@astrojs/react'

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  // The rebuild job builds into a fresh directory and swaps it in whole (cms/site/builder.ts).
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  site: process.env.SITE_URL || 'http://localhost:3000',
  output: 'static',
  trailingSlash: 'always',
  // Pages render while others are written to disk (measured: 10k proposals, docs/benchmarks.md).
  // Styles and scripts are files, never inline, so the site's Content-Security-Policy can forbid
  // inline code (scripts/serve.mjs); the stylesheet is cached once for every page.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  compressHTML: true,
  devToolbar: { enabled: false },
  // The representatives' portal (site/portal/*.tsx) is React islands; public pages ship no JavaScript.
  integrations: [react()],
  // No images are processed; don't load sharp.
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  // assetsInlineLimit 0: Vite would otherwise inline small scripts (the list filter, the search page's).
  vite: { logLevel: 'warn', build: { assetsInlineLimit: 0 } },
})
