import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { ExternalBackend, ExternalService, ValidationProblem } from '../../src';
import * as checker from '../../src/validation/check';
import { NODE_PORT_RANGE_CONTEXT, lastSafetyNetProblems, underSafetyNet } from '../../src/validation/safety-net';
import { netProblemsOf, validationErrorsOf } from '../_synth-problems';

/**
 * A stand-in for a construct of this library: it emits the Service spec it is given, as is, under
 * the net, and declares that the Service's endpoints are managed outside the app (the net checks
 * an app as a complete set).
 */
class Emitter extends Construct {
  public constructor(scope: Construct, id: string, spec: any, check?: () => ValidationProblem[]) {
    super(scope, id);
    new ApiObject(this, 'Resource', { apiVersion: 'v1', kind: 'Service', metadata: { name: id.toLowerCase() }, spec });
    underSafetyNet(this, check, { externalObjects: () => [{ kind: 'EndpointSlice', name: id.toLowerCase() }] });
  }
}

const CLEAN = { clusterIP: 'None', ports: [{ name: 'http', port: 80 }] };

afterEach(() => {
  jest.restoreAllMocks();
});

describe('safety net', () => {
  test('clean objects synthesize', () => {
    // GIVEN
    const chart = Testing.chart();
    new Emitter(chart, 'Web', CLEAN);
    // WHEN / THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('fails if an emitted object breaks a rule: an error of the construct, naming the object and the manifest field', () => {
    // GIVEN a construct that emits a Service with port 99999 and a nodePort on a ClusterIP Service
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { clusterIP: 'None', ports: [{ name: 'http', port: 99999, nodePort: 30080 }] });
    // WHEN
    const errors = validationErrorsOf(() => Testing.synth(chart));
    // THEN each error finding is a validation error of the construct, with the object's path below it
    expect(errors).toEqual([
      '[test/Web] [Resource] `spec.ports[0].port` must be between 1 and 65535 (Service \'web\', rule SVC002), got 99999',
      expect.stringMatching(/^\[test\/Web\] \[Resource\] `spec\.ports\[0\]\.nodePort` .*rule SVC007/),
    ]);
    // and the problems as found keep the object's full path
    expect(lastSafetyNetProblems(chart)).toEqual([
      expect.objectContaining({ path: 'test/Web/Resource', field: 'spec.ports[0].port', value: '99999', message: 'must be between 1 and 65535 (Service \'web\', rule SVC002)' }),
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
    expect(netProblemsOf(other, () => Testing.synth(other))).toEqual([
      expect.objectContaining({ path: 'test/Web/Resource', field: 'spec.clusterIP', message: expect.stringMatching(/is already taken by Service '(default\/)?foreign'.*rule SVC021/) }),
    ]);
  });

  test('warnings do not fail the synth', () => {
    // GIVEN a Service whose selector matches no pods (XREF001 is a warning)
    const chart = Testing.chart();
    // (SVC019, a warning: `externalName` is ignored on a Service that is not of type ExternalName)
    new Emitter(chart, 'Web', { ...CLEAN, externalName: 'web.example.com' });
    expect(() => Testing.synth(chart)).not.toThrow();
  });

  test('deferred checks run first; when they find problems the manifests are not checked again', () => {
    // GIVEN a construct whose deferred check fails, and whose object is also wrong
    const chart = Testing.chart();
    new Emitter(chart, 'Web', { ports: [{ port: 99999 }] }, () => [{ path: 'test/Web', field: 'port', value: '99999', message: 'must be between 1 and 65535' }]);
    // WHEN
    const errors = validationErrorsOf(() => Testing.synth(chart));
    // THEN only the deferred problem is reported, as the library words it, after the construct's path
    expect(errors).toEqual(['[test/Web] `port` must be between 1 and 65535, got 99999']);
    expect(lastSafetyNetProblems(chart)).toEqual([{ path: 'test/Web', field: 'port', value: '99999', message: 'must be between 1 and 65535' }]);
  });

  test('the checker runs once per app synth, with every object of the app, although cdk8s validates once per chart more', () => {
    // GIVEN an app with two charts of constructs
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new Emitter(a, 'One', CLEAN);
    new Emitter(b, 'Two', CLEAN);
    const spy = jest.spyOn(checker, 'checkManifests');
    // WHEN the app is synthesized (three validations: the app's, and one per chart)
    app.synth();
    // THEN one run saw both objects
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toHaveLength(2);
  });

  test('a synth after a change sees the change, and the net checks it again', () => {
    // GIVEN a clean chart, synthesized once
    const chart = Testing.chart();
    const one = new Emitter(chart, 'One', CLEAN);
    expect(Testing.synth(chart)[0].spec.ports[0].port).toBe(80);
    // WHEN the object changes and the chart is synthesized again in the same tick
    ApiObject.of(one).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 99999));
    // THEN the new rendering is checked (and refused), not the one of the first synth
    expect(netProblemsOf(chart, () => Testing.synth(chart)).map((p) => p.field)).toEqual(['spec.ports[0].port']);
  });

  test('a synth after a fix reports the new state: the fix passes', () => {
    // GIVEN an app that fails
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    const one = new Emitter(chart, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 99999 }] });
    expect(validationErrorsOf(() => app.synthYaml())).toHaveLength(1);
    // WHEN it is fixed, and synthesized again
    ApiObject.of(one).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 8080));
    // THEN it passes, with the fix written
    expect(app.synthYaml()).toMatch(/port: 8080/);
    expect(lastSafetyNetProblems(app)).toEqual([]);
  });

  test('a synth after another construct\'s validation failed sees a change made in between', () => {
    // GIVEN an app whose net finds nothing, but whose synth fails on a user construct
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    const one = new Emitter(chart, 'One', CLEAN);
    let failing = true;
    new Construct(chart, 'Mine').node.addValidation({ validate: () => failing ? ['not ready'] : [] });
    expect(validationErrorsOf(() => app.synth())).toEqual(['[a/Mine] not ready']);
    // WHEN the user fixes their construct and breaks the object in the same tick
    failing = false;
    ApiObject.of(one).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 99999));
    // THEN the next synth checks the object as it is now
    expect(validationErrorsOf(() => app.synth())).toEqual([expect.stringMatching(/^\[a\/One\] \[Resource\] `spec\.ports\[0\]\.port` must be between 1 and 65535 \(Service '[^']+', rule SVC002\), got 99999$/)]);
  });

  test('a rendering that shares a value with an earlier one counts as changed: changed in place, it is checked again', () => {
    // GIVEN a user's object whose toJson returns the same value every time, next to a construct
    class Kept extends ApiObject {
      public readonly doc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kept' }, spec: { clusterIP: '10.96.0.11', ports: [{ port: 53 }] } };
      public toJson(): any {
        return this.doc;
      }
    }
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    const kept = new Kept(chart, 'Kept', { apiVersion: 'v1', kind: 'Service' });
    new Emitter(chart, 'One', { clusterIP: '10.96.0.10', ports: [{ name: 'http', port: 80 }] });
    app.synthYaml();
    // WHEN the value is changed in place to take the construct's cluster IP
    kept.doc.spec.clusterIP = '10.96.0.10';
    // THEN the net checks again, and sees the conflict
    expect(netProblemsOf(app, () => app.synthYaml()).map((p) => `${p.path} ${p.field}`)).toEqual(['a/One/Resource spec.clusterIP']);
  });

  test('an object rendered by the net but not synthesized renders afresh later', () => {
    // GIVEN two charts; only the first is synthesized, which renders both for the net
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new Emitter(a, 'One', CLEAN);
    const two = new Emitter(b, 'Two', CLEAN);
    Testing.synth(a);
    // WHEN the other object changes after the synth is over
    ApiObject.of(two).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 8080));
    // THEN its own rendering shows the change, and so does the synth of its chart
    expect(ApiObject.of(two).toJson().spec.ports[0].port).toBe(8080);
    expect(Testing.synth(b)[0].spec.ports[0].port).toBe(8080);
  });

  test('a failed synth writes nothing, not even the charts that are fine', () => {
    // GIVEN an app whose first chart is fine and whose second emits an invalid Service
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'safety-net-'));
    const app = new App({ outdir });
    new Emitter(new Chart(app, 'fine'), 'One', CLEAN);
    new Emitter(new Chart(app, 'broken'), 'Two', { clusterIP: 'None', ports: [{ name: 'http', port: 99999 }] });
    // WHEN
    const problems = netProblemsOf(app, () => app.synth());
    // THEN every problem is reported and no file is written
    expect(problems.map((p) => `${p.path} ${p.field}`)).toEqual(['broken/Two/Resource spec.ports[0].port']);
    expect(fs.readdirSync(outdir)).toEqual([]);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('a deferred check in a second synth of the same tick reads objects as they are now', () => {
    // GIVEN two charts; the first synth renders both for the net but writes only the first
    const app = Testing.app();
    const a = new Chart(app, 'a');
    const b = new Chart(app, 'b');
    new Emitter(a, 'One', CLEAN);
    let seen: number | undefined;
    const two: Emitter = new Emitter(b, 'Two', CLEAN, () => {
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

  test('an object that cannot be rendered is reported with the other validation errors, and nothing is written', () => {
    // GIVEN a fine chart, and a chart with an object of the user's that fails to render
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'safety-net-'));
    const app = new App({ outdir });
    new Emitter(new Chart(app, 'fine'), 'One', CLEAN);
    class Broken extends ApiObject {
      public toJson(): any {
        throw new Error('cannot render');
      }
    }
    new Broken(new Chart(app, 'later'), 'Broken', { apiVersion: 'v1', kind: 'ConfigMap' });
    new Construct(app, 'Mine').node.addValidation({ validate: () => ['my own check failed'] });
    // WHEN / THEN
    expect(validationErrorsOf(() => app.synth())).toEqual([
      '[] [later/Broken] `toJson()` fails: cannot render',
      '[Mine] my own check failed',
    ]);
    expect(fs.readdirSync(outdir)).toEqual([]);
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('a construct validated alone reports its problems of now', () => {
    // GIVEN a construct whose object is fixed after a failed synth
    const chart = Testing.chart();
    const one = new Emitter(chart, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 99999 }] });
    validationErrorsOf(() => Testing.synth(chart));
    expect(one.node.validate()).toHaveLength(1);
    // WHEN it is fixed
    ApiObject.of(one).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 80));
    // THEN validating it alone runs the net again
    expect(one.node.validate()).toEqual([]);
  });
});

