import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // Integration files each start Payload on their own database: keep them in separate workers, few at a time (2 cores).
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['core/**/*.test.ts', 'tests/**/*.test.ts'],
  },
})
