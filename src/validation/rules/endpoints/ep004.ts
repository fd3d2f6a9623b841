import { forEachAddress } from './_endpoints';
import { KubeName } from '../../../net/names';
import { Severity } from '../../finding';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { PORT_WALK } from '../service/_ports';

export const EP004: Rule = {
  id: 'EP004',
  summary: 'an Endpoints address hostname or nodeName is invalid',
  kinds: ['Endpoints'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#endpoints`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    forEachAddress(r, (a, at) => {
      if (typeof a.hostname === 'string' && a.hostname !== '') {
        KubeName.dns1123LabelErrors(a.hostname).forEach((e) => r.report('EP004', `${at}.hostname`, a.hostname, e));
      }
      if (typeof a.nodeName === 'string' && a.nodeName !== '') {
        KubeName.dns1123SubdomainErrors(a.nodeName).forEach((e) => r.report('EP004', `${at}.nodeName`, a.nodeName, e));
      }
    });
  },
};
