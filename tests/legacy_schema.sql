-- The schema quotetrack wrote before it used migrations (commit 8fba415), to test that such databases still open.
CREATE TABLE "articles" (
   "id" TEXT PRIMARY KEY,
   "url" TEXT,
   "title" TEXT,
   "publisher" TEXT,
   "date" TEXT,
   "path" TEXT,
   "text" TEXT,
   "ingested_at" TEXT,
   "extractor_version" TEXT
);
CREATE TABLE "speakers" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "kind" TEXT
);
CREATE TABLE "outlets" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "country" TEXT,
   "state_run" INTEGER,
   "outlet_kind" TEXT
);
CREATE TABLE "quotes" (
   "id" TEXT PRIMARY KEY,
   "article_id" TEXT REFERENCES "articles"("id"),
   "speaker_id" TEXT REFERENCES "speakers"("id"),
   "via_outlet_id" TEXT REFERENCES "outlets"("id"),
   "publisher_outlet_id" TEXT REFERENCES "outlets"("id"),
   "publisher" TEXT,
   "text" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "kind" TEXT,
   "cue" TEXT,
   "speaker_mention" TEXT,
   "sentence" TEXT,
   "confidence" REAL,
   "date" TEXT,
   "extractor_version" TEXT,
   "parts" TEXT
);
CREATE INDEX "idx_quotes_publisher_outlet_id"
    ON "quotes" ("publisher_outlet_id");
CREATE INDEX "idx_quotes_via_outlet_id"
    ON "quotes" ("via_outlet_id");
CREATE INDEX "idx_quotes_speaker_id"
    ON "quotes" ("speaker_id");
CREATE INDEX "idx_quotes_article_id"
    ON "quotes" ("article_id");
CREATE INDEX "idx_quotes_date"
    ON "quotes" ("date");
CREATE INDEX "idx_quotes_kind"
    ON "quotes" ("kind");
CREATE VIRTUAL TABLE "quotes_fts" USING FTS5 (
    "text", "speaker_mention", "sentence",
    tokenize='porter',
    content="quotes"
);
CREATE TRIGGER "quotes_ai" AFTER INSERT ON "quotes" BEGIN
  INSERT INTO "quotes_fts" (rowid, "text", "speaker_mention", "sentence") VALUES (new.rowid, new."text", new."speaker_mention", new."sentence");
END;
CREATE TRIGGER "quotes_ad" AFTER DELETE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text", "speaker_mention", "sentence") VALUES('delete', old.rowid, old."text", old."speaker_mention", old."sentence");
END;
CREATE TRIGGER "quotes_au" AFTER UPDATE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text", "speaker_mention", "sentence") VALUES('delete', old.rowid, old."text", old."speaker_mention", old."sentence");
  INSERT INTO "quotes_fts" (rowid, "text", "speaker_mention", "sentence") VALUES (new.rowid, new."text", new."speaker_mention", new."sentence");
END;
CREATE VIEW "quotes_view" AS select
  quotes.id as id,
  quotes.text as text,
  quotes.kind as kind,
  speakers.name as speaker,
  quotes.speaker_mention as speaker_mention,
  via.name as via_outlet,
  coalesce(publisher.name, quotes.publisher) as publisher,
  quotes.date as date,
  articles.title as title,
  articles.url as url,
  quotes.cue as cue,
  quotes.confidence as confidence,
  quotes.parts as parts,
  quotes.article_id as article_id,
  quotes.rowid as quote_rowid
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
left join outlets as via on via.id = quotes.via_outlet_id
left join outlets as publisher on publisher.id = quotes.publisher_outlet_id;
