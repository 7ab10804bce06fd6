// `npm run demo`: plays a compressed day of traffic against the services `npm start` runs, over their
// public HTTP APIs only, so the loop reports, dispatch boards and inboxes have something to show.
// SLAs are fixed when the services start (SLA_POLICY_OVERRIDES), so the day keeps the default ones and
// shows missed deadlines by leaving some tickets unaccepted: they stay open on the dispatch boards and
// escalate when their accept deadline passes.
import { serviceMonthOf } from '@loop/platform';
import { serviceCatalogue } from '@loop/testing';
import { chooseCommunities, planDemoDay, PlannedTicket, summarisePlan } from './demo-day-plan';
import { readDemoCommunities } from './demo-directory';
import { DEMO_USAGE, parseDemoCommandLine } from './demo-options';
import { creditedHours } from './credited-hours';
import { DemoTokens } from './demo-tokens';
import { LoopClient, LoopUrls } from './loop-client';
import { playTicketStory, StoryOutcome } from './ticket-story';

function localUrls(): LoopUrls {
  const url = (name: string) => {
    const service = serviceCatalogue.find((entry) => entry.name === name);
    if (!service) throw new Error(`the service catalogue has no ${name}`);
    return `http://127.0.0.1:${service.port}`;
  };
  return {
    requests: url('requests'),
    dispatch: url('dispatch'),
    volunteerHours: url('volunteer-hours'),
    notifications: url('notifications'),
  };
}

/** Runs `play` over the items, at most `concurrency` at a time, in order of start. */
async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  play: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await play(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

function describe(plan: PlannedTicket, outcome: StoryOutcome): string {
  if (outcome.failure) return `✘ ${outcome.failure}`;
  const steps = [
    outcome.dispatchedByHand ? 'dispatched by hand' : plan.autoDispatch ? 'auto-dispatched' : '',
    outcome.declined ? `declined (${plan.declineFirst}) and re-offered` : '',
    outcome.assignee
      ? `done by ${outcome.assignee.kind === 'member' ? 'member' : 'property company'} ${outcome.assignee.id}`
      : '',
    outcome.confirmed
      ? `confirmed ★${plan.rating}, ${plan.minutesSpent} min`
      : outcome.completed
        ? 'completed, awaiting confirmation'
        : 'left unaccepted',
  ];
  return steps.filter(Boolean).join(' · ');
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseDemoCommandLine(process.argv.slice(2), Date.now() % 1_000_000);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${DEMO_USAGE}`);
    process.exitCode = 2;
    return;
  }
  const urls = localUrls();
  const client = new LoopClient(urls);
  const tokens = await DemoTokens.create();
  const admin = await tokens.admin();

  let communities;
  try {
    communities = await client.communities(admin);
  } catch (error) {
    throw new Error(
      `The services do not answer (${(error as Error).message}); start them with \`npm start\`.`,
    );
  }
  const chosen = chooseCommunities(communities, options.communities, options.seed);
  const district = await readDemoCommunities(
    client,
    admin,
    chosen.map((c) => c.id),
  );
  const plan = planDemoDay(district, { tickets: options.tickets, seed: options.seed });
  const planned = summarisePlan(plan);
  console.log(
    `Demo day (seed ${options.seed}): ${plan.length} tickets in ${chosen
      .map((c) => `${c.code}${c.autoDispatch ? '*' : ''}`)
      .join(' ')} (* auto-dispatch), ${options.concurrency} at a time; ` +
      `${planned.declineFirst} declined first, ${planned.left_unaccepted} left unaccepted, ` +
      `${planned.awaiting_confirmation} left awaiting confirmation.`,
  );

  let done = 0;
  const outcomes = await inPool(plan, options.concurrency, async (ticket) => {
    const outcome = await playTicketStory(ticket, client, tokens);
    done += 1;
    console.log(
      `[${String(done).padStart(String(plan.length).length)}/${plan.length}] ${outcome.ticketNumber ?? '—'} ` +
        `${ticket.communityCode} ${ticket.filer.role === 'grid_worker' ? 'patrol' : 'resident'} ` +
        `${ticket.categoryCode} ${ticket.urgency}: ${describe(ticket, outcome)}`,
    );
    return outcome;
  });

  const count = (pick: (o: StoryOutcome) => boolean | number) =>
    outcomes.reduce((sum, o) => sum + Number(pick(o)), 0);
  const hours = await creditedHours(outcomes, client, tokens);
  console.log('\nThe day in figures');
  console.log(`  submitted            ${count((o) => o.submitted)}`);
  console.log(`  dispatched by hand   ${count((o) => o.dispatchedByHand)}`);
  console.log(`  offered              ${count((o) => o.offered)}`);
  console.log(`  declined             ${count((o) => o.declined)}`);
  console.log(`  accepted             ${count((o) => o.accepted)}`);
  console.log(`  completed            ${count((o) => o.completed)}`);
  console.log(`  confirmed            ${count((o) => o.confirmed)}`);
  console.log(`  left unaccepted      ${count((o) => o.submitted && !o.accepted && !o.failure)}`);
  console.log(
    `  hours credited       ${(hours.creditedMinutes / 60).toFixed(2)} to ${hours.members} members ` +
      `(ledger ${hours.creditedMinutes} min of ${hours.expectedMinutes} min owed)`,
  );
  if (client.serverErrorsRetried)
    console.log(`  5xx answers retried  ${client.serverErrorsRetried} (see .local/logs/<service>.log)`);
  const failures = count((o) => o.failure !== null);
  if (failures) console.log(`  failed               ${failures} (see the ✘ lines above)`);

  const report = await client.loopReport(admin);
  const percent = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
  console.log('\nGET /reports/loop (the whole district, last 30 days)');
  console.log(
    `  counts   ${Object.entries(report.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `  rates    受理率 ${percent(report.rates.acceptanceRate)}, 办结率 ${percent(report.rates.completionRate)}, ` +
      `满意率 ${percent(report.rates.satisfactionRate)}, on-time acceptance ${percent(report.rates.onTimeAcceptanceRate)}`,
  );
  console.log(
    `  open     ${report.open.total} (${Object.entries(report.open.byDeadline)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
  );
  const firstResident = plan.find((t) => t.filer.role === 'resident');
  if (firstResident) {
    const unread = await client.unreadCount(await tokens.resident(firstResident.filer.id));
    console.log(`  inbox    ${firstResident.filer.id} has ${unread} unread notifications`);
  }
  // The month's report for the joint meeting, as a page to print (an admin token reads every community).
  const month = serviceMonthOf(new Date());
  console.log('\nThe monthly community report (联席会月报), printable (A4) and as JSON:');
  console.log(
    `  curl -s -H "Authorization: Bearer $ADMIN" '${urls.requests}/reports/monthly?month=${month}&format=html' > report.html`,
  );
  console.log(
    `  curl -s -H "Authorization: Bearer $ADMIN" '${urls.requests}/reports/monthly?month=${month}' | jq .district`,
  );
  console.log(
    '  (ADMIN=$(npm run --silent token -- --sub district-admin --role admin); open report.html and print it)',
  );
  if (failures || hours.creditedMinutes !== hours.expectedMinutes) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
