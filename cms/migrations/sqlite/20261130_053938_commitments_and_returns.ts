import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { titleUntitled } from '../../collections/FollowUps/hooks/checkFollowUp'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`replies_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`sections_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`replies_rels_order_idx\` ON \`replies_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`replies_rels_parent_idx\` ON \`replies_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_rels_path_idx\` ON \`replies_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`replies_rels_sections_id_idx\` ON \`replies_rels\` (\`sections_id\`);`)
  await db.run(sql`ALTER TABLE \`replies\` ADD \`returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`replies\` ADD \`returned_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`replies\` ADD \`revised_at\` text;`)
  await db.run(sql`ALTER TABLE \`replies\` ADD \`return_reason\` text;`)
  await db.run(sql`CREATE INDEX \`replies_returned_by_idx\` ON \`replies\` (\`returned_by_id\`);`)
  await db.run(sql`ALTER TABLE \`follow_ups\` ADD \`title\` text;`)
  await db.run(sql`ALTER TABLE \`follow_ups\` ADD \`corrects_id\` integer REFERENCES follow_ups(id);`)
  await db.run(sql`ALTER TABLE \`follow_ups\` ADD \`correction_note\` text;`)
  await db.run(sql`CREATE INDEX \`follow_ups_corrects_idx\` ON \`follow_ups\` (\`corrects_id\`);`)
  // Follow-ups recorded before titles existed get theirs (the admin's lists and the correction's chooser show it).
  const titled = await titleUntitled(req)
  if (titled) payload.logger.info(`已为 ${titled} 条回访验证记录生成标题`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`replies_rels\`;`)
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
  	\`signed_off_role\` text,
  	\`signed_off_section_id\` integer,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`corrects_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`drafted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signed_off_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signed_off_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_replies\`("id", "title", "proposal_id", "round", "section_id", "class", "text", "corrects_id", "correction_note", "drafted_by_id", "signed_off_by_id", "signed_off_at", "signed_off_role", "signed_off_section_id", "published_by_id", "published_at", "updated_at", "created_at") SELECT "id", "title", "proposal_id", "round", "section_id", "class", "text", "corrects_id", "correction_note", "drafted_by_id", "signed_off_by_id", "signed_off_at", "signed_off_role", "signed_off_section_id", "published_by_id", "published_at", "updated_at", "created_at" FROM \`replies\`;`)
  await db.run(sql`DROP TABLE \`replies\`;`)
  await db.run(sql`ALTER TABLE \`__new_replies\` RENAME TO \`replies\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`replies_proposal_idx\` ON \`replies\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_section_idx\` ON \`replies\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_corrects_idx\` ON \`replies\` (\`corrects_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_drafted_by_idx\` ON \`replies\` (\`drafted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_signed_off_by_idx\` ON \`replies\` (\`signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_signed_off_section_idx\` ON \`replies\` (\`signed_off_section_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_published_by_idx\` ON \`replies\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_updated_at_idx\` ON \`replies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`replies_created_at_idx\` ON \`replies\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_follow_ups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`proposal_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`at\` text,
  	\`notes\` text NOT NULL,
  	\`commitment_id\` text,
  	\`verified\` integer,
  	\`by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_follow_ups\`("id", "proposal_id", "kind", "at", "notes", "commitment_id", "verified", "by_id", "updated_at", "created_at") SELECT "id", "proposal_id", "kind", "at", "notes", "commitment_id", "verified", "by_id", "updated_at", "created_at" FROM \`follow_ups\`;`)
  await db.run(sql`DROP TABLE \`follow_ups\`;`)
  await db.run(sql`ALTER TABLE \`__new_follow_ups\` RENAME TO \`follow_ups\`;`)
  await db.run(sql`CREATE INDEX \`follow_ups_proposal_idx\` ON \`follow_ups\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`follow_ups_by_idx\` ON \`follow_ups\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`follow_ups_updated_at_idx\` ON \`follow_ups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`follow_ups_created_at_idx\` ON \`follow_ups\` (\`created_at\`);`)
}
