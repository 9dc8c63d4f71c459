import { Argument, Command, Option } from 'commander';
import { loadConfig, ROLES, signDevToken, type Role } from '@app/case-runtime';

/** Prints a development bearer token for a role, signed with the configured (or dev) HS256 secret. */
export const tokenCommand = new Command('token')
  .description('Print a development bearer token (HS256) for the case API')
  .addArgument(new Argument('<role>', 'the role').choices([...ROLES]))
  .option('--creditor-id <id>', 'for a creditor token: the creditor it acts for', 'creditor-1')
  .option('--subject <sub>', 'who the token names (the actor of events)')
  .addOption(new Option('--ttl <ttl>', 'lifetime, e.g. 8h or 30m').default('8h'))
  .action(async (role: Role, options: { creditorId: string; subject?: string; ttl: string }) => {
    const { auth } = loadConfig();
    if (!auth.jwtSecret) {
      throw new Error('No JWT_SECRET: dev tokens need the HS256 secret (production uses the OIDC issuer).');
    }
    const principal = {
      subject: options.subject ?? `dev-${role}`,
      role,
      creditorId: role === 'creditor' ? options.creditorId : undefined,
    };
    process.stdout.write(`${await signDevToken(auth.jwtSecret, principal, options.ttl)}\n`);
  });
