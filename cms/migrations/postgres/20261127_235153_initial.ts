import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_proposals_status" AS ENUM('draft', 'submitted', 'accepted', 'merged', 'redirected', 'notAccepted', 'instructed', 'inProgress', 'replied', 'evaluated', 'rehandling', 'closed');
  CREATE TYPE "public"."enum_proposals_category" AS ENUM('urban', 'housing', 'greenery', 'safety', 'market', 'traffic', 'community', 'services', 'other');
  CREATE TYPE "public"."enum_proposals_screening_decision" AS ENUM('accepted', 'merged', 'redirected', 'notAccepted');
  CREATE TYPE "public"."enum_proposals_current_stage" AS ENUM('screening', 'instruction', 'reply', 'rehandling');
  CREATE TYPE "public"."enum_replies_class" AS ENUM('A', 'B', 'C');
  CREATE TYPE "public"."enum_evaluations_rating" AS ENUM('satisfied', 'basicallySatisfied', 'dissatisfied');
  CREATE TYPE "public"."enum_follow_ups_kind" AS ENUM('visit', 'call', 'verification');
  CREATE TYPE "public"."enum_proposal_events_actor_role" AS ENUM('admin', 'office', 'leader', 'sectionStaff', 'sectionHead', 'representative', 'public');
  CREATE TYPE "public"."enum_representatives_kind" AS ENUM('resident', 'deputy');
  CREATE TYPE "public"."enum_users_role" AS ENUM('admin', 'office', 'leader', 'sectionStaff', 'sectionHead');
  CREATE TYPE "public"."enum_holidays_kind" AS ENUM('holiday', 'makeUpWorkday');
  CREATE TABLE "proposals_extensions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"new_deadline" varchar,
  	"reason" varchar,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "proposals_rehandlings" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"round" numeric,
  	"started_at" timestamp(3) with time zone,
  	"deadline" varchar
  );
  
  CREATE TABLE "proposals" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar,
  	"session_id" integer,
  	"status" "enum_proposals_status" DEFAULT 'draft' NOT NULL,
  	"title" varchar NOT NULL,
  	"body" varchar NOT NULL,
  	"category" "enum_proposals_category" NOT NULL,
  	"residential_area_id" integer NOT NULL,
  	"proposer_id" integer NOT NULL,
  	"confidential" boolean DEFAULT false,
  	"confidential_reason" varchar,
  	"internal_notes" varchar,
  	"screening_decision" "enum_proposals_screening_decision",
  	"screening_reason" varchar,
  	"screening_merged_into_id" integer,
  	"screening_at" timestamp(3) with time zone,
  	"screening_by_id" integer,
  	"assignment_lead_section_id" integer,
  	"assignment_deadline" varchar,
  	"assignment_assigned_at" timestamp(3) with time zone,
  	"no_evaluation_reason" varchar,
  	"submitted_at" timestamp(3) with time zone,
  	"closed_at" timestamp(3) with time zone,
  	"current_due" varchar,
  	"current_stage" "enum_proposals_current_stage",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "proposals_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"representatives_id" integer,
  	"sections_id" integer
  );
  
  CREATE TABLE "instructions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"leader_id" integer,
  	"text" varchar NOT NULL,
  	"at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "replies_commitments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"text" varchar NOT NULL,
  	"due_date" varchar NOT NULL
  );
  
  CREATE TABLE "replies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar,
  	"proposal_id" integer NOT NULL,
  	"round" numeric,
  	"section_id" integer,
  	"class" "enum_replies_class" NOT NULL,
  	"text" varchar NOT NULL,
  	"corrects_id" integer,
  	"correction_note" varchar,
  	"drafted_by_id" integer,
  	"signed_off_by_id" integer,
  	"signed_off_at" timestamp(3) with time zone,
  	"published_by_id" integer,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "co_opinions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"section_id" integer,
  	"author_id" integer,
  	"text" varchar NOT NULL,
  	"at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "evaluations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"reply_id" integer NOT NULL,
  	"representative_id" integer,
  	"rating" "enum_evaluations_rating" NOT NULL,
  	"comment" varchar,
  	"recorded_by_id" integer,
  	"at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "follow_ups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"kind" "enum_follow_ups_kind" NOT NULL,
  	"at" timestamp(3) with time zone,
  	"notes" varchar NOT NULL,
  	"commitment_id" varchar,
  	"verified" boolean,
  	"by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "proposal_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"proposal_id" integer NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"actor_role" "enum_proposal_events_actor_role" NOT NULL,
  	"actor_user_id" integer,
  	"actor_representative_id" integer,
  	"from" varchar,
  	"to" varchar,
  	"action" varchar NOT NULL,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "representatives_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "representatives" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"residential_area_id" integer NOT NULL,
  	"kind" "enum_representatives_kind" DEFAULT 'resident' NOT NULL,
  	"active" boolean DEFAULT true,
  	"must_change_password" boolean DEFAULT true,
  	"phone" varchar,
  	"id_number" varchar,
  	"address" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar,
  	"username" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"role" "enum_users_role" DEFAULT 'office' NOT NULL,
  	"section_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "sections" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "residential_areas" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sessions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"year" numeric NOT NULL,
  	"current" boolean DEFAULT false,
  	"deadlines_screening_working_days" numeric DEFAULT 3 NOT NULL,
  	"deadlines_instruction_working_days" numeric DEFAULT 5 NOT NULL,
  	"deadlines_reply_months" numeric DEFAULT 1 NOT NULL,
  	"deadlines_extension_max_months" numeric DEFAULT 3 NOT NULL,
  	"deadlines_co_opinion_working_days" numeric DEFAULT 10 NOT NULL,
  	"deadlines_rehandling_months" numeric DEFAULT 1 NOT NULL,
  	"deadlines_evaluation_working_days" numeric DEFAULT 20 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "holidays" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"kind" "enum_holidays_kind" NOT NULL,
  	"name" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sequences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"value" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"proposals_id" integer,
  	"instructions_id" integer,
  	"replies_id" integer,
  	"co_opinions_id" integer,
  	"evaluations_id" integer,
  	"follow_ups_id" integer,
  	"proposal_events_id" integer,
  	"representatives_id" integer,
  	"users_id" integer,
  	"sections_id" integer,
  	"residential_areas_id" integer,
  	"sessions_id" integer,
  	"holidays_id" integer,
  	"sequences_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"representatives_id" integer,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "proposals_extensions" ADD CONSTRAINT "proposals_extensions_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_extensions" ADD CONSTRAINT "proposals_extensions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals_rehandlings" ADD CONSTRAINT "proposals_rehandlings_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_residential_area_id_residential_areas_id_fk" FOREIGN KEY ("residential_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_id_representatives_id_fk" FOREIGN KEY ("proposer_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_screening_merged_into_id_proposals_id_fk" FOREIGN KEY ("screening_merged_into_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_screening_by_id_users_id_fk" FOREIGN KEY ("screening_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals" ADD CONSTRAINT "proposals_assignment_lead_section_id_sections_id_fk" FOREIGN KEY ("assignment_lead_section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposals_rels" ADD CONSTRAINT "proposals_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals_rels" ADD CONSTRAINT "proposals_rels_representatives_fk" FOREIGN KEY ("representatives_id") REFERENCES "public"."representatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "proposals_rels" ADD CONSTRAINT "proposals_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "instructions" ADD CONSTRAINT "instructions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "instructions" ADD CONSTRAINT "instructions_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "replies_commitments" ADD CONSTRAINT "replies_commitments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."replies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_corrects_id_replies_id_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."replies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_drafted_by_id_users_id_fk" FOREIGN KEY ("drafted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_signed_off_by_id_users_id_fk" FOREIGN KEY ("signed_off_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "replies" ADD CONSTRAINT "replies_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "co_opinions" ADD CONSTRAINT "co_opinions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "co_opinions" ADD CONSTRAINT "co_opinions_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "co_opinions" ADD CONSTRAINT "co_opinions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_reply_id_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."replies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_actor_representative_id_representatives_id_fk" FOREIGN KEY ("actor_representative_id") REFERENCES "public"."representatives"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "representatives_sessions" ADD CONSTRAINT "representatives_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."representatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "representatives" ADD CONSTRAINT "representatives_residential_area_id_residential_areas_id_fk" FOREIGN KEY ("residential_area_id") REFERENCES "public"."residential_areas"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_proposals_fk" FOREIGN KEY ("proposals_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_instructions_fk" FOREIGN KEY ("instructions_id") REFERENCES "public"."instructions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_replies_fk" FOREIGN KEY ("replies_id") REFERENCES "public"."replies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_co_opinions_fk" FOREIGN KEY ("co_opinions_id") REFERENCES "public"."co_opinions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_evaluations_fk" FOREIGN KEY ("evaluations_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_follow_ups_fk" FOREIGN KEY ("follow_ups_id") REFERENCES "public"."follow_ups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_proposal_events_fk" FOREIGN KEY ("proposal_events_id") REFERENCES "public"."proposal_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_representatives_fk" FOREIGN KEY ("representatives_id") REFERENCES "public"."representatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sections_fk" FOREIGN KEY ("sections_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_residential_areas_fk" FOREIGN KEY ("residential_areas_id") REFERENCES "public"."residential_areas"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sessions_fk" FOREIGN KEY ("sessions_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_holidays_fk" FOREIGN KEY ("holidays_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sequences_fk" FOREIGN KEY ("sequences_id") REFERENCES "public"."sequences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_representatives_fk" FOREIGN KEY ("representatives_id") REFERENCES "public"."representatives"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "proposals_extensions_order_idx" ON "proposals_extensions" USING btree ("_order");
  CREATE INDEX "proposals_extensions_parent_id_idx" ON "proposals_extensions" USING btree ("_parent_id");
  CREATE INDEX "proposals_extensions_approved_by_idx" ON "proposals_extensions" USING btree ("approved_by_id");
  CREATE INDEX "proposals_rehandlings_order_idx" ON "proposals_rehandlings" USING btree ("_order");
  CREATE INDEX "proposals_rehandlings_parent_id_idx" ON "proposals_rehandlings" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "proposals_number_idx" ON "proposals" USING btree ("number");
  CREATE INDEX "proposals_session_idx" ON "proposals" USING btree ("session_id");
  CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status");
  CREATE INDEX "proposals_residential_area_idx" ON "proposals" USING btree ("residential_area_id");
  CREATE INDEX "proposals_proposer_idx" ON "proposals" USING btree ("proposer_id");
  CREATE INDEX "proposals_screening_screening_merged_into_idx" ON "proposals" USING btree ("screening_merged_into_id");
  CREATE INDEX "proposals_screening_screening_by_idx" ON "proposals" USING btree ("screening_by_id");
  CREATE INDEX "proposals_assignment_assignment_lead_section_idx" ON "proposals" USING btree ("assignment_lead_section_id");
  CREATE INDEX "proposals_current_due_idx" ON "proposals" USING btree ("current_due");
  CREATE INDEX "proposals_updated_at_idx" ON "proposals" USING btree ("updated_at");
  CREATE INDEX "proposals_created_at_idx" ON "proposals" USING btree ("created_at");
  CREATE INDEX "proposals_rels_order_idx" ON "proposals_rels" USING btree ("order");
  CREATE INDEX "proposals_rels_parent_idx" ON "proposals_rels" USING btree ("parent_id");
  CREATE INDEX "proposals_rels_path_idx" ON "proposals_rels" USING btree ("path");
  CREATE INDEX "proposals_rels_representatives_id_idx" ON "proposals_rels" USING btree ("representatives_id");
  CREATE INDEX "proposals_rels_sections_id_idx" ON "proposals_rels" USING btree ("sections_id");
  CREATE INDEX "instructions_proposal_idx" ON "instructions" USING btree ("proposal_id");
  CREATE INDEX "instructions_leader_idx" ON "instructions" USING btree ("leader_id");
  CREATE INDEX "instructions_at_idx" ON "instructions" USING btree ("at");
  CREATE INDEX "instructions_updated_at_idx" ON "instructions" USING btree ("updated_at");
  CREATE INDEX "instructions_created_at_idx" ON "instructions" USING btree ("created_at");
  CREATE INDEX "replies_commitments_order_idx" ON "replies_commitments" USING btree ("_order");
  CREATE INDEX "replies_commitments_parent_id_idx" ON "replies_commitments" USING btree ("_parent_id");
  CREATE INDEX "replies_proposal_idx" ON "replies" USING btree ("proposal_id");
  CREATE INDEX "replies_section_idx" ON "replies" USING btree ("section_id");
  CREATE INDEX "replies_corrects_idx" ON "replies" USING btree ("corrects_id");
  CREATE INDEX "replies_drafted_by_idx" ON "replies" USING btree ("drafted_by_id");
  CREATE INDEX "replies_signed_off_by_idx" ON "replies" USING btree ("signed_off_by_id");
  CREATE INDEX "replies_published_by_idx" ON "replies" USING btree ("published_by_id");
  CREATE INDEX "replies_updated_at_idx" ON "replies" USING btree ("updated_at");
  CREATE INDEX "replies_created_at_idx" ON "replies" USING btree ("created_at");
  CREATE INDEX "co_opinions_proposal_idx" ON "co_opinions" USING btree ("proposal_id");
  CREATE INDEX "co_opinions_section_idx" ON "co_opinions" USING btree ("section_id");
  CREATE INDEX "co_opinions_author_idx" ON "co_opinions" USING btree ("author_id");
  CREATE INDEX "co_opinions_at_idx" ON "co_opinions" USING btree ("at");
  CREATE INDEX "co_opinions_updated_at_idx" ON "co_opinions" USING btree ("updated_at");
  CREATE INDEX "co_opinions_created_at_idx" ON "co_opinions" USING btree ("created_at");
  CREATE INDEX "evaluations_proposal_idx" ON "evaluations" USING btree ("proposal_id");
  CREATE INDEX "evaluations_reply_idx" ON "evaluations" USING btree ("reply_id");
  CREATE INDEX "evaluations_representative_idx" ON "evaluations" USING btree ("representative_id");
  CREATE INDEX "evaluations_recorded_by_idx" ON "evaluations" USING btree ("recorded_by_id");
  CREATE INDEX "evaluations_at_idx" ON "evaluations" USING btree ("at");
  CREATE INDEX "evaluations_updated_at_idx" ON "evaluations" USING btree ("updated_at");
  CREATE INDEX "evaluations_created_at_idx" ON "evaluations" USING btree ("created_at");
  CREATE INDEX "follow_ups_proposal_idx" ON "follow_ups" USING btree ("proposal_id");
  CREATE INDEX "follow_ups_by_idx" ON "follow_ups" USING btree ("by_id");
  CREATE INDEX "follow_ups_updated_at_idx" ON "follow_ups" USING btree ("updated_at");
  CREATE INDEX "follow_ups_created_at_idx" ON "follow_ups" USING btree ("created_at");
  CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id");
  CREATE INDEX "proposal_events_at_idx" ON "proposal_events" USING btree ("at");
  CREATE INDEX "proposal_events_actor_user_idx" ON "proposal_events" USING btree ("actor_user_id");
  CREATE INDEX "proposal_events_actor_representative_idx" ON "proposal_events" USING btree ("actor_representative_id");
  CREATE INDEX "proposal_events_updated_at_idx" ON "proposal_events" USING btree ("updated_at");
  CREATE INDEX "proposal_events_created_at_idx" ON "proposal_events" USING btree ("created_at");
  CREATE INDEX "representatives_sessions_order_idx" ON "representatives_sessions" USING btree ("_order");
  CREATE INDEX "representatives_sessions_parent_id_idx" ON "representatives_sessions" USING btree ("_parent_id");
  CREATE INDEX "representatives_residential_area_idx" ON "representatives" USING btree ("residential_area_id");
  CREATE INDEX "representatives_updated_at_idx" ON "representatives" USING btree ("updated_at");
  CREATE INDEX "representatives_created_at_idx" ON "representatives" USING btree ("created_at");
  CREATE UNIQUE INDEX "representatives_username_idx" ON "representatives" USING btree ("username");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_section_idx" ON "users" USING btree ("section_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE UNIQUE INDEX "sections_name_idx" ON "sections" USING btree ("name");
  CREATE UNIQUE INDEX "sections_slug_idx" ON "sections" USING btree ("slug");
  CREATE INDEX "sections_updated_at_idx" ON "sections" USING btree ("updated_at");
  CREATE INDEX "sections_created_at_idx" ON "sections" USING btree ("created_at");
  CREATE UNIQUE INDEX "residential_areas_name_idx" ON "residential_areas" USING btree ("name");
  CREATE INDEX "residential_areas_updated_at_idx" ON "residential_areas" USING btree ("updated_at");
  CREATE INDEX "residential_areas_created_at_idx" ON "residential_areas" USING btree ("created_at");
  CREATE UNIQUE INDEX "sessions_slug_idx" ON "sessions" USING btree ("slug");
  CREATE UNIQUE INDEX "sessions_year_idx" ON "sessions" USING btree ("year");
  CREATE INDEX "sessions_updated_at_idx" ON "sessions" USING btree ("updated_at");
  CREATE INDEX "sessions_created_at_idx" ON "sessions" USING btree ("created_at");
  CREATE UNIQUE INDEX "holidays_date_idx" ON "holidays" USING btree ("date");
  CREATE INDEX "holidays_updated_at_idx" ON "holidays" USING btree ("updated_at");
  CREATE INDEX "holidays_created_at_idx" ON "holidays" USING btree ("created_at");
  CREATE UNIQUE INDEX "sequences_key_idx" ON "sequences" USING btree ("key");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_proposals_id_idx" ON "payload_locked_documents_rels" USING btree ("proposals_id");
  CREATE INDEX "payload_locked_documents_rels_instructions_id_idx" ON "payload_locked_documents_rels" USING btree ("instructions_id");
  CREATE INDEX "payload_locked_documents_rels_replies_id_idx" ON "payload_locked_documents_rels" USING btree ("replies_id");
  CREATE INDEX "payload_locked_documents_rels_co_opinions_id_idx" ON "payload_locked_documents_rels" USING btree ("co_opinions_id");
  CREATE INDEX "payload_locked_documents_rels_evaluations_id_idx" ON "payload_locked_documents_rels" USING btree ("evaluations_id");
  CREATE INDEX "payload_locked_documents_rels_follow_ups_id_idx" ON "payload_locked_documents_rels" USING btree ("follow_ups_id");
  CREATE INDEX "payload_locked_documents_rels_proposal_events_id_idx" ON "payload_locked_documents_rels" USING btree ("proposal_events_id");
  CREATE INDEX "payload_locked_documents_rels_representatives_id_idx" ON "payload_locked_documents_rels" USING btree ("representatives_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_sections_id_idx" ON "payload_locked_documents_rels" USING btree ("sections_id");
  CREATE INDEX "payload_locked_documents_rels_residential_areas_id_idx" ON "payload_locked_documents_rels" USING btree ("residential_areas_id");
  CREATE INDEX "payload_locked_documents_rels_sessions_id_idx" ON "payload_locked_documents_rels" USING btree ("sessions_id");
  CREATE INDEX "payload_locked_documents_rels_holidays_id_idx" ON "payload_locked_documents_rels" USING btree ("holidays_id");
  CREATE INDEX "payload_locked_documents_rels_sequences_id_idx" ON "payload_locked_documents_rels" USING btree ("sequences_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_representatives_id_idx" ON "payload_preferences_rels" USING btree ("representatives_id");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "proposals_extensions" CASCADE;
  DROP TABLE "proposals_rehandlings" CASCADE;
  DROP TABLE "proposals" CASCADE;
  DROP TABLE "proposals_rels" CASCADE;
  DROP TABLE "instructions" CASCADE;
  DROP TABLE "replies_commitments" CASCADE;
  DROP TABLE "replies" CASCADE;
  DROP TABLE "co_opinions" CASCADE;
  DROP TABLE "evaluations" CASCADE;
  DROP TABLE "follow_ups" CASCADE;
  DROP TABLE "proposal_events" CASCADE;
  DROP TABLE "representatives_sessions" CASCADE;
  DROP TABLE "representatives" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "sections" CASCADE;
  DROP TABLE "residential_areas" CASCADE;
  DROP TABLE "sessions" CASCADE;
  DROP TABLE "holidays" CASCADE;
  DROP TABLE "sequences" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."enum_proposals_status";
  DROP TYPE "public"."enum_proposals_category";
  DROP TYPE "public"."enum_proposals_screening_decision";
  DROP TYPE "public"."enum_proposals_current_stage";
  DROP TYPE "public"."enum_replies_class";
  DROP TYPE "public"."enum_evaluations_rating";
  DROP TYPE "public"."enum_follow_ups_kind";
  DROP TYPE "public"."enum_proposal_events_actor_role";
  DROP TYPE "public"."enum_representatives_kind";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_holidays_kind";`)
}
