#!/usr/bin/env bash
# The local base for every image the compose test builds: no image registry is reachable here, so
# Debian bookworm comes from debootstrap (Debian's mirror is) and is imported with `docker import`.
# The root filesystem is cached under /var/cache so a second run skips debootstrap; a clean machine
# makes it (about two minutes). Usage: base-image.sh <docker client> <image tag>
set -euo pipefail
docker=$1 tag=$2
cache=${CDE_CACHE_DIR:-/var/cache/collection-dispute-engine}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
tarball="$cache/bookworm-minbase.tar"
# Imported once per engine: a fresh import is a new image, which would void every build cached on it.
"$docker" image inspect "$tag" >/dev/null 2>&1 && exit 0
mkdir -p "$cache"
if [[ ! -s "$tarball" ]]; then
  echo "compose: debootstrap bookworm (minbase) into $cache, once"
  root=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror" >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  # No daemon may start while a package installs in a build (there is no init in an image).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
fi
"$docker" import "$tarball" "$tag" >/dev/null
