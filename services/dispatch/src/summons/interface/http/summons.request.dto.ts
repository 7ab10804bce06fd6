import { ApiProperty } from '@nestjs/swagger';
import { maxDepartmentsPerSummons } from '@loop/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

// Free text must say something: not empty, not only spaces.
const somethingSaid = /\S/;

/** Summoning departments to a ticket (吹哨). */
export class SummonDepartmentsRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: maxDepartmentsPerSummons,
    description: 'The departments (directory units of kind department) to summon, 1 to 10.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxDepartmentsPerSummons)
  @IsUUID(undefined, { each: true })
  departmentIds: string[];

  @ApiProperty({
    maxLength: 500,
    example: '小区主干管道堵塞，需城管与住建到场处置',
    description: 'Why the departments are needed; no names or phone numbers.',
  })
  @IsString()
  @Matches(somethingSaid)
  @MaxLength(500)
  reason: string;
}

/** A department's report of what it did. */
export class ReportSummonsRequest {
  @ApiProperty({
    maxLength: 500,
    example: '已疏通主干管道，清理占道堆放物',
    description: 'What the department did; no names or phone numbers.',
  })
  @IsString()
  @Matches(somethingSaid)
  @MaxLength(500)
  report: string;
}

/** Releasing a summoned department. */
export class ReleaseSummonsRequest {
  @ApiProperty({
    maxLength: 500,
    example: '经现场核实无需住建处置',
    description: 'Why the department is no longer needed.',
  })
  @IsString()
  @Matches(somethingSaid)
  @MaxLength(500)
  reason: string;
}
