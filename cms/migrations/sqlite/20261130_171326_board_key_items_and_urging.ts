import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`key_item\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`key_item_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`proposals\` ADD \`key_item_at\` text;`)
  await db.run(sql`CREATE INDEX \`proposals_key_item_idx\` ON \`proposals\` (\`key_item\`);`)
  await db.run(sql`CREATE INDEX \`proposals_key_item_by_idx\` ON \`proposals\` (\`key_item_by_id\`);`)
  await db.run(sql`ALTER TABLE \`proposal_events\` ADD \`note_public\` integer DEFAULT false;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_proposals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text,
  	\`session_id\` integer,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`entered_by\` text,
  	\`heading\` text,
  	\`title\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`residential_area_id\` integer NOT NULL,
  	\`proposer_id\` integer NOT NULL,
  	\`public_title\` text,
  	\`public_body\` text,
  	\`client_key\` text,
  	\`confidential\` integer DEFAULT false,
  	\`confidential_reason\` text,
  	\`internal_notes\` text,
  	\`screening_decision\` text,
  	\`screening_reason\` text,
  	\`screening_merged_into_id\` integer,
  	\`screening_at\` text,
  	\`screening_by_id\` integer,
  	\`assignment_lead_section_id\` integer,
  	\`assignment_deadline\` text,
  	\`assignment_assigned_at\` text,
  	\`no_evaluation_reason\` text,
  	\`submitted_at\` text,
  	\`closed_at\` text,
  	\`current_due\` text,
  	\`current_stage\` text,
  	\`reply_class\` text,
  	\`undated\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`residential_area_id\`) REFERENCES \`residential_areas\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`proposer_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`screening_merged_into_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`screening_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignment_lead_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_proposals\`("id", "number", "session_id", "status", "entered_by", "heading", "title", "body", "category", "residential_area_id", "proposer_id", "public_title", "public_body", "client_key", "confidential", "confidential_reason", "internal_notes", "screening_decision", "screening_reason", "screening_merged_into_id", "screening_at", "screening_by_id", "assignment_lead_section_id", "assignment_deadline", "assignment_assigned_at", "no_evaluation_reason", "submitted_at", "closed_at", "current_due", "current_stage", "reply_class", "undated", "updated_at", "created_at") SELECT "id", "number", "session_id", "status", "entered_by", "heading", "title", "body", "category", "residential_area_id", "proposer_id", "public_title", "public_body", "client_key", "confidential", "confidential_reason", "internal_notes", "screening_decision", "screening_reason", "screening_merged_into_id", "screening_at", "screening_by_id", "assignment_lead_section_id", "assignment_deadline", "assignment_assigned_at", "no_evaluation_reason", "submitted_at", "closed_at", "current_due", "current_stage", "reply_class", "undated", "updated_at", "created_at" FROM \`proposals\`;`)
  await db.run(sql`DROP TABLE \`proposals\`;`)
  await db.run(sql`ALTER TABLE \`__new_proposals\` RENAME TO \`proposals\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`proposals_number_idx\` ON \`proposals\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`proposals_session_idx\` ON \`proposals\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_status_idx\` ON \`proposals\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`proposals_residential_area_idx\` ON \`proposals\` (\`residential_area_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_proposer_idx\` ON \`proposals\` (\`proposer_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`proposals_client_key_idx\` ON \`proposals\` (\`client_key\`);`)
  await db.run(sql`CREATE INDEX \`proposals_screening_screening_merged_into_idx\` ON \`proposals\` (\`screening_merged_into_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_screening_screening_by_idx\` ON \`proposals\` (\`screening_by_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_assignment_assignment_lead_section_idx\` ON \`proposals\` (\`assignment_lead_section_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_current_due_idx\` ON \`proposals\` (\`current_due\`);`)
  await db.run(sql`CREATE INDEX \`proposals_reply_class_idx\` ON \`proposals\` (\`reply_class\`);`)
  await db.run(sql`CREATE INDEX \`proposals_updated_at_idx\` ON \`proposals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`proposals_created_at_idx\` ON \`proposals\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`undated_currentDue_idx\` ON \`proposals\` (\`undated\`,\`current_due\`);`)
  await db.run(sql`ALTER TABLE \`proposal_events\` DROP COLUMN \`note_public\`;`)
}
