import * as kplus from 'cdk8s-plus-28';
import { findApiObject, nameErrors, namespaceErrors, portErrors, weightErrors } from './_rules';
import { Problems, renderValue } from '../core/problems';
import { KubeName } from '../net/names';
import type { IWebBackend } from '../web/web-backend-config';

/**
 * Options of every `RouteBackend` factory.
 */
export interface RouteBackendOptions {
  /**
   * The share of requests this backend gets, relative to the other backends of the rule
   * (0 to 1000000; 0 sends it nothing). A canary: 90 and 10.
   *
   * @default 1
   */
  readonly weight?: number;
}

/**
 * Options of `RouteBackend.service`.
 */
export interface RouteServiceOptions extends RouteBackendOptions {
  /**
   * The Service port, by number.
   *
   * @default - the Service's only port
   */
  readonly port?: number;
}

/**
 * Options of `RouteBackend.serviceName`.
 */
export interface RouteServiceNameOptions extends RouteBackendOptions {
  /**
   * The Service port, by number (routes name a Service port by number only).
   */
  readonly port: number;

  /**
   * The namespace of the Service. In another namespace than the route, a ReferenceGrant in that
   * namespace must allow the route to use it; the Service is not part of this app, so whoever
   * manages it must create that grant (see the route's `outsideReferences`).
   *
   * @default - the route's namespace
   */
  readonly namespace?: string;
}

/**
 * Where a route rule sends requests: a Service and one of its ports, with a weight. A Service of
 * this app (a web app of this library, a cdk8s-plus Service) in another namespace than the
 * route comes with the ReferenceGrant it needs.
 *
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httpbackendref
 */
export class RouteBackend {
  /**
   * A backend of the Ingress side (a `PublicWebApp`, `InternalWebApp`, or `WebBackend.*`): the
   * same routing targets for both outputs. The port must be known by number (a web app's main
   * port is; `WebBackend.serviceName(name, { portName })` is not).
   */
  public static fromWebBackend(backend: IWebBackend, options: RouteBackendOptions = {}): RouteBackend {
    const problems = new Problems('RouteBackend.fromWebBackend');
    const b: any = backend;
    if (b === null || typeof b !== 'object' || typeof b.toWebBackendConfig !== 'function') {
      problems.add('backend', backend, 'must be an `IWebBackend`', 'pass a web app of this library or WebBackend.serviceName(\'name\', { port: 80 })');
      problems.throwIfAny();
    }
    const config = backend.toWebBackendConfig();
    const serviceName = config?.serviceName;
    problems.addEach('backend.serviceName', serviceName, KubeName.dns1035LabelErrors(serviceName));
    let port = config?.portNumber;
    if (port === undefined && config?.portName !== undefined) {
      const names = config.exposedPortNames;
      const numbers = config.exposedPortNumbers;
      const i = Array.isArray(names) ? names.indexOf(config.portName) : -1;
      if (i >= 0 && Array.isArray(numbers) && numbers.length === names!.length) {
        port = numbers[i];
      }
    }
    if (port === undefined) {
      problems.add('backend.port', config?.portName, 'must be known by number: a route names a Service port by number', 'give the backend\'s port by number');
    }
    const obj = findApiObject(backend, 'Service', serviceName);
    const outside = config?.outsideApp === true && obj === undefined;
    return RouteBackend.build(problems, serviceName, port as number, obj?.metadata.namespace, !outside, options);
  }

  /**
   * A cdk8s-plus Service of this app and one of its ports.
   */
  public static service(service: kplus.Service, options: RouteServiceOptions = {}): RouteBackend {
    const problems = new Problems('RouteBackend.service');
    if (!(service instanceof kplus.Service)) {
      problems.add('service', service, 'must be a cdk8s-plus `Service`', 'for a Service managed elsewhere use RouteBackend.serviceName(\'name\', { port: 80 })');
      problems.throwIfAny();
    }
    const o: RouteServiceOptions = options !== null && typeof options === 'object' ? options : {};
    const ports = service.ports;
    let port = o.port;
    if (port === undefined) {
      if (ports.length === 1) {
        port = ports[0].port;
      } else {
        problems.add('port', undefined, `must be set: Service '${service.name}' has ${ports.length} ports`, `choose one of ${ports.map((p) => p.port).join(', ') || 'its ports'}`);
      }
    } else if (ports.length > 0 && !ports.some((p) => p.port === port)) {
      problems.add('port', port, `must be a port that Service '${service.name}' exposes (${ports.map((p) => p.port).join(', ')})`);
    }
    return RouteBackend.build(problems, service.name, port as number, service.metadata.namespace, true, o);
  }

  /**
   * A Service managed outside this cdk8s app, by name and port.
   */
  public static serviceName(serviceName: string, options: RouteServiceNameOptions): RouteBackend {
    const problems = new Problems(`RouteBackend.serviceName(${typeof serviceName === 'string' ? serviceName : renderValue(serviceName)})`);
    problems.addEach('serviceName', serviceName, KubeName.dns1035LabelErrors(serviceName));
    const o: RouteServiceNameOptions = options !== null && typeof options === 'object' ? options : ({} as RouteServiceNameOptions);
    if (o.port === undefined) {
      problems.add('port', undefined, 'must be set: a route names a Service port by number');
    }
    if (o.namespace !== undefined) {
      problems.addEach('namespace', o.namespace, namespaceErrors(o.namespace));
    }
    return RouteBackend.build(problems, serviceName, o.port, o.namespace, false, o);
  }

  private static build(
    problems: Problems,
    serviceName: string,
    port: number,
    namespace: string | undefined,
    inApp: boolean,
    options: RouteBackendOptions,
  ): RouteBackend {
    const o: RouteBackendOptions = options !== null && typeof options === 'object' ? options : {};
    if (port !== undefined) {
      problems.addEach('port', port, portErrors(port));
    }
    if (o.weight !== undefined) {
      problems.addEach('weight', o.weight, weightErrors(o.weight));
    }
    if (typeof serviceName === 'string' && nameErrors(serviceName).length > 0 && problems.empty) {
      problems.addEach('serviceName', serviceName, nameErrors(serviceName));
    }
    problems.throwIfAny();
    return new RouteBackend(serviceName, port, namespace, inApp, o.weight);
  }

  private constructor(
    /** The name of the Service (the backendRef's `name`). */
    public readonly name: string,
    /** The Service port. */
    public readonly port: number,
    /**
     * The Service's namespace.
     *
     * @default - the route's namespace
     */
    public readonly namespace: string | undefined,
    /** Whether the Service is part of this cdk8s app. */
    public readonly inApp: boolean,
    /**
     * The weight.
     *
     * @default 1
     */
    public readonly weight: number | undefined,
  ) {}
}
