// What class-validator does not record about a contract field: its documentation, the class of a
// nested object and whether null is an allowed value. The JSON Schema (and so the AsyncAPI document)
// and the payload instantiation read it from here. Kept in our own registry rather than in
// reflect-metadata because tsx (esbuild) does not emit design-time types, and the generated catalogue
// must come out byte-identical whichever runner produced it.
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

/** A contract class: a payload, a value object inside one, or the envelope. */
export type ContractClass<T extends object = object> = new () => T;

/** Any class, abstract ones included (directory state classes are abstract). */
export type AnyClass = abstract new (...args: never[]) => object;

/** What the registry knows about one field of a contract class. */
export interface FieldNotes {
  /** One line saying what the field means. */
  description?: string;
  /** The class of the nested object (or of each array item) for fields holding value objects. */
  nestedClass?: () => ContractClass;
  /** Whether the nested field is an array of value objects. */
  nestedEach?: boolean;
  /** Whether `null` is a valid value (the field must still be present). */
  nullable?: boolean;
}

const classDescriptions = new Map<AnyClass, string>();
const fieldNotesByClass = new Map<AnyClass, Map<string, FieldNotes>>();

function noteField(target: object, propertyName: string, notes: FieldNotes): void {
  const owner = target.constructor as AnyClass;
  const fields = fieldNotesByClass.get(owner) ?? new Map<string, FieldNotes>();
  fields.set(propertyName, { ...fields.get(propertyName), ...notes });
  fieldNotesByClass.set(owner, fields);
}

/** Documents a contract class or field; the text is published in the AsyncAPI catalogue. */
export function Describe(description: string) {
  return (target: object, propertyName?: string | symbol): void => {
    if (propertyName === undefined) {
      classDescriptions.set(target as AnyClass, description);
      return;
    }
    noteField(target, String(propertyName), { description });
  };
}

/** Declares a field holding a value object (or an array of them when `each`), validated in depth. */
export function NestedObject(
  nestedClass: () => ContractClass,
  options: { each?: boolean } = {},
): PropertyDecorator {
  return (target, propertyName) => {
    noteField(target, String(propertyName), { nestedClass, nestedEach: options.each === true });
    if (!options.each) IsObject()(target, propertyName);
    ValidateNested({ each: options.each === true })(target, propertyName);
  };
}

/** Allows `null` for a field that must still be present; its other rules apply to non-null values. */
export function Nullable(): PropertyDecorator {
  return (target, propertyName) => {
    noteField(target, String(propertyName), { nullable: true });
    ValidateIf((_object, value) => value !== null)(target, propertyName);
  };
}

/** The description given to a contract class with `@Describe`, if any. */
export function classDescription(contractClass: AnyClass): string | undefined {
  return classDescriptions.get(contractClass);
}

/** What `@Describe`, `@NestedObject` and `@Nullable` recorded for a field, looking up the class chain. */
export function fieldNotes(contractClass: AnyClass, propertyName: string): FieldNotes {
  // Ancestors first, so a subclass's notes override what it inherits.
  const chain: AnyClass[] = [];
  let current: unknown = contractClass;
  while (typeof current === 'function' && current !== Function.prototype) {
    chain.unshift(current as AnyClass);
    current = Object.getPrototypeOf(current);
  }
  return chain.reduce<FieldNotes>(
    (notes, owner) => ({ ...notes, ...fieldNotesByClass.get(owner)?.get(propertyName) }),
    {},
  );
}
