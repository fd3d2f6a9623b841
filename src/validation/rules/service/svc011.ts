import { Severity } from '../../finding';
import { absent, map, oneOf } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

const AFFINITIES = ['None', 'ClientIP'];
const MAX_AFFINITY_SECONDS = 86400;

export const SVC011: Rule = {
  id: 'SVC011',
  summary: 'sessionAffinity is not None or ClientIP, or its config does not match (timeout 1 to 86400 seconds)',
  kinds: ['Service'],
  severity: Severity.ERROR,
  docsUrl: `${D}/reference/networking/virtual-ips/#session-affinity`,
  server: true,
  order: 290,
  check(r) {
    const spec = map(r.m.spec);
    const affinity = absent(spec.sessionAffinity) ? 'None' : spec.sessionAffinity;
    if (!AFFINITIES.includes(affinity)) {
      r.report('SVC011', 'spec.sessionAffinity', affinity, `must be one of ${oneOf(AFFINITIES)}`);
    } else if (affinity === 'ClientIP') {
      const timeout = map(map(spec.sessionAffinityConfig).clientIP).timeoutSeconds;
      // A missing config is defaulted to 10800 seconds.
      if (typeof timeout === 'number' && (!Number.isInteger(timeout) || timeout < 1 || timeout > MAX_AFFINITY_SECONDS)) {
        r.report('SVC011', 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, `must be a whole number from 1 to ${MAX_AFFINITY_SECONDS} (one day)`, 'the default is 10800 (3 hours)');
      }
    }
  },
};
