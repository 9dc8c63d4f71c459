#!/bin/sh
# The image's entry point: which program of the engine this container runs.
set -e
case "$1" in
  api) shift; exec node dist/apps/case-api/src/main.js "$@" ;;
  worker) shift; exec node dist/apps/case-worker/src/main.js "$@" ;;
  cli) shift; exec node dist/apps/cli/src/main.js "$@" ;;
  *) exec "$@" ;;
esac
