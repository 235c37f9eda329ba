-- The Orleans ADO.NET providers load every statement they run from this table when they start
-- (SELECT QueryKey, QueryText FROM OrleansQuery), so the table and its two column names are a
-- fixed contract. Later migrations upsert their rows, which lets a migration redefine a query.
CREATE TABLE OrleansQuery
(
  QueryKey varchar(64) NOT NULL,
  QueryText text NOT NULL,
  CONSTRAINT pk_orleansquery PRIMARY KEY (QueryKey)
);
