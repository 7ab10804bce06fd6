import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '@loop/platform';
import { DataSource } from 'typeorm';
import { Delivery, DeliveriesRepository } from '../../infrastructure/deliveries.typeorm-repository';
import { DeliveryResponseDto, ListDeliveriesQueryDto } from './deliveries.dto';
import { ApiProblemResponses } from '../../../shared/api-problem-responses';

/** The delivery log: every channel's attempts, and the deliveries that were given up. */
@ApiTags('deliveries')
@ApiBearerAuth()
@ApiProblemResponses(400, 401)
@Controller()
export class DeliveriesHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
  ) {}

  /** The caller's own deliveries, newest first. */
  @Get('me/deliveries')
  @ApiOperation({ summary: 'My deliveries and their attempt log' })
  @ApiOkResponse({ type: [DeliveryResponseDto] })
  async mine(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<DeliveryResponseDto[]> {
    const found = await this.deliveries.ofRecipient(this.dataSource.manager, user.id, {
      status: query.status,
      limit: query.limit ?? 50,
    });
    return this.withAttempts(found);
  }

  /** Everyone's deliveries of one status (default failed), for operations. */
  @Get('deliveries')
  @Roles('admin')
  @ApiOperation({ summary: 'Deliveries of one status across all recipients (admin; default failed)' })
  @ApiOkResponse({ type: [DeliveryResponseDto] })
  @ApiProblemResponses(403)
  async byStatus(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryResponseDto[]> {
    const found = await this.deliveries.withStatus(
      this.dataSource.manager,
      query.status ?? 'failed',
      query.limit ?? 50,
    );
    return this.withAttempts(found);
  }

  private async withAttempts(deliveries: Delivery[]): Promise<DeliveryResponseDto[]> {
    const attempts = await this.deliveries.attemptsOf(
      this.dataSource.manager,
      deliveries.map((d) => d.id),
    );
    return deliveries.map((d) => DeliveryResponseDto.from(d, attempts.get(d.id) ?? []));
  }
}
