-- ASP.NET Core data-protection key ring shared by every frontend replica, so that a rolling
-- deploy does not invalidate authentication cookies.
CREATE TABLE data_protection_keys
(
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  friendly_name text NOT NULL UNIQUE,
  xml text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
