// Whom a per-address limit counts: one IPv4 address, or one IPv6 /64, the block a single home or server is given.
import 'server-only';
import { isIPv4, isIPv6 } from 'node:net';
import { UNKNOWN_CLIENT_ADDRESS } from '@/lib/shared/http/client-address';

/**
 * The key under which every per-address limit (sign-in failures, sign-ups, any later one) counts a
 * client address: an IPv4 address as it is; an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`, also in
 * hex) as that IPv4 address; any other IPv6 address as its /64 in canonical form
 * (`2001:db8:1:2::/64`), whatever its textual form (compressed or not, zero-padded, upper case,
 * with a zone id). Counting IPv6 per address would let one network, which holds 2^64 of them,
 * escape every limit. Anything that is not an address (`unknown` under `next dev`, a misconfigured
 * proxy's text) counts as the one client `unknown`: shared, never unlimited. Never throws.
 */
export function clientAddressKey(address: string): string {
  const text = address.trim();
  if (isIPv4(text)) return text;
  if (!isIPv6(text)) return UNKNOWN_CLIENT_ADDRESS;
  const zone = text.indexOf('%');
  const groups = ipv6Groups(zone === -1 ? text : text.slice(0, zone));
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  // RFC 5952: the longest run of zero groups is the four of the interface half (plus any zero
  // groups just before it), so the prefix's trailing zero groups fold into the `::`.
  const network = groups.slice(0, 4);
  while (network.at(-1) === 0) network.pop();
  return `${network.map((group) => group.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of an address node:net accepted as IPv6, without its zone id. */
function ipv6Groups(address: string): number[] {
  const lastColon = address.lastIndexOf(':');
  const last = address.slice(lastColon + 1);
  // A trailing dotted IPv4 (`::ffff:1.2.3.4`) is the last two groups.
  const hex = last.includes('.')
    ? `${address.slice(0, lastColon + 1)}${dottedToGroups(last)}`
    : address;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const [head = '', tail] = hex.split('::');
  if (tail === undefined) return parse(head);
  const front = parse(head);
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function dottedToGroups(dotted: string): string {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}
