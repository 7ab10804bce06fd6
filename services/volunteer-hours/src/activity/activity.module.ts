import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { OutboxModule } from '@loop/messaging';
import { ActivityQuery } from './application/activity.query';
import { PublishActivityHandler } from './application/publish-activity.handler';
import { RecordAttendanceHandler } from './application/record-attendance.handler';
import { SignUpHandler } from './application/sign-up.handler';
import { ActivityTypeormRepository } from './infrastructure/activity.typeorm-repository';
import { ActivityHttpController } from './interface/http/activity.http-controller';

const httpControllers = [ActivityHttpController];
const handlers = [PublishActivityHandler, SignUpHandler, RecordAttendanceHandler];
const queries = [ActivityQuery];
const repositories = [ActivityTypeormRepository];

/** Volunteer activities (志愿活动) and their sign-ups, waiting lists and attendance. */
@Module({
  imports: [OutboxModule, ClockModule],
  controllers: httpControllers,
  providers: [...handlers, ...queries, ...repositories],
})
export class ActivityModule {}
