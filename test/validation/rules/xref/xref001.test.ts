import { XREF001 } from '../../../../src/validation/rules/xref/xref001';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(XREF001, [
  { title: 'a selector that matches no pods', pass: [web(), WEB_PODS], fail: [web({ selector: { app: 'wbe' } }), WEB_PODS], field: 'spec.selector' },
]);
