import type { NotificationsConfig } from '../../config/notifications.config';
import { UnsafeWebhookTargetError } from '../domain/preference.errors';
import type { ResolvedAddress } from '../application/webhook-targets.port';
import { HostResolver, WebhookTargetGuard } from './webhook-target.guard';

const publicAddress: ResolvedAddress = { address: '93.184.215.14', family: 4 };

function guardWith(resolver: HostResolver, allowPrivate = false): WebhookTargetGuard {
  return new WebhookTargetGuard(
    { WEBHOOK_ALLOW_PRIVATE_TARGETS: allowPrivate } as NotificationsConfig,
    resolver,
  );
}

const resolvesTo =
  (...addresses: ResolvedAddress[]): HostResolver =>
  async () =>
    addresses;

async function refusal(check: Promise<unknown>): Promise<UnsafeWebhookTargetError> {
  const error = await check.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UnsafeWebhookTargetError);
  return error as UnsafeWebhookTargetError;
}

describe('the webhook target check', () => {
  it('accepts a host that resolves to public addresses only, and names the address to connect to', async () => {
    const target = await guardWith(resolvesTo(publicAddress)).check('https://hooks.example.org/loop');
    expect(target.url.hostname).toBe('hooks.example.org');
    expect(target.address).toEqual(publicAddress);
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://[::1]/hook',
    'http://10.0.0.5/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::ffff:7f00:1]/hook',
    'http://2130706433/hook', // 127.0.0.1 written as one number
  ])('refuses the literal address in %s without asking DNS', async (url) => {
    const resolver = jest.fn(resolvesTo(publicAddress));
    const error = await refusal(guardWith(resolver).check(url));
    expect(error.retriable).toBe(false);
    expect(resolver).not.toHaveBeenCalled();
  });

  it('refuses a host when any one of its addresses is private, since the connection could take it', async () => {
    const error = await refusal(
      guardWith(resolvesTo(publicAddress, { address: '10.1.2.3', family: 4 })).check(
        'https://mixed.example.org',
      ),
    );
    expect(error.message).toBe('target refused: the host resolves to a private address');
  });

  it('refuses a host that resolves to the cloud metadata endpoint', async () => {
    const error = await refusal(
      guardWith(resolvesTo({ address: '169.254.169.254', family: 4 })).check('http://metadata.example.org/'),
    );
    expect(error.message).toContain('cloud metadata');
  });

  it('tells the person the same thing whatever the reason, so the answer maps no internal names', async () => {
    const refused = await refusal(
      guardWith(resolvesTo({ address: '10.0.0.1', family: 4 })).check('http://a.example'),
    );
    const unresolved = await refusal(
      guardWith(async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      }).check('http://nowhere.example'),
    );
    expect(unresolved.retriable).toBe(true);
    expect(unresolved.message).toBe('the host did not resolve (ENOTFOUND)');
    expect(unresolved.userMessage).toEqual(refused.userMessage);
  });

  it('judges the host afresh on every check, so a later DNS answer pointing inside is refused', async () => {
    const answers = [[publicAddress], [{ address: '192.168.0.10', family: 4 as const }]];
    const guard = guardWith(async () => answers.shift() ?? []);
    await expect(guard.check('https://rebinding.example.org/hook')).resolves.toBeDefined();
    await refusal(guard.check('https://rebinding.example.org/hook'));
  });

  it('lets private addresses through only when WEBHOOK_ALLOW_PRIVATE_TARGETS is on', async () => {
    const target = await guardWith(resolvesTo(publicAddress), true).check('http://127.0.0.1:9000/hook');
    expect(target.address).toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('refuses schemes other than http and https', async () => {
    await refusal(guardWith(resolvesTo(publicAddress), true).check('ftp://files.example.org/'));
  });
});
