// Starts the real production server (scripts/serve.mjs, as npm start does) on a free port against a given database,
// and stops it by process group (killing npx alone leaves next-server running).
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { appendFileSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.unref()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export interface RunningServer {
  url: string
  /** The server's process (serve.mjs runs Next.js in it): tests read its /proc entries. */
  pid: number
  stop: () => Promise<void>
}

export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs'), '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    // The site is not rebuilt by itself unless a test asks (SITE_AUTOBUILD=1), nor notices sent (NOTICES_AUTORUN=1); builds go to a temporary directory.
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', SERVER_URL: url, SITE_AUTOBUILD: '0', NOTICES_AUTORUN: '0', SITE_DIR: mkdtempSync(path.join(os.tmpdir(), 'site-')), UPLOAD_DIR: mkdtempSync(path.join(os.tmpdir(), 'uploads-')), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  // SERVER_LOG=<file>: the server's output kept for reading after a run (e.g. a 500's stack).
  const keep = (c: Buffer) => {
    output += c
    if (process.env.SERVER_LOG) appendFileSync(process.env.SERVER_LOG, c)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const stop = async () => {
    if (child.exitCode != null || child.pid == null) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      return
    }
    await new Promise<void>((r) => {
      const t = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {}
        r()
      }, 5000)
      child.once('exit', () => {
        clearTimeout(t)
        r()
      })
    })
  }
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode != null) throw new Error(`server exited (${child.exitCode}):\n${output}`)
    try {
      const r = await fetch(`${url}/api/users/me`)
      if (r.ok) return { url, pid: child.pid!, stop }
    } catch {}
    await new Promise((r) => setTimeout(r, 300))
  }
  await stop()
  throw new Error(`server did not become ready in 90 s:\n${output}`)
}
