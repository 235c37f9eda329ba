# Sourced by containers.sh: a one-node swarm in the namespace, the real stack.yml through the real deploy.sh
# (with stack.standins.yml merged over it), a rolling update under load, then a broken release.
# Volumes of an interrupted run would hold a database made with another password.
docker volume rm -f chatbot_postgres-data chatbot_traefik-certificates >/dev/null
docker swarm init --advertise-addr "$NODE_ADDR" --default-addr-pool 10.251.0.0/16 >/dev/null
docker node update --label-add chatbot.postgres=true "$(docker info --format '{{.Swarm.NodeID}}')" >/dev/null

# The secrets as deploy/swarm/README.md has an operator create them; a blank OpenAI key runs the offline bot.
db_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf '%s' "$db_password" | docker secret create chatbot_postgres_password - >/dev/null
printf 'Host=postgres;Port=5432;Database=chatbot;Username=chatbot;Password=%s' "$db_password" |
  docker secret create chatbot_db_connection - >/dev/null
printf ' ' | docker secret create chatbot_openai_api_key - >/dev/null
printf 'any' | docker secret create chatbot_smtp_password - >/dev/null
printf 'swarm-dashboard' | docker secret create chatbot_dashboard_password - >/dev/null
printf 'ops-ci:unused' | docker secret create chatbot_dashboard_users - >/dev/null
web_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
printf 'Host=postgres;Port=5432;Database=chatbot;Username=chatbot_web;Password=%s' "$web_password" |
  docker secret create chatbot_frontend_db_connection - >/dev/null
openssl req -x509 -newkey rsa:3072 -nodes -days 30 -subj /CN=chatbot-keys \
  -keyout "$RUN_DIR/keyring-key.pem" -out "$RUN_DIR/keyring-cert.pem" 2>/dev/null
cat "$RUN_DIR/keyring-cert.pem" "$RUN_DIR/keyring-key.pem" | docker secret create chatbot_keyring_certificate - >/dev/null
rm -f "$RUN_DIR/keyring-key.pem" "$RUN_DIR/keyring-cert.pem"

export IMAGE_PREFIX=chatbot STACK=chatbot DOMAIN=chatbot.test DASHBOARD_DOMAIN=dashboard.chatbot.test DASHBOARD_USER=ops-ci \
  ACME_EMAIL=ops@chatbot.test SMTP_HOST=mailpit SMTP_PORT=1025 SMTP_USER=chatbot SMTP_TLS_MODE=None \
  SMTP_SENDER=chatbot@chatbot.test STACK_OVERRIDES="$here/stack.standins.yml"

release() {
  local tag=$1
  docker tag chatbot-silo:dev "chatbot/silo:$tag"
  docker tag chatbot-frontend:dev "chatbot/frontend:$tag"
}

# In a subshell without -e: a grep that finds nothing must not end the stage before the reason is printed.
swarm_logs() (
  set +e
  docker service ls >&2
  docker service ps --no-trunc chatbot_silo chatbot_frontend 2>&1 | head -n 20 >&2
  # Bounded: a log read of a service whose tasks are going away has hung here for minutes.
  timeout 60 docker service logs --tail 30 chatbot_silo >&2 2>&1
  # The streams' warnings say whether a silo dropped a page's subscription (a consumer "no longer active").
  timeout 60 docker service logs chatbot_silo 2>&1 | grep 'Orleans.Streams' | grep -E '"LogLevel":"(Warning|Error)"' |
    grep -v 'permanently removing producer' | tail -n 40 | cut -c1-700 >&2
  # The frontends' warnings say why a page was signed out or stuck; the engine and its logs end with the run.
  timeout 60 docker service logs chatbot_frontend 2>&1 | grep -iE 'warn|fail|crit' -A3 | tail -n 60 >&2
)

# The services' state and logs first, then why the stage failed (and FILE's end, if given), so the reason
# closes the log a CI shows only the end of; then the stage ends.
swarm_fail() {
  swarm_logs
  [ -z "${2:-}" ] || tail -n 30 "$2" >&2
  echo "swarm: $1" >&2
  exit 1
}

migrated() { docker service ps chatbot_migrate --format '{{.CurrentState}}' 2>/dev/null | grep -q '^Complete'; }
# Stops waiting as soon as deploy.sh has given up (its own message says why).
migrated_or_given_up() { migrated || ! kill -0 "$deploy_pid" 2>/dev/null; }

