# Sourced by run.sh and test.sh: makes sure what the app needs on this machine is there, installing
# it when we may (root with apt-get), otherwise saying exactly what to do.

die() { echo "error: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "Installing $* with apt-get…"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

require_dotnet() {
  command -v dotnet >/dev/null 2>&1 ||
    die "the .NET 10 SDK is not installed. Install it (Debian: https://learn.microsoft.com/dotnet/core/install/linux-debian), then run this again."
}

postgres_installed() {
  [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ] && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  command -v initdb >/dev/null 2>&1
}

# Needed unless a server is given (ConnectionStrings__Orleans for the app, CHATBOT_TEST_POSTGRES for tests).
require_postgres_server() {
  postgres_installed && return 0
  apt_install postgresql-15 || apt_install postgresql ||
    die "PostgreSQL server binaries were not found. Install them (Debian: sudo apt-get install -y postgresql-15), set PG_BIN to their folder, or point ConnectionStrings__Orleans at an existing server."
  postgres_installed || die "PostgreSQL was installed but initdb is still not found; set PG_BIN to the folder holding initdb."
}

# The browser tests drive Debian's Chromium (Playwright cannot download browsers here): its headless shell, the same
# engine without the desktop browser and a third less CPU in the browser tests, else the whole browser.
require_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH is $CHROMIUM_PATH, which is not an executable; point it at Chromium or unset it."
    return 0
  fi
  [ -x /usr/bin/chromium-headless-shell ] && return 0
  apt_install chromium-headless-shell && [ -x /usr/bin/chromium-headless-shell ] && return 0
  [ -x /usr/bin/chromium ] && return 0
  apt_install chromium ||
    die "Chromium is needed by the browser tests and was not found. Install it (Debian: sudo apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH to its executable."
  [ -x /usr/bin/chromium ] || die "chromium was installed but /usr/bin/chromium does not exist; set CHROMIUM_PATH to the browser's executable."
}

# The deployment tests validate the compose and stack files with the real loaders (no engine needed).
require_compose_tools() {
  command -v docker >/dev/null 2>&1 || apt_install docker.io ||
    die "the docker CLI is needed to validate deploy/swarm/stack.yml. Install it (Debian: sudo apt-get install -y docker.io)."
  docker-compose version >/dev/null 2>&1 || docker compose version >/dev/null 2>&1 || apt_install docker-compose ||
    die "a Compose client is needed to validate docker-compose.yml. Install it (Debian: sudo apt-get install -y docker-compose)."
}
