import { Command } from 'commander';
import { ConfigError } from '@app/case-runtime';
import { projectionsCommand } from './projections.command';
import { rebuildCommand } from './rebuild.command';
import { tokenCommand } from './token.command';

/** The engine's command-line tools, one program: `token <role>`, `rebuild`, `projections parked|retry-parked`. */
const program = new Command('cli')
  .description('Command-line tools of the collection dispute engine')
  .addCommand(tokenCommand)
  .addCommand(rebuildCommand)
  .addCommand(projectionsCommand);

program.parseAsync(process.argv).catch((error) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
