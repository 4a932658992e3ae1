// Preloaded into the CLI under test (NODE_OPTIONS=--import): records every attempt to open a
// socket or resolve a host name, in the main thread and in every worker thread, so a fetch
// to any host (not only the local test server) is caught. It only records; the test fails
// on a non-empty log.
import dns from 'node:dns';
import net from 'node:net';
import workerThreads from 'node:worker_threads';
import { syncBuiltinESMExports } from 'node:module';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const log = process.env.FOLDERPERS_NET_LOG;

function record(what, args) {
  if (log) appendFileSync(log, `${what} ${JSON.stringify(args[0] ?? null)}\n`);
}

function watch(target, name, label) {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function (...args) {
    record(label, args);
    return original.apply(this, args);
  };
}

watch(net.Socket.prototype, 'connect', 'connect');
watch(dns, 'lookup', 'dns.lookup');
watch(dns, 'resolve', 'dns.resolve');
watch(dns.promises, 'lookup', 'dns.promises.lookup');
watch(dns.promises, 'resolve', 'dns.promises.resolve');

// Workers ignore preloads, so each worker script is started through this guard first.
const Original = workerThreads.Worker;
class GuardedWorker extends Original {
  constructor(entry, options = {}) {
    if (options.eval) {
      super(entry, options);
      return;
    }
    const url = entry instanceof URL ? entry.href : /^file:/.test(String(entry)) ? String(entry) : pathToFileURL(String(entry)).href;
    const boot = `import(${JSON.stringify(import.meta.url)}).then(() => import(${JSON.stringify(url)}));`;
    super(boot, { ...options, eval: true });
  }
}
workerThreads.Worker = GuardedWorker;
syncBuiltinESMExports();
