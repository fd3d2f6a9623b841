import { FAMILIES, serviceType } from './_service';
import { IpAddress, IpFamily } from '../../../net/ip';
import { Severity } from '../../finding';
import { absent, list, map, oneOf } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

const FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];

export const SVC015: Rule = {
  id: 'SVC015',
  summary: 'ipFamilies or ipFamilyPolicy are invalid or contradict each other',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/services-networking/dual-stack/#services`,
  server: true,
  order: 330,
  check(r) {
    const spec = map(r.m.spec);
    const families = list(spec.ipFamilies);
    const familyPolicy = spec.ipFamilyPolicy;
    if (serviceType(r.m) === 'ExternalName') {
      if (families.length > 0) {
        r.report('SVC015', 'spec.ipFamilies', families, 'must be empty for an ExternalName Service', 'remove `ipFamilies`');
      }
      if (!absent(familyPolicy)) {
        r.report('SVC015', 'spec.ipFamilyPolicy', familyPolicy, 'must be empty for an ExternalName Service', 'remove `ipFamilyPolicy`');
      }
      return;
    }
    const clusterIPs = list(spec.clusterIPs);
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
  },
};
