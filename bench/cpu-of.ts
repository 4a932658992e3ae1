/**
 * `node dist/bench/cpu-of.js <cli.js> args…`: runs the CLI in this process and, at exit,
 * prints on stderr the CPU time it used (user + system, ms) as the last line. On a machine
 * shared with other work, CPU time varies much less than wall time.
 */
import { pathToFileURL } from 'node:url';

const [cli, ...args] = process.argv.slice(2);
if (!cli) throw new Error('usage: cpu-of.js <cli.js> args…');
process.argv = [process.argv[0]!, cli, ...args];
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu-ms ${((user + system) / 1000).toFixed(1)}\n`);
});
await import(pathToFileURL(cli).href);
