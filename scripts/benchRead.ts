// The read path of `npm run bench`: one proposal page served by scripts/serve.mjs and by plain
// sirv on the same build, each alone on core 0 (taskset), autocannon on core 1, in one run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { freePort } from '../tests/helpers/server'

const log = (m: string) => console.log(`▶ ${m}`)
const connections = 50
const seconds = Number(process.env.BENCH_READ_SECONDS || 10)
const rounds = Number(process.env.BENCH_READ_ROUNDS || 3)

interface Server {
  url: string
  child: ChildProcess
}

/** Starts a server pinned to core 0 and waits until the page answers 200. */
async function start(args: string[], env: Record<string, string>, page: string): Promise<Server> {
  const port = await freePort()
  const child = spawn('taskset', ['-c', '0', process.execPath, ...args.map((a) => a.replace('$PORT', String(port)))], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 300; i++) {
    if (child.exitCode != null) throw new Error(`server exited (${child.exitCode})`)
    const ok = await fetch(url + page).then((r) => r.ok, () => false)
    if (ok) return { url, child }
    await new Promise((r) => setTimeout(r, 200))
  }
  stop({ url, child })
  throw new Error(`${args.join(' ')} did not answer ${page}`)
}

function stop(s: Server) {
  try {
    process.kill(-s.child.pid!, 'SIGKILL')
  } catch {}
}

/** autocannon on core 1: requests per second and the 99th-percentile latency. */
function load(url: string): { rps: number; p99: number } {
  const cli = path.resolve('node_modules/autocannon/autocannon.js')
  const args = ['-c', '1', process.execPath, cli, '-c', String(connections), '-d', String(seconds), '-W', '[', '-c', String(connections), '-d', '2', ']', '-H', 'accept-encoding=br, gzip', '-j', url]
  const r = spawnSync('taskset', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`autocannon failed: ${r.stderr}`)
  // With a warm-up, autocannon prints the warm-up's result first: the last line is the run's.
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!)
  if (out.non2xx || out.errors) throw new Error(`autocannon saw ${out.non2xx} non-2xx answers and ${out.errors} errors`)
  return { rps: out.requests.average, p99: out.latency.p99 }
}

/**
 * Runs the comparison on a published site (`root`, with `current` → `build`) for one page, and
 * returns the report's markdown (empty when the CMS is not built or taskset is missing).
 */
export async function benchReadPath(root: string, build: string, page: string, machine: string): Promise<string> {
  if (!existsSync('cms/.next/BUILD_ID')) {
    log('读取路径：cms/.next 不存在（先运行 npx next build cms），跳过')
    return ''
  }
  if (spawnSync('taskset', ['-c', '0', 'true']).status !== 0) {
    log('读取路径：没有 taskset 或不能绑定 CPU 核，跳过')
    return ''
  }
  const file = path.join(build, page, 'index.html')
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0)
  const sirvVersion = JSON.parse(readFileSync('node_modules/sirv/package.json', 'utf8')).version
  const ours = { rps: [] as number[], p99: [] as number[] }
  const plain = { rps: [] as number[], p99: [] as number[] }
  const plainSirv = `const s=require('sirv')(${JSON.stringify(build)},{etag:true,brotli:true,gzip:true});require('node:http').createServer((q,r)=>s(q,r)).listen(process.env.PORT,'127.0.0.1')`
  /** One round against a started server, which is stopped after. */
  const measure = (server: Server, into: { rps: number[]; p99: number[] }) => {
    try {
      const r = load(server.url + page)
      into.rps.push(r.rps)
      into.p99.push(r.p99)
    } finally {
      stop(server)
    }
  }
  for (let round = 1; round <= rounds; round++) {
    log(`读取路径（第 ${round}/${rounds} 轮）：scripts/serve.mjs …`)
    measure(await start(['scripts/serve.mjs', '--port', '$PORT', '--host', '127.0.0.1'], { NODE_ENV: 'production', SITE_DIR: root, SITE_AUTOBUILD: '0', PAYLOAD_SECRET: 'bench', NEXT_TELEMETRY_DISABLED: '1' }, page), ours)
    log(`读取路径（第 ${round}/${rounds} 轮）：sirv ${sirvVersion} …`)
    measure(await start(['-e', plainSirv], {}, page), plain)
    log(`  serve.mjs ${ours.rps.at(-1)!.toFixed(0)} 次/秒，sirv ${plain.rps.at(-1)!.toFixed(0)} 次/秒`)
  }
  const best = (x: number[]) => Math.max(...x)
  const each = (x: number[]) => x.map((v) => v.toLocaleString('en', { maximumFractionDigits: 0 })).join(', ')
  const ratio = best(ours.rps) / best(plain.rps)
  return `## Read path (latest run)

Measured by \`npm run bench\` (scripts/benchRead.ts) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${machine}.

One proposal page, \`${page}\` (${size(file).toLocaleString('en')} bytes of HTML; sent as brotli
${size(`${file}.br`).toLocaleString('en')} bytes, gzip ${size(`${file}.gz`).toLocaleString('en')} bytes), requested with \`Accept-Encoding: br, gzip\` by
autocannon (${connections} connections, ${seconds} s after 2 s of warm-up) on core 1; each server alone on
core 0 (\`taskset -c 0\`), one after the other, ${rounds} rounds; the best round of each is compared
(other work on the machine only slows a round down).

| server | requests/s (each round) | p99 latency (each round) |
|---|---:|---:|
| scripts/serve.mjs (security headers, current build per request, Next.js loaded) | ${each(ours.rps)} | ${ours.p99.join(', ')} ms |
| sirv ${sirvVersion} alone, same build and file | ${each(plain.rps)} | ${plain.p99.join(', ')} ms |

Ours / sirv, best rounds: **${ratio.toFixed(2)}** (target ≥ 0.75).
`
}
