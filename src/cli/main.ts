import { processIO } from './io.js';
import { runCli } from './run.js';

/** Entry for bin/crmctl. */
export async function main(argv: string[]): Promise<void> {
  // A closed pipe (crmctl ... | head) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = await runCli(argv, processIO());
}
