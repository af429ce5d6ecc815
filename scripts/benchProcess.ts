// What the benchmarks share about processes: the process table read from /proc (parent, resident
// memory, CPU time, command of each), and running a benchmark's main function to an exit code.
import { readdirSync, readFileSync } from 'node:fs'

export interface ProcessTable {
  parent: Map<number, number>
  /** Resident memory in bytes. */
  rss: Map<number, number>
  /** CPU time used so far (user + system) in milliseconds, in steps of 10 ms (USER_HZ is 100 on Linux). */
  cpu: Map<number, number>
  comm: Map<number, string>
}

export function processTable(): ProcessTable {
  const table: ProcessTable = { parent: new Map(), rss: new Map(), cpu: new Map(), comm: new Map() }
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      table.parent.set(Number(d), Number(fields[1]))
      table.rss.set(Number(d), Number(fields[21]) * 4096)
      table.cpu.set(Number(d), (Number(fields[11]) + Number(fields[12])) * 10)
      table.comm.set(Number(d), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))
    } catch {}
  }
  return table
}

/** Whether `pid` is `root` or descends from it. */
export function descendsFrom(table: ProcessTable, pid: number, root: number): boolean {
  let p: number | undefined = pid
  while (p && p !== root && p > 1) p = table.parent.get(p)
  return p === root
}

/** Runs a benchmark and exits: 0, or the exit code it set, or 1 with its error. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (e) => {
      console.error('✖', e instanceof Error ? e.message : e)
      process.exit(1)
    },
  )
}
