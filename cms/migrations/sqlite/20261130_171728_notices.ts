import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`notices\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`unique_key\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`stage\` text NOT NULL,
  	\`proposal_id\` integer,
  	\`user_id\` integer,
  	\`representative_id\` integer,
  	\`channel\` text,
  	\`subject\` text,
  	\`text\` text,
  	\`link\` text,
  	\`status\` text NOT NULL,
  	\`attempts\` numeric DEFAULT 0,
  	\`next_attempt_at\` text,
  	\`claimed_at\` text,
  	\`sent_at\` text,
  	\`outcome\` text,
  	\`last_error\` text,
  	\`digest\` text,
  	\`position\` numeric,
  	\`superseded_by\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`representative_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`notices_unique_key_idx\` ON \`notices\` (\`unique_key\`);`)
  await db.run(sql`CREATE INDEX \`notices_date_idx\` ON \`notices\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`notices_proposal_idx\` ON \`notices\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_user_idx\` ON \`notices\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_representative_idx\` ON \`notices\` (\`representative_id\`);`)
  await db.run(sql`CREATE INDEX \`notices_status_idx\` ON \`notices\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`notices_next_attempt_at_idx\` ON \`notices\` (\`next_attempt_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_digest_idx\` ON \`notices\` (\`digest\`);`)
  await db.run(sql`CREATE INDEX \`notices_updated_at_idx\` ON \`notices\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notices_created_at_idx\` ON \`notices\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`representatives\` ADD \`notify_by_email\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`representatives\` ADD \`notify_by_sms\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`representatives\` ADD \`notify_quiet_from\` text;`)
  await db.run(sql`ALTER TABLE \`representatives\` ADD \`notify_quiet_to\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`phone\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notify_by_email\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notify_by_sms\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notify_quiet_from\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`notify_quiet_to\` text;`)
  await db.run(sql`ALTER TABLE \`sessions\` ADD \`supervision_reminder_working_days\` text DEFAULT '3,1';`)
  await db.run(sql`ALTER TABLE \`sessions\` ADD \`supervision_escalation_working_days\` numeric DEFAULT 5;`)
  await db.run(sql`ALTER TABLE \`sessions\` ADD \`supervision_key_reminder_working_days\` text DEFAULT '5,3,2,1';`)
  await db.run(sql`ALTER TABLE \`sessions\` ADD \`supervision_key_escalation_working_days\` numeric DEFAULT 2;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notices_id\` integer REFERENCES notices(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`notices_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`notices\`;`)
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
  	\`extension_requests_id\` integer,
  	\`evaluations_id\` integer,
  	\`resolution_answers_id\` integer,
  	\`follow_ups_id\` integer,
  	\`attachments_id\` integer,
  	\`proposal_events_id\` integer,
  	\`representatives_id\` integer,
  	\`co_sign_invitations_id\` integer,
  	\`portal_sessions_id\` integer,
  	\`users_id\` integer,
  	\`sections_id\` integer,
  	\`residential_areas_id\` integer,
  	\`sessions_id\` integer,
  	\`holidays_id\` integer,
  	\`sequences_id\` integer,
  	\`site_builds_id\` integer,
  	\`audit_log_id\` integer,
  	\`duties_id\` integer,
  	\`commitments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`proposals_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`instructions_id\`) REFERENCES \`instructions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`replies_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`co_opinions_id\`) REFERENCES \`co_opinions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`extension_requests_id\`) REFERENCES \`extension_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`evaluations_id\`) REFERENCES \`evaluations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`resolution_answers_id\`) REFERENCES \`resolution_answers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`follow_ups_id\`) REFERENCES \`follow_ups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`attachments_id\`) REFERENCES \`attachments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`proposal_events_id\`) REFERENCES \`proposal_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`representatives_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`co_sign_invitations_id\`) REFERENCES \`co_sign_invitations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`portal_sessions_id\`) REFERENCES \`portal_sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`residential_areas_id\`) REFERENCES \`residential_areas\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sessions_id\`) REFERENCES \`sessions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sequences_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`site_builds_id\`) REFERENCES \`site_builds\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`duties_id\`) REFERENCES \`duties\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`commitments_id\`) REFERENCES \`commitments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "proposals_id", "instructions_id", "replies_id", "co_opinions_id", "extension_requests_id", "evaluations_id", "resolution_answers_id", "follow_ups_id", "attachments_id", "proposal_events_id", "representatives_id", "co_sign_invitations_id", "portal_sessions_id", "users_id", "sections_id", "residential_areas_id", "sessions_id", "holidays_id", "sequences_id", "site_builds_id", "audit_log_id", "duties_id", "commitments_id") SELECT "id", "order", "parent_id", "path", "proposals_id", "instructions_id", "replies_id", "co_opinions_id", "extension_requests_id", "evaluations_id", "resolution_answers_id", "follow_ups_id", "attachments_id", "proposal_events_id", "representatives_id", "co_sign_invitations_id", "portal_sessions_id", "users_id", "sections_id", "residential_areas_id", "sessions_id", "holidays_id", "sequences_id", "site_builds_id", "audit_log_id", "duties_id", "commitments_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_extension_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`extension_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_evaluations_id_idx\` ON \`payload_locked_documents_rels\` (\`evaluations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_resolution_answers_id_idx\` ON \`payload_locked_documents_rels\` (\`resolution_answers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_follow_ups_id_idx\` ON \`payload_locked_documents_rels\` (\`follow_ups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_attachments_id_idx\` ON \`payload_locked_documents_rels\` (\`attachments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_proposal_events_id_idx\` ON \`payload_locked_documents_rels\` (\`proposal_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_representatives_id_idx\` ON \`payload_locked_documents_rels\` (\`representatives_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_co_sign_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`co_sign_invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_portal_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`portal_sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_residential_areas_id_idx\` ON \`payload_locked_documents_rels\` (\`residential_areas_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sessions_id_idx\` ON \`payload_locked_documents_rels\` (\`sessions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sequences_id_idx\` ON \`payload_locked_documents_rels\` (\`sequences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_site_builds_id_idx\` ON \`payload_locked_documents_rels\` (\`site_builds_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_duties_id_idx\` ON \`payload_locked_documents_rels\` (\`duties_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commitments_id_idx\` ON \`payload_locked_documents_rels\` (\`commitments_id\`);`)
  await db.run(sql`ALTER TABLE \`representatives\` DROP COLUMN \`notify_by_email\`;`)
  await db.run(sql`ALTER TABLE \`representatives\` DROP COLUMN \`notify_by_sms\`;`)
  await db.run(sql`ALTER TABLE \`representatives\` DROP COLUMN \`notify_quiet_from\`;`)
  await db.run(sql`ALTER TABLE \`representatives\` DROP COLUMN \`notify_quiet_to\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`phone\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notify_by_email\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notify_by_sms\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notify_quiet_from\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`notify_quiet_to\`;`)
  await db.run(sql`ALTER TABLE \`sessions\` DROP COLUMN \`supervision_reminder_working_days\`;`)
  await db.run(sql`ALTER TABLE \`sessions\` DROP COLUMN \`supervision_escalation_working_days\`;`)
  await db.run(sql`ALTER TABLE \`sessions\` DROP COLUMN \`supervision_key_reminder_working_days\`;`)
  await db.run(sql`ALTER TABLE \`sessions\` DROP COLUMN \`supervision_key_escalation_working_days\`;`)
}
