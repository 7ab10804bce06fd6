import { isAccountId, isCode, isUtcTimestamp } from './contract-validators';

describe('account ids', () => {
  it.each(['3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f', 'dispatch.sla-timer', 'wx:o6_bmjrPTlm6_2sgVt7hMZOPfL2M'])(
    'accept %s',
    (id) => {
      expect(isAccountId(id)).toBe(true);
    },
  );

  it.each(['13800138000', 'li.ming@example.cn', '', ' padded', 'x'.repeat(129)])('refuse "%s"', (id) => {
    expect(isAccountId(id)).toBe(false);
  });
});

describe('codes', () => {
  it('accept dotted lower-case codes and refuse others', () => {
    expect(['property.lighting', 'elderly_care'].map(isCode)).toEqual([true, true]);
    expect(['Property.Lighting', 'property.', 'a'.repeat(65)].map(isCode)).toEqual([false, false, false]);
  });
});

describe('UTC timestamps', () => {
  it.each(['2025-03-01T02:00:00Z', '2025-03-01T02:00:00.000Z', '2024-02-29T23:59:59.5Z'])(
    'accept %s',
    (instant) => {
      expect(isUtcTimestamp(instant)).toBe(true);
    },
  );

  it.each([
    '2025-03-01T10:00:00+08:00',
    '2025-03-01 02:00:00Z',
    '2025-02-30T00:00:00Z',
    '2025-03-01',
    1740794400000,
  ])('refuse %s', (instant) => {
    expect(isUtcTimestamp(instant)).toBe(false);
  });
});
