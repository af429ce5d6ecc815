// `npm run sweep`: the daily 督办 sweep now, by hand (the server runs it by itself on working days
// at 08:30 China time): plans today's reminders, overdue notices and escalations, records them in
// the notices ledger and sends them by e-mail and SMS as the environment configures (run it with
// the server's DATABASE_URL, SERVER_URL, SMTP_URL, MAIL_FROM and SMS_* settings).
//   npm run sweep -- --dry-run   → prints what it would send, writes nothing
// A second run on the same day sends nothing; a run while the server's is under way does nothing.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NoticeChannelLabels, type NoticeChannel } from '../core/notices'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dryRun = process.argv.includes('--dry-run')

// The installation's secret (scripts/start.ts keeps it beside the database), as the server has it.
const secretFile = path.join(root, 'data', 'secret')
if (!process.env.PAYLOAD_SECRET && existsSync(secretFile)) process.env.PAYLOAD_SECRET = readFileSync(secretFile, 'utf8').trim()

async function main(): Promise<void> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../cms/payload.config')
  const payload = await getPayload({ config })
  try {
    const { runSweep } = await import('../cms/notices/sweep')
    const { deliverDue } = await import('../cms/notices/deliver')
    const { channelConfig } = await import('../cms/notices/channels')
    const channels = channelConfig()
    console.log(`▶ 督办提醒${dryRun ? '（试运行：只显示将发送的内容，不写入、不发送）' : ''}`)
    console.log(`  邮件：${channels.email ? '已配置' : '未配置（SMTP_URL），写入日志'}；短信：${channels.sms ? '已配置' : '未配置（SMS_URL），写入日志'}`)
    const r = await runSweep(payload, { dryRun })
    if (!r.workingDay) {
      console.log(`✔ ${r.date} 不是工作日：不发送督办提醒。`)
      return
    }
    if (r.locked) {
      console.log(`✔ ${r.date}：另一个实例正在运行督办提醒，本次不重复发送。`)
      return
    }
    console.log(`  ${r.date}：未办结事项 ${r.obligations} 项，今日提醒 ${r.notices} 条${r.superseded ? `（另有 ${r.superseded} 个较早的提醒节点合并）` : ''}`)
    if (dryRun) {
      printPlan(r)
      return
    }
    console.log(`  写入通知记录 ${r.written} 条${r.planned > r.written ? `（${r.planned - r.written} 条此前已记录，不再发送）` : ''}`)
    const d = await deliverDue(payload)
    console.log(`✔ 已发出 ${d.sent} 封（条）邮件或短信，失败 ${d.failed}${r.deferred ? `；${r.deferred} 条在免打扰时段结束后由服务器发出` : ''}${d.failed ? '；失败的将由服务器稍后重试' : ''}。`)
    if (d.retries.length || r.later.length) {
      const { queueDelivery } = await import('../cms/notices/tasks')
      await queueDelivery(payload, [...d.retries, ...r.later])
    }
  } finally {
    await payload.destroy()
  }
}

/** Each person's messages of the day, as they would receive them. */
function printPlan(r: Awaited<ReturnType<typeof import('../cms/notices/sweep').runSweep>>): void {
  const byPerson = new Map<string, typeof r.rows>()
  const unreached: typeof r.rows = []
  for (const row of r.rows) {
    if (row.status === 'superseded') continue
    const who = row.user != null ? `users:${row.user}` : row.representative != null ? `representatives:${row.representative}` : null
    if (!who) {
      unreached.push(row)
      continue
    }
    byPerson.set(who, [...(byPerson.get(who) ?? []), row])
  }
  if (byPerson.size === 0 && unreached.length === 0) console.log('  今日没有需要发送的提醒。')
  for (const [who, rows] of byPerson) {
    const person = r.people.get(who)
    const channels = [...new Set(rows.map((x) => x.channel as NoticeChannel))].map((c) => NoticeChannelLabels[c]).join('、')
    const name = person ? `${person.collection === 'representatives' ? '代表 ' : ''}${person.name}` : who
    const items = rows.filter((x) => x.channel === 'inApp')
    console.log(`\n● ${name}（${channels}）：${items[0]?.subject ?? ''}`)
    items.forEach((x, i) => console.log(`  ${items.length > 1 ? `${i + 1}. ` : ''}${x.text}`))
  }
  if (unreached.length) {
    console.log(`\n⚠ 无人接收的提醒 ${unreached.length} 条：`)
    for (const x of unreached) console.log(`  ${x.text}（${x.lastError}）`)
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(`✖ 督办提醒失败：${e instanceof Error ? e.message : e}`)
    process.exit(1)
  })
