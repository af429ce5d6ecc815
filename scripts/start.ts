// Starts the whole thing: secret, database migrations, demo data on first run, a production
// build of the CMS when the sources changed, then the server at one address.
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareDataDirectory } from '../cms/lib/dataFiles'
import type { Migration } from 'payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(process.env.PORT || 3000)
const emptyDatabase = process.argv.includes('--empty')
const log = (msg: string) => console.log(`▶ ${msg}`)

;(process.env as Record<string, string>).NODE_ENV = 'production'
process.env.NEXT_TELEMETRY_DISABLED = '1'
process.env.SERVER_URL ||= `http://localhost:${port}`

// data/ (the database, the secret, the uploads) private to this account, an existing one's modes fixed.
const { uploadDir } = await import('../cms/collections/Attachments')
prepareDataDirectory(path.join(root, 'data'), uploadDir())
// A secret generated once per installation and kept beside the database.
const secretFile = path.join(root, 'data', 'secret')
if (!process.env.PAYLOAD_SECRET) {
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 })
  process.env.PAYLOAD_SECRET = readFileSync(secretFile, 'utf8').trim()
}

async function prepareDatabase(): Promise<void> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const { databaseKind, DefaultDatabaseURL } = await import('../cms/lib/database')
  const kind = databaseKind(process.env.DATABASE_URL || DefaultDatabaseURL)
  log(`数据库：${kind === 'sqlite' ? (process.env.DATABASE_URL || DefaultDatabaseURL) : kind}`)
  const payload = await getPayload({ config })
  if (kind !== 'mongodb') {
    const { migrations } = kind === 'postgres' ? await import('../cms/migrations/postgres/index') : await import('../cms/migrations/sqlite/index')
    // Payload's `Migration` takes `(args: unknown)`; the adapter calls each with its own Migrate{Up,Down}Args.
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  }
  const { checkDatabase } = await import('../cms/lib/checkDatabase')
  await checkDatabase(payload)
  const { isEmpty, seedDemo } = await import('../cms/seed/demo')
  if (await isEmpty(payload)) {
    if (emptyDatabase) {
      const { createInitialSetup } = await import('../cms/seed/initial')
      await createInitialSetup(payload)
      log('空数据库：已建立日历与届次；请在 /admin 创建第一个管理员账号')
    } else {
      log('首次运行：载入演示数据…')
      const started = Date.now()
      const result = await seedDemo(payload, { log })
      log(`演示数据：${result.proposals} 件提案，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
    }
  }
  // The public site is built by the server's job runner; queue the first build if none is served yet.
  const { currentBuildId } = await import('../cms/site/builder')
  if (!(await currentBuildId())) {
    const { queueSiteRebuild } = await import('../cms/site/rebuildTask')
    const { createLocalReq } = await import('payload')
    await queueSiteRebuild(await createLocalReq({}, payload), '首次启动')
    log('公开网站将在服务启动后自动生成（约半分钟）')
  }
  await payload.destroy()
}

/** Hash of everything the build depends on; rebuild only when it changed. */
function sourceHash(): string {
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', 'cms', 'core', 'package-lock.json', 'tsconfig.json'], { cwd: root, encoding: 'utf8' })
  const h = createHash('sha256')
  const list = files.status === 0 ? files.stdout.split('\n').filter(Boolean).sort() : []
  for (const f of list) if (existsSync(path.join(root, f))) h.update(f).update(readFileSync(path.join(root, f)))
  return list.length ? h.digest('hex') : 'unknown'
}

function build(): void {
  const stamp = path.join(root, 'cms', '.next', 'source-hash')
  const hash = sourceHash()
  if (existsSync(path.join(root, 'cms', '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && hash !== 'unknown') {
    log('已是最新构建')
    return
  }
  log('构建管理后台（next build，约 1–3 分钟）…')
  const started = Date.now()
  const r = spawnSync('npx', ['next', 'build', 'cms'], { cwd: root, stdio: 'inherit', env: process.env })
  if (r.status !== 0) {
    console.error('✖ 构建失败，见上方输出')
    process.exit(r.status ?? 1)
  }
  writeFileSync(stamp, hash)
  log(`构建完成，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒`)
}

async function main() {
  const started = Date.now()
  build()
  await prepareDatabase()
  log(`启动服务…`)
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env, detached: false })
  let announced = false
  server.stdout.on('data', async (chunk: Buffer) => {
    process.stdout.write(chunk)
    if (announced || !/Ready|started server/i.test(chunk.toString())) return
    announced = true
    // Warm the admin so the first visitor doesn't wait for the first compile of its route.
    await fetch(`http://127.0.0.1:${port}/api/users/me`).catch(() => undefined)
    const { StaffSeeds, DemoPassword } = await import('../cms/seed/reference')
    console.log(`\n✔ 已就绪（用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒）：http://localhost:${port}`)
    console.log(`  公开网站  http://localhost:${port}/`)
    console.log(`  管理后台  http://localhost:${port}/admin`)
    console.log(`  接口      http://localhost:${port}/api`)
    console.log(`  开放数据  http://localhost:${port}/data/`)
    console.log(`  代表门户  http://localhost:${port}/portal/`)
    if (!emptyDatabase) {
      console.log(`\n  演示账号（密码均为 ${DemoPassword}）：`)
      for (const s of StaffSeeds) console.log(`    ${s.role.padEnd(13)} ${s.email}  ${s.name}`)
      console.log(`    representative rep01 … rep30（在代表门户登录，用户名或手机号）`)
    }
    console.log('\n  按 Ctrl+C 停止。')
  })
  const stop = () => server.kill('SIGTERM')
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((e) => {
  console.error('✖', e instanceof Error ? e.message : e)
  process.exit(1)
})
