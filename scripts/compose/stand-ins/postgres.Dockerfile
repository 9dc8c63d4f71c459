# STAND-IN for the official postgres image: Debian's PostgreSQL 15, trust authentication, on the
# port in PGPORT (host networking: the machine's own PostgreSQL keeps 5432).
FROM cde-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /var/lib/postgresql/data && chown postgres:postgres /var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint
USER postgres
ENV PGDATA=/var/lib/postgresql/data PGPORT=5432 POSTGRES_USER=postgres POSTGRES_DB=postgres
CMD ["/usr/local/bin/postgres-entrypoint"]
