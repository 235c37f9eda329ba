#!/usr/bin/env bash
# Deploys the stack with zero downtime. Talks to the Swarm manager through the docker CLI, locally or
# over SSH (DOCKER_HOST=ssh://deploy@server, as CI does).
#   1. moves only the migration job to the new image and waits for it to complete (the running app keeps
#      serving: migrations must be backward compatible with the version still running);
#   2. moves silo and frontend to the new image: start-first rolling updates, health-gated, which Swarm
#      rolls back by itself on failure; waits until each converged or rolled back.
# Usage: IMAGE_PREFIX=ghcr.io/acme/chatbotorleans TAG=<commit sha> DOMAIN=… DASHBOARD_DOMAIN=… DASHBOARD_USER=… \
#        ACME_EMAIL=… SMTP_HOST=… SMTP_SENDER=… deploy/swarm/deploy.sh
# STACK_OVERRIDES (optional): space-separated compose files merged over stack.yml, e.g. a site's own settings.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
stack=${STACK:-chatbot}
tag=${TAG:?set TAG to the image tag to deploy (the commit SHA)}
: "${IMAGE_PREFIX:?set IMAGE_PREFIX, e.g. ghcr.io/acme/chatbotorleans}"
export IMAGE_PREFIX

# The tag the silo runs now, or nothing on the first deploy.
running_tag() {
  local image
  image=$(docker service inspect "${stack}_silo" --format '{{.Spec.TaskTemplate.ContainerSpec.Image}}' 2>/dev/null) || return 0
  image=${image%@*}
  echo "${image##*:}"
}

version_of() { docker service inspect "$1" --format '{{.Version.Index}}' 2>/dev/null || true; }

files=(-c "$here/stack.yml")
for override in ${STACK_OVERRIDES:-}; do files+=(-c "$override"); done

deploy() {
  APP_TAG=$1 MIGRATE_TAG=$2 docker stack deploy --detach=true --with-registry-auth --prune "${files[@]}" "$stack"
}

# Succeeds when a task of the job's current iteration completed; fails after the restart policy's attempts.
wait_for_job() {
  local service=$1 deadline=$((SECONDS + ${JOB_TIMEOUT:-600})) iteration states
  iteration=$(docker service inspect "$service" --format '{{if .JobStatus}}{{.JobStatus.JobIteration.Index}}{{end}}')
  while [ "$SECONDS" -lt "$deadline" ]; do
    states=$(docker service ps "$service" -q --no-trunc | xargs -r docker inspect \
      --format '{{if .JobIteration}}{{.JobIteration.Index}}{{end}} {{.Status.State}}' | awk -v it="$iteration" '$1 == it { print $2 }')
    if grep -qx complete <<<"$states"; then
      echo "$service: completed."
      return 0
    fi
    if [ "$(grep -cE '^(failed|rejected)$' <<<"$states" || true)" -ge "${JOB_ATTEMPTS:-3}" ]; then
      echo "$service: failed; its last log lines:" >&2
      docker service logs --tail 30 "$service" >&2 || true
      return 1
    fi
    echo "$service: running…"
    sleep 5
  done
  echo "$service: not complete after ${JOB_TIMEOUT:-600}s." >&2
  return 1
}

previous=$(running_tag)
if [ -n "$previous" ] && [ "$previous" != "$tag" ]; then
  echo "== migrations of $tag (the app stays on $previous)"
  deploy "$previous" "$tag"
else
  echo "== first deploy (or redeploy) of $tag"
  deploy "$tag" "$tag"
fi
wait_for_job "${stack}_migrate"

echo "== rolling update to $tag"
silo_before=$(version_of "${stack}_silo")
frontend_before=$(version_of "${stack}_frontend")
deploy "$tag" "$tag"
status=0
"$here/wait-for-update.sh" "${stack}_silo" "$silo_before" || status=1
"$here/wait-for-update.sh" "${stack}_frontend" "$frontend_before" || status=1
if [ "$status" -ne 0 ]; then
  echo "The deploy of $tag did not converge; Swarm rolled back what failed (see above)." >&2
fi
exit "$status"
