-- Full-text search over a user's messages (issue 21). The text-search configuration is 'simple': it lowercases
-- words and keeps them whole, with no stemming and no stop words, so it treats every language alike (a message
-- in German, Polish or Japanese romaji is found by the words it holds, where 'english' would stem them wrongly
-- or drop them). The price is that "running" does not find "run": a prefix query ("run*" is not websearch
-- syntax) would be needed, and the page says to type the word as written.
--
-- btree_gin lets one GIN index hold the conversation id beside the words, so a search over the caller's own
-- conversations (their ids are a parameter of the query) intersects the two inside the index: it visits only
-- the rows of those conversations that hold the words, never another user's rows. It is a trusted extension
-- (PostgreSQL 13+): the database's owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- Stored, so ranking reads the vector instead of parsing every matching message again; the index is built from
-- it. The column comes last, after text, as the row's other columns need no padding.
ALTER TABLE conversation_messages
  ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED;

CREATE INDEX IF NOT EXISTS ix_conversation_messages_search ON conversation_messages
  USING gin (conversation_id, search_vector);
