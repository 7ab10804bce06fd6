import { fieldWithControlCharacter, hasForbiddenControlCharacter } from './control-characters';

describe('control characters in request text', () => {
  it('refuses NUL and the other C0 controls but keeps tab, line feed and carriage return as text', () => {
    expect(hasForbiddenControlCharacter('门锁坏了\u0000')).toBe(true);
    expect(hasForbiddenControlCharacter('bell \u0007')).toBe(true);
    expect(hasForbiddenControlCharacter('escape \u001b[31m')).toBe(true);
    expect(hasForbiddenControlCharacter('第一行\n第二行\r\n\t缩进')).toBe(false);
    expect(hasForbiddenControlCharacter('delete is printable enough: \u007f')).toBe(false);
  });

  it('names the nested field that holds one, by its dotted path', () => {
    const body = { note: 'fine', address: { lines: ['ok', 'bad\u0000'] } };
    expect(fieldWithControlCharacter(body, '')).toBe('address.lines.1');
    expect(fieldWithControlCharacter('x\u0001', 'memberId')).toBe('memberId');
    expect(fieldWithControlCharacter({ note: 'fine', count: 3, flag: null }, '')).toBeUndefined();
  });

  it('names an object key holding one without echoing the control character', () => {
    expect(fieldWithControlCharacter({ rows: [{ 'na\u0000me': 'x' }] }, '')).toBe('rows.0.na?me');
  });

  it('walks a value nested far deeper than the call stack allows', () => {
    let deep: unknown = 'bottom\u0000';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(fieldWithControlCharacter(deep, '')).toMatch(/^0(\.0)*$/);
  });
});
