#!/usr/bin/env bash
# Builds the images and runs them for real, on this machine, with no image registry:
#   1. stand-in base images (Debian bookworm + this machine's .NET; postgres, mailpit and Traefik stand-ins),
#      built once per machine and cached;
#   2. the silo and frontend images from the unchanged deploy/docker/Dockerfile;
#   3. Compose: docker-compose.yml up, a browser signs in, chats, reads the welcome email, reloads; down -v;
#   4. Swarm: deploy/swarm/deploy.sh deploys stack.yml, then rolls silo and frontend to a new tag while pages
#      keep chatting (every message counted), then a broken image that Swarm must roll back by itself.
# The Docker engine runs inside a network namespace of its own (engine.sh); it is stopped and the namespace
# removed at the end, whatever happens. Usage: deploy/ci/containers.sh [--no-swarm | --no-compose]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cd "$repo"
run_swarm=true
run_compose=true
[ "${1:-}" = "--no-swarm" ] && run_swarm=false
[ "${1:-}" = "--no-compose" ] && run_compose=false
# Images are built by the engine's own BuildKit through the docker.io client (no buildx plugin needed).
BUILD_DOCKER=/usr/bin/docker
. "$here/engine.sh"
. "$here/standins.sh"

started=$SECONDS
timings=()
mark() { timings+=("$1 $(($SECONDS - $2))s"); }

missing=()
for tool in dockerd:docker.io docker-compose:docker-compose debootstrap:debootstrap containerd:containerd; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$BUILD_DOCKER" ] || BUILD_DOCKER=docker

trap engine_stop EXIT
engine_start

t=$SECONDS
build_standins
mark stand-ins "$t"

echo "== images"
t=$SECONDS
for target in silo frontend; do
  DOCKER_BUILDKIT=1 $BUILD_DOCKER build -q -f deploy/docker/Dockerfile --target "$target" -t "chatbot-$target:dev" . >/dev/null
done
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^chatbot-(silo|frontend):dev ' | sed 's/^/image size: /'
mark images "$t"
dotnet build tools/ContainerCheck -v:q --nologo -clp:ErrorsOnly >/dev/null
check=(in_ns dotnet "$repo/tools/ContainerCheck/bin/Debug/net10.0/ChatbotOrleans.ContainerCheck.dll")

compose_result="compose skipped"
if $run_compose; then
  echo "== compose"
  t=$SECONDS
  . "$here/compose-run.sh"
  mark compose "$t"
fi

load_result="swarm skipped"
if $run_swarm; then
  echo "== swarm"
  t=$SECONDS
  . "$here/swarm-run.sh"
  mark swarm "$t"
fi

echo "containers: ${timings[*]}, total $(($SECONDS - started))s; compose: $compose_result; swarm: $load_result"
