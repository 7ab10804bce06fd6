import { toCsv } from './csv';

describe('CSV export', () => {
  it('quotes cells with commas, quotes and line breaks, and neutralises formulas', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['=SUM(A1)', -40],
      ],
    );
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-40\r\n');
  });
});
