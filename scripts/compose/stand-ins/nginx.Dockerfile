# STAND-IN for the official nginx image: Debian's nginx, reading the same conf.d as the official one.
FROM cde-standin/debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends nginx-light curl \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default
CMD ["nginx", "-g", "daemon off; error_log stderr;"]
