import { Controller, Headers, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AllowQueryToken, AuthenticatedUser, CurrentUser, ProblemException } from '@loop/platform';
import { Observable } from 'rxjs';
import { ReaderLanguage } from '../../../notification/application/reader-language.query';
import { LiveStream } from '../../application/live-stream';
import { ApiProblemResponses } from '../../../shared/api-problem-responses';

/** The caller's live stream of notifications (Server-Sent Events). */
@ApiTags('live stream')
@ApiBearerAuth()
@ApiProblemResponses(400, 401)
@Controller('me')
export class StreamHttpController {
  constructor(
    private readonly liveStream: LiveStream,
    private readonly readerLanguage: ReaderLanguage,
  ) {}

  /** Opens the stream; resumes after `Last-Event-ID` when given. */
  @Sse('stream')
  @AllowQueryToken()
  @ApiOperation({
    summary: 'My notifications, live (text/event-stream)',
    description:
      'Events `notification` (id = the notification’s sequence, data = the notification as in the inbox) and ' +
      '`heartbeat` every 25 s. After a reconnect, EventSource sends `Last-Event-ID` and the stream resends ' +
      'everything after it, then goes live — without gaps or duplicates, on any replica. Browsers pass the ' +
      'token as `?access_token=` because EventSource cannot set headers.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this sequence.',
    example: '41',
  })
  @ApiQuery({ name: 'access_token', required: false, description: 'The bearer token, for EventSource.' })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'Same as Last-Event-ID, for clients that cannot set it.',
  })
  @ApiOkResponse({
    description: 'text/event-stream',
    content: {
      'text/event-stream': {
        schema: { type: 'string' },
        example:
          'event: notification\nid: 42\ndata: {"id":"…","sequence":42,"kind":"offer_received","title":"新任务待接单",…}\n\n',
      },
    },
  })
  async stream(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('last-event-id') lastEventIdHeader?: string,
    @Headers('accept-language') acceptLanguage?: string,
    @Query('lastEventId') lastEventIdQuery?: string,
  ): Promise<Observable<MessageEvent>> {
    const lastSequence = parseLastEventId(lastEventIdHeader ?? lastEventIdQuery);
    const language = await this.readerLanguage.of(user.id, acceptLanguage);
    return this.liveStream.open(user.id, lastSequence, language);
  }
}

function parseLastEventId(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,18}$/.test(value)) {
    throw new ProblemException(400, 'stream.last-event-id-invalid', {
      'zh-CN': 'Last-Event-ID 必须是非负整数',
      en: 'Last-Event-ID must be a non-negative integer',
    });
  }
  return Number(value);
}
