import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { refreshAllCommitments } from '../../lib/commitmentLedger'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`commitments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	\`proposal_id\` integer NOT NULL,
  	\`due_date\` text NOT NULL,
  	\`state\` text NOT NULL,
  	\`outstanding\` integer,
  	\`section_id\` integer,
  	\`session_id\` integer,
  	\`reply_id\` integer NOT NULL,
  	\`round\` numeric NOT NULL,
  	\`reply_class\` text NOT NULL,
  	\`published_at\` text NOT NULL,
  	\`checked_at\` text,
  	\`standing_id\` integer,
  	\`corrected\` integer,
  	\`commitment_id\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposal_id\`) REFERENCES \`proposals\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`session_id\`) REFERENCES \`sessions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reply_id\`) REFERENCES \`replies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`standing_id\`) REFERENCES \`follow_ups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`commitments_proposal_idx\` ON \`commitments\` (\`proposal_id\`);`)
  await db.run(sql`CREATE INDEX \`commitments_due_date_idx\` ON \`commitments\` (\`due_date\`);`)
  await db.run(sql`CREATE INDEX \`commitments_state_idx\` ON \`commitments\` (\`state\`);`)
  await db.run(sql`CREATE INDEX \`commitments_outstanding_idx\` ON \`commitments\` (\`outstanding\`);`)
  await db.run(sql`CREATE INDEX \`commitments_section_idx\` ON \`commitments\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`commitments_session_idx\` ON \`commitments\` (\`session_id\`);`)
  await db.run(sql`CREATE INDEX \`commitments_reply_idx\` ON \`commitments\` (\`reply_id\`);`)
  await db.run(sql`CREATE INDEX \`commitments_standing_idx\` ON \`commitments\` (\`standing_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`commitments_commitment_id_idx\` ON \`commitments\` (\`commitment_id\`);`)
  await db.run(sql`CREATE INDEX \`commitments_updated_at_idx\` ON \`commitments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`commitments_created_at_idx\` ON \`commitments\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`commitments_id\` integer REFERENCES commitments(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_commitments_id_idx\` ON \`payload_locked_documents_rels\` (\`commitments_id\`);`)
  // 承诺台账: the commitments of every reply already published, with where each stands (cms/lib/commitmentLedger.ts).
  let last = 0
  await refreshAllCommitments(req, (done, total) => {
    if (done === total || done - last >= 500) {
      last = done
      payload.logger.info(`承诺台账：已整理 ${done} / ${total} 件提案的承诺事项`)
    }
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`commitments\`;`)
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
  	FOREIGN KEY (\`duties_id\`) REFERENCES \`duties\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "proposals_id", "instructions_id", "replies_id", "co_opinions_id", "extension_requests_id", "evaluations_id", "resolution_answers_id", "follow_ups_id", "attachments_id", "proposal_events_id", "representatives_id", "co_sign_invitations_id", "portal_sessions_id", "users_id", "sections_id", "residential_areas_id", "sessions_id", "holidays_id", "sequences_id", "site_builds_id", "audit_log_id", "duties_id") SELECT "id", "order", "parent_id", "path", "proposals_id", "instructions_id", "replies_id", "co_opinions_id", "extension_requests_id", "evaluations_id", "resolution_answers_id", "follow_ups_id", "attachments_id", "proposal_events_id", "representatives_id", "co_sign_invitations_id", "portal_sessions_id", "users_id", "sections_id", "residential_areas_id", "sessions_id", "holidays_id", "sequences_id", "site_builds_id", "audit_log_id", "duties_id" FROM \`payload_locked_documents_rels\`;`)
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
}
