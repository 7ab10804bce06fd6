import { namespaceSlug, testNamespace } from './test-namespace';

describe('testNamespace', () => {
  it('gives two suites with the same name different prefixes', () => {
    const first = testNamespace('dispatch flow');
    const second = testNamespace('dispatch flow');

    expect(first.topicPrefix).not.toEqual(second.topicPrefix);
    expect(first.groupPrefix).not.toEqual(second.groupPrefix);
    expect(first.redisKeyPrefix).not.toEqual(second.redisKeyPrefix);
    expect(first.clientId).not.toEqual(second.clientId);
  });

  it('keeps the suite name readable inside every prefix', () => {
    const namespace = testNamespace('Offer acceptance');

    expect(namespace.topicPrefix).toMatch(/^test\.offer-acceptance\.[0-9a-f]{8}\.$/);
    expect(namespace.groupPrefix).toMatch(/^test\.offer-acceptance\.[0-9a-f]{8}\.$/);
    expect(namespace.redisKeyPrefix).toMatch(/^test:offer-acceptance:[0-9a-f]{8}:$/);
    expect(namespace.clientId).toMatch(/^test-offer-acceptance-[0-9a-f]{8}$/);
  });

  it('produces topic prefixes that are legal Kafka topic names', () => {
    const namespace = testNamespace('群众点单 → 社区派单 (e2e)!');

    expect(`${namespace.topicPrefix}requests.ticket.v1`).toMatch(/^[a-zA-Z0-9._-]{1,249}$/);
  });

  it('falls back to a generic slug when the suite name has no latin letters or digits', () => {
    expect(namespaceSlug('群众点单')).toBe('suite');
  });

  it('shortens very long suite names without leaving a trailing dash', () => {
    const slug = namespaceSlug('a'.repeat(39) + ' and more words after the cut');

    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith('-')).toBe(false);
  });
});
