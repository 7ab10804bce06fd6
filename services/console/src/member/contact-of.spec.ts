import { describe, expect, it } from 'vitest';
import { contactOf } from './contact-of';
import { placeText } from './place-text';

describe('what a member sees of the task', () => {
  it('offers a tap-to-call link once the contact is unmasked', () => {
    expect(contactOf({ name: '王阿姨', phone: '138 0000 0000' }, false)).toEqual({
      name: '王阿姨',
      phone: '138 0000 0000',
      telHref: 'tel:13800000000',
    });
  });

  it('shows a masked contact without a link', () => {
    expect(contactOf({ name: '王**', phone: '138****0000' }, true)).toEqual({
      name: '王**',
      phone: '138****0000',
    });
    expect(contactOf(null, false)).toBeUndefined();
  });

  it('names the place from the household down to the community', () => {
    expect(
      placeText({
        community: '冶河社区',
        grid: '第二网格',
        compound: '幸福小区',
        building: '3号楼',
        household: '幸福小区3号楼2单元401',
      }),
    ).toBe('幸福小区3号楼2单元401 · 第二网格 · 冶河社区');
    expect(
      placeText({
        community: '冶河社区',
        grid: null,
        compound: '幸福小区',
        building: '3号楼',
        household: null,
      }),
    ).toBe('幸福小区 3号楼 · 冶河社区');
  });
});
