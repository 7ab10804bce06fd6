// After every story the loop auditor must find nothing: no open ticket without an owner or a future
// deadline, no closed ticket with missing or doubled hours, no loop event that told nobody. Findings can
// be transient while events are still in flight, so the audit is polled until it comes back clean.
import { waitFor } from '@loop/testing';
import { LoopApi, LoopAuditReport, LoopServiceUrls } from './loop-api';
import type { TokenMinter } from './story-people';

/** Polls GET /audit/loop (admin) until it reports no findings; fails listing the last findings seen. */
export async function expectLoopAuditClean(
  cluster: LoopServiceUrls & TokenMinter,
  timeoutMs = 30_000,
): Promise<LoopAuditReport> {
  const api = new LoopApi(cluster);
  const token = await cluster.token({ sub: 'loop-auditor-e2e', roles: ['admin'] });
  let last: LoopAuditReport | undefined;
  try {
    return await waitFor(
      async () => {
        last = await api.loopAudit(token);
        return last.findings.length === 0 ? last : undefined;
      },
      { timeoutMs, intervalMs: 250, description: 'the loop audit to come back clean' },
    );
  } catch (error) {
    // Never answered (e.g. the endpoint is missing): the timeout names the last refusal.
    if (!last) throw error;
    const findings = last.findings.map(
      (finding) => `  ${finding.kind} ${finding.ticketNumber}: ${finding.detail}`,
    );
    throw new Error(`The loop audit still lists ${last.findings.length} finding(s):\n${findings.join('\n')}`);
  }
}
