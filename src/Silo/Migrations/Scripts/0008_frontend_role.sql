-- The web tier's role: it finds the cluster's gateways and keeps the data-protection key ring, and reaches
-- nothing else (no grain state, no messages, no reminders). The frontend logs in as a role that is a member
-- of it (deploy/swarm/README.md: CREATE ROLE chatbot_web LOGIN PASSWORD '…' IN ROLE chatbot_frontend).
-- Roles belong to the whole server: another database's migration may have made it already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chatbot_frontend') THEN
    CREATE ROLE chatbot_frontend NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN
    NULL;
  WHEN insufficient_privilege THEN
    RAISE NOTICE 'chatbot_frontend was not created (no CREATEROLE): create it and run the migrations again, or grant as in 0008_frontend_role.sql';
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'chatbot_frontend') THEN
    GRANT SELECT ON orleansquery, orleansmembershiptable, orleansmembershipversiontable TO chatbot_frontend;
    GRANT SELECT, INSERT ON data_protection_keys TO chatbot_frontend;
  END IF;
END
$$;
