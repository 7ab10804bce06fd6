// JSON Schema (draft-07 subset, which AsyncAPI 3 schemas extend) derived from class-validator metadata.
// Only the rules the contracts use are mapped; any other rule fails loudly, so a contract can never
// say more in code than the published catalogue says.
import { MetadataStorage, ValidationTypes, getMetadataStorage } from 'class-validator';
import { AnyClass, ContractClass, classDescription, fieldNotes } from './contract-metadata';
import {
  IS_ACCOUNT_ID,
  IS_CODE,
  IS_UTC_TIMESTAMP,
  accountIdPattern,
  codePattern,
} from './contract-validators';

/** A JSON Schema object as written into the AsyncAPI document. */
export type JsonSchema = { [keyword: string]: unknown };

/** Names the `$ref` used for a nested contract class. */
export type SchemaReference = (contractClass: ContractClass) => string;

type Fragment = JsonSchema;
type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

/** The canonical form of a UUID of the given version (class-validator accepts either letter case). */
function uuidPattern(version: string): string {
  return `^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`;
}

/** The JSON type shared by all listed values (enums are all strings or all integers in the contracts). */
function primitiveTypeOf(values: readonly unknown[]): string {
  if (values.every((value) => typeof value === 'string')) return 'string';
  if (values.every((value) => Number.isInteger(value))) return 'integer';
  throw new Error(`enum values must be all strings or all integers: ${JSON.stringify(values)}`);
}

/** Maps one class-validator rule (by name) to the schema keywords it stands for. */
const ruleSchemas: Record<string, (constraints: unknown[]) => Fragment> = {
  isString: () => ({ type: 'string' }),
  isInt: () => ({ type: 'integer' }),
  isNumber: () => ({ type: 'number' }),
  isBoolean: () => ({ type: 'boolean' }),
  isObject: () => ({ type: 'object' }),
  isIn: ([values]) => ({ type: primitiveTypeOf(values as unknown[]), enum: [...(values as unknown[])] }),
  equals: ([value]) => ({ const: value }),
  isUuid: ([version]) => ({
    type: 'string',
    format: 'uuid',
    ...(version && version !== 'all' ? { pattern: uuidPattern(String(version)) } : {}),
  }),
  min: ([minimum]) => ({ minimum }),
  max: ([maximum]) => ({ maximum }),
  minLength: ([minLength]) => ({ type: 'string', minLength }),
  maxLength: ([maxLength]) => ({ type: 'string', maxLength }),
  matches: ([pattern]) => ({
    type: 'string',
    pattern: pattern instanceof RegExp ? pattern.source : String(pattern),
  }),
  arrayMinSize: ([minItems]) => ({ minItems }),
  arrayMaxSize: ([maxItems]) => ({ maxItems }),
  arrayUnique: () => ({ uniqueItems: true }),
  [IS_ACCOUNT_ID]: () => ({ type: 'string', pattern: accountIdPattern.source, maxLength: 128 }),
  [IS_CODE]: () => ({ type: 'string', pattern: codePattern.source, maxLength: 64 }),
  [IS_UTC_TIMESTAMP]: () => ({ type: 'string', format: 'date-time' }),
};

// class-validator names IsUUID 'isUuid' and IsArray 'isArray'; the latter only says "array".
const arrayRule = 'isArray';

function merge(target: Fragment, fragment: Fragment, where: string): void {
  for (const [keyword, value] of Object.entries(fragment)) {
    if (keyword in target && JSON.stringify(target[keyword]) !== JSON.stringify(value)) {
      throw new Error(
        `${where}: rules disagree on "${keyword}" (${JSON.stringify(target[keyword])} vs ${JSON.stringify(value)})`,
      );
    }
    target[keyword] = value;
  }
}

/** How many `extends` steps separate a class from an ancestor (0 for the class itself). */
function inheritanceDistance(contractClass: AnyClass, ancestor: unknown): number {
  let distance = 0;
  for (
    let current: unknown = contractClass;
    typeof current === 'function';
    current = Object.getPrototypeOf(current)
  ) {
    if (current === ancestor) return distance;
    distance += 1;
  }
  return distance;
}

