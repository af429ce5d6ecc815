import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`proposals_extensions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`new_deadline\` text,
  	\`reason\` text,
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`proposals_extensions_order_idx\` ON \`proposals_extensions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`proposals_extensions_parent_id_idx\` ON \`proposals_extensions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_extensions_approved_by_idx\` ON \`proposals_extensions\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE TABLE \`proposals_rehandlings\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`round\` numeric,
  	\`started_at\` text,
  	\`deadline\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`proposals_rehandlings_order_idx\` ON \`proposals_rehandlings\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`proposals_rehandlings_parent_id_idx\` ON \`proposals_rehandlings\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`proposals\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` text,
  	\`session_id\` integer,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`title\` text NOT NULL,
  	\`body\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`residential_area_id\` integer NOT NULL,
  	\`proposer_id\` integer NOT NULL,
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
  await db.run(sql`CREATE UNIQUE INDEX \`proposals_number_idx\` ON \`proposals\` (\`number\`);`)
  await db.run(sql`CREATE INDEX \`proposals_session_idx\` ON \`proposals\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_status_idx\` ON \`proposals\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`proposals_residential_area_idx\` ON \`proposals\` (\`residential_area_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_proposer_idx\` ON \`proposals\` (\`proposer_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_screening_screening_merged_into_idx\` ON \`proposals\` (\`screening_merged_into_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_screening_screening_by_idx\` ON \`proposals\` (\`screening_by_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_assignment_assignment_lead_section_idx\` ON \`proposals\` (\`assignment_lead_section_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_current_due_idx\` ON \`proposals\` (\`current_due\`);`)
  await db.run(sql`CREATE INDEX \`proposals_updated_at_idx\` ON \`proposals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`proposals_created_at_idx\` ON \`proposals\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`proposals_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`representatives_id\` integer,
  	\`sections_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`representatives_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`proposals_rels_order_idx\` ON \`proposals_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`proposals_rels_parent_idx\` ON \`proposals_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_rels_path_idx\` ON \`proposals_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`proposals_rels_representatives_id_idx\` ON \`proposals_rels\` (\`representatives_id\`);`)
  await db.run(sql`CREATE INDEX \`proposals_rels_sections_id_idx\` ON \`proposals_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE TABLE \`instructions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`proposal_id\` integer NOT NULL,
  	\`leader_id\` integer,
  	\`text\` text NOT NULL,
  	\`at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`leader_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`instructions_proposal_idx\` ON \`instructions\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`instructions_leader_idx\` ON \`instructions\` (\`leader_id\`);`)
  await db.run(sql`CREATE INDEX \`instructions_at_idx\` ON \`instructions\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`instructions_updated_at_idx\` ON \`instructions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`instructions_created_at_idx\` ON \`instructions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`replies_commitments\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`due_date\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`replies_commitments_order_idx\` ON \`replies_commitments\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`replies_commitments_parent_id_idx\` ON \`replies_commitments\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`replies\` (
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
  await db.run(sql`CREATE INDEX \`replies_proposal_idx\` ON \`replies\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_section_idx\` ON \`replies\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_corrects_idx\` ON \`replies\` (\`corrects_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_drafted_by_idx\` ON \`replies\` (\`drafted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_signed_off_by_idx\` ON \`replies\` (\`signed_off_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_published_by_idx\` ON \`replies\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`replies_updated_at_idx\` ON \`replies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`replies_created_at_idx\` ON \`replies\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`co_opinions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`proposal_id\` integer NOT NULL,
  	\`section_id\` integer,
  	\`author_id\` integer,
  	\`text\` text NOT NULL,
  	\`at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`co_opinions_proposal_idx\` ON \`co_opinions\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`co_opinions_section_idx\` ON \`co_opinions\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`co_opinions_author_idx\` ON \`co_opinions\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`co_opinions_at_idx\` ON \`co_opinions\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`co_opinions_updated_at_idx\` ON \`co_opinions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`co_opinions_created_at_idx\` ON \`co_opinions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`evaluations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`proposal_id\` integer NOT NULL,
  	\`reply_id\` integer NOT NULL,
  	\`representative_id\` integer,
  	\`rating\` text NOT NULL,
  	\`comment\` text,
  	\`recorded_by_id\` integer,
  	\`at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reply_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`representative_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`evaluations_proposal_idx\` ON \`evaluations\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluations_reply_idx\` ON \`evaluations\` (\`reply_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluations_representative_idx\` ON \`evaluations\` (\`representative_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluations_recorded_by_idx\` ON \`evaluations\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`evaluations_at_idx\` ON \`evaluations\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`evaluations_updated_at_idx\` ON \`evaluations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`evaluations_created_at_idx\` ON \`evaluations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`follow_ups\` (
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
  await db.run(sql`CREATE INDEX \`follow_ups_proposal_idx\` ON \`follow_ups\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`follow_ups_by_idx\` ON \`follow_ups\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`follow_ups_updated_at_idx\` ON \`follow_ups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`follow_ups_created_at_idx\` ON \`follow_ups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`proposal_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`proposal_id\` integer NOT NULL,
  	\`at\` text NOT NULL,
  	\`actor_role\` text NOT NULL,
  	\`actor_user_id\` integer,
  	\`actor_representative_id\` integer,
  	\`from\` text,
  	\`to\` text,
  	\`action\` text NOT NULL,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_representative_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`proposal_events_proposal_idx\` ON \`proposal_events\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`proposal_events_at_idx\` ON \`proposal_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`proposal_events_actor_user_idx\` ON \`proposal_events\` (\`actor_user_id\`);`)
  await db.run(sql`CREATE INDEX \`proposal_events_actor_representative_idx\` ON \`proposal_events\` (\`actor_representative_id\`);`)
  await db.run(sql`CREATE INDEX \`proposal_events_updated_at_idx\` ON \`proposal_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`proposal_events_created_at_idx\` ON \`proposal_events\` (\`created_at\`);`)
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
  await db.run(sql`CREATE TABLE \`representatives\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`residential_area_id\` integer NOT NULL,
  	\`kind\` text DEFAULT 'resident' NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`must_change_password\` integer DEFAULT true,
  	\`phone\` text,
  	\`id_number\` text,
  	\`address\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text,
  	\`username\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`residential_area_id\`) REFERENCES \`residential_areas\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`representatives_residential_area_idx\` ON \`representatives\` (\`residential_area_id\`);`)
  await db.run(sql`CREATE INDEX \`representatives_updated_at_idx\` ON \`representatives\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`representatives_created_at_idx\` ON \`representatives\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`representatives_username_idx\` ON \`representatives\` (\`username\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'office' NOT NULL,
  	\`section_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_section_idx\` ON \`users\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`sections\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_name_idx\` ON \`sections\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sections_slug_idx\` ON \`sections\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`sections_updated_at_idx\` ON \`sections\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sections_created_at_idx\` ON \`sections\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`residential_areas\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`residential_areas_name_idx\` ON \`residential_areas\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`residential_areas_updated_at_idx\` ON \`residential_areas\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`residential_areas_created_at_idx\` ON \`residential_areas\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sessions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`current\` integer DEFAULT false,
  	\`deadlines_screening_working_days\` numeric DEFAULT 3 NOT NULL,
  	\`deadlines_instruction_working_days\` numeric DEFAULT 5 NOT NULL,
  	\`deadlines_reply_months\` numeric DEFAULT 1 NOT NULL,
  	\`deadlines_extension_max_months\` numeric DEFAULT 3 NOT NULL,
  	\`deadlines_co_opinion_working_days\` numeric DEFAULT 10 NOT NULL,
  	\`deadlines_rehandling_months\` numeric DEFAULT 1 NOT NULL,
  	\`deadlines_evaluation_working_days\` numeric DEFAULT 20 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sessions_slug_idx\` ON \`sessions\` (\`slug\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`sessions_year_idx\` ON \`sessions\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`sessions_updated_at_idx\` ON \`sessions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`sessions_created_at_idx\` ON \`sessions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holidays\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`holidays_date_idx\` ON \`holidays\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`holidays_updated_at_idx\` ON \`holidays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holidays_created_at_idx\` ON \`holidays\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`sequences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`value\` numeric DEFAULT 0 NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`sequences_key_idx\` ON \`sequences\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  	FOREIGN KEY (\`sequences_id\`) REFERENCES \`sequences\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`representatives_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`representatives_id\`) REFERENCES \`representatives\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_representatives_id_idx\` ON \`payload_preferences_rels\` (\`representatives_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`proposals_extensions\`;`)
  await db.run(sql`DROP TABLE \`proposals_rehandlings\`;`)
  await db.run(sql`DROP TABLE \`proposals\`;`)
  await db.run(sql`DROP TABLE \`proposals_rels\`;`)
  await db.run(sql`DROP TABLE \`instructions\`;`)
  await db.run(sql`DROP TABLE \`replies_commitments\`;`)
  await db.run(sql`DROP TABLE \`replies\`;`)
  await db.run(sql`DROP TABLE \`co_opinions\`;`)
  await db.run(sql`DROP TABLE \`evaluations\`;`)
  await db.run(sql`DROP TABLE \`follow_ups\`;`)
  await db.run(sql`DROP TABLE \`proposal_events\`;`)
  await db.run(sql`DROP TABLE \`representatives_sessions\`;`)
  await db.run(sql`DROP TABLE \`representatives\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`sections\`;`)
  await db.run(sql`DROP TABLE \`residential_areas\`;`)
  await db.run(sql`DROP TABLE \`sessions\`;`)
  await db.run(sql`DROP TABLE \`holidays\`;`)
  await db.run(sql`DROP TABLE \`sequences\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
