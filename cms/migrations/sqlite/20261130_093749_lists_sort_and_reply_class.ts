import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`reply_class\` text;`)
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`undated\` integer DEFAULT true;`)
  await db.run(sql`CREATE INDEX \`proposals_reply_class_idx\` ON \`proposals\` (\`reply_class\`);`)
  await db.run(sql`CREATE INDEX \`undated_currentDue_idx\` ON \`proposals\` (\`undated\`,\`current_due\`);`)
  // The sort key of 当前期限 (cms/lib/derived.ts): set for every proposal, true where there is no deadline in force.
  await db.run(sql`UPDATE \`proposals\` SET \`undated\` = CASE WHEN \`current_due\` IS NULL THEN 1 ELSE 0 END;`)
  // The class of the reply that stands (core latestReply): the highest round's last published reply.
  await db.run(sql`UPDATE \`proposals\` SET \`reply_class\` = (SELECT r.\`class\` FROM \`replies\` r WHERE r.\`proposal_id\` = \`proposals\`.\`id\` AND r.\`published_at\` IS NOT NULL ORDER BY COALESCE(r.\`round\`, 0) DESC, r.\`published_at\` DESC, r.\`id\` DESC LIMIT 1);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`proposals_reply_class_idx\`;`)
  await db.run(sql`DROP INDEX \`undated_currentDue_idx\`;`)
  await db.run(sql`ALTER TABLE \`proposals\` DROP COLUMN \`reply_class\`;`)
  await db.run(sql`ALTER TABLE \`proposals\` DROP COLUMN \`undated\`;`)
}
