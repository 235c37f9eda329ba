-- The conversations' messages, one row per message, appended and never updated (IMessageLog). The
-- conversation grain's Orleans state keeps only metadata, so adding a message writes one small row
-- instead of rewriting the conversation: the WAL and the time of a message no longer depend on how
-- long the conversation is.
CREATE TABLE conversation_messages
(
  conversation_id uuid NOT NULL,
  sequence bigint NOT NULL,
  message_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  reply_to uuid NULL,              -- for a reply, the user message it answers
  role smallint NOT NULL,          -- ChatRole: 0 user, 1 assistant
  status smallint NOT NULL,        -- ReplyStatus: 0 complete, 1 failed, 2 stopped
  model text NULL,
  error text NULL,
  text text NOT NULL,
  -- (Columns in this order need no alignment padding: every byte of a row is written to the WAL.)
  -- Reading a conversation's newest messages walks this key backwards; the grain numbers messages
  -- 1, 2, 3… and a second writer of the same number fails here instead of overwriting.
  CONSTRAINT pk_conversation_messages PRIMARY KEY (conversation_id, sequence)
);

-- The reply sweep looks at the last hour's user messages. Rows arrive in time order, so a BRIN index
-- finds them for almost no space and no extra write per row (the newest block range stays unsummarized
-- and is always read).
CREATE INDEX ix_conversation_messages_created_at ON conversation_messages USING brin (created_at);
