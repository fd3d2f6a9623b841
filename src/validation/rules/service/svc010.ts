import { serviceType } from './_service';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { absent, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC010: Rule = {
  id: 'SVC010',
  summary: 'an ExternalName Service needs `spec.externalName`, a DNS-1123 subdomain',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#externalname`,
  server: true,
  order: 280,
  check(r) {
    if (serviceType(r.m) !== 'ExternalName') {
      return;
    }
    const name = map(r.m.spec).externalName;
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
    }
  },
};
