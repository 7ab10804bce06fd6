import { DEFAULT_KEY_FILE } from '../dev-issuer/cli-args';
import { auditUrl, DEFAULT_REQUESTS_URL, parseLoopAuditArgs, UsageError } from './cli-args';

describe('the loop audit command line', () => {
  it('audits the local requests service with a minted token and the default window when given nothing', () => {
    expect(parseLoopAuditArgs([])).toEqual({
      url: DEFAULT_REQUESTS_URL,
      keyFile: DEFAULT_KEY_FILE,
      json: false,
    });
  });

  it('takes the URL, the window, a token, a key file and --json', () => {
    expect(
      parseLoopAuditArgs([
        '--url',
        'https://loop.example/api/requests/',
        '--closed-since',
        '2026-03-01',
        '--token',
        'abc.def.ghi',
        '--key',
        '/tmp/key.json',
        '--json',
      ]),
    ).toEqual({
      url: 'https://loop.example/api/requests',
      closedSince: '2026-03-01',
      token: 'abc.def.ghi',
      keyFile: '/tmp/key.json',
      json: true,
    });
  });

  it('refuses a URL that is not http, a date that is not a date, an empty token and unknown options', () => {
    expect(() => parseLoopAuditArgs(['--url', 'localhost:3001'])).toThrow(UsageError);
    expect(() => parseLoopAuditArgs(['--closed-since', 'last week'])).toThrow(/--closed-since/);
    expect(() => parseLoopAuditArgs(['--token', ' '])).toThrow(/--token/);
    expect(() => parseLoopAuditArgs(['--since', '2026-03-01'])).toThrow(UsageError);
    expect(() => parseLoopAuditArgs(['extra'])).toThrow(UsageError);
  });

  it('asks GET /audit/loop, with the window as an ISO instant when one is given', () => {
    expect(auditUrl({ url: 'http://127.0.0.1:3001' })).toBe('http://127.0.0.1:3001/audit/loop');
    expect(auditUrl({ url: 'http://127.0.0.1:3001', closedSince: '2026-03-01T08:00:00+08:00' })).toBe(
      'http://127.0.0.1:3001/audit/loop?closedSince=2026-03-01T00%3A00%3A00.000Z',
    );
  });
});
