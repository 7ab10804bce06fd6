import { DEV_ISSUER_PORT } from '@loop/platform';
import { DEFAULT_KEY_FILE, parseCommandLine, UsageError } from './cli-args';

describe('the development issuer command line', () => {
  it('serves on loopback port 4400 with the shared key file by default', () => {
    expect(parseCommandLine(['serve'])).toEqual({
      command: 'serve',
      port: DEV_ISSUER_PORT,
      host: '127.0.0.1',
      keyFile: DEFAULT_KEY_FILE,
    });
    expect(DEFAULT_KEY_FILE).toMatch(/\.local\/dev-issuer\/key\.json$/);
  });

  it('listens on every interface only when told to, as inside a container', () => {
    expect(parseCommandLine(['serve', '--host', '0.0.0.0'])).toMatchObject({ host: '0.0.0.0' });
  });

  it('builds the claims of a staff member working for two communities', () => {
    const command = parseCommandLine([
      'token',
      '--sub',
      'staff-3',
      '--role',
      'staff',
      '--role',
      'secretary',
      '--community',
      'c-1',
      '--community',
      'c-2',
      '--escalation-level',
      '1',
      '--expires-in',
      '2h',
    ]);

    expect(command).toEqual({
      command: 'token',
      keyFile: DEFAULT_KEY_FILE,
      request: {
        claims: {
          sub: 'staff-3',
          roles: ['staff', 'secretary'],
          community_ids: ['c-1', 'c-2'],
          escalation_level: 1,
        },
        options: { expiresIn: '2h' },
      },
    });
  });

  it('treats flags without a command as a token request', () => {
    const command = parseCommandLine(['--role', 'resident', '--sub', 'resident-1', '--community', 'c-1']);

    expect(command).toMatchObject({
      command: 'token',
      request: { claims: { sub: 'resident-1', roles: ['resident'], community_ids: ['c-1'] } },
    });
  });

  it('names the flag to fix when a token request is incomplete or wrong', () => {
    expect(() => parseCommandLine(['token', '--role', 'resident'])).toThrow(
      '--sub must be a non-empty string',
    );
    expect(() => parseCommandLine(['token', '--sub', 'x', '--role', 'mayor'])).toThrow(
      /^--role must be a list/,
    );
    expect(() => parseCommandLine(['token', '--sub', 'x', '--colour', 'red'])).toThrow(UsageError);
    expect(() => parseCommandLine(['mint'])).toThrow('unknown command "mint"');
  });
});
