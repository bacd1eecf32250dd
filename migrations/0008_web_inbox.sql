CREATE TABLE "web_inbox_messages" (
	"user_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"message" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "web_inbox_messages_user_id_seq_pk" PRIMARY KEY("user_id","seq")
);
--> statement-breakpoint
CREATE INDEX "web_inbox_messages_created_at_idx" ON "web_inbox_messages" USING btree ("created_at");