import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Describe, NestedObject, Nullable } from './contract-metadata';
import { IsUtcTimestamp } from './contract-validators';
import { contractClassesReachableFrom, contractFields, jsonSchemaOf } from './json-schema';
import { validateContract } from './validate-contract';

class Place {
  @Describe('Grid id.')
  @IsUUID()
  gridId: string;
}

class Visit {
  @Describe('How long.')
  @IsInt()
  @Min(1)
  @Max(60)
  minutes: number;

  @Describe('Where.')
  @NestedObject(() => Place)
  place: Place;

  @Describe('Where else.')
  @Nullable()
  @NestedObject(() => Place)
  previousPlace: Place | null;

  @Describe('Tags.')
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(['a', 'b'], { each: true })
  tags: string[];

  @Describe('Note.')
  @IsOptional()
  @IsString()
  @MaxLength(10)
  note?: string;

  @Describe('When.')
  @Nullable()
  @IsUtcTimestamp()
  endedAt: string | null;
}

class LongVisit extends Visit {
  @Describe('Why it was long.')
  @IsString()
  reason: string;
}

const ref = (nested: { name: string }) => `#/components/schemas/${nested.name}`;

describe('JSON Schema from contract classes', () => {
  it('maps every rule to the keyword it stands for', () => {
    expect(jsonSchemaOf(Visit, ref)).toEqual({
      type: 'object',
      required: ['minutes', 'place', 'previousPlace', 'tags', 'endedAt'],
      properties: {
        minutes: { description: 'How long.', type: 'integer', minimum: 1, maximum: 60 },
        place: { description: 'Where.', allOf: [{ $ref: '#/components/schemas/Place' }] },
        previousPlace: {
          description: 'Where else.',
          oneOf: [{ $ref: '#/components/schemas/Place' }, { type: 'null' }],
        },
        tags: {
          description: 'Tags.',
          type: 'array',
          items: { type: 'string', enum: ['a', 'b'] },
          maxItems: 3,
        },
        note: { description: 'Note.', type: 'string', maxLength: 10 },
        endedAt: { description: 'When.', type: ['string', 'null'], format: 'date-time' },
      },
    });
  });

  it("lists a subclass's own fields before the inherited ones", () => {
    expect(contractFields(LongVisit)).toEqual([
      'reason',
      'minutes',
      'place',
      'previousPlace',
      'tags',
      'note',
      'endedAt',
    ]);
  });

  it('finds the value objects a contract refers to', () => {
    expect(contractClassesReachableFrom([LongVisit])).toEqual([LongVisit, Place]);
  });

  it('refuses a rule it cannot publish rather than leave it out of the catalogue', () => {
    class Unmapped {
      @Describe('Count.')
      @IsPositive()
      count: number;
    }

    expect(() => jsonSchemaOf(Unmapped, ref)).toThrow(
      'Unmapped.count: no JSON Schema mapping for rule "isPositive"',
    );
  });

  it('refuses an undocumented field', () => {
    class Undocumented {
      @IsString()
      code: string;
    }

    expect(() => jsonSchemaOf(Undocumented, ref)).toThrow(
      "Undocumented.code: every contract field needs @Describe('…')",
    );
  });
});

describe('contract validation', () => {
  const visit = {
    minutes: 5,
    place: { gridId: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71' },
    previousPlace: null,
    tags: ['a'],
    endedAt: null,
  };

  it('builds nested value objects as instances and accepts null where allowed', () => {
    const result = validateContract(Visit, visit);

    expect(result.ok && result.value.place).toBeInstanceOf(Place);
  });

  it('names the nested field that breaks a rule', () => {
    expect(validateContract(Visit, { ...visit, place: { gridId: 'nowhere' } })).toEqual({
      ok: false,
      details: ['place.gridId: gridId must be a UUID'],
    });
  });

  it('treats a required nullable field that is missing as missing', () => {
    const { endedAt: _endedAt, ...withoutEnd } = visit;

    expect(validateContract(Visit, withoutEnd)).toMatchObject({
      ok: false,
      details: [expect.stringMatching(/^endedAt: /)],
    });
  });

  it('keeps a "__proto__" key from JSON a plain, refused field', () => {
    const hostile = JSON.parse(
      `{"minutes":5,"place":{"gridId":"1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71"},"previousPlace":null,"tags":[],"endedAt":null,"__proto__":{"polluted":true}}`,
    );

    const result = validateContract(Visit, hostile);

    expect(result).toEqual({ ok: false, details: ['__proto__: property __proto__ should not exist'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a value that is not an object', () => {
    expect(validateContract(Visit, [visit])).toEqual({
      ok: false,
      details: ['(root): must be a JSON object, got an array'],
    });
  });
});
