import * as YAML from 'yaml';
import { locate, parseFieldPath, valueAt } from '../../src/cli/_field-path';

describe('parseFieldPath', () => {
  test.each([
    ['spec.ports[1].name', [['spec', false], ['ports', false], ['1', true], ['name', false]]],
    ['spec.rules[0].http.paths[1].backend.service.name', [['spec', false], ['rules', false], ['0', true], ['http', false], ['paths', false], ['1', true], ['backend', false], ['service', false], ['name', false]]],
    ['metadata.labels[app.kubernetes.io/name]', [['metadata', false], ['labels', false], ['app.kubernetes.io/name', true]]],
    ['metadata.annotations[kubernetes.io/ingress.class]', [['metadata', false], ['annotations', false], ['kubernetes.io/ingress.class', true]]],
    ['metadata.labels[""]', [['metadata', false], ['labels', false], ['', true]]],
    ['metadata.labels[a]b]', [['metadata', false], ['labels', false], ['a]b', true]]],
    ['endpoints[0].addresses[0]', [['endpoints', false], ['0', true], ['addresses', false], ['0', true]]],
    ['apiVersion', [['apiVersion', false]]],
    ['(object)', []],
  ])('%s', (field, steps) => {
    expect(parseFieldPath(field)).toEqual(steps.map(([name, bracket]) => ({ name, bracket })));
  });
});

describe('locate and valueAt', () => {
  const text = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  ports:
    - name: http
      port: 80
    - name: admin
      port: 81
`;
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  const at = (field: string) => locate(doc, doc.contents, parseFieldPath(field), lineCounter, 0);

  test('points at the key of a field, the item of an index, and a key in brackets', () => {
    expect(at('spec.ports[1].name')).toEqual({ line: 11, column: 7 });
    expect(at('spec.ports[1]')).toEqual({ line: 11, column: 7 });
    expect(at('metadata.labels[app.kubernetes.io/name]')).toEqual({ line: 6, column: 5 });
  });

  test('falls back to the nearest ancestor that exists, then to the object', () => {
    expect(at('spec.selector')).toEqual({ line: 7, column: 1 });
    expect(at('spec.ports[5].name')).toEqual({ line: 8, column: 3 });
    expect(at('(object)')).toEqual({ line: 1, column: 1 });
  });

  test('finds the value as parsed, or says it is missing', () => {
    const object = doc.toJS();
    expect(valueAt(object, parseFieldPath('spec.ports[1].port'))).toEqual({ found: true, value: 81 });
    expect(valueAt(object, parseFieldPath('metadata.labels[app.kubernetes.io/name]'))).toEqual({ found: true, value: 'web' });
    expect(valueAt(object, parseFieldPath('spec.ports[2]'))).toEqual({ found: false });
    expect(valueAt(object, parseFieldPath('spec.selector'))).toEqual({ found: false });
  });
});
