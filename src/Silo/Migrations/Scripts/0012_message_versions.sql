-- Edit and versions (issue 22). A message normally follows the one numbered before it; an edit, a regenerated reply
-- or the first message after switching versions follows another one, and names it here. The rows stay append-only:
-- an edit is a new row whose parent_sequence is what the edited message followed, so every earlier version and
-- the replies after it stay as they were written. NULL (every row before this migration, and almost every row
-- after it) means "sequence - 1" and costs no byte: the column is added without a default, so no row is rewritten.
ALTER TABLE conversation_messages ADD COLUMN IF NOT EXISTS parent_sequence bigint NULL;

-- An activation of an edited conversation reads its forks to know the tree; the partial index holds only those
-- rows, so it costs nothing for the messages that follow the one before them.
CREATE INDEX IF NOT EXISTS ix_conversation_messages_forks ON conversation_messages (conversation_id, sequence)
  WHERE parent_sequence IS NOT NULL;
