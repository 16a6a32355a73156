DROP TABLE "auth_attempts" CASCADE;--> statement-breakpoint
DROP TYPE "public"."auth_attempt_kind";