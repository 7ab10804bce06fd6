import { describe, expect, it } from 'vitest';
import { summonedTicketText } from './summoned-ticket';

const ticket = {
  number: 'LC-2026-000123',
  categoryCode: 'city.management',
  categoryName: '城市管理',
  place: {
    community: '冶河社区',
    grid: '第二网格',
    compound: '幸福小区',
    building: '3号楼',
    household: '幸福小区3号楼2单元401',
  },
};
const catalogue: Record<string, string> = { 'city.management': 'City management' };
const loaded = (code: string) => catalogue[code] ?? code;
const notLoaded = (code: string) => code;

describe('the ticket on a department’s summons card', () => {
  it('shows the ticket’s number, its category by name and its place from the address down', () => {
    expect(summonedTicketText(ticket, loaded)).toEqual({
      number: 'LC-2026-000123',
      category: 'City management',
      place: '幸福小区3号楼2单元401 · 第二网格 · 冶河社区',
    });
  });

  it('names the category as dispatch sent it until the catalogue has loaded', () => {
    expect(summonedTicketText(ticket, notLoaded).category).toBe('城市管理');
    const { categoryName: _unknown, ...unnamed } = ticket;
    expect(summonedTicketText(unnamed, notLoaded).category).toBe('city.management');
  });

  it('names the compound and building when the ticket has no household, and a dash when no place is known', () => {
    const noHousehold = { ...ticket.place, household: null };
    expect(summonedTicketText({ ...ticket, place: noHousehold }, loaded).place).toBe(
      '幸福小区 3号楼 · 第二网格 · 冶河社区',
    );
    const nowhere = { community: null, grid: null, compound: null, building: null, household: null };
    expect(summonedTicketText({ ...ticket, place: nowhere }, loaded).place).toBe('—');
  });
});
