#!/usr/bin/env -S node --v8-pool-size=1
// Thin launcher: the CLI is compiled to dist/ by `npm ci` (the `prepare` script) and
// bundled with a V8 code cache (src/bundle/), which it runs from.
// One V8 background thread: a build's threads are busy with their own work, and on a
// 2-core machine four background compilers and collectors slowed a cold build by a
// sixth (1.67 s against 1.40 s for one municipality; bench/profile-first.ts).
import { runBundle } from '../dist/src/bundle/run-bundle.js';
import { useV8Flags } from '../dist/src/bundle/v8-flags.js';
import { prestartWorker } from '../dist/src/bundle/worker-script.js';

// Before any bundle is compiled or worker started: the code caches were made under these flags.
useV8Flags();

// A build's worker is on the longest path of a small build: it starts before the CLI is compiled.
if (process.argv[2] === 'build') prestartWorker('build-worker');
const { main } = runBundle('cli');
process.exitCode = await main(process.argv);
