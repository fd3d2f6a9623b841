import { FAMILIES, serviceType } from './_service';
import { Severity } from '../../finding';
import { list, map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

export const SVC025: Rule = {
  id: 'SVC025',
  summary: 'the Service asks for an IP family the cluster does not have (`ipFamilies`, `RequireDualStack`), as stated with `ipFamilies`',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/concepts/services-networking/dual-stack/#services`,
  server: true,
  order: 370,
  check(r) {
    const clusterFamilies = r.settings.ipFamilies;
    if (clusterFamilies === undefined || serviceType(r.m) === 'ExternalName') {
      return;
    }
    const spec = map(r.m.spec);
    list(spec.ipFamilies).forEach((f, i) => {
      if (typeof f === 'string' && FAMILIES.includes(f) && !clusterFamilies.includes(f)) {
        r.report('SVC025', `spec.ipFamilies[${i}]`, f, `is not a family of the cluster (${clusterFamilies.join(', ')})`, 'remove it, or check the cluster\'s IP families');
      }
    });
    if (spec.ipFamilyPolicy === 'RequireDualStack' && clusterFamilies.length < 2) {
      r.report('SVC025', 'spec.ipFamilyPolicy', spec.ipFamilyPolicy, `needs a dual-stack cluster, and this one has ${clusterFamilies.join(', ')} only`, 'use \'PreferDualStack\' or \'SingleStack\'');
    }
  },
};
