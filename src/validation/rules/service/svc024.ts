import { Severity } from '../../finding';
import { map } from '../_engine';
import { D } from '../_links';
import { Rule } from '../_rule';

const TOLERATE_UNREADY = 'service.alpha.kubernetes.io/tolerate-unready-endpoints';

export const SVC024: Rule = {
  id: 'SVC024',
  summary: 'the annotation `service.alpha.kubernetes.io/tolerate-unready-endpoints` was removed: use `spec.publishNotReadyAddresses`',
  kinds: ['Service'],
  severity: Severity.WARNING,
  docsUrl: `${D}/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec`,
  one: true,
  order: 360,
  check(r) {
    const annotations = map(r.m.annotations);
    if (annotations[TOLERATE_UNREADY] !== undefined) {
      const published = map(r.m.spec).publishNotReadyAddresses === true;
      r.report('SVC024', `metadata.annotations[${TOLERATE_UNREADY}]`, annotations[TOLERATE_UNREADY],
        published ? 'is no longer read by Kubernetes (removed in 1.24); `spec.publishNotReadyAddresses` publishes the not-ready pods'
          : 'is no longer read by Kubernetes (removed in 1.24): not-ready pods are not published',
        published ? 'remove the annotation' : 'set `spec.publishNotReadyAddresses: true` and remove the annotation');
    }
  },
};
