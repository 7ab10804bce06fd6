// After a run the loop auditor (GET /audit/loop on requests) must come back clean: no open ticket without
// an owner or a deadline, no closed ticket with missing or doubled hours. Findings can be transient while
// the last events are in flight, so it is asked again until clean or out of patience.
import { setTimeout as delay } from 'node:timers/promises';

/** What the auditor said at the end. */
export interface LoopAuditOutcome {
  clean: boolean;
  /** Findings of the last answer, counted by kind. */
  findings: Record<string, number>;
  /** Seconds of asking until the answer was clean (or patience ran out). */
  waitedSeconds: number;
}

interface AuditAnswer {
  findings: Array<{ kind: string }>;
}

/** Asks the auditor every 2 s for up to `patienceMs` until it reports no findings. */
export async function pollLoopAudit(
  requestsUrl: string,
  adminToken: string,
  patienceMs = 180_000,
): Promise<LoopAuditOutcome> {
  const started = Date.now();
  let findings: Record<string, number> = { 'no answer': 1 };
  for (;;) {
    try {
      const response = await fetch(`${requestsUrl}/audit/loop`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      });
      if (response.ok) {
        const answer = (await response.json()) as AuditAnswer;
        findings = {};
        for (const finding of answer.findings) findings[finding.kind] = (findings[finding.kind] ?? 0) + 1;
      } else {
        findings = { [`answered ${response.status}`]: 1 };
      }
    } catch (error) {
      findings = { [`no answer: ${(error as Error).message}`]: 1 };
    }
    const clean = Object.keys(findings).length === 0;
    const waitedSeconds = (Date.now() - started) / 1_000;
    if (clean || Date.now() - started >= patienceMs) return { clean, findings, waitedSeconds };
    await delay(2_000);
  }
}
