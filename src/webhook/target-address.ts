/**
 * Where a webhook may point: http(s) URLs whose host resolves only to public addresses,
 * so a webhook cannot be used to reach the operator's internal network (private,
 * loopback, link-local, carrier-grade NAT, unspecified and multicast ranges, in IPv4,
 * IPv6 and IPv4-mapped IPv6). Checked when a webhook is saved and again on every
 * connection (the lookup guard), so a name that later resolves elsewhere is refused too.
 * `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_TARGETS) lifts the address rule, for tests and
 * closed networks.
 */
import dns from 'node:dns';
import net from 'node:net';

const blocked = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(address, prefix, 'ipv6');
}

/** Whether an IP address is private, loopback, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Why `url` cannot be a webhook's target, or null when it can. */
export async function targetProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute http or https URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `must use http or https, not ${parsed.protocol.replace(':', '')}`;
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (allowPrivate) return null;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `names a host that does not resolve (${host})`;
  }
  const privateOne = addresses.find(isPrivateAddress);
  return privateOne ? `points to a private, loopback or link-local address (${privateOne}); webhooks may only reach public addresses` : null;
}

/** A `lookup` for http.request that refuses private addresses (unless allowed), checked at connection time. */
export function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return (callback as (error: Error | null, address: string, family: number) => void)(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const refused = allowPrivate ? undefined : list.find((entry) => isPrivateAddress(entry.address));
      if (refused) {
        const problem = Object.assign(new Error(`refused: ${hostname} resolves to a private address (${refused.address})`), { code: 'EPRIVATEADDRESS' });
        return (callback as (error: Error | null, address: string, family: number) => void)(problem, '', 0);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, list);
      return (callback as (error: Error | null, address: string, family: number) => void)(null, list[0].address, list[0].family);
    });
  };
}
