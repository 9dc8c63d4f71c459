#!/bin/sh
# The official image's RABBITMQ_DEFAULT_USER/PASS, as a config file, and the broker in the foreground.
set -e
cat >/etc/rabbitmq/rabbitmq.conf <<CONF
default_user = ${RABBITMQ_DEFAULT_USER:-guest}
default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}
loopback_users = none
CONF
exec rabbitmq-server
