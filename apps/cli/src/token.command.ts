import { Command, Option } from 'commander';
import { signDevToken } from '../../case-api/src/auth/token-verifier';
import { ROLES, type Role } from '../../case-api/src/auth/principal';
import { loadConfig } from '../../case-api/src/config/app-config';

/** Prints a development bearer token for a role, signed with the configured (or dev) HS256 secret. */
const program = new Command('token')
  .description('Print a development bearer token (HS256) for the case API')
  .addArgument(new Command().createArgument('<role>', 'the role').choices([...ROLES]))
  .option('--creditor-id <id>', 'for a creditor token: the creditor it acts for', 'creditor-1')
  .option('--subject <sub>', 'who the token names (the actor of events)')
  .addOption(new Option('--ttl <ttl>', 'lifetime, e.g. 8h or 30m').default('8h'))
  .action(async (role: Role, options: { creditorId: string; subject?: string; ttl: string }) => {
    const { auth } = loadConfig();
    if (!auth.jwtSecret)
      throw new Error('No JWT_SECRET: dev tokens need the HS256 secret (production uses the OIDC issuer).');
    const token = await signDevToken(
      auth.jwtSecret,
      {
        subject: options.subject ?? `dev-${role}`,
        role,
        creditorId: role === 'creditor' ? options.creditorId : undefined,
      },
      options.ttl,
    );
    process.stdout.write(`${token}\n`);
  });

program.parseAsync(process.argv).catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