# The frontend's login, made as deploy/swarm/README.md tells an operator: once the first migration made
# chatbot_frontend. Until then the frontend keeps retrying the cluster, so the first deploy waits for it.
create_web_role() {
  wait_for "the first migration" 600 migrated_or_given_up && migrated || return 1
  local postgres
  postgres=$(docker ps -q -f label=com.docker.swarm.service.name=chatbot_postgres | head -n 1)
  docker exec "$postgres" psql -q -v ON_ERROR_STOP=1 -U chatbot -d chatbot \
    -c "CREATE ROLE chatbot_web LOGIN PASSWORD '$web_password' IN ROLE chatbot_frontend"
}

release v1
TAG=v1 "$repo/deploy/swarm/deploy.sh" &
deploy_pid=$!
create_web_role || { kill "$deploy_pid" 2>/dev/null; swarm_fail "the first deploy (v1) made no login for the frontend"; }
wait "$deploy_pid" || swarm_fail "the first deploy (v1) failed"
wait_for "the chat through the Traefik stand-in" 300 in_ns wget -q -O /dev/null http://localhost/health/ready ||
  swarm_fail "the chat was not ready through the Traefik stand-in after the first deploy"

echo "== rolling update v1 -> v2 while pages keep chatting"
stop=$RUN_DIR/load.stop
"${check[@]}" load http://localhost http://localhost:8025/ "${LOAD_PAGES:-3}" "$stop" >"$RUN_DIR/load.log" 2>&1 &
load_pid=$!
wait_for "pages chatting" 240 test -e "$stop.ready" || swarm_fail "the pages did not sign in and start chatting on v1" "$RUN_DIR/load.log"
release v2
update_started=$SECONDS
TAG=v2 "$repo/deploy/swarm/deploy.sh" || swarm_fail "the rolling update to v2 failed" "$RUN_DIR/load.log"
update_seconds=$((SECONDS - update_started))
# The pages go on for a while on the new release before they stop and count.
sleep 15
touch "$stop"
load_status=0
wait "$load_pid" || load_status=$?
cat "$RUN_DIR/load.log"
[ "$load_status" -eq 0 ] || swarm_fail "the load check failed during the rolling update" "$RUN_DIR/load.log"
for service in silo frontend; do
  image=$(docker service inspect "chatbot_$service" --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}')
  [ "${image%@*}" = "chatbot/$service:v2" ] || { echo "chatbot_$service runs $image after the update to v2" >&2; exit 1; }
done

echo "== broken release v3: the silo exits at start; Swarm must roll it back"
printf '%s\n' 'FROM chatbot/silo:v2' \
  'ENTRYPOINT ["/bin/sh", "-c", "if [ \"$0\" = run ]; then echo broken release >&2; exit 1; fi; exec dotnet ChatbotOrleans.Silo.dll \"$0\" \"$@\""]' |
  DOCKER_BUILDKIT=1 $BUILD_DOCKER build -q -t chatbot/silo:v3 - >/dev/null
docker tag chatbot-frontend:dev chatbot/frontend:v3
if TAG=v3 "$repo/deploy/swarm/deploy.sh"; then
  echo "deploy.sh reported success for a release whose silo cannot start" >&2
  exit 1
fi
silo_state=$(docker service inspect chatbot_silo --format '{{.UpdateStatus.State}} {{.Spec.TaskTemplate.ContainerSpec.Image}}')
case "$silo_state" in
  "rollback_completed chatbot/silo:v2"*) ;;
  *) echo "after the broken release the silo is: $silo_state" >&2; exit 1 ;;
esac
wait_for "the chat after the rollback" 60 in_ns wget -q -O /dev/null http://localhost/health/ready

docker stack rm chatbot >/dev/null
no_containers() { [ -z "$(docker ps -q)" ]; }
wait_for "the stack's containers to stop" 120 no_containers || true
docker volume rm -f chatbot_postgres-data chatbot_traefik-certificates >/dev/null
load_result="update v1->v2 ${update_seconds}s: $(grep -E 'load check: [0-9]+ pages,' "$RUN_DIR/load.log" | sed 's/^load check: //'); broken v3 rolled back to v2"
