// `npm run audit:loop`: runs the loop audit of the requests service and prints its findings.
// Exit code 0 clean, 1 findings, 2 the audit could not run.
import { DevIssuer } from '@loop/platform';
import { auditUrl, LoopAuditCommand, parseLoopAuditArgs, USAGE, UsageError } from './cli-args';
import {
  describeAuditFailure,
  EXIT_FAILED,
  exitCodeOf,
  formatLoopAuditReport,
  LoopAuditReport,
} from './loop-audit-report';

// The audit pages through every open ticket and asks three services; give it time.
const AUDIT_TIMEOUT_MS = 120_000;

async function adminToken(command: LoopAuditCommand): Promise<string> {
  if (command.token) return command.token;
  const issuer = await DevIssuer.create({ keyFile: command.keyFile });
  return issuer.mintToken({ sub: 'loop-auditor', roles: ['admin'] }, { expiresIn: '5m' });
}

async function main(): Promise<number> {
  const command = parseLoopAuditArgs(process.argv.slice(2));
  const url = auditUrl(command);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: {
        authorization: `Bearer ${await adminToken(command)}`,
        accept: 'application/json',
        'accept-language': 'en',
      },
      signal: AbortSignal.timeout(AUDIT_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    console.error(
      `loop audit failed: cannot reach ${url}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`,
    );
    return EXIT_FAILED;
  }
  const body = await response.text();
  if (!response.ok) {
    console.error(describeAuditFailure(response.status, body));
    return EXIT_FAILED;
  }
  const report = JSON.parse(body) as LoopAuditReport;
  console.log(command.json ? JSON.stringify(report, null, 2) : formatLoopAuditReport(report));
  return exitCodeOf(report);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${USAGE}` : error);
    process.exitCode = EXIT_FAILED;
  },
);
