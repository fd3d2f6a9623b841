import { Reporter, absent, isMap, list, map, oneOf } from './_engine';
import { IpAddress } from '../../net/ip';
import { KubeName } from '../../net/names';
import { PortRules } from '../../net/port';

const PATH_TYPES = ['Exact', 'Prefix', 'ImplementationSpecific'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];
/** The deprecated annotation that names the ingress class. */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
const MAX_CONTROLLER_LENGTH = 250;

/**
 * Whether `annotation` injects raw controller configuration (the `*-snippet` annotations of
 * ingress-nginx and others, CVE-2021-25742).
 */
export function isSnippetAnnotation(annotation: string): boolean {
  const name = annotation.includes('/') ? annotation.slice(annotation.lastIndexOf('/') + 1) : annotation;
  return /(^|-)snippets?$/.test(name);
}

/** The problems of a host name of an Ingress rule or TLS entry (wildcards allowed). */
function hostErrors(host: string): string[] {
  // The API server parses loosely: '01.02.03.04' is an IP address to it too.
  if (IpAddress.isLooseIp(host)) {
    return ['must be a DNS name, not an IP address'];
  }
  return host.includes('*') ? KubeName.wildcardDns1123SubdomainErrors(host) : KubeName.dns1123SubdomainErrors(host);
}

/**
 * The rules a 1.28 API server applies to a `networking.k8s.io/v1` Ingress.
 */
export function checkIngress(r: Reporter): void {
  // Each field is read once: the objects cdk8s writes have hidden classes of their own, which
  // makes every read by name a lookup.
  const spec = map(r.m.spec);
  const rules = list(spec.rules);
  const defaultBackend = spec.defaultBackend;
  if (absent(defaultBackend) && rules.length === 0) {
    r.report('ING001', 'spec', undefined, 'must have `defaultBackend` or at least one rule in `rules`', 'add a rule with a host and paths, or a default backend');
  }
  if (isMap(defaultBackend)) {
    checkBackend(r, defaultBackend, 'spec.defaultBackend');
  }
  rules.forEach((rule, i) => {
    const at = `spec.rules[${i}]`;
    if (!isMap(rule)) {
      return;
    }
    const host = rule.host;
    if (typeof host === 'string' && host !== '') {
      hostErrors(host).forEach((e) => r.report('ING002', `${at}.host`, host, e));
    }
    const http = rule.http;
    if (!isMap(http)) {
      return;
    }
    const paths = list(http.paths);
    if (paths.length === 0) {
      r.report('ING003', `${at}.http.paths`, http.paths, 'must have at least one path', 'add a path such as { path: \'/\', pathType: \'Prefix\', backend: ... }');
    }
    paths.forEach((p, j) => {
      const pat = `${at}.http.paths[${j}]`;
      if (!isMap(p)) {
        return;
      }
      const pathType = p.pathType;
      const path = typeof p.path === 'string' ? p.path : '';
      if (absent(pathType)) {
        r.report('ING004', `${pat}.pathType`, undefined, 'is required in networking.k8s.io/v1', `use 'Prefix' to match '${path || '/'}' and everything below it, or 'Exact'`);
      } else if (!PATH_TYPES.includes(pathType)) {
        r.report('ING004', `${pat}.pathType`, pathType, `must be one of ${oneOf(PATH_TYPES)}`);
      } else if (pathType === 'ImplementationSpecific') {
        if (path !== '' && !path.startsWith('/')) {
          r.report('ING005', `${pat}.path`, path, 'must be an absolute path (start with \'/\')', `did you mean '/${path}'?`);
        }
      } else {
        if (!path.startsWith('/')) {
          r.report('ING005', `${pat}.path`, p.path, 'must be an absolute path (start with \'/\')', path ? `did you mean '/${path}'?` : 'use \'/\' to match everything');
        }
        for (const seq of INVALID_SEQUENCES) {
          if (path.includes(seq)) {
            r.report('ING005', `${pat}.path`, path, `must not contain '${seq}' when \`pathType\` is '${pathType}'`);
          }
        }
        for (const suffix of INVALID_SUFFIXES) {
          if (path.endsWith(suffix)) {
            r.report('ING005', `${pat}.path`, path, `must not end with '${suffix}' when \`pathType\` is '${pathType}'`);
          }
        }
      }
      const backend = p.backend;
      if (!isMap(backend)) {
        r.report('ING006', `${pat}.backend`, backend, 'is required', 'give a `service` with `name` and `port`');
      } else {
        checkBackend(r, backend, `${pat}.backend`);
      }
    });
  });
  list(spec.tls).forEach((tls, i) => {
    list(map(tls).hosts).forEach((host, j) => {
      if (typeof host === 'string') {
        hostErrors(host).forEach((e) => r.report('ING007', `spec.tls[${i}].hosts[${j}]`, host, e));
      }
    });
    const secretName = map(tls).secretName;
    if (typeof secretName === 'string' && secretName !== '') {
      KubeName.dns1123SubdomainErrors(secretName).forEach((e) => r.report('ING007', `spec.tls[${i}].secretName`, secretName, e, 'name the Secret that holds the certificate'));
    }
  });
  const className = spec.ingressClassName;
  if (typeof className === 'string' && className !== '') {
    KubeName.dns1123SubdomainErrors(className).forEach((e) => r.report('ING008', 'spec.ingressClassName', className, e));
    const annotation = map(r.m.annotations)[CLASS_ANNOTATION];
    // The API server refuses the pair on create only when the two name different classes.
    if (annotation !== undefined && annotation !== className) {
      r.report('ING008', `metadata.annotations[${CLASS_ANNOTATION}]`, annotation, `must equal \`spec.ingressClassName\` ('${className}') when both are set`,
        `remove the deprecated '${CLASS_ANNOTATION}' annotation and keep \`ingressClassName: ${className}\``);
    }
  }
}

