-- Grain state for Orleans.Persistence.AdoNet. Orleans binds @GrainIdHash, @GrainIdN0, @GrainIdN1,
-- @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion and
-- @PayloadBinary, and reads the columns PayloadBinary, Version and NewGrainStateVersion by name.
-- Version is the ETag: a write or clear whose version no longer matches must change nothing
-- and return the caller's version (or no row), which Orleans turns into InconsistentStateException.
CREATE TABLE OrleansStorage
(
  GrainIdHash integer NOT NULL,
  GrainIdN0 bigint NOT NULL,
  GrainIdN1 bigint NOT NULL,
  GrainTypeHash integer NOT NULL,
  GrainTypeString text NOT NULL,
  GrainIdExtensionString text NULL,
  ServiceId text NOT NULL,
  PayloadBinary bytea NULL,
  ModifiedOn timestamptz NOT NULL DEFAULT now(),
  Version integer NOT NULL,
  -- Upstream has no key here, so two activations racing on the first write could both insert
  -- and every later read would fail. NULLS NOT DISTINCT (PostgreSQL 15) makes the absent
  -- extension string part of the identity, so the race resolves through ON CONFLICT.
  CONSTRAINT uq_orleansstorage_grain UNIQUE NULLS NOT DISTINCT
    (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, GrainTypeString, GrainIdExtensionString)
);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
  -- A null @GrainStateVersion means the grain never saw a stored row: only an insert may succeed.
  -- Otherwise only an update of exactly that version may. On failure the caller's version comes
  -- back unchanged (null when the insert lost), which Orleans reports as a conflict.
  'WriteToStorageKey',
  $q$
  WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
    WHERE @GrainStateVersion IS NOT NULL
      AND GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
  ),
  inserted AS (
    INSERT INTO OrleansStorage
      (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
       ServiceId, PayloadBinary, Version)
    SELECT
      @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
      @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT uq_orleansstorage_grain DO NOTHING
    RETURNING Version
  )
  SELECT coalesce((SELECT Version FROM updated), (SELECT Version FROM inserted), @GrainStateVersion)
    AS NewGrainStateVersion;
  $q$
),
(
  'ReadFromStorageKey',
  $q$
  SELECT PayloadBinary, ModifiedOn, Version
  FROM OrleansStorage
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
  $q$
),
(
  -- Clearing keeps the row with a bumped version so that the ETag keeps increasing.
  'ClearStorageKey',
  $q$
  UPDATE OrleansStorage
  SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND Version = @GrainStateVersion
  RETURNING Version AS NewGrainStateVersion;
  $q$
),
(
  -- Used when DeleteStateOnClear is set. Orleans expects a value different from the caller's
  -- ETag on success, hence the deleted version plus one.
  'DeleteStorageKey',
  $q$
  DELETE FROM OrleansStorage
  WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
    AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
    AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
    AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
    AND Version = @GrainStateVersion
  RETURNING Version + 1 AS NewGrainStateVersion;
  $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
