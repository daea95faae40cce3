#!/usr/bin/env node
// CI security scan: Electronegativity over Herald's source (electron/,
// shared/, renderer/), told the Electron version we ship. Its CLI exits 0
// whatever it finds, so this script drives its API, reads every finding, and
// fails on any that security/electronegativity-accepted.json does not accept
// with a reason (each accepted check is also explained in docs/security.md),
// and on any file it could not parse (a file it cannot read is a file it did
// not check).
//
// Two parts of Electronegativity reach the internet, which CI machines cannot:
// it downloads translations at start (replaced here by its bundled English
// ones) and AvailableSecurityFixesGlobalCheck downloads Electron's release
// list (left out; Electron upgrades are tracked by hand, see docs/security.md).
//   node scripts/security-scan.mjs [--sarif test-results/security/electronegativity.sarif]
import { cpSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export const SCANNED_FOLDERS = ['electron', 'shared', 'renderer'];
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
export const ACCEPTED_FILE = 'security/electronegativity-accepted.json';
const MIN_REASON_LENGTH = 40;

/** Replaces Electronegativity's translation loader (which downloads) with its bundled English strings. */
function useOfflineTranslations() {
  const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const loaderPath = join(packageDir, 'dist/locales/i18n.js');
  const i18n = createRequire(loaderPath)('i18n');
  const offline = new Module(loaderPath);
  offline.filename = loaderPath;
  offline.loaded = true;
  const load = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(loaderPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  offline.exports = Object.assign(load, { default: load });
  require.cache[loaderPath] = offline;
  return require(join(packageDir, 'dist/runner.js'));
}

/** The Electron version Herald ships: the installed package, else the one package.json pins. */
export function electronVersion(root) {
  const installed = join(root, 'node_modules/electron/package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version;
  const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies?.electron;
  if (!pinned) throw new Error('cannot tell which Electron version Herald uses');
  return pinned.replace(/^[^\d]*/, '');
}

/** Reads and checks the accepted-findings list: every entry needs a check, a file and a real reason. */
export function loadAccepted(root, securityDoc = readFileSync(join(root, 'docs/security.md'), 'utf8')) {
  const { accepted } = JSON.parse(readFileSync(join(root, ACCEPTED_FILE), 'utf8'));
  const problems = [];
  if (!Array.isArray(accepted))
    return { accepted: [], problems: [`${ACCEPTED_FILE} must hold { "accepted": [...] }`] };
  accepted.forEach((entry, index) => {
    const name = `${ACCEPTED_FILE} entry ${index + 1} (${entry?.check ?? 'no check'})`;
    if (typeof entry?.check !== 'string' || typeof entry.file !== 'string')
      problems.push(`${name} needs "check" and "file"`);
    if (typeof entry?.reason !== 'string' || entry.reason.trim().length < MIN_REASON_LENGTH)
      problems.push(`${name} needs a "reason" that explains why it is safe`);
    if (typeof entry?.check === 'string' && !securityDoc.includes(entry.check))
      problems.push(`${name} is not justified in docs/security.md (it never names ${entry.check})`);
  });
  return { accepted, problems };
}

/** Findings no accepted entry covers, and accepted entries no finding matched (stale). */
export function compareWithAccepted(findings, accepted) {
  const matches = (entry, finding) =>
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.code === undefined || finding.code.includes(entry.code));
  const unexplained = findings.filter((finding) => !accepted.some((entry) => matches(entry, finding)));
  const stale = accepted.filter((entry) => !findings.some((finding) => matches(entry, finding)));
  return { unexplained, stale };
}

/** Runs Electronegativity over the scanned folders; returns findings with project-relative paths, and parse errors. */
export async function scan({ root = process.cwd(), sarifPath } = {}) {
  const run = useOfflineTranslations();
  // A staging copy holds exactly what we scan: the source folders and package.json, no node_modules walk.
  const stage = mkdtempSync(join(tmpdir(), 'herald-electronegativity-'));
  try {
    for (const folder of SCANNED_FOLDERS)
      cpSync(join(root, folder), join(stage, folder), { recursive: true });
    copyFileSync(join(root, 'package.json'), join(stage, 'package.json'));
    if (sarifPath) mkdirSync(dirname(resolve(root, sarifPath)), { recursive: true });
    const version = electronVersion(root);
    const result = await run({
      input: stage,
      electronVersionOverride: version,
      isRelative: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      ...(sarifPath ? { output: resolve(root, sarifPath), isSarif: true } : {}),
    });
    const findings = result.issues.map((issue) => ({
      check: issue.id,
      file: issue.file,
      line: issue.location?.line ?? 0,
      severity: issue.severity?.name ?? String(issue.severity),
      confidence: issue.confidence?.name ?? String(issue.confidence),
      description: issue.description,
      code:
        String(issue.sample ?? '')
          .trim()
          .split('\n')[0] ?? '',
    }));
    const errors = result.errors.map((error) => ({
      file: error.file.replace(`${stage}/`, ''),
      message: error.message,
      isTolerable: error.tolerable,
    }));
    return { version, checks: result.globalChecks + result.atomicChecks, findings, errors };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const root = process.cwd();
  const sarifAt = process.argv.indexOf('--sarif');
  const sarifPath = sarifAt > 0 ? process.argv[sarifAt + 1] : undefined;
  const { version, checks, findings, errors } = await scan({ root, sarifPath });
  const { accepted, problems } = loadAccepted(root);
  const { unexplained, stale } = compareWithAccepted(findings, accepted);
  const unreadable = errors.filter((error) => !error.isTolerable);

  console.log(
    `Electronegativity: ${checks} checks over ${SCANNED_FOLDERS.join('/, ')}/ as Electron ${version}; ` +
      `${findings.length} finding(s), ${findings.length - unexplained.length} accepted.`,
  );
  for (const finding of findings) {
    const mark = unexplained.includes(finding) ? '✗ NEW' : '✓ accepted';
    console.log(
      `  ${mark}  ${finding.check} ${finding.file}:${finding.line} [${finding.severity}/${finding.confidence}] ${finding.description}`,
    );
  }
  for (const entry of stale)
    console.log(
      `  note: accepted ${entry.check} in ${entry.file} no longer occurs; remove it from ${ACCEPTED_FILE} and docs/security.md.`,
    );
  for (const error of errors)
    console.log(`  ${error.isTolerable ? 'warning' : '✗ could not parse'} ${error.file}: ${error.message}`);
  for (const problem of problems) console.log(`  ✗ ${problem}`);

  if (unexplained.length > 0 || unreadable.length > 0 || problems.length > 0) {
    console.error(
      `\nSecurity scan failed: ${unexplained.length} unexplained finding(s), ${unreadable.length} unparsed file(s), ` +
        `${problems.length} problem(s) with the accepted list.`,
    );
    console.error(
      `Fix the code, or accept a finding in ${ACCEPTED_FILE} with a reason and explain it in docs/security.md.`,
    );
    process.exit(1);
  }
  console.log('✓ no unexplained Electronegativity finding');
}
