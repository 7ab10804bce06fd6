import { Injectable } from '@nestjs/common';
import {
  communityRegisteredV1,
  CommunityRegisteredV1,
  communityUpdatedV1,
  CommunityUpdatedV1,
  compoundRegisteredV1,
  CompoundRegisteredV1,
  compoundUpdatedV1,
  CompoundUpdatedV1,
  EventEnvelope,
} from '@loop/contracts';
import { EventHandler, HandlingContext } from '@loop/messaging';
import { KnownPlacesRepository } from '../../infrastructure/known-places.typeorm-repository';

/** Keeps the directory's communities, compounds and households, so a ticket's location can be checked. */
@Injectable()
export class DirectoryPlacesKafkaConsumer {
  constructor(private readonly places: KnownPlacesRepository) {}

  /** A community joined the directory. */
  @EventHandler(communityRegisteredV1)
  async onCommunityRegistered(
    envelope: EventEnvelope<CommunityRegisteredV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.places.storeCommunity(manager, envelope.payload);
  }

  /** A community's grids changed or it was retired. */
  @EventHandler(communityUpdatedV1)
  async onCommunityUpdated(
    envelope: EventEnvelope<CommunityUpdatedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.places.storeCommunity(manager, envelope.payload);
  }

  /** A compound joined the directory with its buildings and households. */
  @EventHandler(compoundRegisteredV1)
  async onCompoundRegistered(
    envelope: EventEnvelope<CompoundRegisteredV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.places.storeCompound(manager, envelope.payload);
  }

  /** A compound's buildings, households or registered residents changed. */
  @EventHandler(compoundUpdatedV1)
  async onCompoundUpdated(
    envelope: EventEnvelope<CompoundUpdatedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.places.storeCompound(manager, envelope.payload);
  }
}
