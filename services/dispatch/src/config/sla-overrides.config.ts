// SLA_POLICY_OVERRIDES: a JSON list adjusting the SLA table without a release, e.g.
// [{"urgency":"emergency","acceptMinutes":20},{"category":"safety.hazard","completeMinutes":600}].
import { ValidateBy, ValidationOptions } from 'class-validator';
import type { SlaOverride } from '../assignment/domain/sla.policy';

const fields = ['category', 'urgency', 'offerMinutes', 'acceptMinutes', 'completeMinutes'] as const;

/** The overrides in the variable's text (empty → none); throws a RangeError saying what is wrong. */
export function parseSlaOverrides(text: string | undefined): SlaOverride[] {
  if (!text || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RangeError('must be a JSON list');
  }
  if (!Array.isArray(parsed)) throw new RangeError('must be a JSON list');
  return parsed.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) throw new RangeError(`entry ${index} must be an object`);
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(fields as readonly string[]).includes(key))
        throw new RangeError(`entry ${index} has unknown field ${key}`);
    }
    for (const key of ['category', 'urgency'] as const) {
      if (record[key] !== undefined && typeof record[key] !== 'string') {
        throw new RangeError(`entry ${index}: ${key} must be text`);
      }
    }
    for (const key of ['offerMinutes', 'acceptMinutes', 'completeMinutes'] as const) {
      const value = record[key];
      if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
        throw new RangeError(`entry ${index}: ${key} must be a positive number of minutes`);
      }
    }
    return record as SlaOverride;
  });
}

/** Requires a valid SLA_POLICY_OVERRIDES text. */
export function IsSlaOverrides(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSlaOverrides',
      validator: {
        validate: (value) => {
          try {
            parseSlaOverrides(value as string | undefined);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () =>
          '$property must be a JSON list of {category?, urgency?, offerMinutes?, acceptMinutes?, completeMinutes?} with positive minutes',
      },
    },
    options,
  );
}
