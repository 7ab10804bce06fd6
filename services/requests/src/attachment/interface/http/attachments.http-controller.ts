import { Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiProblemResponse,
  CurrentUser,
  ProblemException,
  RateLimited,
  readRawBody,
  Roles,
  type AuthenticatedUser,
} from '@loop/platform';
import type { Request, Response } from 'express';
import { AttachmentsHandler } from '../../application/attachments.handler';
import { StoredPhotoResponseDto } from './stored-photo.response.dto';

/** The largest photo accepted: the public ingress's body limit; the console downscales photos well below it. */
export const MAX_PHOTO_BYTES = 1_000_000;
const sha256Pattern = /^[0-9a-f]{64}$/;

/** Photos for tickets: uploaded first, then named in the ticket by their SHA-256. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsHttpController {
  constructor(private readonly attachments: AttachmentsHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('resident', 'grid_worker', 'staff', 'secretary')
  @RateLimited('attachment-uploads')
  @ApiOperation({
    summary: 'Upload a photo for a ticket',
    description:
      'The body is the image itself (JPEG, PNG or WebP, at most 1,000,000 bytes). The answer names it by the SHA-256 of its content; put that in the ticket’s attachments. Uploading the same photo again answers the same.',
  })
  @ApiConsumes('image/jpeg', 'image/png', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: StoredPhotoResponseDto })
  @ApiProblemResponse(413, 'The photo is larger than 1,000,000 bytes')
  @ApiProblemResponse(415, 'Not a JPEG, PNG or WebP image, or content that is not the declared image type')
  @ApiProblemResponse(429, 'Too many uploads in the rate-limit window; Retry-After says when to try again')
  async upload(
    @Req() request: Request,
    @Headers('content-type') contentType: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StoredPhotoResponseDto> {
    const content = await readRawBody(
      request,
      MAX_PHOTO_BYTES,
      () =>
        new ProblemException(413, 'attachment.too-large', {
          'zh-CN': '图片不能超过 1 MB，请压缩后重新上传',
          en: 'A photo may not exceed 1,000,000 bytes; shrink it and upload again',
        }),
    );
    return StoredPhotoResponseDto.of(await this.attachments.upload(contentType, content, user.id));
  }

  @Get(':sha256')
  @Roles('resident', 'grid_worker', 'staff', 'secretary', 'official', 'member', 'property_company', 'admin')
  @ApiOperation({
    summary: 'A ticket’s photo',
    description: 'For its uploader, and for everyone who may see a ticket that carries it.',
  })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  @ApiProblemResponse(400, 'Not a SHA-256 in hex')
  @ApiProblemResponse(404, 'No such photo, or not one the caller may see')
  async read(
    @Param('sha256') sha256: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() response: Response,
  ): Promise<void> {
    if (!sha256Pattern.test(sha256)) {
      throw new ProblemException(400, 'attachment.bad-id', {
        'zh-CN': '图片标识应为 64 位十六进制 SHA-256',
        en: 'A photo is named by its SHA-256: 64 lower-case hex digits',
      });
    }
    const photo = await this.attachments.read(user, sha256);
    response
      .status(200)
      .set({
        'Content-Type': photo.type,
        // Content-addressed: the bytes under this name never change; only its reader may keep it.
        'Cache-Control': 'private, max-age=86400, immutable',
        'X-Content-Type-Options': 'nosniff',
        'Content-Disposition': 'inline',
      })
      .send(photo.content);
  }
}
