import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ticketCategory } from '@loop/contracts';
import { SummonsResponse } from '../../../shared/summons.response.dto';
import type { DepartmentSummons } from '../../application/summons.query';

/** Where the ticket is, as people name it (the same parts as an assignee's task place). */
export class SummonedPlaceResponse {
  @ApiProperty({ type: String, nullable: true, example: '冶河社区' }) community: string | null;
  @ApiProperty({ type: String, nullable: true, example: '第二网格' }) grid: string | null;
  @ApiProperty({ type: String, nullable: true, example: '幸福小区' }) compound: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3号楼' }) building: string | null;
  @ApiProperty({ type: String, nullable: true, example: '幸福小区3号楼2单元401' }) household: string | null;
}

/**
 * The ticket a department is summoned to, as dispatch knows it. The ticket's own words (title,
 * description) live in the requests service and are not repeated here.
 */
export class SummonedTicketResponse {
  @ApiProperty({ example: 'LC-2026-000001' }) number: string;
  @ApiProperty({ example: 'city.management' }) categoryCode: string;
  @ApiPropertyOptional({
    example: '城市管理',
    description: 'The category’s zh-CN name from the shared catalogue; absent for a code it does not list.',
  })
  categoryName?: string;
  @ApiProperty({
    type: SummonedPlaceResponse,
    description: 'The place by name; a part the ticket does not name is null.',
  })
  place: SummonedPlaceResponse;
}

/** An open summons of my department, with the ticket it is for. */
export class DepartmentSummonsResponse extends SummonsResponse {
  @ApiProperty({ type: SummonedTicketResponse }) ticket: SummonedTicketResponse;

  /** The response of a department's summons and its ticket as they stand at `now`. */
  static ofDepartment({ summons, ticket }: DepartmentSummons, now: Date): DepartmentSummonsResponse {
    const categoryName = ticketCategory(ticket.categoryCode)?.nameZh;
    return Object.assign(new DepartmentSummonsResponse(), SummonsResponse.of(summons, now), {
      ticket: {
        number: ticket.number,
        categoryCode: ticket.categoryCode,
        ...(categoryName ? { categoryName } : {}),
        place: { ...ticket.place },
      },
    });
  }
}
