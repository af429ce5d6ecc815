import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { refreshAllCommitments } from '../../lib/commitmentLedger'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_commitments_state" AS ENUM('open', 'kept', 'unkept', 'superseded');
  CREATE TYPE "public"."enum_commitments_reply_class" AS ENUM('A', 'B', 'C');
  CREATE TABLE "commitments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"due_date" varchar NOT NULL,
  	"state" "enum_commitments_state" NOT NULL,
  	"outstanding" boolean,
  	"section_id" integer,
  	"session_id" integer,
  	"reply_id" integer NOT NULL,
  	"round" numeric NOT NULL,
  	"reply_class" "enum_commitments_reply_class" NOT NULL,
  	"published_at" timestamp(3) with time zone NOT NULL,
  	"checked_at" timestamp(3) with time zone,
  	"standing_id" integer,
  	"corrected" boolean,
  	"commitment_id" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "commitments_id" integer;
  ALTER TABLE "commitments" ADD CONSTRAINT "commitments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commitments" ADD CONSTRAINT "commitments_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commitments" ADD CONSTRAINT "commitments_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commitments" ADD CONSTRAINT "commitments_reply_id_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."replies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "commitments" ADD CONSTRAINT "commitments_standing_id_follow_ups_id_fk" FOREIGN KEY ("standing_id") REFERENCES "public"."follow_ups"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "commitments_proposal_idx" ON "commitments" USING btree ("proposal_id");
  CREATE INDEX "commitments_due_date_idx" ON "commitments" USING btree ("due_date");
  CREATE INDEX "commitments_state_idx" ON "commitments" USING btree ("state");
  CREATE INDEX "commitments_outstanding_idx" ON "commitments" USING btree ("outstanding");
  CREATE INDEX "commitments_section_idx" ON "commitments" USING btree ("section_id");
  CREATE INDEX "commitments_session_idx" ON "commitments" USING btree ("session_id");
  CREATE INDEX "commitments_reply_idx" ON "commitments" USING btree ("reply_id");
  CREATE INDEX "commitments_standing_idx" ON "commitments" USING btree ("standing_id");
  CREATE UNIQUE INDEX "commitments_commitment_id_idx" ON "commitments" USING btree ("commitment_id");
  CREATE INDEX "commitments_updated_at_idx" ON "commitments" USING btree ("updated_at");
  CREATE INDEX "commitments_created_at_idx" ON "commitments" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_commitments_fk" FOREIGN KEY ("commitments_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_commitments_id_idx" ON "payload_locked_documents_rels" USING btree ("commitments_id");`)
  // 承诺台账: the commitments of every reply already published, with where each stands (cms/lib/commitmentLedger.ts).
  let last = 0
  await refreshAllCommitments(req, (done, total) => {
    if (done === total || done - last >= 500) {
      last = done
      payload.logger.info(`承诺台账：已整理 ${done} / ${total} 件提案的承诺事项`)
    }
  })
}

// The lock table's foreign key is dropped before the table: DROP TABLE … CASCADE would take it along, and dropping it after fails.
export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_commitments_fk";
  ALTER TABLE "commitments" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "commitments" CASCADE;
  
  DROP INDEX "payload_locked_documents_rels_commitments_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "commitments_id";
  DROP TYPE "public"."enum_commitments_state";
  DROP TYPE "public"."enum_commitments_reply_class";`)
}
