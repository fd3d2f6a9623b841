import { Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ValidationError, ValidationProblem } from '../../src';
import { underSafetyNet } from '../../src/validation/_safety-net';
import * as checker from '../../src/validation/checker';

/** A stand-in for a construct of this library: it emits what it is given, under the net. */
class Emitter extends Construct {
  public constructor(scope: Construct, id: string, spec: any, check?: () => ValidationProblem[]) {
    super(scope, id);
    new k8s.KubeService(this, 'Resource', { metadata: { name: id.toLowerCase() }, spec });
    underSafetyNet(this, check);
  }
}

function problemsOf(fn: () => unknown): ValidationProblem[] {
  try {
    fn();
  } catch (e) {
    if (ValidationError.isValidationError(e)) {
      return (e as ValidationError).problems;
    }
    throw e;
  }
  throw new Error('expected a ValidationError');
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('safety net', () => {
  test('clean objects synthesize', () => {
    // GIVEN
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    // WHEN / THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('fails if an emitted object breaks a rule: construct path of the object, manifest field', () => {
    // GIVEN a construct that emits a Service with port 99999 and a nodePort on a ClusterIP Service
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { clusterIP: 'None', ports: [{ name: 'http', port: 99999, nodePort: 30080 }] });
    // WHEN
    const problems = problemsOf(() => Testing.synth(chart));
    // THEN every error finding is a problem at the ApiObject's path, with the field the server would name
    expect(problems).toEqual([
      expect.objectContaining({ path: 'test/Web/Resource', field: 'spec.ports[0].port', value: '99999', message: expect.stringMatching(/^must be between 1 and 65535 \(Service 'web', rule SVC002\)$/) }),
      expect.objectContaining({ path: 'test/Web/Resource', field: 'spec.ports[0].nodePort', message: expect.stringMatching(/rule SVC007/) }),
    ]);
  });

  test('objects not emitted under this library\'s constructs are context, not findings', () => {
    // GIVEN a hand-written Service that is wrong, next to a clean construct
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    new k8s.KubeService(chart, 'Foreign', { spec: { ports: [{ port: 99999 }] } });
    // WHEN / THEN
    expect(Testing.synth(chart)).toHaveLength(2);
  });

  test('warnings do not fail the synth', () => {
    // GIVEN a Service whose selector matches no pods (XREF001 is a warning)
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { selector: { app: 'elsewhere' }, ports: [{ name: 'http', port: 80 }] });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('deferred checks run first; when they find problems the manifests are not checked again', () => {
    // GIVEN a construct whose deferred check fails, and whose object is also wrong
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { ports: [{ port: 99999 }] }, () => [{ path: 'test/Web', field: 'port', value: '99999', message: 'must be between 1 and 65535' }]);
    // WHEN
    const problems = problemsOf(() => Testing.synth(chart));
    // THEN only the deferred problem is reported
    expect(problems).toEqual([{ path: 'test/Web', field: 'port', value: '99999', message: 'must be between 1 and 65535' }]);
  });

  test('the checker runs once per app per synth pass, with every object of the app', () => {
    // GIVEN an app with two charts of constructs
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new Emitter(a, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    new Emitter(b, 'Two', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    const spy = jest.spyOn(checker, 'checkManifests');
    // WHEN the app is synthesized
    app.synth();
    // THEN one run saw both objects
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toHaveLength(2);
  });
});
