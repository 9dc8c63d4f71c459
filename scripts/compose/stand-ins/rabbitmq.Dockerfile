# STAND-IN for the official rabbitmq image: Debian's RabbitMQ, with its own node name, Erlang
# port mapper and distribution port, so it never meets the machine's own RabbitMQ (host networking).
FROM cde-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends rabbitmq-server \
 && rm -rf /var/lib/apt/lists/*
COPY rabbitmq-entrypoint.sh /usr/local/bin/rabbitmq-entrypoint
ENV RABBITMQ_NODENAME=cde-standin@localhost RABBITMQ_NODE_PORT=5672 \
    RABBITMQ_DIST_PORT=25673 ERL_EPMD_PORT=4370
CMD ["/usr/local/bin/rabbitmq-entrypoint"]
