import { Body, Controller, Get, INestApplication, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { buildOpenApiDocument } from './setup-openapi';

class PlaceDto {
  @ApiProperty({ example: '幸福小区 3 号楼' }) address: string;
}

class ThingDto {
  @ApiProperty({ example: 'thing-1' }) id: string;
  @ApiPropertyOptional({ type: PlaceDto, nullable: true }) place: PlaceDto | null;
}

class CreateThingDto {
  @ApiProperty({ example: 'a thing' }) name: string;
}

@Controller('things')
class ThingsHttpController {
  @Get(':id')
  @ApiOkResponse({ type: ThingDto })
  read(@Param('id') id: string): ThingDto {
    return { id, place: null };
  }

  @Post()
  @ApiOkResponse({ type: ThingDto })
  @ApiConflictResponse({ description: 'A thing of that name exists' })
  create(@Body() body: CreateThingDto): ThingDto {
    return { id: body.name, place: null };
  }
}

describe('the OpenAPI document of a service', () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    const module = await Test.createTestingModule({ controllers: [ThingsHttpController] }).compile();
    app = module.createNestApplication({ logger: false });
    document = buildOpenApiDocument(app, 'things', { title: 'Things', version: '1.0.0' });
  });
  afterAll(() => app.close());

  it('is served through the Ingress prefix of the service and at the root', () => {
    expect(document.servers?.map((server) => server.url)).toEqual(['/api/things', '/']);
  });

  it('names operations after their controller and handler', () => {
    expect(document.paths['/things/{id}'].get?.operationId).toBe('thingsRead');
    expect(document.paths['/things'].post?.operationId).toBe('thingsCreate');
  });

  it('documents the 401 of every operation that needs a token and the 400 of those that take input', () => {
    expect(Object.keys(document.paths['/things/{id}'].get?.responses ?? {}).sort()).toEqual(['200', '401']);
    expect(Object.keys(document.paths['/things'].post?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '409',
    ]);
  });

  it('gives every error response the problem+json body', () => {
    const responses = document.paths['/things'].post?.responses as Record<string, { content?: object }>;

    for (const status of ['400', '401', '409']) {
      expect(responses[status].content).toEqual({
        'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemResponseDto' } },
      });
    }
    expect(document.components?.schemas?.ProblemResponseDto).toMatchObject({
      required: ['type', 'title', 'status', 'detail', 'instance'],
    });
  });

  it('makes a nullable reference to an object schema count as nullable', () => {
    const thing = document.components?.schemas?.ThingDto as { properties: Record<string, object> };

    expect(thing.properties.place).toEqual({
      type: 'object',
      nullable: true,
      allOf: [{ $ref: '#/components/schemas/PlaceDto' }],
    });
  });
});
