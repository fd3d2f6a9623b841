import * as kplus from 'cdk8s-plus-28';
import { KubeName } from '../net/names';
import { PortRules } from '../net/port';
import { Problems, renderValue } from '../validation/_problems';

/**
 * Where an Ingress sends a request: a Service by name and one of its ports.
 */
export interface WebBackendConfig {
  /**
   * The name of the Service (in the namespace of the Ingress).
   */
  readonly serviceName: string;

  /**
   * The Service port, by number. Exactly one of `portNumber` and `portName` is set.
   *
   * @default - the port is given by `portName`
   */
  readonly portNumber?: number;

  /**
   * The Service port, by name. Exactly one of `portNumber` and `portName` is set.
   *
   * @default - the port is given by `portNumber`
   */
  readonly portName?: string;

  /**
   * Whether the Service is managed outside this cdk8s app, so that it is not among the
   * manifests checked at synth (the Ingress acknowledges the checker's rule XREF008 for it).
   *
   * @default false
   */
  readonly outsideApp?: boolean;

  /**
   * The port numbers the Service exposes, to check the backend port against.
   *
   * @default - not known: the port is not checked
   */
  readonly exposedPortNumbers?: number[];

  /**
   * The port names the Service exposes, to check the backend port against.
   *
   * @default - not known: the port is not checked
   */
  readonly exposedPortNames?: string[];
}

/**
 * Something an Ingress can route requests to.
 */
export interface IWebBackend {
  /**
   * The Service and port requests go to.
   */
  toWebBackendConfig(): WebBackendConfig;
}

/**
 * The port of a backend Service, by number or by name.
 */
export interface WebBackendServiceOptions {
  /**
   * The Service port number.
   *
   * @default - `portName`, or the only port of a Service whose ports are known
   */
  readonly port?: number;

  /**
   * The Service port name.
   *
   * @default - `port`
   */
  readonly portName?: string;
}

/**
 * Factories for Ingress backends other than a web app of this library (which is a backend
 * itself).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/#resource-backend
 */
export class WebBackend {
  /**
   * A cdk8s-plus Service and one of its ports; the port is checked against the Service's ports.
   *
   * @param service the Service
   * @param options the port; defaults to the Service's only port
   */
  public static service(service: kplus.Service, options: WebBackendServiceOptions = {}): IWebBackend {
    const ports = service.ports;
    let port = options.port;
    if (port === undefined && options.portName === undefined && ports.length === 1) {
      port = ports[0].port;
    }
    const exposedPortNames = ports.map((p) => p.name).filter((n): n is string => n !== undefined);
    return WebBackend.build(`WebBackend.service(${service.name})`, {
      serviceName: service.name,
      portNumber: port,
      portName: options.portName,
      exposedPortNumbers: ports.map((p) => p.port),
      exposedPortNames,
    });
  }

  /**
   * A Service managed outside this cdk8s app, by name and port. Its ports are not known, so
   * the port is not checked, and the Ingress acknowledges (annotation
   * `service-patterns.cdk8s.io/acknowledge`) that the Service is not among the app's
   * manifests (checker rule XREF008).
   *
   * @param serviceName the Service's name (a DNS-1035 label)
   * @param options the port, by number or by name; one of them is required
   */
  public static serviceName(serviceName: string, options: WebBackendServiceOptions): IWebBackend {
    return WebBackend.build(`WebBackend.serviceName(${typeof serviceName === 'string' ? serviceName : renderValue(serviceName)})`, {
      serviceName,
      portNumber: options?.port,
      portName: options?.portName,
      outsideApp: true,
    });
  }

  private static build(where: string, config: WebBackendConfig): IWebBackend {
    const problems = new Problems(where);
    problems.addEach('serviceName', config.serviceName, KubeName.dns1035LabelErrors(config.serviceName));
    for (const p of backendPortErrors(config)) {
      problems.add(p.field, p.value, p.message);
    }
    problems.throwIfAny();
    return new FixedBackend(config);
  }

  private constructor() {}
}

class FixedBackend implements IWebBackend {
  public constructor(private readonly config: WebBackendConfig) {}

  public toWebBackendConfig(): WebBackendConfig {
    return { ...this.config };
  }
}

/**
 * One problem with a backend's port.
 * @internal
 */
export interface BackendPortProblem {
  readonly field: 'port' | 'portName';
  readonly value: unknown;
  readonly message: string;
}

/**
 * The problems with the port of a backend: exactly one of number and name, valid, and exposed
 * by the Service when its ports are known.
 * @internal
 */
export function backendPortErrors(config: WebBackendConfig): BackendPortProblem[] {
  const { portNumber, portName } = config;
  if (portNumber === undefined && portName === undefined) {
    return [{ field: 'port', value: undefined, message: 'must be set (or `portName`): an Ingress backend names one Service port' }];
  }
  if (portNumber !== undefined && portName !== undefined) {
    return [{ field: 'port', value: portNumber, message: `must not be set together with \`portName\` ('${portName}'): name the Service port once` }];
  }
  if (portNumber !== undefined) {
    const errors: BackendPortProblem[] = PortRules.portNumberErrors(portNumber).map((message) => ({ field: 'port', value: portNumber, message }));
    if (errors.length === 0 && config.exposedPortNumbers && !config.exposedPortNumbers.includes(portNumber)) {
      errors.push({ field: 'port', value: portNumber, message: `must be a port that Service '${config.serviceName}' exposes (${describe(config.exposedPortNumbers)})` });
    }
    return errors;
  }
  const errors: BackendPortProblem[] = KubeName.ianaSvcNameErrors(portName as string).map((message) => ({ field: 'portName', value: portName, message }));
  if (errors.length === 0 && config.exposedPortNames && !config.exposedPortNames.includes(portName as string)) {
    errors.push({ field: 'portName', value: portName, message: `must be the name of a port of Service '${config.serviceName}' (${describe(config.exposedPortNames.map((n) => `'${n}'`))})` });
  }
  return errors;
}

function describe(items: readonly (string | number)[]): string {
  return items.length === 0 ? 'it has no named ports' : items.join(', ');
}
