# Sourced by containers.sh: a Docker engine of our own inside a network namespace of our own, so every bridge,
# overlay network and published port lives there and nothing touches the machine's own namespace.
# in_ns runs a command inside it (the browser checks run there and reach the published ports on its loopback).

NETNS=${CONTAINERS_NETNS:-chatbot-containers}
ENGINE_DIR=${CONTAINERS_ENGINE_DIR:-/var/lib/chatbot-containers}
RUN_DIR=/run/chatbot-containers
# The swarm's advertised address: on the namespace's loopback, reachable only from inside it.
NODE_ADDR=10.254.0.1
export DOCKER_HOST=unix://$RUN_DIR/docker.sock

# nsenter, not `ip netns exec`: that one also remounts /sys, which hides the cgroup mounts dockerd needs.
in_ns() { nsenter --net="/run/netns/$NETNS" "$@"; }

engine_start() {
  if [ -e "/run/netns/$NETNS" ]; then
    echo "== a namespace $NETNS is left from an earlier run; clearing it"
    engine_stop
  fi
  mkdir -p "$RUN_DIR" "$ENGINE_DIR"
  ip netns add "$NETNS"
  ip -n "$NETNS" link set lo up
  ip -n "$NETNS" addr add "$NODE_ADDR/32" dev lo
  nsenter --net="/run/netns/$NETNS" containerd --root "$ENGINE_DIR/containerd" --state "$RUN_DIR/containerd" \
    --address "$RUN_DIR/containerd.sock" >"$RUN_DIR/containerd.log" 2>&1 &
  echo $! >"$RUN_DIR/containerd.pid"
  wait_for "containerd" 30 test -S "$RUN_DIR/containerd.sock"
  nsenter --net="/run/netns/$NETNS" dockerd --data-root "$ENGINE_DIR/docker" --exec-root "$RUN_DIR/exec" --pidfile "$RUN_DIR/dockerd.pid" \
    -H "$DOCKER_HOST" --containerd "$RUN_DIR/containerd.sock" \
    --bip 10.253.0.1/24 --default-address-pool base=10.252.0.0/16,size=24 \
    --userland-proxy=true --log-level warn >"$RUN_DIR/dockerd.log" 2>&1 &
  wait_for "dockerd" 60 docker info --format '{{.ServerVersion}}'
}

# Whatever happened: leave the swarm, stop the engine, unmount what it left, remove the namespace.
engine_stop() {
  set +e
  if [ -S "$RUN_DIR/docker.sock" ]; then
    docker swarm leave --force >/dev/null 2>&1
  fi
  stop_pid "$RUN_DIR/dockerd.pid" 60
  stop_pid "$RUN_DIR/containerd.pid" 30
  grep -E " ($RUN_DIR|$ENGINE_DIR)/" /proc/mounts | awk '{ print $2 }' | sort -r | xargs -r -n1 umount -l
  ip netns del "$NETNS" 2>/dev/null
  rm -rf "$RUN_DIR"
  set -e
}

stop_pid() {
  local file=$1 seconds=$2 pid
  [ -s "$file" ] || return 0
  pid=$(cat "$file")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq "$seconds"); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null
}

# wait_for WHAT SECONDS COMMAND...: polls COMMAND once a second until it succeeds.
wait_for() {
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$what: not ready after ${seconds}s" >&2
  tail -n 20 "$RUN_DIR"/*.log >&2 2>/dev/null
  return 1
}
