import { Manifest, Reporter, RuleSettings, absent, isMap, keyErrors, list, map, oneOf } from './_engine';
import { checkEndpointRange, readIpAddress } from './_ip';
import { PortListRules, checkPortList } from './_ports';
import { IpAddress, IpFamily, Cidr } from '../../net/ip';
import { KubeName } from '../../net/names';
import { PortRules } from '../../net/port';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const AFFINITIES = ['None', 'ClientIP'];
const POLICIES = ['Cluster', 'Local'];
const FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
const FAMILIES = ['IPv4', 'IPv6'];
const MAX_AFFINITY_SECONDS = 86400;
const LB_SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const TOLERATE_UNREADY = 'service.alpha.kubernetes.io/tolerate-unready-endpoints';
const SERVICE_PORT_RULES: PortListRules = {
  number: 'SVC002',
  name: 'SVC003',
  protocol: 'SVC004',
  appProtocol: 'SVC017',
  nameRequiredWhenSeveral: true,
  numberOptional: false,
};

/** The type a Service gets: `spec.type`, defaulted to ClusterIP. */
export function serviceType(svc: Manifest): string {
  const t = map(svc.spec).type;
  return typeof t === 'string' && t !== '' ? t : 'ClusterIP';
}

/** Whether a Service is headless (`clusterIP: None`). */
export function isHeadless(svc: Manifest): boolean {
  return map(svc.spec).clusterIP === 'None';
}

/**
 * The rules a 1.28 API server applies to a `v1` Service (after defaulting).
 */
