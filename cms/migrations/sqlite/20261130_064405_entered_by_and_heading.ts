import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`entered_by\` text;`)
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`heading\` text;`)
  // Who entered each proposal: the role of its first event (the office typing in a paper proposal, else its representative).
  await db.run(sql`UPDATE \`proposals\` SET \`entered_by\` = CASE WHEN (SELECT \`actor_role\` FROM \`proposal_events\` e WHERE e.\`proposal_id\` = \`proposals\`.\`id\` ORDER BY e.\`at\`, e.\`id\` LIMIT 1) = 'office' THEN 'office' ELSE 'representative' END;`)
  // How the admin names it: number and title.
  await db.run(sql`UPDATE \`proposals\` SET \`heading\` = CASE WHEN \`number\` IS NULL THEN \`title\` ELSE \`number\` || ' ' || \`title\` END;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`proposals\` DROP COLUMN \`entered_by\`;`)
  await db.run(sql`ALTER TABLE \`proposals\` DROP COLUMN \`heading\`;`)
}
