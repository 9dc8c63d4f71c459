/**
 * The image's HEALTHCHECK: GET /health of the API or the worker in this container (both listen on
 * PORT), healthy on a 2xx within three seconds. No imports beyond Node: it runs every few seconds.
 */
const url = `http://127.0.0.1:${process.env.PORT ?? 3000}/health`;
fetch(url, { signal: AbortSignal.timeout(3000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
