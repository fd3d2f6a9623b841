import { serviceType } from './_service';
import { Severity } from '../../finding';
import { absent, map } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';

export const SVC019: Rule = {
  id: 'SVC019',
  summary: '`externalName` is ignored because the Service type is not ExternalName',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${SVC_DOCS}#externalname`,
  one: true,
  order: 282,
  check(r) {
    const type = serviceType(r.m);
    const externalName = map(r.m.spec).externalName;
    if (type !== 'ExternalName' && !absent(externalName)) {
      r.report('SVC019', 'spec.externalName', externalName, `is ignored because \`type\` is '${type}'`, 'set `type: ExternalName`, or remove `externalName`');
    }
  },
};
