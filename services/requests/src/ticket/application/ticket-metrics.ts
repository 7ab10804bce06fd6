import { counterMetric } from '@loop/platform';

/** Tickets submitted, by channel and urgency (the intake rate ops watch on dashboards). */
export const ticketsSubmitted = () =>
  counterMetric({
    name: 'requests_tickets_submitted_total',
    help: 'Tickets submitted, by source and urgency',
    labelNames: ['source', 'urgency'],
  });

/** Resident decisions on resolved tickets: confirmed, auto_confirmed, reopened, cancelled. */
export const ticketDecisions = () =>
  counterMetric({
    name: 'requests_ticket_decisions_total',
    help: 'Ticket closures, reopenings and cancellations, by kind',
    labelNames: ['kind'],
  });
