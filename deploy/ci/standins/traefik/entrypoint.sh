#!/bin/sh
# Traefik's flags from stack.yml are not HAProxy's: the configuration file says the same for the chat.
exec haproxy -W -db -f /etc/haproxy/haproxy.cfg