export function checkService(r: Reporter, settings: RuleSettings): void {
  const spec = map(r.m.spec);
  const type = serviceType(r.m);
  const headless = spec.clusterIP === 'None';
  const ports = list(spec.ports);

  if (!TYPES.includes(type)) {
    r.report('SVC008', 'spec.type', spec.type, `must be one of ${oneOf(TYPES)}`);
  }

  // Ports
  if (ports.length === 0 && !headless && type !== 'ExternalName') {
    const hint = !absent(spec.externalName)
      ? 'this Service has `externalName` but no `type`: set `type: ExternalName` (which needs no ports)'
      : 'add at least one port, or make the Service headless (`clusterIP: None`)';
    r.report('SVC001', 'spec.ports', spec.ports, 'is required for a Service that is not headless or of type ExternalName', hint);
  }
  checkPortList(r, ports, 'spec.ports', SERVICE_PORT_RULES);
  // Port (and node port) and protocol to the first port with them: only several ports can repeat one.
  const seen = ports.length > 1 ? new Map<string, number>() : undefined;
  const nodePorts = ports.length > 1 ? new Map<string, number>() : undefined;
  ports.forEach((p, i) => {
    if (!isMap(p)) {
      return;
    }
    // (the field of the port, `spec.ports[${i}]`, is only written out for a finding)
    const protocol = typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
    if (typeof p.port === 'number' && seen) {
      const key = `${p.port}/${protocol}`;
      const first = seen.get(key);
      if (first !== undefined) {
        r.report('SVC005', `spec.ports[${i}]`, key, `must be unique: spec.ports[${first}] has the same port and protocol`, 'remove the duplicate or change its port');
      } else {
        seen.set(key, i);
      }
    }
    const tp = p.targetPort;
    if (typeof tp === 'number' && tp !== 0) {
      for (const e of PortRules.portNumberErrors(tp)) {
        r.report('SVC006', `spec.ports[${i}].targetPort`, tp, e);
      }
    } else if (typeof tp === 'string' && tp !== '') {
      if (/^[0-9]+$/.test(tp)) {
        r.report('SVC006', `spec.ports[${i}].targetPort`, tp, 'must be a number or a port name: a string of digits is read as a name, and names need a letter', `write it as a number: ${tp}`);
      } else {
        for (const e of KubeName.ianaSvcNameErrors(tp)) {
          r.report('SVC006', `spec.ports[${i}].targetPort`, tp, e, 'name a container port with an IANA service name (e.g. \'http\')');
        }
      }
    }
    const np = p.nodePort;
    if (typeof np === 'number' && np !== 0) {
      if (type === 'ClusterIP' || type === 'ExternalName') {
        r.report('SVC007', `spec.ports[${i}].nodePort`, np, `may not be used when \`type\` is '${type}'`, 'remove `nodePort` or set `type` to \'NodePort\' or \'LoadBalancer\'');
      } else if (!Number.isInteger(np) || np < settings.nodePortMin || np > settings.nodePortMax) {
        r.report('SVC007', `spec.ports[${i}].nodePort`, np, `must be in the cluster's node port range ${settings.nodePortMin}-${settings.nodePortMax}`, 'pick a port in the range, or leave `nodePort` out to get one allocated');
      }
      if (nodePorts) {
        const key = `${np}/${protocol}`;
        const first = nodePorts.get(key);
        if (first !== undefined) {
          r.report('SVC007', `spec.ports[${i}].nodePort`, np, `must be unique: spec.ports[${first}] has the same node port and protocol`);
        } else {
          nodePorts.set(key, i);
        }
      }
    }
  });

  // clusterIP / clusterIPs / headless
  const clusterIPs = list(spec.clusterIPs);
  if (type === 'ExternalName') {
    if (!absent(spec.clusterIP)) {
      r.report('SVC009', 'spec.clusterIP', spec.clusterIP, 'must be empty for an ExternalName Service', 'remove `clusterIP`');
    }
    if (clusterIPs.length > 0) {
      r.report('SVC009', 'spec.clusterIPs', spec.clusterIPs, 'must be empty for an ExternalName Service', 'remove `clusterIPs`');
    }
  } else {
    if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
      r.report('SVC009', 'spec.clusterIP', 'None', `may not be 'None' for a ${type} Service`, 'remove `clusterIP: None`, or use a ClusterIP Service');
    }
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && !headless) {
      readIpAddress(r, spec.clusterIP, 'spec.clusterIP', 'SVC009', (e) => `must be empty, 'None', or an IP address: ${e}`);
    }
    if (clusterIPs.length > 0) {
      // The API server fills `clusterIPs` from `clusterIP`, never the other way round.
      if (absent(spec.clusterIP)) {
        r.report('SVC009', 'spec.clusterIPs', clusterIPs, 'must not be set without `clusterIP`: the API server requires `clusterIPs[0]` to equal `clusterIP`',
          `set \`clusterIP: ${typeof clusterIPs[0] === 'string' ? clusterIPs[0] : '<first address>'}\` as well`);
      } else if (clusterIPs[0] !== spec.clusterIP) {
        r.report('SVC009', 'spec.clusterIPs[0]', clusterIPs[0], `must be equal to \`clusterIP\` ('${spec.clusterIP}')`);
      }
      if (clusterIPs.length > 2) {
        r.report('SVC009', 'spec.clusterIPs', clusterIPs, 'must have at most 2 entries (one per IP family)');
      }
      if (clusterIPs.includes('None') && clusterIPs.length > 1) {
        r.report('SVC009', 'spec.clusterIPs', clusterIPs, 'must be [\'None\'] alone for a headless Service');
      }
      const families: string[] = [];
      clusterIPs.forEach((ip, i) => {
        if (ip === 'None' || typeof ip !== 'string') {
          return;
        }
        const parsed = readIpAddress(r, ip, `spec.clusterIPs[${i}]`, 'SVC009', (e) => `must be 'None' or an IP address: ${e}`);
        if (parsed) {
          const fam = parsed.family;
          if (families.includes(fam)) {
            r.report('SVC009', `spec.clusterIPs[${i}]`, ip, 'must be of the other IP family than spec.clusterIPs[0] (dual-stack)');
          }
          families.push(fam);
        }
      });
    }
  }

  // ExternalName
  if (type === 'ExternalName') {
    const name = spec.externalName;
    if (absent(name)) {
      r.report('SVC010', 'spec.externalName', name, 'is required for an ExternalName Service', 'give the DNS name of the backend, e.g. \'db.example.com\'');
    } else if (typeof name === 'string') {
      const clean = name.endsWith('.') ? name.slice(0, -1) : name;
      const errors = KubeName.dns1123SubdomainErrors(clean);
      let fix: string | undefined;
      if (/^[a-z]+:\/\//i.test(clean)) {
        fix = `give a host name only, without scheme or path: '${clean.replace(/^[a-z]+:\/\//i, '').split(/[/:]/)[0]}'`;
      } else if (/:[0-9]+$/.test(clean)) {
        fix = `give a host name only: the port belongs in \`spec.ports\`: '${clean.replace(/:[0-9]+$/, '')}'`;
      }
      errors.forEach((e) => r.report('SVC010', 'spec.externalName', name, e, fix));
      if (errors.length === 0 && IpAddress.isValid(clean)) {
        r.report('SVC020', 'spec.externalName', name, 'is an IP address: an ExternalName is a DNS CNAME, and a CNAME to an IP address resolves to nothing',
          'for an IP backend use a Service without selector plus an EndpointSlice with that address');
      }
    }
  } else if (!absent(spec.externalName)) {
    r.report('SVC019', 'spec.externalName', spec.externalName, `is ignored because \`type\` is '${type}'`, 'set `type: ExternalName`, or remove `externalName`');
  }

  // Session affinity
  const affinity = absent(spec.sessionAffinity) ? 'None' : spec.sessionAffinity;
  if (!AFFINITIES.includes(affinity)) {
    r.report('SVC011', 'spec.sessionAffinity', affinity, `must be one of ${oneOf(AFFINITIES)}`);
  } else if (affinity === 'ClientIP') {
    const timeout = map(map(spec.sessionAffinityConfig).clientIP).timeoutSeconds;
    // A missing config is defaulted to 10800 seconds.
    if (typeof timeout === 'number' && (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_AFFINITY_SECONDS)) {
      r.report('SVC011', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, `must be a whole number from 1 to ${MAX_AFFINITY_SECONDS} (one day)`, 'the default is 10800 (3 hours)');
    }
  } else if (!absent(spec.sessionAffinityConfig)) {
    // Defaulting clears the config of a Service without affinity before validation.
    r.report('SVC022', 'spec.sessionAffinityConfig', spec.sessionAffinityConfig, 'is dropped by the API server because `sessionAffinity` is \'None\': clients get no affinity', 'set `sessionAffinity: ClientIP`, or remove `sessionAffinityConfig`');
  }

  // External IPs
  list(spec.externalIPs).forEach((ip, i) => {
    if (typeof ip !== 'string') {
      return;
    }
    const parsed = readIpAddress(r, ip, `spec.externalIPs[${i}]`, 'SVC012');
    if (parsed) {
      checkEndpointRange(r, parsed, ip, `spec.externalIPs[${i}]`, 'SVC012');
    }
  });

  // Source ranges
  const ranges = list(spec.loadBalancerSourceRanges);
  const annotation = map(r.m.annotations)[LB_SOURCE_RANGES_ANNOTATION];
  if (ranges.length > 0 || typeof annotation === 'string') {
    const field = ranges.length > 0 ? 'spec.loadBalancerSourceRanges' : `metadata.annotations[${LB_SOURCE_RANGES_ANNOTATION}]`;
    if (type !== 'LoadBalancer') {
      r.report('SVC013', field, ranges.length > 0 ? ranges : annotation, 'may only be used when `type` is \'LoadBalancer\'', 'set `type: LoadBalancer`, or remove the source ranges');
    }
    const values: unknown[] = ranges.length > 0 ? ranges : String(annotation).split(',').map((s) => s.trim());
    values.forEach((cidr, i) => {
      if (typeof cidr !== 'string') {
        return;
      }
      // The API server trims space around each range before parsing it (so does kube-proxy).
      for (const e of Cidr.errors(cidr.trim())) {
        r.report('SVC013', ranges.length > 0 ? `${field}[${i}]` : field, cidr, e);
      }
    });
  }

  // Traffic policies
  const etp = spec.externalTrafficPolicy;
  if (!absent(etp)) {
    if (!POLICIES.includes(etp)) {
      r.report('SVC014', 'spec.externalTrafficPolicy', etp, `must be one of ${oneOf(POLICIES)}`);
    } else if (type !== 'NodePort' && type !== 'LoadBalancer' && !(type === 'ClusterIP' && list(spec.externalIPs).length > 0 && r.settings.minor >= 29)) {
      // Kubernetes 1.29 accepts it on a ClusterIP Service with externalIPs (kubernetes#119150); 1.28 does not.
      r.report('SVC014', 'spec.externalTrafficPolicy', etp, list(spec.externalIPs).length > 0 && type === 'ClusterIP'
        ? 'may only be set on a NodePort or LoadBalancer Service before Kubernetes 1.29, not on a ClusterIP Service with `externalIPs`'
        : `may only be set on an externally reachable Service (NodePort, LoadBalancer, or from 1.29 with \`externalIPs\`), not on this '${type}' one`, 'remove `externalTrafficPolicy`');
    }
  }
  const itp = spec.internalTrafficPolicy;
  if (!absent(itp) && !POLICIES.includes(itp)) {
    r.report('SVC014', 'spec.internalTrafficPolicy', itp, `must be one of ${oneOf(POLICIES)}`);
  }
  const hc = spec.healthCheckNodePort;
  if (typeof hc === 'number' && hc !== 0) {
    if (type !== 'LoadBalancer' || etp !== 'Local') {
      r.report('SVC014', 'spec.healthCheckNodePort', hc, 'may only be set on a LoadBalancer Service with `externalTrafficPolicy: Local`', 'remove `healthCheckNodePort`');
    } else if (hc < 0 || hc > PortRules.MAX_PORT) {
      r.report('SVC014', 'spec.healthCheckNodePort', hc, 'must be between 1 and 65535');
    }
  }

  // IP families
  const families = list(spec.ipFamilies);
  const familyPolicy = spec.ipFamilyPolicy;
  if (type === 'ExternalName') {
    if (families.length > 0) {
      r.report('SVC015', 'spec.ipFamilies', families, 'must be empty for an ExternalName Service', 'remove `ipFamilies`');
    }
    if (!absent(familyPolicy)) {
      r.report('SVC015', 'spec.ipFamilyPolicy', familyPolicy, 'must be empty for an ExternalName Service', 'remove `ipFamilyPolicy`');
    }
  } else {
    if (!absent(familyPolicy) && !FAMILY_POLICIES.includes(familyPolicy)) {
      r.report('SVC015', 'spec.ipFamilyPolicy', familyPolicy, `must be one of ${oneOf(FAMILY_POLICIES)}`);
    }
    if (families.length > 2) {
      r.report('SVC015', 'spec.ipFamilies', families, 'must have at most 2 entries');
    }
    families.forEach((f, i) => {
      if (!FAMILIES.includes(f)) {
        r.report('SVC015', `spec.ipFamilies[${i}]`, f, `must be one of ${oneOf(FAMILIES)}`);
      } else if (families.indexOf(f) !== i) {
        r.report('SVC015', `spec.ipFamilies[${i}]`, f, 'must not repeat a family');
      }
    });
    if ((absent(familyPolicy) || familyPolicy === 'SingleStack') && (families.length > 1 || clusterIPs.filter((ip) => ip !== 'None').length > 1)) {
      r.report('SVC015', 'spec.ipFamilyPolicy', familyPolicy, 'must be \'PreferDualStack\' or \'RequireDualStack\' when two IP families or cluster IPs are given (it defaults to \'SingleStack\')');
    }
    // ClusterIPs must match the families given.
    clusterIPs.forEach((ip, i) => {
      if (typeof ip === 'string' && ip !== 'None' && IpAddress.isValid(ip) && typeof families[i] === 'string'
        && FAMILIES.includes(families[i]) && IpAddress.parse(ip).family !== (families[i] as IpFamily)) {
        r.report('SVC015', `spec.ipFamilies[${i}]`, families[i], `must match the family of spec.clusterIPs[${i}] ('${ip}')`);
      }
    });
  }

  // LoadBalancer-only fields
  if (type !== 'LoadBalancer') {
    if (!absent(spec.loadBalancerClass)) {
      r.report('SVC016', 'spec.loadBalancerClass', spec.loadBalancerClass, 'may only be used when `type` is \'LoadBalancer\'', 'remove `loadBalancerClass`');
    }
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null) {
      r.report('SVC016', 'spec.allocateLoadBalancerNodePorts', spec.allocateLoadBalancerNodePorts, 'may only be used when `type` is \'LoadBalancer\'', 'remove `allocateLoadBalancerNodePorts`');
    }
  } else if (typeof spec.loadBalancerClass === 'string' && spec.loadBalancerClass !== '') {
    for (const e of KubeName.qualifiedNameErrors(spec.loadBalancerClass)) {
      r.report('SVC016', 'spec.loadBalancerClass', spec.loadBalancerClass, e, 'use a prefixed name such as \'example.com/internal-vip\'');
    }
  }

  // Annotations the API server reads
  const annotations = map(r.m.annotations);
  const mode = annotations[TOPOLOGY_MODE];
  const hints = annotations[TOPOLOGY_HINTS];
  if (typeof mode === 'string' && typeof hints === 'string' && mode !== hints) {
    r.report('SVC023', `metadata.annotations[${TOPOLOGY_MODE}]`, mode, `must equal the annotation '${TOPOLOGY_HINTS}' ('${hints}') when both are set`,
      `keep only '${TOPOLOGY_MODE}' (the other is deprecated)`);
  }
  if (annotations[TOLERATE_UNREADY] !== undefined) {
    r.report('SVC024', `metadata.annotations[${TOLERATE_UNREADY}]`, annotations[TOLERATE_UNREADY],
      'is no longer read by Kubernetes (removed in 1.24): not-ready pods are not published',
      spec.publishNotReadyAddresses === true ? 'remove the annotation: `publishNotReadyAddresses` is set' : 'set `spec.publishNotReadyAddresses: true` and remove the annotation');
  }

  // The cluster's IP families, when stated
  const clusterFamilies = r.settings.ipFamilies;
  if (clusterFamilies !== undefined && type !== 'ExternalName') {
    families.forEach((f, i) => {
      if (typeof f === 'string' && FAMILIES.includes(f) && !clusterFamilies.includes(f)) {
        r.report('SVC025', `spec.ipFamilies[${i}]`, f, `is not a family of the cluster (${clusterFamilies.join(', ')})`, 'remove it, or check the cluster\'s IP families');
      }
    });
    if (familyPolicy === 'RequireDualStack' && clusterFamilies.length < 2) {
      r.report('SVC025', 'spec.ipFamilyPolicy', familyPolicy, `needs a dual-stack cluster, and this one has ${clusterFamilies.join(', ')} only`, 'use \'PreferDualStack\' or \'SingleStack\'');
    }
  }

  // Selector
  if (isMap(spec.selector)) {
    for (const [key, value] of Object.entries(spec.selector)) {
      for (const e of keyErrors(key)) {
        r.report('SVC018', 'spec.selector', key, `key ${e}`);
      }
      if (typeof value === 'string') {
        for (const e of KubeName.labelValueErrors(value)) {
          r.report('SVC018', `spec.selector[${key}]`, value, e);
        }
      }
    }
  }
}
