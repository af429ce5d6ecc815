import { defineConfig } from 'vitest/config'

const shared = { environment: 'node' as const, testTimeout: 60_000, hookTimeout: 180_000 }

export default defineConfig({
  test: {
    // 2 cores: integration files each start Payload on their own database.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'unit', include: ['core/**/*.test.ts', 'cms/**/*.test.ts', 'site/**/*.test.ts'], exclude: ['cms/.next/**'] } },
      { test: { ...shared, name: 'int', include: ['tests/int/**/*.int.test.ts'] } },
      {
        test: {
          ...shared,
          name: 'http',
          // The other HTTP files each get a server of their own (projects below).
          include: ['tests/http/api.http.test.ts'],
          globalSetup: ['tests/http/setup.ts'],
        },
      },
      // Builds of the public site (astro + pagefind in child processes) from a seeded database.
      { test: { ...shared, name: 'site', include: ['tests/site/**/*.site.test.ts'] } },
      // The attack probes create and lock records: they get a server and database of their own.
      { test: { ...shared, name: 'http-security', include: ['tests/http/security.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // …and so do the privacy probes (they submit and screen proposals of their own; two files signing the same
      // staff accounts in at the same moment on one server lose one of the sessions).
      { test: { ...shared, name: 'http-privacy', include: ['tests/http/privacy.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // The front door (scripts/serve.mjs): its server builds and swaps the site and runs with short time limits.
      { test: { ...shared, name: 'http-frontdoor', include: ['tests/http/frontdoor.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // The API's rules (hidden-field queries, locks, deletes, uploads, malformed input): a server and database of its own.
      { test: { ...shared, name: 'http-rules', include: ['tests/http/rules.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // Sign-in throttles, lockouts and password resets of its own.
      { test: { ...shared, name: 'http-auth', include: ['tests/http/auth.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // 延期申请 over REST, attacked on every path: a server and database of its own.
      { test: { ...shared, name: 'http-extensions', include: ['tests/http/extensions.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // The action bar's endpoints (立案 … 办结, 签发, 公开) refused to whoever's step it is not: a server and database of its own.
      { test: { ...shared, name: 'http-actions', include: ['tests/http/actions.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // 承诺台账 over REST, attacked on every path (it publishes a reply and verifies it): a server and database of its own.
      { test: { ...shared, name: 'http-commitments', include: ['tests/http/commitments.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // 督办: 重点督办 and 催办 attacked on every path, the 督办台 page per role: a server and database of its own.
      { test: { ...shared, name: 'http-supervision', include: ['tests/http/supervision.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // 导出 Excel as each role (it drafts a reply of its own to export): a server and database of its own.
      { test: { ...shared, name: 'http-export', include: ['tests/http/export.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // The daily 督办 sweep on the demo data with a real SMTP server and an SMS gateway stand-in: it seeds the demo itself (several minutes).
      { test: { ...shared, name: 'http-notices', include: ['tests/http/notices.http.test.ts'] } },
      // The portal's files lock, disable and throttle accounts and load the server: each gets a
      // server and database of its own (files of one project run side by side, and two Payload
      // logins of one staff account at the same moment can fail: seen here as a 500).
      // connections: counts the server's open descriptors, so no other file may write meanwhile.
      ...['portal', 'portal-proposals', 'portal-load', 'connections'].map((name) => ({
        test: { ...shared, name: `http-${name}`, include: [`tests/http/${name}.http.test.ts`], globalSetup: ['tests/http/setup.ts'] },
      })),
    ],
  },
})
