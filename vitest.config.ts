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
          include: ['tests/http/**/*.http.test.ts'],
          exclude: ['tests/http/security.http.test.ts', 'tests/http/portal*.http.test.ts', 'tests/http/auth.http.test.ts'],
          globalSetup: ['tests/http/setup.ts'],
        },
      },
      // Builds of the public site (astro + pagefind in child processes) from a seeded database.
      { test: { ...shared, name: 'site', include: ['tests/site/**/*.site.test.ts'] } },
      // The attack probes create and lock records: they get a server and database of their own.
      { test: { ...shared, name: 'http-security', include: ['tests/http/security.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // Sign-in throttles, lockouts and password resets of its own.
      { test: { ...shared, name: 'http-auth', include: ['tests/http/auth.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
      // The portal's files lock, disable and throttle accounts and load the server: each gets a
      // server and database of its own (files of one project run side by side, and two Payload
      // logins of one staff account at the same moment can fail: seen here as a 500).
      ...['portal', 'portal-proposals', 'portal-load'].map((name) => ({
        test: { ...shared, name: `http-${name}`, include: [`tests/http/${name}.http.test.ts`], globalSetup: ['tests/http/setup.ts'] },
      })),
    ],
  },
})
