# STAND-IN for the official node:20-bookworm-slim image (no image registry is reachable here):
# Debian bookworm from debootstrap with this machine's Node 20 (binary, npm, headers) copied in,
# and its CA bundle so npm reaches the registry. Built by scripts/compose/test-compose.sh only.
FROM cde-standin/debian:bookworm
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY include /usr/local/include/node
COPY ca-bundle.crt /usr/local/share/ca-bundle.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node
# node-gyp finds the headers here instead of downloading them (nodejs.org is not reachable).
# JOBS: node-gyp compiles a native module's files side by side.
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-bundle.crt npm_config_nodedir=/usr/local JOBS=max
CMD ["node"]
