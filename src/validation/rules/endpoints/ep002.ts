import { forEachAddress } from './_endpoints';
import { Severity } from '../../finding';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { checkEndpointRange, readIpAddress } from '../net/_ip';
import { PORT_WALK } from '../service/_ports';

export const EP002: Rule = {
  id: 'EP002',
  summary: 'an Endpoints address is not a valid IP, or is in a range the API server refuses for endpoints (unspecified, loopback, link-local, link-local multicast)',
  kinds: ['Endpoints'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#endpoints`,
  server: true,
  walk: PORT_WALK,
  carries: ['NET001', 'NET002'],
  check(r) {
    forEachAddress(r, (a, at) => {
      if (typeof a.ip !== 'string' || a.ip === '') {
        r.report('EP002', `${at}.ip`, a.ip, 'is required', 'give the backend\'s IP address');
      } else {
        const ip = readIpAddress(r, a.ip, `${at}.ip`, 'EP002');
        if (ip) {
          checkEndpointRange(r, ip, a.ip, `${at}.ip`, 'EP002');
        }
      }
    });
  },
};
