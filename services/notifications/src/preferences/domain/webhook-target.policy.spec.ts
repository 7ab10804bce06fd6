import { refusedAddressClass } from './webhook-target.policy';

describe('which addresses a webhook may reach', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.2.3.4', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.20', 'private'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['169.254.10.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['224.0.0.251', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['192.0.0.192', 'cloud metadata'],
    ['192.0.2.7', 'reserved'],
    ['64:ff9b::a00:1', 'reserved'],
  ])('refuses %s as a %s address', (address, refused) => {
    expect(refusedAddressClass(address)).toBe(refused);
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(refusedAddressClass('::ffff:127.0.0.1')).toBe('loopback');
    expect(refusedAddressClass('::ffff:169.254.169.254')).toBe('cloud metadata');
    expect(refusedAddressClass('::ffff:93.184.215.14')).toBeNull();
  });

  it('lets public unicast addresses through', () => {
    for (const address of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::6810:85e5'])
      expect(refusedAddressClass(address)).toBeNull();
  });

  it('refuses text that is not an IP address', () => {
    expect(refusedAddressClass('hooks.example.org')).toBe('reserved');
  });
});
