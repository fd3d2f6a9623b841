import { Severity } from '../../finding';
import { isMap, list } from '../_engine';
import { SVC_DOCS } from '../_links';
import { Rule } from '../_rule';
import { PORT_WALK } from '../service/_ports';

export const EP001: Rule = {
  id: 'EP001',
  summary: 'an Endpoints subset has neither `addresses` nor `notReadyAddresses`',
  kinds: ['Endpoints'],
  severity: Severity.ERROR,
  docsUrl: `${SVC_DOCS}#endpoints`,
  server: true,
  walk: PORT_WALK,
  check(r) {
    list(r.m.obj.subsets).forEach((subset, i) => {
      if (isMap(subset) && list(subset.addresses).length === 0 && list(subset.notReadyAddresses).length === 0) {
        r.report('EP001', `subsets[${i}]`, undefined, 'must have `addresses` or `notReadyAddresses`', 'add the backend addresses, or remove the empty subset');
      }
    });
  },
};
