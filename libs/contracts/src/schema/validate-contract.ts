// Turns untrusted JSON into a validated instance of a contract class. Instances are built from our own
// field registry rather than class-transformer, whose @Type needs the reflect-metadata polyfill that
// this library must not load (see contract-metadata.ts).
import { ValidationError, validateSync } from 'class-validator';
import { ContractClass, fieldNotes } from './contract-metadata';

/**
 * What to do with fields the contract does not declare. Producers `reject` them (a typo or a name that
 * should not be there — PII — never leaves the service); consumers `strip` them so that a producer may
 * add an optional field within the same version without breaking older readers.
 */
export type UnknownFields = 'reject' | 'strip';

/** Outcome of validating a value against a contract class: the instance, or one line per broken rule. */
export type ContractValidation<T> = { ok: true; value: T } | { ok: false; details: string[] };

/** Whether a value is a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// class-validator's whitelist looks fields up in a plain object, where "__proto__" always resolves, so
// it never reports that key; it is dropped here instead and reported like any other undeclared field.
const prototypeKey = '__proto__';

/** Copies own fields onto a fresh instance, recursing into declared value objects. */
function instantiate<T extends object>(
  contractClass: ContractClass<T>,
  plain: Record<string, unknown>,
  path: string,
  droppedPaths: string[],
): T {
  const instance = new contractClass() as Record<string, unknown>;
  for (const [field, value] of Object.entries(plain)) {
    const fieldPath = path ? `${path}.${field}` : field;
    if (field === prototypeKey) {
      droppedPaths.push(fieldPath);
      continue;
    }
    const { nestedClass, nestedEach } = fieldNotes(contractClass, field);
    let copied = value;
    if (nestedClass && nestedEach && Array.isArray(value)) {
      copied = value.map((item, index) =>
        isJsonObject(item) ? instantiate(nestedClass(), item, `${fieldPath}.${index}`, droppedPaths) : item,
      );
    } else if (nestedClass && !nestedEach && isJsonObject(value)) {
      copied = instantiate(nestedClass(), value, fieldPath, droppedPaths);
    }
    instance[field] = copied;
  }
  return instance as T;
}

/** Flattens class-validator errors into `path: message` lines, e.g. `assignee.kind: kind must be …`. */
export function describeValidationErrors(errors: readonly ValidationError[], parentPath = ''): string[] {
  return errors.flatMap((error) => {
    const path =
      error.property === undefined
        ? parentPath
        : parentPath
          ? `${parentPath}.${error.property}`
          : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path || '(root)'}: ${message}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

/** Validates untrusted data against a contract class and returns a fresh, validated instance. */
export function validateContract<T extends object>(
  contractClass: ContractClass<T>,
  raw: unknown,
  options: { unknownFields?: UnknownFields } = {},
): ContractValidation<T> {
  if (!isJsonObject(raw)) {
    return {
      ok: false,
      details: [
        `(root): must be a JSON object, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw}`,
      ],
    };
  }
  const rejectUnknown = (options.unknownFields ?? 'reject') === 'reject';
  const droppedPaths: string[] = [];
  const instance = instantiate(contractClass, raw, '', droppedPaths);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: rejectUnknown,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  const details = [
    ...(rejectUnknown
      ? droppedPaths.map((path) => `${path}: property ${prototypeKey} should not exist`)
      : []),
    ...describeValidationErrors(errors),
  ];
  return details.length === 0 ? { ok: true, value: instance } : { ok: false, details };
}
