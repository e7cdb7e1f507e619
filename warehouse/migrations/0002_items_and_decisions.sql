-- Migration 2: schema version 2.1 — agenda items, decisions and their recommendations, and the
-- agenda item every action, sum of money and mention sits in; each LA's tier and a district's
-- county. Frozen once submitted.
CREATE TABLE "agenda_items" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "number" TEXT NOT NULL,
  "title" TEXT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "decisions" (
  "document_sha256" TEXT NOT NULL,
  "index" BIGINT NOT NULL,
  "text" TEXT NOT NULL,
  "item" TEXT,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  "confidence" DOUBLE PRECISION NOT NULL,
  "rule" TEXT NOT NULL,
  PRIMARY KEY ("document_sha256", "index"),
  FOREIGN KEY ("document_sha256") REFERENCES "documents" ("sha256") ON DELETE CASCADE
);
CREATE TABLE "decision_recommendations" (
  "document_sha256" TEXT NOT NULL,
  "decision_index" BIGINT NOT NULL,
  "index" BIGINT NOT NULL,
  "text" TEXT NOT NULL,
  "span_start" BIGINT NOT NULL,
  "span_end" BIGINT NOT NULL,
  PRIMARY KEY ("document_sha256", "decision_index", "index"),
  FOREIGN KEY ("document_sha256", "decision_index") REFERENCES "decisions" ("document_sha256", "index") ON DELETE CASCADE
);
ALTER TABLE "actions" ADD COLUMN "item" TEXT;
ALTER TABLE "money" ADD COLUMN "item" TEXT;
ALTER TABLE "la_mentions" ADD COLUMN "item" TEXT;
ALTER TABLE "person_mentions" ADD COLUMN "item" TEXT;
ALTER TABLE "local_authorities" ADD COLUMN "tier" TEXT NOT NULL DEFAULT '';
ALTER TABLE "local_authorities" ADD COLUMN "county_gss_code" TEXT NOT NULL DEFAULT '';
