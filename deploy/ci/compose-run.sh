# Sourced by containers.sh: the real docker-compose.yml, up, checked in a browser, down -v.
compose=(docker-compose -p chatbot-ci -f "$repo/docker-compose.yml")

healthy() {
  local id status
  for service in silo frontend; do
    for id in $("${compose[@]}" ps -q "$service"); do
      status=$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")
      [ "$status" = healthy ] || return 1
    done
  done
}

# A project left by an interrupted run would be started again instead of created.
compose_down() { "${compose[@]}" down -v --timeout 45 2>&1 | grep -v -E '^(Stopping|Removing)' || true; }
compose_down
"${compose[@]}" up -d --no-build --quiet-pull 2>&1 | grep -v -E '^(Creating|Starting)' || true
if ! wait_for "compose stack healthy" 240 healthy; then
  "${compose[@]}" ps >&2
  "${compose[@]}" logs --tail 40 >&2
  compose_down
  exit 1
fi
"${compose[@]}" ps
# The address docker-compose.yml gives Email__PublicUrl: the emailed link must open the app the user opened.
if ! compose_result=$("${check[@]}" compose http://127.0.0.1:8080 http://localhost:8025/); then
  echo "$compose_result" >&2
  "${compose[@]}" logs --tail 40 silo frontend >&2
  compose_down
  exit 1
fi
echo "$compose_result"
compose_down
left=$(docker ps -aq --filter label=com.docker.compose.project=chatbot-ci; docker volume ls -q --filter label=com.docker.compose.project=chatbot-ci; docker network ls -q --filter label=com.docker.compose.project=chatbot-ci)
[ -z "$left" ] || { echo "docker-compose down -v left: $left" >&2; exit 1; }
compose_result="${compose_result#compose check: }; down -v left nothing"
