import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  OfficialStateV1,
  officialRegisteredV1,
  officialUpdatedV1,
  StaffStateV1,
  staffRegisteredV1,
  staffUpdatedV1,
} from '@loop/contracts';
import { EventHandler, HandlingContext } from '@loop/messaging';
import { DirectoryFactsRepository } from '../../infrastructure/directory-facts.typeorm-repository';

/** Keeps the community staff and the officials (三级包联) from the directory topic. */
@Injectable()
export class DirectoryEventsKafkaConsumer {
  constructor(private readonly directory: DirectoryFactsRepository) {}

  /** A staff member was registered. */
  @EventHandler(staffRegisteredV1)
  onStaffRegistered(envelope: EventEnvelope<StaffStateV1>, { manager }: HandlingContext): Promise<void> {
    return this.directory.saveStaff(manager, envelope.payload);
  }

  /** A staff member's whole new state. */
  @EventHandler(staffUpdatedV1)
  onStaffUpdated(envelope: EventEnvelope<StaffStateV1>, { manager }: HandlingContext): Promise<void> {
    return this.directory.saveStaff(manager, envelope.payload);
  }

  /** An official was linked to communities. */
  @EventHandler(officialRegisteredV1)
  onOfficialRegistered(
    envelope: EventEnvelope<OfficialStateV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    return this.directory.saveOfficial(manager, envelope.payload);
  }

  /** An official's whole new state. */
  @EventHandler(officialUpdatedV1)
  onOfficialUpdated(envelope: EventEnvelope<OfficialStateV1>, { manager }: HandlingContext): Promise<void> {
    return this.directory.saveOfficial(manager, envelope.payload);
  }
}
