-- The reply sweep's index, by the minute instead of the exact time. A BRIN range's summary (the lowest and
-- highest value of its pages) is written again whenever a new row falls outside it: indexed by the exact
-- time, every appended row is a new highest value and costs one more WAL record (~70 bytes) once autovacuum
-- has summarized the last range. By the minute, only the first row of each minute does. The sweep's query
-- names the same expression (timezone() with a fixed zone and date_trunc() on a timestamp are immutable).
DROP INDEX IF EXISTS ix_conversation_messages_created_at;
CREATE INDEX ix_conversation_messages_created_minute ON conversation_messages
  USING brin ((date_trunc('minute', created_at AT TIME ZONE 'UTC')));
