// Which entries the Atom feed (/feed.xml) keeps.

/** The feed keeps the entries of the last FeedDays days before the export's generatedAt … */
export const FeedDays = 90
/** … and of those at most the FeedMax newest. */
export const FeedMax = 100

export interface FeedEntry {
  id: string
  title: string
  /** ISO 8601 with a zone. */
  updated: string
  link: string
  summary: string
}

/**
 * The entries whose time is no earlier than FeedDays × 24 hours before `now` (the export's
 * generatedAt, never the clock, so a build of the same export gives the same feed), newest
 * first (ties by id), at most FeedMax of them.
 */
export function recentEntries(entries: FeedEntry[], now: string): FeedEntry[] {
  const since = Date.parse(now) - FeedDays * 86_400_000
  return entries
    .filter((e) => Date.parse(e.updated) >= since)
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.id.localeCompare(b.id))
    .slice(0, FeedMax)
}
