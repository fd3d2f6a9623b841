import { Reporter, isMap, list, map, oneOf } from './_engine';
import { checkEndpointRange, readIpAddress } from './_ip';
import { PortListRules, checkPortList } from './_ports';
import { KubeName } from '../../net/names';

const ADDRESS_TYPES = ['IPv4', 'IPv6', 'FQDN'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ZONE_HINTS = 8;
const ENDPOINTS_PORT_RULES: PortListRules = {
  number: 'EP003',
  name: 'EP003',
  protocol: 'EP003',
  appProtocol: 'SVC017',
  nameRequiredWhenSeveral: true,
  numberOptional: false,
};
// In a slice, a port may have no number (all ports) and names are optional even when several.
const SLICE_PORT_RULES: PortListRules = {
  number: 'EPS005',
  name: 'EPS005',
  protocol: 'EPS005',
  appProtocol: 'SVC017',
  nameRequiredWhenSeveral: false,
  numberOptional: true,
};

/**
 * The rules a 1.28 API server applies to `v1` Endpoints.
 */
export function checkEndpoints(r: Reporter): void {
  if (r.settings.minor >= 33) {
    r.report('EP005', 'apiVersion', r.m.apiVersion, 'is deprecated for Endpoints from Kubernetes 1.33 (the API server answers with a warning): EndpointSlices replace them',
      'write a `discovery.k8s.io/v1` EndpointSlice with the label \'kubernetes.io/service-name\' instead');
  }
  list(r.m.obj.subsets).forEach((subset, i) => {
    const at = `subsets[${i}]`;
    if (!isMap(subset)) {
      return;
    }
    const addresses = list(subset.addresses);
    const notReady = list(subset.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) {
      r.report('EP001', at, undefined, 'must have `addresses` or `notReadyAddresses`', 'add the backend addresses, or remove the empty subset');
    }
    for (const [field, items] of [['addresses', addresses], ['notReadyAddresses', notReady]] as Array<[string, any[]]>) {
      items.forEach((a, j) => {
        const aat = `${at}.${field}[${j}]`;
        if (!isMap(a)) {
          return;
        }
        if (typeof a.ip !== 'string' || a.ip === '') {
          r.report('EP002', `${aat}.ip`, a.ip, 'is required', 'give the backend\'s IP address');
        } else {
          const ip = readIpAddress(r, a.ip, `${aat}.ip`, 'EP002');
          if (ip) {
            checkEndpointRange(r, ip, a.ip, `${aat}.ip`, 'EP002');
          }
        }
        if (typeof a.hostname === 'string' && a.hostname !== '') {
          KubeName.dns1123LabelErrors(a.hostname).forEach((e) => r.report('EP004', `${aat}.hostname`, a.hostname, e));
        }
        if (typeof a.nodeName === 'string' && a.nodeName !== '') {
          KubeName.dns1123SubdomainErrors(a.nodeName).forEach((e) => r.report('EP004', `${aat}.nodeName`, a.nodeName, e));
        }
      });
    }
    checkPortList(r, subset.ports, `${at}.ports`, ENDPOINTS_PORT_RULES);
  });
}

/**
 * The rules a 1.28 API server applies to a `discovery.k8s.io/v1` EndpointSlice, and the
 * warning about endpoints with several addresses.
 */
export function checkEndpointSlice(r: Reporter): void {
  const addressType = r.m.obj.addressType;
  if (typeof addressType !== 'string' || addressType === '') {
    r.report('EPS001', 'addressType', addressType, 'is required', `use one of ${oneOf(ADDRESS_TYPES)}`);
  } else if (!ADDRESS_TYPES.includes(addressType)) {
    const fixed = ADDRESS_TYPES.find((t) => t.toLowerCase() === addressType.toLowerCase());
    r.report('EPS001', 'addressType', addressType, `must be one of ${oneOf(ADDRESS_TYPES)}`, fixed ? `did you mean '${fixed}'?` : undefined);
  }
  const endpoints = list(r.m.obj.endpoints);
  if (endpoints.length > MAX_ENDPOINTS) {
    r.report('EPS002', 'endpoints', `${endpoints.length} endpoints`, `must have at most ${MAX_ENDPOINTS} endpoints`, 'split the endpoints over several EndpointSlices with the same `kubernetes.io/service-name` label');
  }
  endpoints.forEach((ep, i) => {
    const at = `endpoints[${i}]`;
    if (!isMap(ep)) {
      return;
    }
    const addresses = list(ep.addresses);
    if (addresses.length === 0) {
      r.report('EPS002', `${at}.addresses`, ep.addresses, 'must have at least 1 address', 'give the endpoint\'s address');
    } else if (addresses.length > MAX_ADDRESSES) {
      r.report('EPS002', `${at}.addresses`, `${addresses.length} addresses`, `must have at most ${MAX_ADDRESSES} addresses`);
    } else if (addresses.length > 1) {
      r.report('EPS007', `${at}.addresses`, addresses, 'has more than one address: consumers (kube-proxy, DNS) use only the first one', 'make one endpoint per address');
    }
    addresses.forEach((a, j) => {
      if (typeof a === 'string') {
        checkSliceAddress(r, `${at}.addresses[${j}]`, a, addressType);
      }
    });
    if (typeof ep.hostname === 'string' && ep.hostname !== '') {
      KubeName.dns1123LabelErrors(ep.hostname).forEach((e) => r.report('EPS006', `${at}.hostname`, ep.hostname, e));
    }
    if (typeof ep.nodeName === 'string' && ep.nodeName !== '') {
      KubeName.dns1123SubdomainErrors(ep.nodeName).forEach((e) => r.report('EPS006', `${at}.nodeName`, ep.nodeName, e));
    }
    const zones = list(map(ep.hints).forZones);
    if (zones.length > MAX_ZONE_HINTS) {
      r.report('EPS006', `${at}.hints.forZones`, `${zones.length} zones`, `must have at most ${MAX_ZONE_HINTS} entries`);
    }
    zones.forEach((z, k) => {
      if (!isMap(z) || typeof z.name !== 'string' || z.name === '') {
        r.report('EPS006', `${at}.hints.forZones[${k}].name`, isMap(z) ? z.name : z, 'is required', 'give the zone name');
      }
    });
  });
  const ports = list(r.m.obj.ports);
  if (ports.length > MAX_PORTS) {
    r.report('EPS005', 'ports', `${ports.length} ports`, `must have at most ${MAX_PORTS} ports`);
  }
  checkPortList(r, ports, 'ports', SLICE_PORT_RULES);
}

function checkSliceAddress(r: Reporter, field: string, address: string, addressType: unknown): void {
  if (addressType === 'FQDN') {
    const name = address.endsWith('.') ? address.slice(0, -1) : address;
    const errors = KubeName.dns1123SubdomainErrors(name);
    errors.forEach((e) => r.report('EPS003', field, address, e, 'an FQDN slice holds DNS names'));
    if (errors.length === 0 && !name.includes('.')) {
      r.report('EPS003', field, address, 'must be a fully qualified domain name with at least two labels separated by \'.\'', `e.g. '${name}.example.com'`);
    }
    return;
  }
  if (addressType !== 'IPv4' && addressType !== 'IPv6') {
    return; // EPS001 already reported it
  }
  const ip = readIpAddress(r, address, field, 'EPS003');
  if (ip === undefined) {
    return;
  }
  if (ip.family !== addressType) {
    r.report('EPS003', field, address, `must be an ${addressType} address, as \`addressType\` says`, `put ${ip.family} addresses in a separate EndpointSlice with \`addressType: ${ip.family}\``);
    return;
  }
  checkEndpointRange(r, ip, address, field, 'EPS004');
}
