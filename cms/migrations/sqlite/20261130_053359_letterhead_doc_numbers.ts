import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { numberSignedOffReplies } from '../../lib/docNumbers'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`letterhead\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`organization\` text NOT NULL,
  	\`office_unit\` text,
  	\`office_abbreviation\` text,
  	\`office_contact_name\` text,
  	\`office_contact_phone\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`replies\` ADD \`doc_number\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`replies_doc_number_idx\` ON \`replies\` (\`doc_number\`);`)
  await db.run(sql`ALTER TABLE \`sections\` ADD \`abbreviation\` text;`)
  await db.run(sql`ALTER TABLE \`sections\` ADD \`contact_name\` text;`)
  await db.run(sql`ALTER TABLE \`sections\` ADD \`contact_phone\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_abbreviation_idx\` ON \`sections\` (\`abbreviation\`);`)
  // Replies signed off before numbering existed: their 文号, in sign-off order (cms/lib/docNumbers.ts).
  const numbered = await numberSignedOffReplies(payload, req)
  if (numbered) payload.logger.info(`已为 ${numbered} 条此前签发的答复编文号`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`letterhead\`;`)
  await db.run(sql`DROP INDEX \`replies_doc_number_idx\`;`)
  await db.run(sql`ALTER TABLE \`replies\` DROP COLUMN \`doc_number\`;`)
  await db.run(sql`DROP INDEX \`sections_abbreviation_idx\`;`)
  await db.run(sql`ALTER TABLE \`sections\` DROP COLUMN \`abbreviation\`;`)
  await db.run(sql`ALTER TABLE \`sections\` DROP COLUMN \`contact_name\`;`)
  await db.run(sql`ALTER TABLE \`sections\` DROP COLUMN \`contact_phone\`;`)
}
