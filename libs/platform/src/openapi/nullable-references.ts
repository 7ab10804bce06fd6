import type { OpenAPIObject } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// `@ApiProperty({ type: SomeDto, nullable: true })` comes out as `{ nullable: true, allOf: [{ $ref }] }`.
// OpenAPI 3.0 ignores `nullable` without a `type` beside it, so such a property would read as never null.

function isReference(schema: SchemaObject | ReferenceObject): schema is ReferenceObject {
  return '$ref' in schema;
}

function referencedSchema(document: OpenAPIObject, reference: ReferenceObject): SchemaObject | undefined {
  const name = reference.$ref.replace('#/components/schemas/', '');
  const schema = document.components?.schemas?.[name];
  return schema && !isReference(schema) ? schema : undefined;
}

function completeNullable(document: OpenAPIObject, schema: SchemaObject): void {
  const composed = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (schema.nullable && schema.type === undefined && composed) {
    const types = composed.map((part) =>
      isReference(part) ? referencedSchema(document, part)?.type : part.type,
    );
    if (types.every((type) => type === 'object')) schema.type = 'object';
  }
  for (const property of Object.values(schema.properties ?? {})) {
    if (!isReference(property)) completeNullable(document, property);
  }
  if (schema.items && !isReference(schema.items)) completeNullable(document, schema.items);
}

/** Gives every nullable reference to an object schema the `type: object` that makes `nullable` count. */
export function typeNullableReferences(document: OpenAPIObject): void {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if (!isReference(schema)) completeNullable(document, schema);
  }
}
