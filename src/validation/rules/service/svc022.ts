import { Severity } from '../../finding';
import { absent, map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

export const SVC022: Rule = {
  id: 'SVC022',
  summary: '`sessionAffinityConfig` is set while `sessionAffinity` is None: the API server drops it',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${D}/reference/networking/virtual-ips/#session-affinity`,
  one: true,
  order: 291,
  check(r) {
    const spec = map(r.m.spec);
    // Defaulting clears the config of a Service without affinity before validation.
    if ((absent(spec.sessionAffinity) || spec.sessionAffinity === 'None') && !absent(spec.sessionAffinityConfig)) {
      r.report('SVC022', 'spec.sessionAffinityConfig', spec.sessionAffinityConfig, 'is dropped by the API server because `sessionAffinity` is \'None\': clients get no affinity', 'set `sessionAffinity: ClientIP`, or remove `sessionAffinityConfig`');
    }
  },
};
