import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { refreshAll } from '../../lib/derived'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_duties_action" AS ENUM('screen', 'nameLead', 'instruct', 'takeOn', 'coOpinion', 'draftReply', 'signOff', 'publish', 'explain', 'evaluate', 'followUp', 'verify', 'close');
  CREATE TYPE "public"."enum_duties_role" AS ENUM('admin', 'office', 'leader', 'sectionStaff', 'sectionHead', 'representative', 'public');
  CREATE TABLE "duties" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"action" "enum_duties_action" NOT NULL,
  	"role" "enum_duties_role" NOT NULL,
  	"section_id" integer,
  	"person_id" integer,
  	"due" varchar,
  	"from" varchar,
  	"until" varchar,
  	"subject" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "duties_id" integer;
  ALTER TABLE "duties" ADD CONSTRAINT "duties_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "duties" ADD CONSTRAINT "duties_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "duties" ADD CONSTRAINT "duties_person_id_representatives_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "duties_proposal_idx" ON "duties" USING btree ("proposal_id");
  CREATE INDEX "duties_action_idx" ON "duties" USING btree ("action");
  CREATE INDEX "duties_role_idx" ON "duties" USING btree ("role");
  CREATE INDEX "duties_section_idx" ON "duties" USING btree ("section_id");
  CREATE INDEX "duties_person_idx" ON "duties" USING btree ("person_id");
  CREATE INDEX "duties_due_idx" ON "duties" USING btree ("due");
  CREATE INDEX "duties_updated_at_idx" ON "duties" USING btree ("updated_at");
  CREATE INDEX "duties_created_at_idx" ON "duties" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_duties_fk" FOREIGN KEY ("duties_id") REFERENCES "public"."duties"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_duties_id_idx" ON "payload_locked_documents_rels" USING btree ("duties_id");`)
  // What waits on whom, for every proposal already there (cms/lib/derived.ts).
  let last = 0
  await refreshAll(req, undefined, (done, total) => {
    if (done === total || done - last >= 500) {
      last = done
      payload.logger.info(`待办事项：已计算 ${done} / ${total} 件提案`)
    }
  })
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "duties" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "duties" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT IF EXISTS "payload_locked_documents_rels_duties_fk";
  
  DROP INDEX "payload_locked_documents_rels_duties_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "duties_id";
  DROP TYPE "public"."enum_duties_action";
  DROP TYPE "public"."enum_duties_role";`)
}
