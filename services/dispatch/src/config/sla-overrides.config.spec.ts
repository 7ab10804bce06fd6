import { parseSlaOverrides } from './sla-overrides.config';

describe('SLA_POLICY_OVERRIDES', () => {
  it('means no overrides when unset or blank', () => {
    expect(parseSlaOverrides(undefined)).toEqual([]);
    expect(parseSlaOverrides('  ')).toEqual([]);
  });

  it('reads a JSON list of overrides', () => {
    expect(
      parseSlaOverrides(
        '[{"urgency":"emergency","acceptMinutes":20},{"category":"safety.hazard","completeMinutes":0.5}]',
      ),
    ).toEqual([
      { urgency: 'emergency', acceptMinutes: 20 },
      { category: 'safety.hazard', completeMinutes: 0.5 },
    ]);
  });

  it('refuses text that is not a JSON list', () => {
    expect(() => parseSlaOverrides('{"acceptMinutes":1}')).toThrow('must be a JSON list');
    expect(() => parseSlaOverrides('not json')).toThrow('must be a JSON list');
  });

  it('names the entry with an unknown field or a minutes value that is not positive', () => {
    expect(() => parseSlaOverrides('[{"acceptMinutes":1},{"acceptMinute":1}]')).toThrow(
      'entry 1 has unknown field acceptMinute',
    );
    expect(() => parseSlaOverrides('[{"offerMinutes":-5}]')).toThrow(
      'entry 0: offerMinutes must be a positive number',
    );
    expect(() => parseSlaOverrides('[{"urgency":3}]')).toThrow('entry 0: urgency must be text');
  });
});
