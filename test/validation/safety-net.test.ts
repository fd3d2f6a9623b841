import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ValidationProblem } from '../../src';
import * as checker from '../../src/validation/_check';
import { underSafetyNet } from '../../src/validation/_safety-net';
import { problemsOf } from '../_problems';

/** A stand-in for a construct of this library: it emits the Service spec it is given, as is, under the net. */
class Emitter extends Construct {
  public constructor(scope: Construct, id: string, spec: any, check?: () => ValidationProblem[]) {
    super(scope, id);
    new ApiObject(this, 'Resource', { apiVersion: 'v1', kind: 'Service', metadata: { name: id.toLowerCase() }, spec });
    underSafetyNet(this, check);
  }
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
    // GIVEN a hand-written Service that is wrong (port 99999), next to a clean construct
    const chart = Testing.chart();
    new ApiObject(chart, 'Foreign', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'foreign' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 99999 }] } });
    new Emitter(chart, 'Web', { ports: [{ name: 'http', port: 80 }] });
    expect(Testing.synth(chart)).toHaveLength(2);
    // WHEN the construct asks for the cluster IP the hand-written Service already has
    const other = Testing.chart();
    new ApiObject(other, 'Foreign', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'foreign' }, spec: { clusterIP: '10.96.0.10', ports: [{ port: 99999 }] } });
    new Emitter(other, 'Web', { clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80 }] });
    // THEN the hand-written Service was context for the construct's object, and is not reported itself
    expect(problemsOf(() => Testing.synth(other))).toEqual([
      expect.objectContaining({ path: 'test/Web/Resource', field: 'spec.clusterIP', message: expect.stringMatching(/is already taken by Service '(default\/)?foreign'.*rule SVC021/) }),
    ]);
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

  test('every object is rendered once per app synth: the synth takes the rendering the net checked', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new Emitter(chart, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    const obj = ApiObject.of(chart.node.findChild('One'));
    const render = jest.spyOn(ApiObject.prototype, 'toJson');
    // WHEN
    app.synthYaml();
    // THEN
    expect(render.mock.contexts.filter((c) => c === obj)).toHaveLength(1);
  });

  test('a synth after a change sees the change, and the net checks it again', () => {
    // GIVEN a clean chart, synthesized once
    const chart = Testing.chart();
    const one = new Emitter(chart, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    expect(Testing.synth(chart)[0].spec.ports[0].port).toBe(80);
    // WHEN the object changes and the chart is synthesized again in the same tick
    ApiObject.of(one).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 99999));
    // THEN the new rendering is checked (and refused), not the one of the first synth
    expect(problemsOf(() => Testing.synth(chart)).map((p) => p.field)).toEqual(['spec.ports[0].port']);
  });

  test('an object rendered by the net but not synthesized renders afresh later', async () => {
    // GIVEN two charts; only the first is synthesized, which renders both for the net
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new Emitter(a, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    const two = new Emitter(b, 'Two', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    Testing.synth(a);
    // WHEN the other object changes after the synth is over
    await Promise.resolve();
    ApiObject.of(two).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 8080));
    // THEN its own rendering shows the change
    expect(ApiObject.of(two).toJson().spec.ports[0].port).toBe(8080);
  });

  test('a failed synth writes nothing, not even the charts that are fine', () => {
    // GIVEN an app whose first chart is fine and whose second emits an invalid Service
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'safety-net-'));
    const app = new App({ outdir });
    new Emitter(new Chart(app, 'fine'), 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
    new Emitter(new Chart(app, 'broken'), 'Two', { clusterIP: 'None', ports: [{ name: 'http', port: 99999 }] });
    // WHEN
    const problems = problemsOf(() => app.synth());
    // THEN every problem is reported and no file is written
    expect(problems.map((p) => `${p.path} ${p.field}`)).toEqual(['broken/Two/Resource spec.ports[0].port']);
    expect(fs.readdirSync(outdir)).toEqual([]);
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

test('a deferred check in a second synth of the same tick reads objects as they are now', () => {
  // GIVEN two charts; the first synth renders both for the net but writes only the first
  const app = Testing.app();
  const a = new Chart(app, 'a');
  const b = new Chart(app, 'b');
  new Emitter(a, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] });
  let seen: number | undefined;
  const two: Emitter = new Emitter(b, 'Two', { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] }, () => {
    seen = ApiObject.of(two).toJson().spec.ports[0].port;
    return [];
  });
  Testing.synth(a);
  expect(seen).toBe(80);
  // WHEN the object of the other chart changes, and that chart is synthesized in the same tick
  ApiObject.of(two).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 8080));
  Testing.synth(b);
  // THEN its deferred check read the object as it is now, not the rendering of the first synth
  expect(seen).toBe(8080);
});
