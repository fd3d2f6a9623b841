import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';
import { hostsMatch } from '../ingress/_ingress';

export const XREF010: Rule = {
  id: 'XREF010',
  summary: 'a TLS host is served by no rule of its Ingress (a misspelt host, or a certificate for nothing this Ingress routes)',
  kinds: ['Ingress'],
  // A warning: the API server accepts it and no traffic depends on it (a controller may even use
  // the certificate as its default one). A rule host that TLS does not cover is ING009.
  severity: Severity.WARNING,
  docsUrl: `${ING_DOCS}#tls`,
  // Reads the Ingress alone, but reports with its cross-object rules, after ING009.
  crossObject: true,
  order: 1080,
  check(r) {
    const spec = map(r.m.spec);
    const tls = list(spec.tls);
    const rules = list(spec.rules).filter(isMap);
    if (tls.length === 0 || rules.length === 0 || rules.some((rule) => typeof rule.host !== 'string' || rule.host === '')) {
      return; // nothing to match; the default backend or a rule without host serves every host
    }
    const hosts = rules.map((rule) => rule.host as string);
    tls.forEach((entry, i) => {
      list(map(entry).hosts).forEach((host, j) => {
        if (typeof host === 'string' && !hosts.some((h) => hostsMatch(host, h))) {
          r.report('XREF010', `spec.tls[${i}].hosts[${j}]`, host, `is served by no rule of this Ingress (rule hosts: ${hosts.map((h) => `'${h}'`).join(', ')}): its certificate is loaded for a host this Ingress routes nothing for`,
            'add a rule for this host, or fix the spelling of one of them');
        }
      });
    });
  },
};
