import { INGRESS_WALK, hostErrors } from './_ingress';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { list, map } from '../_engine';
import { ING_DOCS } from '../_links';
import { Rule } from '../_rule';

export const ING007: Rule = {
  id: 'ING007',
  summary: 'a TLS host is not a DNS name or wildcard, or a TLS secretName is not a DNS-1123 subdomain',
  kinds: ['Ingress'],
  severity: Severity.ERROR,
  docsUrl: `${ING_DOCS}#tls`,
  server: true,
  walk: INGRESS_WALK,
  check(r) {
    list(map(r.m.spec).tls).forEach((tls, i) => {
      list(map(tls).hosts).forEach((host, j) => {
        if (typeof host === 'string') {
          hostErrors(host).forEach((e) => r.report('ING007', `spec.tls[${i}].hosts[${j}]`, host, e));
        }
      });
      const secretName = map(tls).secretName;
      if (typeof secretName === 'string' && secretName !== '') {
        KubeName.dns1123SubdomainErrors(secretName).forEach((e) => r.report('ING007', `spec.tls[${i}].secretName`, secretName, e, 'name the Secret that holds the certificate'));
      }
    });
  },
};
