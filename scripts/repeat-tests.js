#!/usr/bin/env node
/**
 * Runs test files again and again, optionally while other processes keep every core
 * busy, to find failures that only show up now and then on a loaded machine (a CI box).
 * Not a test itself: its result is a count, recorded in docs/benchmarks.md.
 *
 *   npm run test:repeat -- [--runs 20] [--load 2] [--randomize] [jest arguments…]
 *   npm run test:repeat -- --runs 20 --load 2 tests/faults.test.ts
 *
 * --load N starts N busy loops beside the tests (default: as many as there are cores).
 * --randomize shuffles the order of tests inside each file, with a new seed every run.
 * The whole output of each failed run is kept in a temporary folder, named at the end.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function parseArguments(argv) {
  const options = { runs: 20, load: os.cpus().length, randomize: false, jestArguments: [] };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const number = (name) => {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number, got "${argv[index]}"`);
      return value;
    };
    if (argument === '--runs') options.runs = number('--runs');
    else if (argument === '--load') options.load = number('--load');
    else if (argument === '--randomize') options.randomize = true;
    else options.jestArguments.push(argument);
  }
  if (options.runs < 1) throw new Error('--runs must be at least 1');
  return options;
}

function startBusyLoops(count) {
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`repeat-tests: ${error.message}\n`);
    process.exit(2);
  }
  const projectRoot = path.join(__dirname, '..');
  const jest = path.join(projectRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  const busyLoops = startBusyLoops(options.load);
  const stopLoad = () => busyLoops.forEach((loop) => loop.kill('SIGKILL'));
  process.on('exit', stopLoad);
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));

  const failures = [];
  const startedAt = Date.now();
  const outputDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefgraph-repeat-'));
  for (let run = 1; run <= options.runs; run++) {
    const seed = options.randomize ? ['--randomize', `--seed=${Math.floor(Math.random() * 2 ** 31)}`] : [];
    const runStartedAt = Date.now();
    const result = spawnSync(process.execPath, [jest, ...seed, ...options.jestArguments], { cwd: projectRoot, encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`;
    const summary = /Tests:\s+(.*)/.exec(output)?.[1] ?? 'no summary';
    const passed = result.status === 0;
    process.stdout.write(
      `run ${run}/${options.runs}: ${passed ? 'passed' : 'FAILED'} in ${((Date.now() - runStartedAt) / 1000).toFixed(1)} s (${summary}${seed.length ? `, ${seed[1]}` : ''})\n`,
    );
    if (!passed) {
      failures.push(run);
      fs.writeFileSync(path.join(outputDirectory, `run-${run}.log`), output);
      const failed = output.split('\n').filter((line) => /●|Unhandled|uncaught|Emitted 'error'/.test(line));
      process.stdout.write(`${failed.slice(0, 20).join('\n')}\n`);
    }
  }
  const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
  process.stdout.write(
    `\n${options.runs - failures.length} of ${options.runs} runs passed in ${minutes} min, with ${options.load} busy loop(s) on ${os.cpus().length} core(s)` +
      `${failures.length ? `; failed runs: ${failures.join(', ')} (their output: ${outputDirectory})` : ''}\n`,
  );
  stopLoad();
  process.exit(failures.length ? 1 : 0);
}

main();
