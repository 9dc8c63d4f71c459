/** A stop asked for by the platform (SIGTERM) must end the process within 5 s: the graceful part gets this long. */
export const SHUTDOWN_GRACE_MS = 4_500;

/**
 * Nest's shutdown hooks close the app gracefully on SIGTERM or SIGINT (the timer in hand
 * finishes, the stores close). Should anything hang (a database that does not answer), the
 * process still exits once the grace period has run out: everything acknowledged is already
 * stored, so exiting then loses nothing.
 */
export function exitWithinGrace(write: (line: string) => void = (line) => process.stderr.write(line)): void {
  const arm = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      write(`${signal}: the graceful shutdown took longer than ${SHUTDOWN_GRACE_MS} ms; exiting now.\n`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => arm('SIGTERM'));
  process.once('SIGINT', () => arm('SIGINT'));
}
