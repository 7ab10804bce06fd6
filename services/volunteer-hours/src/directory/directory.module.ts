import { Module } from '@nestjs/common';
import { MemberProfileTypeormRepository } from './infrastructure/member-profile.typeorm-repository';
import { MemberDirectoryKafkaConsumer } from './interface/kafka/member-directory.kafka-consumer';

const kafkaConsumers = [MemberDirectoryKafkaConsumer];
const repositories = [MemberProfileTypeormRepository];

/** The member facts (unit, community) learned from dispatch's directory events. */
@Module({ providers: [...kafkaConsumers, ...repositories], exports: [MemberProfileTypeormRepository] })
export class DirectoryModule {}
