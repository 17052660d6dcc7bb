// The key every per-address limit counts under: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 as its /64.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientAddressKey } from '@/lib/rate-limit/client-address-key';

describe('clientAddressKey', () => {
  it('gives an IPv4 address as it is', () => {
    expect(clientAddressKey('203.0.113.5')).toBe('203.0.113.5');
    expect(clientAddressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(clientAddressKey(' 198.51.100.7 ')).toBe('198.51.100.7');
  });

  it('gives every textual form of the addresses of one /64 the same key', () => {
    const forms = [
      '2001:db8:1:2::1',
      '2001:db8:1:2::abcd:ef01',
      '2001:0db8:0001:0002:0000:0000:0000:0001',
      '2001:DB8:1:2:FFFF:FFFF:FFFF:FFFF',
      '2001:db8:1:2:0:0:0:0',
      '2001:db8:1:2::',
      '2001:db8:1:2:1234::5',
      '2001:db8:1:2::1%eth0',
      '2001:db8:1:2::c000:201',
      '2001:db8:1:2::192.0.2.1',
      '2001:db8:0001:0002:aaaa:bbbb:cccc:dddd',
    ];
    expect(new Set(forms.map(clientAddressKey))).toEqual(new Set(['2001:db8:1:2::/64']));
  });

  it('writes the /64 in canonical form: lower case, no leading zeros, the longest zero run folded', () => {
    expect(clientAddressKey('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::/64');
    expect(clientAddressKey('2001:0:0:1::1')).toBe('2001:0:0:1::/64');
    expect(clientAddressKey('0:0:0:1::1')).toBe('0:0:0:1::/64');
    expect(clientAddressKey('::1')).toBe('::/64');
    expect(clientAddressKey('::')).toBe('::/64');
    expect(clientAddressKey('fe80::1%25eth0')).toBe('fe80::/64');
    expect(clientAddressKey('fe80::abcd%3')).toBe('fe80::/64');
  });

  it('gives two /64s different keys, however close', () => {
    const keys = ['2001:db8:1:2::1', '2001:db8:1:3::1', '2001:db8:1:102::1', '2001:db8:2:2::1', '2001:db9:1:2::1'].map(clientAddressKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address, in any form', () => {
    for (const mapped of ['::ffff:1.2.3.4', '::FFFF:1.2.3.4', '0:0:0:0:0:ffff:1.2.3.4', '::ffff:102:304', '0000:0000:0000:0000:0000:FFFF:0102:0304']) {
      expect(clientAddressKey(mapped), mapped).toBe('1.2.3.4');
    }
    expect(clientAddressKey('::ffff:7f00:1')).toBe('127.0.0.1');
    // Not mapped: the IPv4-compatible form and the NAT64 prefix are plain IPv6.
    expect(clientAddressKey('::1.2.3.4')).toBe('::/64');
    expect(clientAddressKey('64:ff9b::1.2.3.4')).toBe('64:ff9b::/64');
  });

  it('gives anything that is not an address the one shared key "unknown", never throwing', () => {
    for (const garbage of ['', 'unknown', 'localhost', '1.2.3', '01.2.3.4', '1.2.3.4:5678', '[2001:db8::1]', '2001:db8::1::2', '2001:db8::00001', '::ffff:1.2.3.256', 'x'.repeat(100_000)]) {
      expect(clientAddressKey(garbage), garbage.slice(0, 40)).toBe('unknown');
    }
  });

  it('for any text gives a short key without throwing, and the key of a /64 names that /64 again', () => {
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.ipV4(), fc.ipV6(), fc.ipV4Extended());
    fc.assert(fc.property(anyText, (text) => {
      const key = clientAddressKey(text);
      expect(key.length).toBeGreaterThan(0);
      expect(key.length).toBeLessThanOrEqual(24);
    }), { numRuns: 2_000 });
    fc.assert(fc.property(fc.ipV6(), (address) => {
      // The key of any address of the /64 is the /64, which itself names the first address of it.
      const key = clientAddressKey(address);
      if (key.endsWith('/64')) expect(clientAddressKey(key.slice(0, -'/64'.length))).toBe(key);
      else expect(clientAddressKey(key)).toBe(key);
    }), { numRuns: 2_000 });
  });
});