/**
 * Validation rules of a contract class grouped by field: the class's own fields first, then its
 * parent's, each in declaration order — so an event's identifying fields lead its schema.
 */
function rulesByField(contractClass: ContractClass): Map<string, ValidationMetadata[]> {
  const rules = [...getMetadataStorage().getTargetValidationMetadatas(contractClass, '', true, false)].sort(
    (a, b) => inheritanceDistance(contractClass, a.target) - inheritanceDistance(contractClass, b.target),
  );
  const byField = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byField.set(rule.propertyName, [...(byField.get(rule.propertyName) ?? []), rule]);
  return byField;
}

/** The field names a contract class declares, in declaration order. */
export function contractFields(contractClass: ContractClass): string[] {
  return [...rulesByField(contractClass).keys()];
}

function fieldSchema(
  contractClass: ContractClass,
  field: string,
  rules: ValidationMetadata[],
  reference: SchemaReference,
) {
  const where = `${contractClass.name}.${field}`;
  const notes = fieldNotes(contractClass, field);
  const value: Fragment = {};
  const items: Fragment = {};
  let isArray = false;
  let optional = false;
  for (const rule of rules) {
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      // IsOptional makes a field optional; the only other conditional is @Nullable, read from the notes.
      if (rule.name === 'isOptional') optional = true;
      continue;
    }
    if (rule.type === ValidationTypes.NESTED_VALIDATION) continue;
    if (rule.type === ValidationTypes.WHITELIST || rule.type === ValidationTypes.IS_DEFINED) continue;
    if (rule.name === arrayRule) {
      isArray = true;
      continue;
    }
    const toSchema = rule.name ? ruleSchemas[rule.name] : undefined;
    if (!toSchema)
      throw new Error(
        `${where}: no JSON Schema mapping for rule "${rule.name ?? rule.type}"; add one in json-schema.ts`,
      );
    merge(rule.each ? items : value, toSchema(rule.constraints ?? []), where);
  }
  if (notes.nestedClass) {
    const nested = { $ref: reference(notes.nestedClass()) };
    if (notes.nestedEach) {
      isArray = true;
      merge(items, nested, where);
    } else {
      // The $ref says "object" already; drop the type IsObject contributed so the two never disagree.
      delete value.type;
      merge(value, nested, where);
    }
  }
  let schema: Fragment = isArray ? { type: 'array', items, ...value } : value;
  if (notes.nullable) {
    schema = schema.$ref
      ? { oneOf: [{ $ref: schema.$ref }, { type: 'null' }] }
      : { ...schema, type: [schema.type, 'null'] };
  } else if (schema.$ref) {
    // Keywords beside a $ref are ignored by draft-07 readers; allOf keeps the field's description.
    schema = { allOf: [{ $ref: schema.$ref }] };
  }
  if (!notes.description) throw new Error(`${where}: every contract field needs @Describe('…')`);
  return { schema: { description: notes.description, ...schema }, optional };
}

/** The JSON Schema of a contract class; nested contract classes become `$ref`s named by `reference`. */
export function jsonSchemaOf(contractClass: ContractClass, reference: SchemaReference): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [field, rules] of rulesByField(contractClass)) {
    const { schema, optional } = fieldSchema(contractClass, field, rules, reference);
    properties[field] = schema;
    if (!optional) required.push(field);
  }
  const description = classDescription(contractClass);
  return { type: 'object', ...(description ? { description } : {}), required, properties };
}

/** The contract classes a class refers to, itself included, each once (depth first, in field order). */
export function contractClassesReachableFrom(roots: readonly ContractClass[]): ContractClass[] {
  const seen = new Set<ContractClass>();
  const visit = (contractClass: ContractClass): void => {
    if (seen.has(contractClass)) return;
    seen.add(contractClass);
    for (const field of contractFields(contractClass)) {
      const nested = fieldNotes(contractClass, field).nestedClass;
      if (nested) visit(nested());
    }
  };
  roots.forEach(visit);
  return [...seen];
}
