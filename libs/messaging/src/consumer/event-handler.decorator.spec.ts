import { EventEnvelope, ticketSubmittedV1 } from '@loop/contracts';
import { EventHandler, handledEventOf } from './event-handler.decorator';

class TicketSubmittedKafkaConsumer {
  @EventHandler(ticketSubmittedV1)
  async onTicketSubmitted(_envelope: EventEnvelope): Promise<void> {}

  @EventHandler('ticket.submitted', 1)
  async byTypeAndVersion(_envelope: EventEnvelope): Promise<void> {}

  async undecorated(): Promise<void> {}
}

describe('@EventHandler', () => {
  it('marks a method with the event declaration it handles', () => {
    expect(handledEventOf(TicketSubmittedKafkaConsumer.prototype.onTicketSubmitted)).toBe(ticketSubmittedV1);
  });

  it('finds the declaration from a type and version', () => {
    expect(handledEventOf(TicketSubmittedKafkaConsumer.prototype.byTypeAndVersion)).toBe(ticketSubmittedV1);
  });

  it('leaves other methods unmarked', () => {
    expect(handledEventOf(TicketSubmittedKafkaConsumer.prototype.undecorated)).toBeUndefined();
  });

  it('refuses an event nobody declared, when the class is defined', () => {
    expect(() => EventHandler('ticket.teleported', 1)).toThrow(
      /ticket.teleported@v1 is not a declared event/,
    );
  });
});
