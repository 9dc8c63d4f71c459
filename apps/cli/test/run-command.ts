import type { Command } from 'commander';

/**
 * Runs a command of the program as `cli <args>` would, with `env` added to the environment for
 * the run: what it printed and its exit code. For the CLI's own tests.
 */
export async function runCommand(
  command: Command,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ out: string; exitCode: number }> {
  const printed: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    process.exitCode = undefined;
    await command.parseAsync(args, { from: 'user' });
    return { out: printed.join(''), exitCode: Number(process.exitCode ?? 0) };
  } finally {
    write.mockRestore();
    process.env = saved;
    process.exitCode = undefined;
  }
}
