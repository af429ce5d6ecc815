import { defineConfig } from 'vitest/config'

const shared = { environment: 'node' as const, testTimeout: 60_000, hookTimeout: 180_000 }

export default defineConfig({
  test: {
    // 2 cores: integration files each start Payload on their own database.
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'unit', include: ['core/**/*.test.ts'] } },
      { test: { ...shared, name: 'int', include: ['tests/int/**/*.int.test.ts'] } },
      { test: { ...shared, name: 'http', include: ['tests/http/**/*.http.test.ts'], globalSetup: ['tests/http/setup.ts'] } },
    ],
  },
})
