-- Migration 1: the schema as the model described it in schema version 2.0 (generated once by
-- 'minutes schema --format sql', then frozen: later changes are new migrations).
CREATE TABLE "documents" (
  "schema_version" TEXT NOT NULL,
  "la_register_version" TEXT NOT NULL,
  "path" TEXT NOT NULL,
  "sha256" TEXT NOT NULL,
  "format" TEXT NOT NULL,
  "bytes" BIGINT NOT NULL,
  "other_paths" TEXT NOT NULL,
  "title" TEXT,
  "series" TEXT NOT NULL,
  "date" TEXT,
  "start_time" TEXT,
  "end_time" TEXT,
  "chair" TEXT,
  "chair_person_id" TEXT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  "loaded_at" TEXT NOT NULL,
  "minutes_version" TEXT NOT NULL,
  PRIMARY KEY ("sha256")
);
CREATE TABLE "next_meetings" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "date" TEXT,
  "start_time" TEXT,
  "end_time" TEXT,
  "time_inferred" BOOLEAN NOT NULL,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "attendance" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "person_id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "name_raw" TEXT NOT NULL,
  "initials" TEXT NOT NULL,
  "organisation" TEXT,
  "la_codes" TEXT NOT NULL,
  "attendance" TEXT NOT NULL,
  "roles" TEXT NOT NULL,
  "substitute_for" TEXT,
  "substitute_for_person_id" TEXT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "actions" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "ref" TEXT,
  "text" TEXT NOT NULL,
  "issued" TEXT,
  "due" TEXT,
  "status" TEXT,
  "status_raw" TEXT,
  "source" TEXT NOT NULL,
  "linked_log_index" BIGINT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "action_owners" (
  "document_sha256" TEXT NOT NULL,
  "action_index" BIGINT NOT NULL,
  "index" BIGINT NOT NULL,
  "text" TEXT NOT NULL,
  "name" TEXT,
  "person_id" TEXT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  PRIMARY KEY ("document_sha256", "action_index", "index"),
  FOREIGN KEY ("document_sha256", "action_index") REFERENCES "actions" ("document_sha256", "index") ON DELETE CASCADE
);
CREATE TABLE "money" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "amount" NUMERIC(18,2) NOT NULL,
  "currency" TEXT NOT NULL,
  "range_max" NUMERIC(18,2),
  "period" TEXT,
  "approximate" BOOLEAN NOT NULL,
  "text" TEXT NOT NULL,
  "la_codes" TEXT NOT NULL,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "la_mentions" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "text" TEXT NOT NULL,
  "la_codes" TEXT NOT NULL,
  "canonical_name" TEXT NOT NULL,
  "method" TEXT NOT NULL,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "person_mentions" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "text" TEXT NOT NULL,
  "name" TEXT,
  "person_id" TEXT,
  "settled_by" TEXT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "findings" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "code" TEXT NOT NULL,
  "severity" TEXT NOT NULL,
  "message" TEXT NOT NULL,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "people" (
  "person_id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "initials" TEXT NOT NULL,
  "first_document_sha256" TEXT NOT NULL,
  PRIMARY KEY ("person_id")
);
CREATE TABLE "action_status_history" (
  "series" TEXT NOT NULL,
  "ref" TEXT NOT NULL,
  "meeting_date" TEXT NOT NULL,
  "document_sha256" TEXT NOT NULL,
  "status" TEXT,
  "status_raw" TEXT,
  PRIMARY KEY ("series", "ref", "document_sha256"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "local_authorities" (
  "gss_code" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "la_type" TEXT NOT NULL,
  "region" TEXT NOT NULL,
  "dfe_code" TEXT NOT NULL,
  "register_version" TEXT NOT NULL,
  PRIMARY KEY ("gss_code")
);
CREATE UNIQUE INDEX "documents_one_per_meeting" ON "documents" ("series", "date")
  WHERE "series" <> '' AND "date" IS NOT NULL;
CREATE INDEX "documents_path" ON "documents" ("path");
CREATE VIEW "meetings" AS
  SELECT "sha256" AS "document_sha256", "series", "title", "date", "start_time", "end_time", "chair_person_id"
  FROM "documents";
