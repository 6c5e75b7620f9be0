/**
 * Whether a URL is covered by `permissions.external.fetch.backend`. Like Forge's own egress filter
 * (@forge/egress EgressFilteringService.isValidUrl) it compares scheme and host name, not port or path;
 * `*.example.com` allows sub-domains and `*` allows everything.
 */
export function isEgressAllowed(addresses: readonly string[], url: URL): boolean {
  return addresses.some((address) => {
    if (address === '*') return true;
    const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:?#]+)/i.exec(address.trim());
    if (!match) return false;
    const protocol = `${(match[1] ?? 'https').toLowerCase()}:`;
    const host = match[2].toLowerCase();
    if (protocol !== url.protocol) return false;
    if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1));
    return url.hostname === host;
  });
}
