-- Reminders for Orleans.Reminders.AdoNet. Orleans binds @ServiceId, @GrainId, @ReminderName,
-- @StartTime, @Period (milliseconds, int or bigint), @GrainHash, @BeginHash, @EndHash and
-- @Version, and reads GrainId, ReminderName, StartTime, Period (as Int64) and Version by name.
CREATE TABLE OrleansRemindersTable
(
  ServiceId text NOT NULL,
  GrainId text NOT NULL,
  ReminderName text NOT NULL,
  StartTime timestamptz(3) NOT NULL,
  Period bigint NOT NULL,
  GrainHash integer NOT NULL,
  Version integer NOT NULL,
  CONSTRAINT pk_orleansreminderstable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo reads the reminders of its hash range of the ring.
CREATE INDEX ix_orleansreminderstable_grainhash ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
  'UpsertReminderRowKey',
  $q$
  INSERT INTO OrleansRemindersTable AS r
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
  VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
  ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
  SET StartTime = EXCLUDED.StartTime, Period = EXCLUDED.Period, GrainHash = EXCLUDED.GrainHash,
      Version = r.Version + 1
  RETURNING r.Version;
  $q$
),
(
  'ReadReminderRowsKey',
  $q$
  SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
  $q$
),
(
  'ReadReminderRowKey',
  $q$
  SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
  $q$
),
(
  -- Orleans picks this one when the range does not wrap around (BeginHash < EndHash as int).
  'ReadRangeRows1Key',
  $q$
  SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
  $q$
),
(
  -- The wrapping range: everything after BeginHash plus everything up to EndHash.
  'ReadRangeRows2Key',
  $q$
  SELECT GrainId, ReminderName, StartTime, Period, Version
  FROM OrleansRemindersTable
  WHERE ServiceId = @ServiceId AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
  $q$
),
(
  -- Orleans reads exactly one row with one column: non-zero when the row (at that version) was deleted.
  'DeleteReminderRowKey',
  $q$
  WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName
      AND Version = @Version
    RETURNING 1
  )
  SELECT count(*)::integer AS row_count FROM deleted;
  $q$
),
(
  'DeleteReminderRowsKey',
  $q$
  DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
  $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
