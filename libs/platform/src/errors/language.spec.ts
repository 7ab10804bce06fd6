import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it('answers in zh-CN when the client states no preference', () => {
    expect(preferredLanguage(undefined)).toBe('zh-CN');
    expect(preferredLanguage('')).toBe('zh-CN');
  });

  it('answers in English when English is the most preferred supported language', () => {
    expect(preferredLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(preferredLanguage('fr-FR, en;q=0.5')).toBe('en');
  });

  it('answers in zh-CN when any Chinese variant outranks English', () => {
    expect(preferredLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(preferredLanguage('en;q=0.3, zh-CN')).toBe('zh-CN');
  });

  it('falls back to zh-CN for languages it does not speak and for refused ones', () => {
    expect(preferredLanguage('fr, de;q=0.5')).toBe('zh-CN');
    expect(preferredLanguage('en;q=0')).toBe('zh-CN');
  });

  it('keeps the client order between equally weighted languages', () => {
    expect(preferredLanguage('en, zh')).toBe('en');
  });
});
