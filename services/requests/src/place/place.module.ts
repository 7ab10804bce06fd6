import { Module } from '@nestjs/common';
import { KnownPlacesRepository } from './infrastructure/known-places.typeorm-repository';
import { DirectoryPlacesKafkaConsumer } from './interface/kafka/directory-places.kafka-consumer';

/** The directory's places, projected from dispatch's directory events; tickets are filed against them. */
@Module({
  providers: [KnownPlacesRepository, DirectoryPlacesKafkaConsumer],
  exports: [KnownPlacesRepository],
})
export class PlaceModule {}
