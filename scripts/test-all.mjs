#!/usr/bin/env node
// `npm test`: every check and suite, then one closing line
//   N passed, N failed, N skipped
// totalled over all of them. Exits non-zero on any failure.
//
// Typecheck, lint and build count as one check each; Vitest and Playwright
// report their own test counts through their JSON reporters.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join('test-results', 'totals');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
/** Each failed test by file and name, repeated at the very end so a log's last lines say what broke. */
const failedTests = [];

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function vitest() {
  const output = join(resultsDir, 'vitest.json');
  const isOk = run('unit tests (Vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  if (!existsSync(output)) {
    totals.failed += 1;
    failures.push('unit tests (no report)');
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that failed to load has no failed tests but is still a failure.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed'),
  ).length;
  totals.failed += brokenFiles;
  for (const file of report.testResults) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    if (file.status === 'failed' && failed.length === 0)
      failedTests.push(`${where}: the file failed to load or run`);
    for (const test of failed) failedTests.push(`${where} › ${test.fullName}`);
  }
  if (!isOk || report.numFailedTests > 0 || brokenFiles > 0) failures.push('unit tests');
}

function playwright(label, config) {
  const output = join(resultsDir, `${label.replace(/\W+/g, '-')}.json`);
  const isOk = run(label, 'npx', ['playwright', 'test', '-c', config], {
    HERALD_PW_JSON: output,
    HERALD_SKIP_BUILD: '1',
  });
  if (!existsSync(output)) {
    totals.failed += 1;
    failures.push(`${label} (no report)`);
    return;
  }
  const { stats, errors = [], suites = [] } = JSON.parse(readFileSync(output, 'utf8'));
  collectFailedSpecs(suites, []);
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected + errors.length;
  totals.skipped += stats.skipped;
  if (!isOk || stats.unexpected > 0 || errors.length > 0) failures.push(label);
  if (stats.flaky > 0)
    console.log(`${label}: ${stats.flaky} test(s) passed only on their retry (flaky): see the list above.`);
  if (stats.skipped > 0 && label.includes('Electron'))
    console.log(`${label}: ${stats.skipped} skipped — no Electron binary on this machine.`);
}

/** Playwright's report nests suites (file, describe…) around specs; a spec that is not ok failed on every try. */
function collectFailedSpecs(suites, titles) {
  for (const suite of suites) {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) if (!spec.ok) failedTests.push([...path, spec.title].join(' › '));
    collectFailedSpecs(suite.suites ?? [], path);
  }
}

/** A check that may report it could not run (exit 3: e.g. the audit service is unreachable): counted as skipped, with why. */
function checkOrSkip(label, command, args) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status === 0) totals.passed += 1;
  else if (result.status === 3) {
    totals.skipped += 1;
    console.log(`${label}: skipped — it could not run here (see above); this is not a pass.`);
  } else {
    totals.failed += 1;
    failures.push(label);
  }
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npm', ['run', '--silent', 'lint']);
check('build', 'npm', ['run', '--silent', 'build']);
check('packaging config (electron-builder schema, icons, entitlements, fuses)', 'node', [
  'scripts/check-builder-config.mjs',
]);
check('security scan (Electronegativity)', 'node', [
  'scripts/security-scan.mjs',
  '--sarif',
  join(resultsDir, 'electronegativity.sarif'),
]);
checkOrSkip('production dependency audit (npm audit --omit=dev)', 'node', ['scripts/audit-prod.mjs']);
vitest();
playwright('end-to-end (Chromium + harness)', 'playwright.config.ts');
playwright('Electron app (_electron)', 'playwright.electron.config.ts');

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
for (const test of failedTests) console.log(`  ✗ ${test}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
