import { META001 } from '../../../../src/validation/rules/meta/meta001';
import { WEB_PODS, web } from '../../_fixtures';
import { ruleCases } from '../_case';

ruleCases(META001, [
  { title: 'a Service name with an underscore', pass: [web(), WEB_PODS], fail: [{ ...web(), metadata: { name: 'my_web' } }, WEB_PODS], field: 'metadata.name' },
]);
