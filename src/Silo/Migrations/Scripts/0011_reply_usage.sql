-- What each reply cost. Its own columns on the reply's row, so the page shows a reply's tokens with it (NULL for
-- user messages and for replies stored before usage was counted); adding NULL columns rewrites no row.
ALTER TABLE conversation_messages
  ADD COLUMN input_tokens integer NULL,
  ADD COLUMN output_tokens integer NULL,
  ADD COLUMN usage_estimated boolean NULL;

-- The operator's usage, one row per reply (IUsageLog): it outlives the conversation, which its owner may
-- delete, and the daily token budgets count from it when they activate. The frontend's role (0008) gets no
-- grant on it: who spent what is for the operator (`silo usage --day`), not the web tier.
CREATE TABLE reply_usage
(
  message_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  input_tokens integer NOT NULL,
  output_tokens integer NOT NULL,
  estimated boolean NOT NULL,
  model text NOT NULL,
  CONSTRAINT pk_reply_usage PRIMARY KEY (message_id)
);

-- A user's day (their budget) and a day of everyone (the global budget, the report) are time ranges.
CREATE INDEX ix_reply_usage_user_created_at ON reply_usage (user_id, created_at);
CREATE INDEX ix_reply_usage_created_at ON reply_usage (created_at);
CREATE INDEX ix_reply_usage_conversation ON reply_usage (conversation_id);
