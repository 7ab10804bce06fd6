import { javaMajorVersion } from './toolchain';

describe('javaMajorVersion', () => {
  it('reads the major version of a modern JDK', () => {
    expect(javaMajorVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(javaMajorVersion('java version "21" 2023-09-19 LTS')).toBe(21);
  });

  it('reads the 1.x numbering of Java 8 as 8', () => {
    expect(javaMajorVersion('java version "1.8.0_392"')).toBe(8);
  });

  it('returns undefined for output it does not recognise', () => {
    expect(javaMajorVersion('command not found')).toBeUndefined();
  });
});
