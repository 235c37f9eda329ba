# Sourced by containers.sh: the base images the Dockerfile and the compose/stack files name, built here because
# no image registry is reachable. Built once per machine: the Debian root filesystems are kept as tarballs in
# CACHE_DIR, the images in the engine's own data root; each image is rebuilt when its recipe or this machine's
# .NET changes.

CACHE_DIR=${CONTAINERS_CACHE_DIR:-/var/cache/chatbot-containers}
STANDINS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/standins
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE_PACKAGES=ca-certificates,wget,libicu72,libssl3,zlib1g,libstdc++6,tzdata
SERVICE_PACKAGES="postgresql-15 python3 haproxy"

# The minimal Debian bookworm, then a copy of it with the packages the service stand-ins need.
rootfs_tarballs() {
  mkdir -p "$CACHE_DIR"
  if [ ! -s "$CACHE_DIR/bookworm-base.tar" ]; then
    echo "== debootstrap bookworm (minbase) into $CACHE_DIR"
    rm -rf "$CACHE_DIR/rootfs"
    debootstrap --variant=minbase --include="$BASE_PACKAGES" bookworm "$CACHE_DIR/rootfs" "$MIRROR" >"$CACHE_DIR/debootstrap.log"
    rm -rf "$CACHE_DIR/rootfs/var/cache/apt/archives"/*.deb "$CACHE_DIR/rootfs/var/lib/apt/lists"/*_Packages
    tar -C "$CACHE_DIR/rootfs" -cf "$CACHE_DIR/bookworm-base.tar.tmp" . && mv "$CACHE_DIR/bookworm-base.tar.tmp" "$CACHE_DIR/bookworm-base.tar"
    rm -rf "$CACHE_DIR/rootfs"
  fi
  if [ ! -s "$CACHE_DIR/bookworm-services.tar" ]; then
    echo "== apt-get install $SERVICE_PACKAGES into a copy of it"
    local root=$CACHE_DIR/rootfs-services
    rm -rf "$root" && mkdir -p "$root"
    tar -C "$root" -xf "$CACHE_DIR/bookworm-base.tar"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # No services start inside the chroot, and the package creates no cluster: the entrypoint does, as the image's.
    printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
    mkdir -p "$root/etc/postgresql-common" && echo "create_main_cluster = false" >"$root/etc/postgresql-common/createcluster.conf"
    chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $SERVICE_PACKAGES && apt-get clean" \
      >"$CACHE_DIR/services-apt.log" 2>&1 || { tail -n 20 "$CACHE_DIR/services-apt.log" >&2; return 1; }
    rm -f "$root/usr/sbin/policy-rc.d" && rm -rf "$root/var/lib/apt/lists"/*_Packages
    tar -C "$root" -cf "$CACHE_DIR/bookworm-services.tar.tmp" . && mv "$CACHE_DIR/bookworm-services.tar.tmp" "$CACHE_DIR/bookworm-services.tar"
    rm -rf "$root"
  fi
}

# standin_key NAME FILES...: what the image is made of; the image is rebuilt when this changes.
standin_key() {
  local name=$1
  shift
  { echo "$name"; dotnet --version; cat "$@"; } | sha256sum | cut -c1-16
}

image_key() { docker image inspect --format '{{index .Config.Labels "standin.key"}}' "$1" 2>/dev/null || true; }

# import_rootfs TARBALL IMAGE
import_rootfs() {
  local key
  key=$(stat -c %Y-%s "$1")
  if [ "$(image_key "$2")" != "$key" ]; then
    echo "== import $2"
    docker import --change "LABEL standin.key=$key" --change 'CMD ["/bin/bash"]' "$1" "$2" >/dev/null
  fi
}

# build_standin DIR KEY TAG... : builds DIR's Dockerfile (context: DIR) as every TAG, when the key changed.
build_standin() {
  local dir=$1 key=$2 tag
  shift 2
  [ "$(image_key "$1")" = "$key" ] && return 0
  echo "== build stand-in $*"
  local tags=()
  for tag in "$@"; do tags+=(-t "$tag"); done
  DOCKER_BUILDKIT=1 $BUILD_DOCKER build -q --label "standin.key=$key" "${tags[@]}" "$dir" >/dev/null
}

build_standins() {
  rootfs_tarballs
  import_rootfs "$CACHE_DIR/bookworm-base.tar" chatbot-standin/bookworm
  import_rootfs "$CACHE_DIR/bookworm-services.tar" chatbot-standin/services:bookworm
  local dotnet_root stage
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  stage=$CACHE_DIR/stage
  rm -rf "$stage" && mkdir -p "$stage"
  local key
  key=$(standin_key sdk "$STANDINS/dotnet-sdk/Dockerfile" /usr/local/share/ca-certificates/*)
  if [ "$(image_key chatbot-standin/dotnet-sdk)" != "$key" ]; then
    cp -r "$STANDINS/dotnet-sdk/." "$stage/sdk" && mkdir -p "$stage/sdk/certs"
    cp -al "$dotnet_root" "$stage/sdk/dotnet"
    cp /usr/local/share/ca-certificates/*.crt "$stage/sdk/certs/" 2>/dev/null || true
    build_standin "$stage/sdk" "$key" chatbot-standin/dotnet-sdk
  fi
  # The packages the app restores, restored here (this machine reaches NuGet) into a local feed.
  key=$(standin_key feed "$STANDINS"/dotnet-sdk-feed/* Directory.Packages.props Directory.Build.props src/*/*.csproj)$(image_key chatbot-standin/dotnet-sdk)
  if [ "$(image_key mcr.microsoft.com/dotnet/sdk:10.0)" != "$key" ]; then
    rm -rf "$CACHE_DIR/nuget"
    for project in src/Silo/Silo.csproj src/Frontend/Frontend.csproj; do
      dotnet restore "$project" --packages "$CACHE_DIR/nuget" -v:q --nologo >/dev/null
    done
    cp -r "$STANDINS/dotnet-sdk-feed/." "$stage/feed" && cp -al "$CACHE_DIR/nuget" "$stage/feed/feed"
    build_standin "$stage/feed" "$key" mcr.microsoft.com/dotnet/sdk:10.0
  fi
  key=$(standin_key aspnet "$STANDINS/dotnet-aspnet/Dockerfile")
  if [ "$(image_key mcr.microsoft.com/dotnet/aspnet:10.0-alpine)" != "$key" ]; then
    cp -r "$STANDINS/dotnet-aspnet/." "$stage/aspnet" && mkdir -p "$stage/aspnet/dotnet"
    cp -al "$dotnet_root/dotnet" "$dotnet_root/host" "$dotnet_root/shared" "$stage/aspnet/dotnet/"
    build_standin "$stage/aspnet" "$key" mcr.microsoft.com/dotnet/aspnet:10.0-alpine mcr.microsoft.com/dotnet/aspnet:10.0
  fi
  rm -rf "$stage"
  build_standin "$STANDINS/postgres" "$(standin_key pg "$STANDINS"/postgres/*)" postgres:15
  build_standin "$STANDINS/mailpit" "$(standin_key mail "$STANDINS"/mailpit/*)" axllent/mailpit:v1.21
  build_standin "$STANDINS/traefik" "$(standin_key traefik "$STANDINS"/traefik/*)" chatbot-standin/traefik-haproxy
}
