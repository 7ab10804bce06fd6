import { Module } from '@nestjs/common';
import { MemberProfiles } from './application/member-profiles.port';
import { MemberProfileTypeormRepository } from './infrastructure/member-profile.typeorm-repository';
import { MemberDirectoryKafkaConsumer } from './interface/kafka/member-directory.kafka-consumer';

const kafkaConsumers = [MemberDirectoryKafkaConsumer];
const repositories = [MemberProfileTypeormRepository];
const ports = [{ provide: MemberProfiles, useExisting: MemberProfileTypeormRepository }];

/**
 * The member facts (unit, community) learned from dispatch's directory events. Other slices inject
 * {@link MemberProfiles}.
 */
@Module({ providers: [...kafkaConsumers, ...repositories, ...ports], exports: [MemberProfiles] })
export class DirectoryModule {}
