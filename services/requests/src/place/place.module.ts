import { Module } from '@nestjs/common';
import { PlaceLookup } from './application/place-lookup.port';
import { KnownPlacesRepository } from './infrastructure/known-places.typeorm-repository';
import { DirectoryPlacesKafkaConsumer } from './interface/kafka/directory-places.kafka-consumer';

/**
 * The directory's places, projected from dispatch's directory events; tickets are filed against them.
 * Other slices inject {@link PlaceLookup}.
 */
@Module({
  providers: [
    KnownPlacesRepository,
    { provide: PlaceLookup, useExisting: KnownPlacesRepository },
    DirectoryPlacesKafkaConsumer,
  ],
  exports: [PlaceLookup],
})
export class PlaceModule {}