describe('node port range and check options', () => {
  test('the app context sets the node port range the objects are checked with', () => {
    // GIVEN a node port outside the default range, inside the app's
    const app = Testing.app();
    app.node.setContext(NODE_PORT_RANGE_CONTEXT, '20000-22767');
    const chart = new Chart(app, 'a');
    new Emitter(chart, 'One', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 21000 }] });
    // THEN
    expect(() => app.synthYaml()).not.toThrow();
    // and the same object without the context is refused
    const other = Testing.chart();
    new Emitter(other, 'One', { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 21000 }] });
    expect(netProblemsOf(other, () => Testing.synth(other)).map((p) => p.field)).toEqual(['spec.ports[0].nodePort']);
  });

  test('the checker gets its options from the net (the widest node port range declared)', () => {
    // GIVEN a range in the app context, and a construct configured with a wider one
    const app = Testing.app();
    app.node.setContext(NODE_PORT_RANGE_CONTEXT, '20000-22767');
    const chart = new Chart(app, 'a');
    new Emitter(chart, 'One', CLEAN);
    underSafetyNet(new Construct(chart, 'Other'), undefined, { nodePortRange: '22000-24000' });
    const spy = jest.spyOn(checker, 'checkManifests');
    // WHEN
    app.synthYaml();
    // THEN
    // (the app is checked as a complete set, with what its constructs declare to exist outside it)
    expect(spy.mock.calls.map((c) => c[1])).toEqual([{ nodePortRange: '20000-24000', complete: true, externalObjects: [{ kind: 'EndpointSlice', name: 'one' }] }]);
  });

  test('a range the checker refuses is a problem of the app, reported at the root', () => {
    // GIVEN a context range beyond the last port
    const app = Testing.app();
    app.node.setContext(NODE_PORT_RANGE_CONTEXT, '60000-70000');
    new Emitter(new Chart(app, 'a'), 'One', CLEAN);
    // WHEN / THEN
    expect(validationErrorsOf(() => app.synth())).toEqual([
      expect.stringMatching(/^\[\] \[CheckOptions\] `nodePortRange` must be a port range '<first>-<last>' within 1-65535, got '60000-70000'/),
    ]);
  });
});

