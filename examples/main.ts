// The example app: every scenario of the library, one chart each, synthesized with
// `npm run example` into examples/dist/*.k8s.yaml.
import { App } from 'cdk8s';

const app = new App();

app.synth();
