// Writes the public export of a freshly seeded demo database to a file (for site development,
// the site's build tests and benchmarks): `npx tsx scripts/demo-export.ts out.json`.
import { writeFileSync } from 'node:fs'

const out = process.argv[2]
if (!out) {
  console.error('用法：npx tsx scripts/demo-export.ts <输出文件.json>')
  process.exit(2)
}
const { startPayload } = await import('../tests/helpers/payload')
const payload = await startPayload()
const { seedDemo } = await import('../cms/seed/demo')
await seedDemo(payload)
const { buildPublicExport } = await import('../cms/lib/publicExport')
const exp = await buildPublicExport(payload)
writeFileSync(out, JSON.stringify(exp))
console.log(`${exp.proposals.length} public proposals → ${out}`)
await payload.destroy()
process.exit(0)
