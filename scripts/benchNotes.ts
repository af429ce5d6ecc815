// Writes one benchmark's report into docs/benchmarks.md between its own markers
// (<!-- name:start --> … <!-- name:end -->); notes written by hand around them stay.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export function writeBenchSection(name: string, report: string): string {
  const out = path.join(process.cwd(), 'docs', 'benchmarks.md')
  const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`]
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : ''
  const block = `${start}\n${report}\n${end}`
  const next =
    previous.includes(start) && previous.includes(end)
      ? previous.slice(0, previous.indexOf(start)) + block + previous.slice(previous.indexOf(end) + end.length)
      : `${previous.trimEnd()}\n\n${block}\n`
  writeFileSync(out, next)
  return out
}
