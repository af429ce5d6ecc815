// Seeding writes hundreds of records: queue no site rebuild for each (the caller queues one at the end).
export const SeedContext = { disableSiteRebuild: true }