function checkBackend(r: Reporter, backend: Record<string, any>, at: string): void {
  const svc = backend.service;
  const hasService = isMap(svc);
  const hasResource = isMap(backend.resource);
  if (hasService && hasResource) {
    r.report('ING006', at, undefined, 'must not have both `service` and `resource`', 'keep one of them');
    return;
  }
  if (hasResource) {
    const res = backend.resource;
    checkReference(r, 'ING006', res, `${at}.resource`);
    if (typeof res.apiGroup === 'string' && res.apiGroup !== '') {
      KubeName.dns1123SubdomainErrors(res.apiGroup).forEach((e) => r.report('ING006', `${at}.resource.apiGroup`, res.apiGroup, e));
    }
    return;
  }
  if (!hasService) {
    r.report('ING006', at, undefined, 'must have a `service` (or a `resource`)', 'give `service: { name, port: { number } }`');
    return;
  }
  const name = svc.name;
  if (absent(name)) {
    r.report('ING006', `${at}.service.name`, undefined, 'is required', 'name the Service that receives the traffic');
  } else if (typeof name === 'string') {
    KubeName.dns1035LabelErrors(name).forEach((e) => r.report('ING006', `${at}.service.name`, name, e));
  }
  const port = map(svc.port);
  const hasName = typeof port.name === 'string' && port.name !== '';
  const hasNumber = typeof port.number === 'number' && port.number !== 0;
  if (hasName && hasNumber) {
    r.report('ING006', `${at}.service.port`, port, 'must not have both `name` and `number`', 'keep one of them');
  } else if (hasName) {
    KubeName.ianaSvcNameErrors(port.name).forEach((e) => r.report('ING006', `${at}.service.port.name`, port.name, e));
  } else if (hasNumber) {
    PortRules.portNumberErrors(port.number).forEach((e) => r.report('ING006', `${at}.service.port.number`, port.number, e));
  } else {
    r.report('ING006', `${at}.service.port`, svc.port, 'must have a port `name` or `number`', 'give the Service port, e.g. { number: 80 }');
  }
}

/**
 * The rules a 1.28 API server applies to a `networking.k8s.io/v1` IngressClass.
 */
export function checkIngressClass(r: Reporter): void {
  const spec = map(r.m.spec);
  const controller = spec.controller;
  if (typeof controller !== 'string' || controller === '') {
    r.report('IC001', 'spec.controller', controller, 'is required', 'name the controller as a domain-prefixed path, e.g. \'k8s.io/ingress-nginx\'');
  } else {
    if (controller.length > MAX_CONTROLLER_LENGTH) {
      r.report('IC001', 'spec.controller', controller, `must be no more than ${MAX_CONTROLLER_LENGTH} characters (it has ${controller.length})`);
    }
    const slash = controller.indexOf('/');
    if (slash <= 0 || slash === controller.length - 1) {
      r.report('IC001', 'spec.controller', controller, 'must be a domain-prefixed path such as \'example.com/ingress-controller\'');
    } else {
      KubeName.dns1123SubdomainErrors(controller.slice(0, slash)).forEach((e) => r.report('IC001', 'spec.controller', controller, `domain part ${e}`));
      if (!/^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/.test(controller.slice(slash + 1))) {
        r.report('IC001', 'spec.controller', controller, 'path part must contain only characters valid in a URL path');
      }
    }
  }
  if (!isMap(spec.parameters)) {
    return;
  }
  const p = spec.parameters;
  const at = 'spec.parameters';
  checkReference(r, 'IC002', p, at);
  if (typeof p.apiGroup === 'string' && p.apiGroup !== '') {
    KubeName.dns1123SubdomainErrors(p.apiGroup).forEach((e) => r.report('IC002', `${at}.apiGroup`, p.apiGroup, e));
  }
  const scope = absent(p.scope) ? 'Cluster' : p.scope;
  if (scope === 'Namespace') {
    if (absent(p.namespace)) {
      r.report('IC002', `${at}.namespace`, undefined, 'is required when `scope` is \'Namespace\'', 'give the namespace of the parameters object');
    } else if (typeof p.namespace === 'string') {
      KubeName.dns1123LabelErrors(p.namespace).forEach((e) => r.report('IC002', `${at}.namespace`, p.namespace, e));
    }
  } else if (scope === 'Cluster') {
    if (!absent(p.namespace)) {
      r.report('IC002', `${at}.namespace`, p.namespace, 'must not be set when `scope` is \'Cluster\'', 'remove `namespace`, or set `scope: Namespace`');
    }
  } else {
    r.report('IC002', `${at}.scope`, scope, 'must be \'Cluster\' or \'Namespace\'');
  }
}

/** The kind and name of a typed reference: required, and usable as a URL path segment. */
function checkReference(r: Reporter, ruleId: string, ref: Record<string, any>, at: string): void {
  for (const field of ['kind', 'name']) {
    const value = ref[field];
    if (absent(value)) {
      r.report(ruleId, `${at}.${field}`, undefined, 'is required');
    } else if (typeof value === 'string' && (value === '.' || value === '..' || /[/%]/.test(value))) {
      r.report(ruleId, `${at}.${field}`, value, 'must be usable as a URL path segment: not \'.\' or \'..\', and without \'/\' or \'%\'');
    }
  }
}
