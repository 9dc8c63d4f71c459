import { Command } from 'commander';
import { auditCommand } from './audit.command';
import { ConfigError } from '@app/case-runtime';
import { privacyCommand } from './privacy.command';
import { projectionsCommand } from './projections.command';
import { rebuildCommand } from './rebuild.command';
import { tokenCommand } from './token.command';
import { verifyCommand } from './verify.command';

/**
 * The engine's command-line tools, one program: `token <role>`, `rebuild`, `projections parked|retry-parked`,
 * `privacy erase|retention|export|check`, `verify`, `audit verify`.
 */
const program = new Command('cli')
  .description('Command-line tools of the collection dispute engine')
  .addCommand(tokenCommand)
  .addCommand(rebuildCommand)
  .addCommand(projectionsCommand)
  .addCommand(privacyCommand)
  .addCommand(verifyCommand)
  .addCommand(auditCommand);

program.parseAsync(process.argv).catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
