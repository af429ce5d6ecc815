import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`portal_sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`token_hash\` text NOT NULL,
  	\`representative_id\` integer NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`absolute_expires_at\` text NOT NULL,
  	\`last_seen_at\` text,
  	\`device\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`representative_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`portal_sessions_token_hash_idx\` ON \`portal_sessions\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`portal_sessions_representative_idx\` ON \`portal_sessions\` (\`representative_id\`);`)
  await db.run(sql`CREATE INDEX \`portal_sessions_expires_at_idx\` ON \`portal_sessions\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`portal_sessions_updated_at_idx\` ON \`portal_sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`portal_sessions_created_at_idx\` ON \`portal_sessions\` (\`created_at\`);`)
  await db.run(sql`DROP TABLE \`representatives_sessions\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`portal_sessions_id\` integer REFERENCES portal_sessions(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_portal_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`portal_sessions_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`representatives_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`representatives_sessions_order_idx\` ON \`representatives_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`representatives_sessions_parent_id_idx\` ON \`representatives_sessions\` (\`_parent_id\`);`)
  await db.run(sql`DROP TABLE \`portal_sessions\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`proposals_id\` integer,
  	\`instructions_id\` integer,
  	\`replies_id\` integer,
  	\`co_opinions_id\` integer,
  	\`evaluations_id\` integer,
  	\`follow_ups_id\` integer,
  	\`proposal_events_id\` integer,
  	\`representatives_id\` integer,
  	\`users_id\` integer,
  	\`sections_id\` integer,
  	\`residential_areas_id\` integer,
  	\`sessions_id\` integer,
  	\`holidays_id\` integer,
  	\`sequences_id\` integer,
  	\`site_builds_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`proposals_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`instructions_id\`) REFERENCES \`instructions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`replies_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`co_opinions_id\`) REFERENCES \`co_opinions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluations_id\`) REFERENCES \`evaluations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`follow_ups_id\`) REFERENCES \`follow_ups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`proposal_events_id\`) REFERENCES \`proposal_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`representatives_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`residential_areas_id\`) REFERENCES \`residential_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sessions_id\`) REFERENCES \`sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sequences_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "proposals_id", "instructions_id", "replies_id", "co_opinions_id", "evaluations_id", "follow_ups_id", "proposal_events_id", "representatives_id", "users_id", "sections_id", "residential_areas_id", "sessions_id", "holidays_id", "sequences_id", "site_builds_id") SELECT "id", "order", "parent_id", "path", "proposals_id", "instructions_id", "replies_id", "co_opinions_id", "evaluations_id", "follow_ups_id", "proposal_events_id", "representatives_id", "users_id", "sections_id", "residential_areas_id", "sessions_id", "holidays_id", "sequences_id", "site_builds_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_proposals_id_idx\` ON \`payload_locked_documents_rels\` (\`proposals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_instructions_id_idx\` ON \`payload_locked_documents_rels\` (\`instructions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_replies_id_idx\` ON \`payload_locked_documents_rels\` (\`replies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_co_opinions_id_idx\` ON \`payload_locked_documents_rels\` (\`co_opinions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evaluations_id_idx\` ON \`payload_locked_documents_rels\` (\`evaluations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_follow_ups_id_idx\` ON \`payload_locked_documents_rels\` (\`follow_ups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_proposal_events_id_idx\` ON \`payload_locked_documents_rels\` (\`proposal_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_representatives_id_idx\` ON \`payload_locked_documents_rels\` (\`representatives_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_residential_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`residential_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequences_id_idx\` ON \`payload_locked_documents_rels\` (\`sequences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
}
