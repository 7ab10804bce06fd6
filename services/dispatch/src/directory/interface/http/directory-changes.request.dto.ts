import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Which page of the directory's change log to read. */
export class DirectoryChangesQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The community whose changes to list; required for staff, optional for the district admin.',
  })
  @IsOptional()
  @IsUUID()
  communityId?: string;
  @ApiPropertyOptional({ example: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ example: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}
