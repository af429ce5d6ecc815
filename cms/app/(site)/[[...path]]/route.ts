// Serves the current public-site build at `/` (admin and API keep their own paths). The build
// directory is resolved per request through the `current` symlink, so a swap takes effect at
// once and a request never mixes two builds.
import { serveSiteFile } from '../../../site/serve'

export const dynamic = 'force-dynamic'

export const GET = serveSiteFile
export const HEAD = serveSiteFile
