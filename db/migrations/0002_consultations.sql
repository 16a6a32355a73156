CREATE TYPE "public"."consultation_status" AS ENUM('draft', 'information', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."moderation_mode" AS ENUM('post', 'pre');--> statement-breakpoint
CREATE TYPE "public"."participation_level" AS ENUM('inform', 'consult', 'involve', 'collaborate', 'empower');--> statement-breakpoint
CREATE TYPE "public"."hide_reason" AS ENUM('offensive', 'personal_data', 'spam', 'off_topic', 'illegal', 'duplicate', 'other');--> statement-breakpoint
CREATE TYPE "public"."input_channel" AS ENUM('online', 'paper', 'phone', 'meeting');--> statement-breakpoint
CREATE TYPE "public"."input_kind" AS ENUM('proposal', 'comment', 'objection', 'question');--> statement-breakpoint
CREATE TYPE "public"."input_status" AS ENUM('pending', 'published', 'hidden');--> statement-breakpoint
CREATE TYPE "public"."moderation_action" AS ENUM('publish', 'hide', 'restore', 'dismiss_reports');--> statement-breakpoint
CREATE TYPE "public"."report_reason" AS ENUM('offensive', 'personal_data', 'spam', 'off_topic', 'illegal', 'other');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('input_published', 'input_hidden', 'input_restored', 'input_replied');--> statement-breakpoint
CREATE TABLE "consultation_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"initiative_id" uuid NOT NULL,
	"title" text NOT NULL,
	"questions" text[] NOT NULL,
	"scope" text NOT NULL,
	"level" "participation_level" NOT NULL,
	"status" "consultation_status" DEFAULT 'draft' NOT NULL,
	"moderation_mode" "moderation_mode" DEFAULT 'post' NOT NULL,
	"information_at" timestamp with time zone NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"information_days" integer DEFAULT 7 NOT NULL,
	"short_information_reason" text,
	"plan_document_id" uuid,
	"information_started_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_dates_in_order" CHECK ("consultations"."information_at" <= "consultations"."opens_at" and "consultations"."opens_at" < "consultations"."closes_at"),
	CONSTRAINT "consultations_information_days_range" CHECK ("consultations"."information_days" between 0 and 90)
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "input_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"input_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" "report_reason" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "input_supports" (
	"input_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "input_supports_input_id_user_id_pk" PRIMARY KEY("input_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "inputs_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" uuid NOT NULL,
	"parent_id" uuid,
	"kind" "input_kind",
	"title" text,
	"body" text NOT NULL,
	"author_id" uuid,
	"organization_id" uuid,
	"channel" "input_channel" DEFAULT 'online' NOT NULL,
	"participant_name" text,
	"recorded_by" uuid,
	"pin_x" real,
	"pin_y" real,
	"status" "input_status" NOT NULL,
	"submission_key" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "inputs_top_level_has_kind_and_title" CHECK (("inputs"."parent_id" is null) = ("inputs"."kind" is not null and "inputs"."title" is not null)),
	CONSTRAINT "inputs_pin_complete" CHECK (("inputs"."pin_x" is null) = ("inputs"."pin_y" is null) and coalesce("inputs"."pin_x" between 0 and 1 and "inputs"."pin_y" between 0 and 1, true)),
	CONSTRAINT "inputs_assisted_has_recorder" CHECK (("inputs"."channel" = 'online') = ("inputs"."recorded_by" is null))
);
--> statement-breakpoint
CREATE TABLE "moderation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"input_id" uuid NOT NULL,
	"action" "moderation_action" NOT NULL,
	"reason" "hide_reason",
	"note" text,
	"actor_id" uuid,
	"actor_role" "user_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"consultation_id" uuid,
	"input_id" uuid,
	"reason" "hide_reason",
	"note" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_plan_document_id_consultation_documents_id_fk" FOREIGN KEY ("plan_document_id") REFERENCES "public"."consultation_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_reports" ADD CONSTRAINT "input_reports_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_reports" ADD CONSTRAINT "input_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_supports" ADD CONSTRAINT "input_supports_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_supports" ADD CONSTRAINT "input_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_parent_id_inputs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inputs" ADD CONSTRAINT "inputs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_documents_consultation_idx" ON "consultation_documents" USING btree ("consultation_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "consultations_initiative_idx" ON "consultations" USING btree ("initiative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "input_reports_once_per_person" ON "input_reports" USING btree ("input_id","reporter_id");--> statement-breakpoint
CREATE INDEX "input_reports_open_idx" ON "input_reports" USING btree ("resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inputs_number_unique" ON "inputs" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "inputs_submission_key_unique" ON "inputs" USING btree ("submission_key");--> statement-breakpoint
CREATE INDEX "inputs_consultation_idx" ON "inputs" USING btree ("consultation_id","status","created_at");--> statement-breakpoint
CREATE INDEX "inputs_parent_idx" ON "inputs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "inputs_author_idx" ON "inputs" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "moderation_actions_consultation_idx" ON "moderation_actions" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_actions_input_idx" ON "moderation_actions" USING btree ("input_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");