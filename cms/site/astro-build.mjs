// `astro build` through Astro's JavaScript API, to set the log level: the command line logs a
// line per page (11k lines at 10k proposals, ~1.5 s of the build) and has no level between
// "info" and "silent". Warnings and errors are still printed, and a failure exits non-zero
// with the error's message on stderr, which the builder reports.
import { build } from 'astro'

try {
  await build({ root: process.cwd(), logLevel: 'warn' })
} catch (e) {
  console.error(e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e))
  process.exit(1)
}
