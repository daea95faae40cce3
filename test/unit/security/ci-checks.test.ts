// The two CI security checks whose tools cannot judge for themselves:
// Electronegativity (its CLI exits 0 whatever it finds) and npm audit (whose
// endpoint may be unreachable, which must never read as "clean").
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingAdvisories, readAudit } from '../../../scripts/audit-prod.mjs';
import {
  compareWithAccepted,
  loadAccepted,
  scan,
  type ScanFinding,
} from '../../../scripts/security-scan.mjs';

const finding = (check: string, file: string, code = 'mainWindow = new BrowserWindow({'): ScanFinding => ({
  check,
  file,
  line: 1,
  severity: 'HIGH',
  confidence: 'FIRM',
  description: '',
  code,
});

describe('the Electronegativity scan', () => {
  it('finds an unisolated window with no navigation or permission guards, as new unexplained findings', async () => {
    const root = mkdtempSync(join(tmpdir(), 'herald-scan-'));
    for (const folder of ['electron', 'shared', 'renderer']) mkdirSync(join(root, folder));
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ name: 'x', devDependencies: { electron: '45.5.0' } }),
    );
    writeFileSync(
      join(root, 'electron/window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const { version, findings, errors } = await scan({ root });
    expect(version).toBe('45.5.0');
    expect(errors).toEqual([]);
    const checks = findings.map((item) => item.check);
    const expected = [
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ];
    expect(checks).toEqual(expect.arrayContaining(expected));
    const { accepted } = loadAccepted(process.cwd());
    const { unexplained } = compareWithAccepted(findings, accepted);
    expect(unexplained.map((item) => item.check)).toEqual(expect.arrayContaining(expected));
  }, 60_000);

  it('accepts a finding only in the file and on the line it was reviewed for', () => {
    const accepted = [
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'electron/shell/app.ts',
        code: 'mainWindow = new BrowserWindow({',
        reason: 'reviewed',
      },
    ];
    const reviewed = finding('SANDBOX_JS_CHECK', 'electron/shell/app.ts');
    const elsewhere = finding('SANDBOX_JS_CHECK', 'electron/shell/tray.ts');
    const anotherWindow = finding(
      'SANDBOX_JS_CHECK',
      'electron/shell/app.ts',
      'const popup = new BrowserWindow({',
    );
    const { unexplained, stale } = compareWithAccepted([reviewed, elsewhere, anotherWindow], accepted);
    expect(unexplained).toEqual([elsewhere, anotherWindow]);
    expect(stale).toEqual([]);
    expect(compareWithAccepted([], accepted).stale).toEqual(accepted);
  });

  it('requires every accepted finding to carry a reason and a justification in docs/security.md', () => {
    const root = mkdtempSync(join(tmpdir(), 'herald-accepted-'));
    cpSync('security', join(root, 'security'), { recursive: true });
    writeFileSync(
      join(root, 'security/electronegativity-accepted.json'),
      JSON.stringify({
        accepted: [
          { check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'fine' },
          {
            check: 'SANDBOX_JS_CHECK',
            file: 'x.ts',
            reason: 'a long enough reason that explains why it is safe here',
          },
        ],
      }),
    );
    const { problems } = loadAccepted(root, 'Only CSP_GLOBAL_CHECK is explained here.');
    expect(problems).toEqual([
      expect.stringContaining('(CSP_GLOBAL_CHECK) needs a "reason"'),
      expect.stringContaining('(SANDBOX_JS_CHECK) is not justified in docs/security.md'),
    ]);
    expect(loadAccepted(process.cwd()).problems).toEqual([]);
  });
});

describe('the production audit', () => {
  const report = (vulnerabilities: Record<string, { severity: string }>) =>
    JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: Object.fromEntries(
        Object.entries(vulnerabilities).map(([name, { severity }]) => [
          name,
          { name, severity, via: [{ title: `${name} is broken`, url: 'https://example.com/advisory' }] },
        ]),
      ),
      metadata: { dependencies: { prod: 40, dev: 0, total: 40 } },
    });

  it('fails on high and critical advisories and lists lower ones', () => {
    const outcome = readAudit(
      report({ zod: { severity: 'moderate' }, conf: { severity: 'high' }, ajv: { severity: 'critical' } }),
    );
    expect(outcome.kind).toBe('report');
    if (outcome.kind !== 'report') return;
    expect(blockingAdvisories(outcome.advisories).map((advisory) => advisory.name)).toEqual(['conf', 'ajv']);
    expect(outcome.advisories[0]!.titles).toEqual(['zod is broken (https://example.com/advisory)']);
  });

  it('reads the full audit only for the packages that ship', () => {
    const outcome = readAudit(
      report({ electron: { severity: 'high' }, vitest: { severity: 'critical' } }),
      (name) => name === 'electron',
    );
    expect(outcome.kind === 'report' && outcome.advisories.map((advisory) => advisory.name)).toEqual([
      'electron',
    ]);
  });

  it('says the audit could not run when the endpoint refuses or cannot be reached, never that it passed', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      uri: 'https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(readAudit(refused)).toEqual({
      kind: 'unreachable',
      reason: expect.stringContaining('405 Method Not Allowed'),
    });
    expect(
      readAudit(JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'getaddrinfo ENOTFOUND' } })),
    ).toEqual({ kind: 'unreachable', reason: expect.stringContaining('ENOTFOUND') });
  });

  it('treats anything else that is not a report as a failure', () => {
    expect(readAudit('npm ERR! something').kind).toBe('error');
    expect(
      readAudit(JSON.stringify({ error: { code: 'ELOCKVERIFY', summary: 'lock file out of date' } })),
    ).toEqual({ kind: 'error', reason: expect.stringContaining('lock file out of date') });
    expect(
      readAudit(
        JSON.stringify({
          statusCode: 401,
          uri: 'https://registry.example/-/npm/v1/security/advisories/bulk',
          message: '401 Unauthorized',
        }),
      ).kind,
    ).toBe('error');
  });
});
