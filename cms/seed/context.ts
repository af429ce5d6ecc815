// Seeding writes hundreds of records: queue no site rebuild for each (the caller queues one at the end),
// and tell no representative of steps replayed from the demo's history (cms/notices/events.ts).
export const SeedContext = { disableSiteRebuild: true, disableNotices: true }
