import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'

// The app lives in cms/, but it imports core/ from the repository root.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** @type {import('next').NextConfig} */
const nextConfig = {
  // scripts/serve.mjs sends its own security headers and no X-Powered-By (it removes Next's too).
  poweredByHeader: false,
  turbopack: { root },
  // pagefind runs its own binary as a child process; exceljs (CommonJS, streams) is loaded by Node as it is. Not for bundling.
  serverExternalPackages: ['pagefind', 'exceljs'],
  outputFileTracingRoot: root,
  experimental: { turbopackFileSystemCacheForBuild: false },
  // Type-checking is its own step of the test command (npm run typecheck), not part of every build.
  typescript: { tsconfigPath: '../tsconfig.json', ignoreBuildErrors: true },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
