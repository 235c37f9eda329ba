#!/bin/sh
# Traefik's flags from stack.yml are not HAProxy's: the configuration file says the same for the chat.
# "traefik healthcheck ..." (the stack's healthcheck) asks the ping entrypoint on :8082, as Traefik's does.
if [ "${1:-}" = healthcheck ]; then
  exec wget -q -T 3 -O /dev/null http://127.0.0.1:8082/ping
fi
exec haproxy -W -db -f /etc/haproxy/haproxy.cfg
