CREATE TYPE "public"."decision_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."response_outcome" AS ENUM('adopted', 'partly_adopted', 'not_adopted', 'noted');--> statement-breakpoint
ALTER TYPE "public"."consultation_status" ADD VALUE 'decided';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'response_published';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'response_revised';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'decision_published';--> statement-breakpoint
CREATE TABLE "decision_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"deciding_body" text NOT NULL,
	"decided_on" date NOT NULL,
	"status" "decision_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"unanswered_reason" text,
	"unanswered_at_publication" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_published_complete" CHECK (("decisions"."status" = 'published') = ("decisions"."published_at" is not null)),
	CONSTRAINT "decisions_reason_with_count" CHECK (("decisions"."unanswered_reason" is null) or ("decisions"."unanswered_at_publication" > 0))
);
--> statement-breakpoint
CREATE TABLE "input_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"input_id" uuid,
	"theme_id" uuid,
	"outcome" "response_outcome" NOT NULL,
	"explanation" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"responded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "input_responses_one_subject" CHECK (("input_responses"."input_id" is null) <> ("input_responses"."theme_id" is null))
);
--> statement-breakpoint
CREATE TABLE "input_theme_members" (
	"input_id" uuid PRIMARY KEY NOT NULL,
	"theme_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "input_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "response_decisions" (
	"response_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	CONSTRAINT "response_decisions_response_id_decision_id_pk" PRIMARY KEY("response_id","decision_id")
);
--> statement-breakpoint
CREATE TABLE "response_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"outcome" "response_outcome" NOT NULL,
	"explanation" text NOT NULL,
	"decision_ids" uuid[] NOT NULL,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "decision_documents" ADD CONSTRAINT "decision_documents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_documents" ADD CONSTRAINT "decision_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_documents" ADD CONSTRAINT "decision_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_responses" ADD CONSTRAINT "input_responses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_responses" ADD CONSTRAINT "input_responses_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_responses" ADD CONSTRAINT "input_responses_theme_id_input_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."input_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_responses" ADD CONSTRAINT "input_responses_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_theme_members" ADD CONSTRAINT "input_theme_members_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_theme_members" ADD CONSTRAINT "input_theme_members_theme_id_input_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."input_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_themes" ADD CONSTRAINT "input_themes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_themes" ADD CONSTRAINT "input_themes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_decisions" ADD CONSTRAINT "response_decisions_response_id_input_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."input_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_decisions" ADD CONSTRAINT "response_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_revisions" ADD CONSTRAINT "response_revisions_response_id_input_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."input_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_revisions" ADD CONSTRAINT "response_revisions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_documents_decision_idx" ON "decision_documents" USING btree ("decision_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "decisions_consultation_idx" ON "decisions" USING btree ("consultation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "input_responses_input_unique" ON "input_responses" USING btree ("input_id");--> statement-breakpoint
CREATE UNIQUE INDEX "input_responses_theme_unique" ON "input_responses" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "input_responses_consultation_idx" ON "input_responses" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "input_theme_members_theme_idx" ON "input_theme_members" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "input_themes_consultation_idx" ON "input_themes" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "response_decisions_decision_idx" ON "response_decisions" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "response_revisions_unique" ON "response_revisions" USING btree ("response_id","revision");--> statement-breakpoint
-- An earlier wording of a response stays as it was published; it goes only with its input or consultation.
CREATE FUNCTION "response_revisions_unchangeable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'response_revisions are never rewritten: % refused', TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "response_revisions_no_update" BEFORE UPDATE ON "response_revisions" FOR EACH ROW EXECUTE FUNCTION "response_revisions_unchangeable"();
