#!/usr/bin/env bash
# Waits until a Swarm service's rolling update converged or rolled back.
# Usage: wait-for-update.sh SERVICE [VERSION_BEFORE_DEPLOY] [TIMEOUT_SECONDS]
#   exit 0: the update completed (or the deploy did not change the service)
#   exit 1: the update rolled back, paused, or did not finish in time
set -euo pipefail

service=${1:?usage: wait-for-update.sh SERVICE [VERSION_BEFORE_DEPLOY] [TIMEOUT_SECONDS]}
version_before=${2:-}
timeout=${3:-900}
deadline=$((SECONDS + timeout))

inspect() { docker service inspect "$service" --format "$1"; }

if [ -n "$version_before" ] && [ "$(inspect '{{.Version.Index}}')" = "$version_before" ]; then
  echo "$service: unchanged by this deploy."
  exit 0
fi

while [ "$SECONDS" -lt "$deadline" ]; do
  state=$(inspect '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}')
  case "$state" in
    completed)
      echo "$service: update completed."
      exit 0
      ;;
    rollback_completed)
      echo "$service: the update failed and was rolled back: $(inspect '{{.UpdateStatus.Message}}')" >&2
      exit 1
      ;;
    paused | rollback_paused)
      echo "$service: update $state: $(inspect '{{.UpdateStatus.Message}}')" >&2
      exit 1
      ;;
    "")
      # No rollout: a service this deploy created, or one it re-applied unchanged (Swarm then records a
      # PreviousSpec but starts no update). Converged when every replica runs the image the spec names.
      desired=$(inspect '{{if .Spec.Mode.Replicated}}{{.Spec.Mode.Replicated.Replicas}}{{end}}')
      image=$(inspect '{{.Spec.TaskTemplate.ContainerSpec.Image}}')
      running=$(docker service ps "$service" --filter desired-state=running --no-trunc --format '{{.CurrentState}} {{.Image}}' |
        awk -v image="${image%@*}" '{ sub(/@.*/, "", $NF) } $1 == "Running" && $NF == image' | wc -l)
      if [ -n "$desired" ] && [ "$running" -ge "$desired" ]; then
        echo "$service: $running/$desired running ${image%@*}."
        exit 0
      fi
      ;;
  esac
  echo "$service: ${state:-starting}…"
  sleep 5
done

echo "$service: no convergence after ${timeout}s." >&2
docker service ps "$service" --no-trunc | head -n 20 >&2
exit 1
