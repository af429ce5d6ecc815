import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Config } from 'payload'
import { zh } from '@payloadcms/translations/languages/zh'
import { Attachments } from './collections/Attachments'
import { AuditLog } from './collections/AuditLog'
import { CoOpinions } from './collections/CoOpinions'
import { CoSignInvitations } from './collections/CoSignInvitations'
import { Evaluations } from './collections/Evaluations'
import { ExtensionRequests } from './collections/ExtensionRequests'
import { FollowUps } from './collections/FollowUps'
import { Holidays } from './collections/Holidays'
import { Instructions } from './collections/Instructions'
import { PortalSessions } from './collections/PortalSessions'
import { ProposalEvents } from './collections/ProposalEvents'
import { Proposals } from './collections/Proposals'
import { Replies } from './collections/Replies'
import { Representatives } from './collections/Representatives'
import { ResolutionAnswersCollection } from './collections/ResolutionAnswers'
import { ResidentialAreas } from './collections/ResidentialAreas'
import { Sections } from './collections/Sections'
import { Sequences } from './collections/Sequences'
import { Sessions } from './collections/Sessions'
import { SiteBuilds } from './collections/SiteBuilds'
import { Users } from './collections/Users'
import { withExcelExport } from './endpoints/excelExport'
import { Letterhead } from './globals/Letterhead'
import { portalEndpoints } from './endpoints/portal'
import { publicExportEndpoints } from './endpoints/publicExport'
import { siteEndpoints } from './endpoints/site'
import { withSiteRebuild } from './site/publicChanges'
import { Duties } from './collections/Duties'
import { Commitments } from './collections/Commitments'
import { withCommitmentLedger } from './lib/commitmentLedger'
import { Notices } from './collections/Notices'
import { createTransport } from 'nodemailer'
import { nodemailerAdapter } from 'payload-email-nodemailer'
import { mailFrom } from './notices/channels'
import { withEventNotices } from './notices/events'
import { NoticesQueue, NoticeTasks, noticesAutoRun } from './notices/tasks'
import { withDerivedRefresh } from './lib/derived'
import { LEASE_MS, RebuildSiteTask, recoverInterruptedBuilds, SiteQueue, siteAutoBuild } from './site/rebuildTask'
import { adminOnly, nobody, siteManagers, staffOnly } from './access'
import { lockAccess } from './access/locks'
import { withCleanText } from './lib/cleanText'
import { withInputCheck } from './lib/inputCheck'
import { checkDatabase, hardenDatabase } from './lib/checkDatabase'
import { getCalendar } from './lib/calendar'
import { databaseAdapter } from './lib/database'
import { graphqlOffEndpoints } from './lib/graphqlOff'
import { capListSizes } from './lib/listLimit'
import { serverURL } from './lib/env'
import { withFreshJoins } from './lib/freshJoins'
import { withInlineCreateWhereValid } from './lib/inlineCreate'
import { chineseConfig, chineseSanitized, zhTranslations } from './lib/chinese'
import { ATTACHMENT_MAX_BYTES } from '../core/portal'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const secret = process.env.PAYLOAD_SECRET
// `next build` loads the config too, without a secret; serving without one is refused.
if (!secret && process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build') throw new Error('PAYLOAD_SECRET 未设置（scripts/start.ts 会自动生成并保存到 data/secret）')

// zh-CN only: labels, dates and Payload's own fields in Chinese (cms/lib/chinese.ts).
export default buildConfig(chineseConfig({
  secret: secret || 'development-only-secret-not-for-production',
  serverURL,
  telemetry: false,
  // Attachments (and any upload): one file at a time, at most this size.
  upload: { limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1 } },
  db: databaseAdapter(),
  // E-mail through Payload's nodemailer adapter when SMTP_URL is set (smtp://user:pass@host:587,
  // smtps://…; sender MAIL_FROM); without it Payload writes each message to the log (README: 邮件).
  ...(process.env.SMTP_URL?.trim()
    ? {
        email: nodemailerAdapter({
          defaultFromAddress: mailFrom().address,
          defaultFromName: mailFrom().name,
          transport: createTransport(process.env.SMTP_URL.trim()),
          // A mail server down at start must not stop the server: failures are recorded per message and retried.
          skipVerify: true,
        }),
      }
    : {}),
  admin: {
    user: Users.slug,
    avatar: 'default',
    meta: { titleSuffix: ' · 代表提案追踪平台' },
    importMap: { baseDir: path.resolve(dirname, '..'), importMapFile: path.resolve(dirname, 'app/(payload)/admin/importMap.js') },
    dateFormat: 'yyyy-MM-dd HH:mm',
    // No e-mail: the forgot-password page says who resets passwords (cms/lib/staffAuth.ts).
    components: {
      views: {
        forgot: { Component: '/cms/components/ForgotPasswordView#ForgotPasswordView' },
        // 工作台 instead of the card grid: what waits on the signed-in person (core/duties.ts).
        dashboard: { Component: '/cms/components/Workbench#Workbench' },
        queue: { Component: '/cms/components/QueueView#QueueView', path: '/queue' },
        // 督办台 (office and leaders): every open item by section and stage, 严重逾期 and 重点督办 first, 催办 from each row.
        supervision: { Component: '/cms/components/SupervisionBoard#SupervisionBoard', path: '/supervision', meta: { title: '督办台' } },
        // Printed documents (A4; PDF through the browser's print): 答复函 and 代表意见征询表.
        printReply: { Component: '/cms/components/print/ReplyLetterView#ReplyLetterView', path: '/print/reply/:id', exact: true, meta: { title: '答复函' } },
        printEvaluation: { Component: '/cms/components/print/EvaluationFormView#EvaluationFormView', path: '/print/evaluation/:id', exact: true, meta: { title: '代表意见征询表' } },
      },
      // 督办台 in the navigation, for the office and leaders.
      beforeNavLinks: ['/cms/components/SupervisionNavLink#SupervisionNavLink'],
      providers: [
        // What Payload hardcodes in English, in Chinese (the toaster, dropdowns' screen-reader text…).
        '/cms/components/ChineseAdmin#ChineseAdmin',
        // Esc or a stray click never discards what was typed in a drawer.
        '/cms/components/KeepTypedText#KeepTypedText',
        // An edit lock ends when its holder leaves the document.
        '/cms/components/EditLock#EditLock',
      ],
    },
  },
  // The admin speaks zh-CN only (no language to choose on the account page); Payload's own zh
  // strings that still carry English are replaced.
  i18n: {
    fallbackLanguage: 'zh',
    supportedLanguages: { zh },
    translations: { zh: zhTranslations as NonNullable<NonNullable<Config['i18n']>['translations']>['zh'] },
  },
  collections: [
    Proposals,
    Instructions,
    Replies,
    CoOpinions,
    ExtensionRequests,
    Evaluations,
    ResolutionAnswersCollection,
    FollowUps,
    Attachments,
    ProposalEvents,
    Representatives,
    CoSignInvitations,
    PortalSessions,
    Users,
    Sections,
    ResidentialAreas,
    Sessions,
    Holidays,
    Sequences,
    SiteBuilds,
    AuditLog,
    Duties,
    Commitments,
    Notices,
  ]
    .map(withSiteRebuild)
    // The deadline in force and what waits on whom, kept in the database (cms/lib/derived.ts).
    .map(withDerivedRefresh)
    // 承诺台账: every commitment of a published reply as a record, kept in step (cms/lib/commitmentLedger.ts).
    .map(withCommitmentLedger)
    // Representatives told of their proposal's number, screening and replies (cms/notices/events.ts).
    .map(withEventNotices)
    // 导出 Excel on the proposals' and replies' lists (endpoint and button).
    .map(withExcelExport)
    // "+" beside a relationship only where a record made there could be chosen (cms/lib/inlineCreate.ts).
    .map(withInlineCreateWhereValid)
    // A join's table (a proposal's 批示, 办理记录 …) shows what the last save created, without a reload.
    .map(withFreshJoins)
    // Malformed requests answer 400; control characters are dropped from every text field.
    .map(withInputCheck)
    .map(withCleanText),
  globals: [Letterhead],
  endpoints: [...publicExportEndpoints, ...siteEndpoints, ...portalEndpoints, ...graphqlOffEndpoints],
  jobs: {
    tasks: [RebuildSiteTask, ...NoticeTasks],
    enableConcurrencyControl: true,
    // Checks the site queue every 5 seconds in the serving process (publish latency), and
    // queues the daily rebuild from the task's schedule; the notices' queue every 10 seconds
    // (sends, retries, events), which also queues the daily 督办 sweep at 08:30 China time
    // (cms/notices/tasks.ts). Each is on unless SITE_AUTOBUILD=0 / NOTICES_AUTORUN=0.
    autoRun: () => [
      ...(siteAutoBuild() ? [{ cron: '*/5 * * * * *', queue: SiteQueue, limit: 1, silent: { info: true } }] : []),
      ...(noticesAutoRun() ? [{ cron: '*/10 * * * * *', queue: NoticesQueue, limit: 20, silent: { info: true } }] : []),
    ],
    shouldAutoRun: () => siteAutoBuild() || noticesAutoRun(),
    // Payload's default lets any signed-in account (representatives too) run or queue jobs.
    access: { run: siteManagers, queue: siteManagers, cancel: siteManagers },
  },
  // REST (/api) is the API; GraphQL is off (README: The API).
  graphQL: { disable: true },
  onInit: async (payload) => {
    // At most 100 records per REST list, on every collection (Payload's own included).
    capListSizes(payload)
    // Payload adds its edit-lock collection itself, open to any signed-in account; locks are staff
    // business, and only whoever may update a document may lock it (cms/access/locks.ts).
    const locks = payload.collections['payload-locked-documents']?.config
    if (locks) Object.assign(locks.access, { read: staffOnly, create: lockAccess, update: lockAccess, delete: lockAccess })
    // …and its record of migrations (no REST route, hidden) is written by migrations alone: nobody creates one as a person.
    const migrationsRecord = payload.collections['payload-migrations']?.config
    if (migrationsRecord) Object.assign(migrationsRecord.access, { read: adminOnly, create: nobody, update: nobody, delete: nobody })
    hardenDatabase(payload)
    await checkDatabase(payload)
    // Load the working-day calendar once at start, outside any request.
    await getCalendar(payload).catch(() => undefined)
    // Before the first migration (a new database) there is nothing to recover.
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const recover = () =>
        recoverInterruptedBuilds(payload).catch((e) => {
          if (!/no such table|does not exist/i.test(String(e?.cause?.message ?? e?.message))) payload.logger.warn(`无法检查中断的网站生成：${e?.message}`)
        })
      await recover()
      // A build stopped less than the lease ago still looked alive: a serving process looks again once the lease has run out,
      // unless this instance is closed meanwhile (npm start's own, which loads the demo data and hands over to the server).
      if (siteAutoBuild() && process.env.NODE_ENV === 'production') {
        const again = setTimeout(recover, LEASE_MS + 15_000).unref()
        const destroy = payload.destroy.bind(payload)
        payload.destroy = async () => {
          clearTimeout(again)
          return destroy()
        }
      }
    }
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
})).then(chineseSanitized)