describe('the net reports with the other validations of the app', () => {
  test('a construct of the library with a problem and a user construct whose validation fails are reported in one error', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'a');
    new Emitter(chart, 'One', { clusterIP: 'None', ports: [{ name: 'http', port: 99999 }] });
    new Construct(chart, 'Mine').node.addValidation({ validate: () => ['my own check failed'] });
    // WHEN
    const errors = validationErrorsOf(() => app.synth());
    // THEN both, each after its construct's path
    expect(errors).toEqual([
      expect.stringMatching(/^\[a\/One\] \[Resource\] `spec\.ports\[0\]\.port` must be between 1 and 65535 \(Service '[^']+', rule SVC002\), got 99999$/),
      '[a/Mine] my own check failed',
    ]);
  });

  test('a construct of the library reports its problems under its own path (ExternalService)', () => {
    // GIVEN an ExternalService whose Service an escape hatch breaks, and a user construct that fails
    const chart = Testing.chart();
    const db = new ExternalService(chart, 'Db', { backend: ExternalBackend.address('10.0.0.5'), ports: [{ port: 5432 }] });
    ApiObject.of(db).addJsonPatch(JsonPatch.replace('/spec/ports/0/port', 99999));
    new Construct(chart, 'Mine').node.addValidation({ validate: () => ['my own check failed'] });
    // WHEN
    const errors = validationErrorsOf(() => Testing.synth(chart));
    // THEN
    expect(errors).toEqual([
      expect.stringMatching(/^\[test\/Db\] \[Resource\] `spec\.ports\[0\]\.port` must be between 1 and 65535 \(Service '[^']+', rule SVC002\), got 99999$/),
      '[test/Mine] my own check failed',
    ]);
  });
});

