import { Injectable } from '@nestjs/common';
import {
  EventEnvelope,
  memberRegisteredV1,
  MemberRegisteredV1,
  memberUpdatedV1,
  MemberUpdatedV1,
} from '@loop/contracts';
import { EventHandler, HandlingContext } from '@loop/messaging';
import { MemberProfileTypeormRepository } from '../../infrastructure/member-profile.typeorm-repository';

/** Keeps each member's unit and community from the directory, so credits can be totalled by them. */
@Injectable()
export class MemberDirectoryKafkaConsumer {
  constructor(private readonly profiles: MemberProfileTypeormRepository) {}

  /** A member registered with their community. */
  @EventHandler(memberRegisteredV1)
  async onMemberRegistered(
    envelope: EventEnvelope<MemberRegisteredV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.store(envelope.payload, manager);
  }

  /** A member's directory entry changed. */
  @EventHandler(memberUpdatedV1)
  async onMemberUpdated(
    envelope: EventEnvelope<MemberUpdatedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.store(envelope.payload, manager);
  }

  private store(
    payload: MemberRegisteredV1 | MemberUpdatedV1,
    manager: HandlingContext['manager'],
  ): Promise<void> {
    return this.profiles.upsert(
      manager,
      {
        memberId: payload.memberId,
        unitId: payload.unitId,
        communityId: payload.communityId,
        gridId: payload.gridId,
        active: payload.active,
        revision: payload.revision,
      },
      new Date(payload.changedAt),
    );
  }
}
