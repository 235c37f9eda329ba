-- Membership for Orleans.Clustering.AdoNet. Orleans reads result columns and binds parameters
-- by name (@DeploymentId, @Address, ...), so those names are the contract; the statements are ours.
-- The version row is the optimistic-concurrency token of the whole membership table: every
-- insert or update of a silo row must bump it atomically, or fail without changing anything.

CREATE TABLE OrleansMembershipVersionTable
(
  DeploymentId text NOT NULL,
  Timestamp timestamptz(3) NOT NULL DEFAULT now(),
  Version integer NOT NULL DEFAULT 0,
  CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (DeploymentId)
);

CREATE TABLE OrleansMembershipTable
(
  DeploymentId text NOT NULL,
  Address text NOT NULL,
  Port integer NOT NULL,
  Generation integer NOT NULL,
  SiloName text NOT NULL,
  HostName text NOT NULL,
  Status integer NOT NULL,
  ProxyPort integer NULL,
  SuspectTimes text NULL,
  StartTime timestamptz(3) NOT NULL,
  IAmAliveTime timestamptz(3) NOT NULL,
  CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (DeploymentId, Address, Port, Generation),
  -- Cascade lets DeleteMembershipTableEntriesKey remove a whole deployment with one statement.
  CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (DeploymentId)
    REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Returns 1 when the silo row was inserted and the table version bumped, 0 (and no change)
-- when the caller's version is stale or the silo row already exists.
CREATE FUNCTION orleans_insert_membership(
  p_deployment_id text,
  p_address text,
  p_port integer,
  p_generation integer,
  p_silo_name text,
  p_host_name text,
  p_status integer,
  p_proxy_port integer,
  p_start_time timestamptz,
  p_i_am_alive_time timestamptz,
  p_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
  -- Locking the version row first serialises concurrent writers; under READ COMMITTED a
  -- writer that waited re-checks the version and gives up if another one got there first.
  PERFORM 1
  FROM OrleansMembershipVersionTable
  WHERE DeploymentId = p_deployment_id AND Version = p_version
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;

  INSERT INTO OrleansMembershipTable
    (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
  VALUES
    (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port,
     p_start_time, p_i_am_alive_time)
  ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;

  UPDATE OrleansMembershipVersionTable
  SET Version = Version + 1, Timestamp = now()
  WHERE DeploymentId = p_deployment_id;
  RETURN 1;
END
$fn$;

-- Same contract as orleans_insert_membership, for an existing silo row.
CREATE FUNCTION orleans_update_membership(
  p_deployment_id text,
  p_address text,
  p_port integer,
  p_generation integer,
  p_status integer,
  p_suspect_times text,
  p_i_am_alive_time timestamptz,
  p_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
BEGIN
  PERFORM 1
  FROM OrleansMembershipVersionTable
  WHERE DeploymentId = p_deployment_id AND Version = p_version
  FOR UPDATE;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;

  UPDATE OrleansMembershipTable
  SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
  WHERE DeploymentId = p_deployment_id AND Address = p_address AND Port = p_port AND Generation = p_generation;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;

  UPDATE OrleansMembershipVersionTable
  SET Version = Version + 1, Timestamp = now()
  WHERE DeploymentId = p_deployment_id;
  RETURN 1;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
  'InsertMembershipVersionKey',
  $q$
  WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::integer AS row_count FROM inserted;
  $q$
),
(
  'InsertMembershipKey',
  $q$
  SELECT orleans_insert_membership(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
    @StartTime, @IAmAliveTime, @Version) AS row_count;
  $q$
),
(
  'UpdateMembershipKey',
  $q$
  SELECT orleans_update_membership(
    @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version) AS row_count;
  $q$
),
(
  'UpdateIAmAlivetimeKey',
  $q$
  UPDATE OrleansMembershipTable
  SET IAmAliveTime = @IAmAliveTime
  WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
  $q$
),
(
  -- The version row comes back even when no silo matches: Orleans needs the table version.
  'MembershipReadRowKey',
  $q$
  SELECT
    v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable AS v
  LEFT JOIN OrleansMembershipTable AS m
    ON m.DeploymentId = v.DeploymentId
    AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
  WHERE v.DeploymentId = @DeploymentId;
  $q$
),
(
  'MembershipReadAllKey',
  $q$
  SELECT
    v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
    m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
  FROM OrleansMembershipVersionTable AS v
  LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
  WHERE v.DeploymentId = @DeploymentId;
  $q$
),
(
  'DeleteMembershipTableEntriesKey',
  $q$
  DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
  $q$
),
(
  'GatewaysQueryKey',
  $q$
  SELECT Address, ProxyPort, Generation
  FROM OrleansMembershipTable
  WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
  $q$
),
(
  -- Status 3 is SiloStatus.Active: live silos are never removed, however stale their heartbeat.
  'CleanupDefunctSiloEntriesKey',
  $q$
  DELETE FROM OrleansMembershipTable
  WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
  $q$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
