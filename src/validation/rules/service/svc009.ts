import { serviceType } from './_service';
import { Severity } from '../../finding';
import { absent, list, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { readIpAddress } from '../net/_ip';

export const SVC009: Rule = {
  id: 'SVC009',
  summary: 'clusterIP or clusterIPs are invalid for the Service type (not an IP or None, None on NodePort/LoadBalancer, set on ExternalName)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#headless-services`,
  server: true,
  order: 270,
  carries: ['NET001'],
  check(r) {
    const spec = map(r.m.spec);
    const type = serviceType(r.m);
    const clusterIPs = list(spec.clusterIPs);
    if (type === 'ExternalName') {
      if (!absent(spec.clusterIP)) {
        r.report('SVC009', 'spec.clusterIP', spec.clusterIP, 'must be empty for an ExternalName Service', 'remove `clusterIP`');
      }
      if (clusterIPs.length > 0) {
        r.report('SVC009', 'spec.clusterIPs', spec.clusterIPs, 'must be empty for an ExternalName Service', 'remove `clusterIPs`');
      }
      return;
    }
    const headless = spec.clusterIP === 'None';
    if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
      r.report('SVC009', 'spec.clusterIP', 'None', `may not be 'None' for a ${type} Service`, 'remove `clusterIP: None`, or use a ClusterIP Service');
    }
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== '' && !headless) {
      readIpAddress(r, spec.clusterIP, 'spec.clusterIP', 'SVC009', (e) => `must be empty, 'None', or an IP address: ${e}`);
    }
    if (clusterIPs.length === 0) {
      return;
    }
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
  },
};
