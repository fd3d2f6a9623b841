import { hostsMatch, tlsHostsOf } from './_ingress';
import { Severity } from '../../finding';
import { isMap, list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const ING009: Rule = {
  id: 'ING009',
  summary: 'a rule host is covered by no TLS entry of an Ingress that has TLS: it is served with the controller\'s default certificate, or over plain HTTP',
  kinds: ['Ingress'],
  severity: Severity.WARNING,
  docsUrl: `${ING_DOCS}#tls`,
  // Reads the Ingress alone, but reports with the cross-object rules of an Ingress, before
  // XREF010 (which compares the same hosts the other way round).
  crossObject: true,
  order: 1070,
  check(r) {
    const spec = map(r.m.spec);
    const tls = list(spec.tls);
    if (tls.length === 0) {
      return;
    }
    const tlsHosts = tlsHostsOf(tls);
    // Rule hosts that TLS does not cover are served without the Ingress's certificate. A TLS
    // entry without hosts applies to every host (ingress-nginx and others use its Secret as the
    // default certificate), so only entries that list hosts say which are covered.
    if (tlsHosts.length === 0 || !tls.every((entry) => list(map(entry).hosts).length > 0)) {
      return;
    }
    list(spec.rules).filter(isMap).forEach((rule, i) => {
      const host = rule.host;
      if (typeof host === 'string' && host !== '' && !tlsHosts.some((h) => hostsMatch(h, host))) {
        r.report('ING009', `spec.rules[${i}].host`, host, `is covered by no TLS entry of this Ingress (TLS hosts: ${tlsHosts.map((h) => `'${h}'`).join(', ')}): it is served with the controller's default certificate, or over plain HTTP`,
          'add the host to a `spec.tls[].hosts` list with a certificate for it');
      }
    });
  },
};
