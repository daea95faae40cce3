#!/usr/bin/env node
// CI check: no high or critical advisory in what Herald ships. That is the
// production dependencies (`npm audit --omit=dev`) plus the Electron runtime,
// which is a devDependency for electron-builder's sake but ends up inside
// every installer (so a second, full audit is read for `electron` alone).
//
// Exit codes: 0 clean, 1 a high/critical advisory (or an unreadable answer),
// 3 the registry's audit endpoint could not be reached. npm test counts 3 as
// skipped and says why: "could not audit" is never reported as "passed".
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const EXIT_UNREACHABLE = 3;
const BLOCKING = ['high', 'critical'];
/** Packages outside the production tree that still ship inside the installers. */
export const SHIPPED_DEV_PACKAGES = ['electron'];
const NETWORK_CODES = [
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNABORTED',
];

/**
 * Reads `npm audit --json` output. Returns { kind: 'unreachable', reason } when
 * npm could not get an answer from the audit endpoint (a network error, or the
 * registry refusing the audit request, e.g. a mirror that serves packages
 * only); { kind: 'error', reason } for anything else that is not a report; and
 * { kind: 'report', advisories } otherwise, with every vulnerable package
 * (name, severity, titles) whose name passes `include`.
 */
export function readAudit(stdout, include = () => true) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: 'error', reason: `npm audit did not answer with JSON: ${stdout.slice(0, 200)}` };
  }
  const isAuditUrl = typeof json.uri === 'string' && json.uri.includes('/-/npm/v1/security/');
  if (
    typeof json.statusCode === 'number' &&
    isAuditUrl &&
    (json.statusCode === 404 || json.statusCode === 405 || json.statusCode >= 500)
  ) {
    return {
      kind: 'unreachable',
      reason: `the registry's audit endpoint answered ${json.message ?? json.statusCode}`,
    };
  }
  const code = json.error?.code ?? json.code;
  if (typeof code === 'string' && NETWORK_CODES.includes(code)) {
    return { kind: 'unreachable', reason: `the registry's audit endpoint could not be reached (${code})` };
  }
  if (json.error || !json.vulnerabilities || !json.metadata) {
    return {
      kind: 'error',
      reason: `npm audit failed: ${json.error?.summary || json.message || JSON.stringify(json).slice(0, 200)}`,
    };
  }
  const advisories = Object.values(json.vulnerabilities)
    .filter((entry) => include(entry.name))
    .map((entry) => ({
      name: entry.name,
      severity: entry.severity,
      titles: (entry.via ?? [])
        .filter((via) => typeof via === 'object')
        .map((via) => `${via.title} (${via.url ?? 'no link'})`),
    }));
  return { kind: 'report', advisories, dependencies: json.metadata.dependencies };
}

export function blockingAdvisories(advisories) {
  return advisories.filter((advisory) => BLOCKING.includes(advisory.severity));
}

function npmAudit(args) {
  const result = spawnSync('npm', ['audit', '--json', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return result.stdout || result.stderr || '';
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const production = readAudit(npmAudit(['--omit=dev']));
  const shipped =
    production.kind === 'report'
      ? readAudit(npmAudit([]), (name) => SHIPPED_DEV_PACKAGES.includes(name))
      : production;
  for (const outcome of [production, shipped]) {
    if (outcome.kind === 'unreachable') {
      console.log(`SKIPPED: production dependencies were NOT audited: ${outcome.reason}.`);
      console.log("Run `npm audit --omit=dev` where the npm registry's audit service is reachable.");
      process.exit(EXIT_UNREACHABLE);
    }
    if (outcome.kind === 'error') {
      console.error(`✗ ${outcome.reason}`);
      process.exit(1);
    }
  }
  const all = [...production.advisories, ...shipped.advisories];
  for (const advisory of all)
    console.log(
      `  ${BLOCKING.includes(advisory.severity) ? '✗' : '·'} ${advisory.name} [${advisory.severity}] ${advisory.titles.join('; ')}`,
    );
  const blocking = blockingAdvisories(all);
  if (blocking.length > 0) {
    console.error(
      `✗ ${blocking.length} high or critical advisory(ies) in what Herald ships: upgrade, or replace the package.`,
    );
    process.exit(1);
  }
  console.log(
    `✓ no high or critical advisory in ${production.dependencies?.prod ?? '?'} production packages ` +
      `or in ${SHIPPED_DEV_PACKAGES.join(', ')} (${all.length} lower-severity)`,
  );
}