describe('the net changes no object it does not own', () => {
  /** A user's chart: an object of their own and a cdk8s-plus Deployment; with or without a construct of this library. */
  function userApp(withLibrary: boolean): { app: App; chart: Chart } {
    const app = Testing.app();
    const chart = new Chart(app, 'user');
    new ApiObject(chart, 'Config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: { key: 'value' } });
    const deployment = new kplus.Deployment(chart, 'Web', { replicas: 2 });
    deployment.addContainer({ name: 'web', image: 'web:1', portNumber: 8080 });
    if (withLibrary) {
      new ExternalService(chart, 'Db', { backend: ExternalBackend.address('10.0.0.5'), ports: [{ port: 5432 }] });
    }
    return { app, chart };
  }

  function isUsers(manifest: any): boolean {
    return manifest.kind === 'ConfigMap' || manifest.kind === 'Deployment';
  }

  test('a user\'s ApiObject and a cdk8s-plus Deployment render the same with and without the library\'s constructs', () => {
    // GIVEN
    const without = userApp(false);
    const withNet = userApp(true);
    // WHEN / THEN Testing.synth
    const plain = Testing.synth(without.chart);
    expect(plain.map((m) => m.kind)).toEqual(['ConfigMap', 'Deployment']);
    expect(JSON.stringify(Testing.synth(withNet.chart).filter(isUsers))).toBe(JSON.stringify(plain));
    // and the YAML of the app, byte for byte
    const yamlWithout = without.app.synthYaml();
    const docsWith = withNet.app.synthYaml().split(/^---$/m).filter((d) => /kind: (ConfigMap|Deployment)\n/.test(d));
    expect(docsWith.join('---')).toBe(yamlWithout.split(/^---$/m).join('---'));
    // and their own toJson() too
    const objectsOf = (c: Chart) => c.node.findAll().filter((x): x is ApiObject => ApiObject.isApiObject(x) && isUsers(x));
    expect(objectsOf(withNet.chart).map((o) => JSON.stringify(o.toJson()))).toEqual(objectsOf(without.chart).map((o) => JSON.stringify(o.toJson())));
  });

  test('no object of the app gets a toJson, synth or synthYaml of its own, and cdk8s\'s methods are its own', () => {
    // GIVEN the methods as cdk8s defines them
    const appSynth = Object.getOwnPropertyDescriptor(App.prototype, 'synth')!.value;
    const appSynthYaml = Object.getOwnPropertyDescriptor(App.prototype, 'synthYaml')!.value;
    const toJson = Object.getOwnPropertyDescriptor(ApiObject.prototype, 'toJson')!.value;
    // WHEN constructs of the library are added and the app is synthesized, twice
    const { app } = userApp(true);
    new Emitter(new Chart(app, 'more'), 'One', CLEAN);
    app.synth();
    app.synthYaml();
    // THEN
    const everything: IConstruct[] = [app, ...app.node.findAll()];
    for (const c of everything) {
      for (const name of ['toJson', 'synth', 'synthYaml']) {
        expect({ path: c.node.path, name, own: Object.prototype.hasOwnProperty.call(c, name) }).toEqual({ path: c.node.path, name, own: false });
      }
    }
    expect(Object.getOwnPropertyDescriptor(App.prototype, 'synth')!.value).toBe(appSynth);
    expect(Object.getOwnPropertyDescriptor(App.prototype, 'synthYaml')!.value).toBe(appSynthYaml);
    expect(Object.getOwnPropertyDescriptor(ApiObject.prototype, 'toJson')!.value).toBe(toJson);
    // cdk8s's own code, not a wrapper
    expect(String(appSynth)).toMatch(/validate\(this, cache\)/);
    expect(String(toJson)).toMatch(/JsonPatch\.apply/);
  });

  test('the only additions are validations: one on the root, one on each construct of the library', () => {
    // GIVEN
    const { app, chart } = userApp(false);
    const before = new Map([app, ...app.node.findAll()].map((c) => [c, c.node.validate().length]));
    // WHEN two constructs of the library are added
    new Emitter(chart, 'One', CLEAN);
    new Emitter(chart, 'Two', CLEAN);
    // THEN no user construct fails (or passes) differently, and the user's objects have no new property
    for (const [c, count] of before) {
      expect(c.node.validate()).toHaveLength(count);
    }
    const config = chart.node.findChild('Config');
    expect(Object.getOwnPropertySymbols(config).map(String)).toEqual(Object.getOwnPropertySymbols(new ApiObject(new Chart(Testing.app(), 'x'), 'y', { apiVersion: 'v1', kind: 'ConfigMap' })).map(String));
  });
});
