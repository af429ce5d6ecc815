import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`replies\` ADD \`signed_off_role\` text;`)
  await db.run(sql`ALTER TABLE \`replies\` ADD \`signed_off_section_id\` integer REFERENCES sections(id);`)
  await db.run(sql`CREATE INDEX \`replies_signed_off_section_idx\` ON \`replies\` (\`signed_off_section_id\`);`)
  // Replies signed off before: the signer's role and section as their account has them now (the best there is).
  await db.run(sql`UPDATE \`replies\` SET \`signed_off_role\` = (SELECT \`role\` FROM \`users\` WHERE \`users\`.\`id\` = \`replies\`.\`signed_off_by_id\`), \`signed_off_section_id\` = (SELECT \`section_id\` FROM \`users\` WHERE \`users\`.\`id\` = \`replies\`.\`signed_off_by_id\`) WHERE \`signed_off_by_id\` IS NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_replies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`proposal_id\` integer NOT NULL,
  	\`round\` numeric,
  	\`section_id\` integer,
  	\`class\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`corrects_id\` integer,
  	\`correction_note\` text,
  	\`drafted_by_id\` integer,
  	\`signed_off_by_id\` integer,
  	\`signed_off_at\` text,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`corrects_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`drafted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_replies\`("id", "title", "proposal_id", "round", "section_id", "class", "text", "corrects_id", "correction_note", "drafted_by_id", "signed_off_by_id", "signed_off_at", "published_by_id", "published_at", "updated_at", "created_at") SELECT "id", "title", "proposal_id", "round", "section_id", "class", "text", "corrects_id", "correction_note", "drafted_by_id", "signed_off_by_id", "signed_off_at", "published_by_id", "published_at", "updated_at", "created_at" FROM \`replies\`;`)
  await db.run(sql`DROP TABLE \`replies\`;`)
  await db.run(sql`ALTER TABLE \`__new_replies\` RENAME TO \`replies\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`replies_proposal_idx\` ON \`replies\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_section_idx\` ON \`replies\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_corrects_idx\` ON \`replies\` (\`corrects_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_drafted_by_idx\` ON \`replies\` (\`drafted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_signed_off_by_idx\` ON \`replies\` (\`signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_published_by_idx\` ON \`replies\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_updated_at_idx\` ON \`replies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`replies_created_at_idx\` ON \`replies\` (\`created_at\`);`)
}
