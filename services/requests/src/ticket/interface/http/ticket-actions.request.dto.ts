import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ticketCancellationReasons, ticketReopenReasons } from '@loop/contracts';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

/** Why the ticket is cancelled. */
export class CancelTicketRequestDto {
  @ApiProperty({ enum: ticketCancellationReasons, example: 'resolved_elsewhere' })
  @IsIn(ticketCancellationReasons)
  reasonCode!: (typeof ticketCancellationReasons)[number];

  @ApiPropertyOptional({
    description: 'Explanation, at most 200 characters; no names or phone numbers',
    example: '物业已当天修好',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;
}

/** The resident's rating of the work. */
export class ConfirmTicketRequestDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({
    description: 'Comment, at most 500 characters (for a callback: what the resident said)',
    example: '修得很快，谢谢！',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

/** What the resident said when staff called back (回访) about work filed on their behalf. */
export class CallbackVerdictRequestDto extends ConfirmTicketRequestDto {}

/** Why the resident is not satisfied. */
export class ReopenTicketRequestDto {
  @ApiProperty({ enum: ticketReopenReasons, example: 'recurred' })
  @IsIn(ticketReopenReasons)
  reasonCode!: (typeof ticketReopenReasons)[number];

  @ApiProperty({
    description: 'Explanation, 2–200 characters; no names or phone numbers',
    example: '楼道灯又不亮了',
  })
  @IsString()
  @Length(2, 200)
  reasonText!: string;
}
