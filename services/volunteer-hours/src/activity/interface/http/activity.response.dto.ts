import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ActivityCounts,
  ActivityRecord,
  SignUpRecord,
} from '../../infrastructure/activity.typeorm-repository';

/** A volunteer activity with its places. */
export class ActivityResponseDto {
  @ApiProperty({ example: 'b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b' })
  activityId: string;

  @ApiProperty({ example: '重阳节敬老院陪伴' })
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '陪老人聊天、读报、包饺子' })
  description: string | null;

  @ApiProperty({ example: '栾城区幸福里社区敬老院' })
  place: string;

  @ApiProperty({ example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  communityId: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The organising unit when a unit published it',
  })
  organiserUnitId: string | null;

  @ApiProperty({ example: 'elderly_care' })
  categoryCode: string;

  @ApiProperty({ example: ['elderly_care'] })
  skills: string[];

  @ApiProperty({ example: '2025-10-29T01:00:00.000Z' })
  startsAt: string;

  @ApiProperty({ example: '2025-10-29T04:00:00.000Z' })
  endsAt: string;

  @ApiProperty({ example: 30 })
  capacity: number;

  @ApiProperty({ example: 12, description: 'Places taken' })
  signedUp: number;

  @ApiProperty({ example: 0, description: 'Members on the waiting list' })
  waitlisted: number;

  @ApiProperty({ example: 18 })
  placesLeft: number;

  @ApiProperty({ example: 'staff-1' })
  publishedBy: string;

  @ApiProperty({ example: '2025-10-20T02:00:00.000Z' })
  publishedAt: string;

  @ApiPropertyOptional({
    example: '042137',
    description: 'The attendance code (签到码) to show on site; only to those who organise the activity',
  })
  attendanceCode?: string;

  /** Maps an activity and its counts. */
  static from(activity: ActivityRecord, counts: ActivityCounts, organiser = false): ActivityResponseDto {
    return Object.assign(new ActivityResponseDto(), {
      activityId: activity.id,
      title: activity.title,
      description: activity.description,
      place: activity.place,
      communityId: activity.communityId,
      organiserUnitId: activity.organiserUnitId,
      categoryCode: activity.categoryCode,
      skills: activity.skills,
      startsAt: activity.startsAt.toISOString(),
      endsAt: activity.endsAt.toISOString(),
      capacity: activity.capacity,
      signedUp: counts.signedUp,
      waitlisted: counts.waitlisted,
      placesLeft: Math.max(0, activity.capacity - counts.signedUp),
      publishedBy: activity.publishedById,
      publishedAt: activity.publishedAt.toISOString(),
      ...(organiser ? { attendanceCode: activity.attendanceCode } : {}),
    });
  }
}

/** A member's sign-up and attendance. */
export class SignUpResponseDto {
  @ApiProperty({ example: 'b1bd7e0d-c29f-4a8d-8f00-ed3ec15a6f1b' })
  activityId: string;

  @ApiProperty({ example: 'member-1' })
  memberId: string;

  @ApiProperty({ enum: ['signed_up', 'waitlisted', 'withdrawn'], example: 'signed_up' })
  status: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: null,
    description: '1-based place on the waiting list when waitlisted',
  })
  waitlistPosition: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2025-10-29T01:02:00.000Z',
  })
  checkedInAt: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2025-10-29T03:58:00.000Z',
  })
  checkedOutAt: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 176,
    description: 'Minutes credited on check-out (capped by the window)',
  })
  creditedMinutes: number | null;

  /** Maps a sign-up. */
  static from(signUp: SignUpRecord, waitlistPosition: number | null = null): SignUpResponseDto {
    return Object.assign(new SignUpResponseDto(), {
      activityId: signUp.activityId,
      memberId: signUp.memberId,
      status: signUp.status,
      waitlistPosition,
      checkedInAt: signUp.checkedInAt?.toISOString() ?? null,
      checkedOutAt: signUp.checkedOutAt?.toISOString() ?? null,
      creditedMinutes: signUp.creditedMinutes,
    });
  }
}

/** The outcome of a withdrawal. */
export class WithdrawalResponseDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'member-7',
    description: 'The waiting member promoted to the freed place',
  })
  promotedMemberId: string | null;
}
