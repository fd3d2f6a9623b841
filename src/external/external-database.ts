import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { buildExternalService } from './_external-service';
import { checkDatabaseEngine } from './_values';
import { DatabaseEngine } from './database-engine';
import { ExternalBackend } from './external-backend';
import { ExternalServiceBaseProps, ExternalServicePort } from './external-service-props';
import { Problems } from '../core/problems';
import { IpFamily } from '../net/ip';
import { PortRules } from '../net/port';
import { ServiceDnsNames } from '../net/service-dns';
import { ServicePortOptions } from '../net/service-port';
import { underSafetyNet } from '../validation/safety-net';

/**
 * Props of an `ExternalDatabase`.
 */
export interface ExternalDatabaseProps extends ExternalServiceBaseProps {
  /**
   * The database engine: its default port, port name and application protocol.
   */
  readonly engine: DatabaseEngine;

  /**
   * Where the database runs: `ExternalBackend.addresses([...])` (a Service with
   * EndpointSlices) or `ExternalBackend.hostname('db.corp.example')` (an ExternalName Service).
   */
  readonly backend: ExternalBackend;

  /**
   * The port clients in the cluster connect to.
   *
   * @default - the engine's default port
   */
  readonly port?: number;

  /**
   * The port the database listens on, when it differs from `port` (port remapping; only for an
   * address backend).
   *
   * @default - the same as `port`
   */
  readonly backendPort?: number;
}

/**
 * How to reach an `ExternalDatabase` from a pod.
 */
export interface DatabaseConnection {
  /**
   * The host name to connect to: the Service's namespaced DNS name `<service>.<namespace>`,
   * which resolves from any namespace and does not depend on the cluster domain.
   */
  readonly host: string;

  /**
   * The fully qualified DNS name, `<service>.<namespace>.svc.<clusterDomain>`.
   */
  readonly fqdn: string;

  /**
   * The port to connect to (the Service port).
   */
  readonly port: number;

  /**
   * The engine's name, e.g. 'postgresql'.
   */
  readonly engineName: string;
}

/**
 * Where the credentials of a database are: keys of a Secret, passed to containers by reference.
 */
export interface DatabaseCredentials {
  /**
   * The Secret that holds the user name and the password.
   */
  readonly secret: kplus.ISecret;

  /**
   * The key of the user name in the Secret.
   *
   * @default 'username'
   */
  readonly usernameKey?: string;

  /**
   * The key of the password in the Secret.
   *
   * @default 'password'
   */
  readonly passwordKey?: string;
}

/**
 * Options of `ExternalDatabase.bindToContainer`.
 */
export interface DatabaseBindingOptions {
  /**
   * The prefix of the environment variables: `<prefix>_HOST`, `<prefix>_PORT`,
   * `<prefix>_USER` and `<prefix>_PASSWORD`. Letters, digits and '_', not starting with a digit.
   *
   * @default 'DB'
   */
  readonly prefix?: string;

  /**
   * The Secret keys of the user name and the password, added as `<prefix>_USER` and
   * `<prefix>_PASSWORD` with `valueFrom.secretKeyRef` (never by value).
   *
   * @default - no credentials variables
   * @see https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables
   */
  readonly credentials?: DatabaseCredentials;
}

/**
 * A database outside the cluster, reached in the cluster by a stable DNS name: the Service,
 * EndpointSlices and Endpoints of an `ExternalService` (the same objects, under the same
 * construct ids, with the same members), for one port that knows its engine's number, name and
 * application protocol, and that can wire its connection details into a container.
 */
export class ExternalDatabase extends Construct {
  /** The database engine. */
  public readonly engine: DatabaseEngine;

  /**
   * The host name pods connect to: the namespaced DNS name `<service>.<namespace>`, which
   * resolves from any namespace and does not depend on the cluster domain (the FQDN is in
   * `dnsNames.fqdn`).
   */
  public readonly host: string;

  /** The port pods connect to (the Service port). */
  public readonly port: number;

  /**
   * The Service's name.
   */
  public readonly serviceName: string;

  /**
   * The DNS names of the Service: short, namespaced and fully qualified.
   */
  public readonly dnsNames: ServiceDnsNames;

  /**
   * The Service (type ClusterIP without selector, or type ExternalName), for escape hatches: a
   * plain `ApiObject` whose JSON holds plain values, so that a JSON patch with a plain value
   * (`JsonPatch.replace('/spec/ports/0/targetPort', 3307)`) lands as written.
   */
  public readonly service: ApiObject;

  /**
   * The legacy Endpoints object.
   *
   * @default - none: `endpointObjects` asks for EndpointSlices only, or the backend is a host name
   */
  public readonly endpoints?: ApiObject;

  /**
   * The target of the ExternalName Service, without a trailing dot.
   *
   * @default - an address backend
   */
  public readonly externalName?: string;

  /**
   * The Service's `ipFamilyPolicy`: 'SingleStack' for addresses of one family,
   * 'RequireDualStack' for both.
   *
   * @default - a host name backend has none
   */
  public readonly ipFamilyPolicy?: string;

  private readonly resolvedPorts: ExternalServicePort[];
  private readonly slices: ApiObject[];
  private readonly addressList: string[];
  private readonly families: IpFamily[];
  private readonly clientContainers: kplus.Container[] = [];

  /**
   * Validates every prop (the engine's, the port's and those of the Service) and throws one
   * `ValidationError` that lists all problems, or writes the Service for the database.
   */
  public constructor(scope: Construct, id: string, props: ExternalDatabaseProps) {
    super(scope, id);
    underSafetyNet(this);

    const given: Partial<ExternalDatabaseProps> = props !== null && typeof props === 'object' ? props : {};
    const problems = new Problems(this);
    checkDatabaseProps(given, problems);
    // The database's own problems first, then those of the Service, in one ValidationError;
    // with a wrong engine or port there is no port to check, and no second problem about it.
    const ports = problems.empty ? [databasePort(given)] : [];
    const built = buildExternalService(this, {
      serviceName: given.serviceName,
      namespace: given.namespace,
      clusterDomain: given.clusterDomain,
      sessionAffinity: given.sessionAffinity,
      endpointObjects: given.endpointObjects,
      backend: given.backend,
      partOf: given.partOf,
      ports,
    }, problems, { emptyPortsReported: ports.length === 0 });
    this.serviceName = built.serviceName;
    this.dnsNames = built.dnsNames;
    this.service = built.service;
    this.endpoints = built.endpoints;
    this.externalName = built.externalName;
    this.ipFamilyPolicy = built.ipFamilyPolicy;
    this.resolvedPorts = built.ports;
    this.slices = built.slices;
    this.addressList = built.addresses;
    this.families = built.families;
    this.engine = given.engine as DatabaseEngine;
    this.host = this.dnsNames.namespacedName;
    this.port = this.resolvedPorts[0].port;
  }

  /**
   * The port, as emitted (a list of one, like the ports of an `ExternalService`; copies).
   */
  public get ports(): ExternalServicePort[] {
    return this.resolvedPorts.map((p) => ({ ...p }));
  }

  /**
   * The EndpointSlices, in order: the first family's slices, then the other's (a copy of the
   * list; empty for a host name backend and with `EndpointObjects.LEGACY_ENDPOINTS`).
   */
  public get endpointSlices(): ApiObject[] {
    return [...this.slices];
  }

  /**
   * The database's IP addresses in canonical form, in the order given (empty for a host name
   * backend).
   */
  public get addresses(): string[] {
    return [...this.addressList];
  }

  /**
   * The IP families of the addresses, in the order their first address was given; this is the
   * Service's `ipFamilies` (empty for a host name backend).
   */
  public get ipFamilies(): IpFamily[] {
    return [...this.families];
  }

  /**
   * The connection details: host, FQDN, port and engine name.
   */
  public get connection(): DatabaseConnection {
    return {
      host: this.host,
      fqdn: this.dnsNames.fqdn,
      port: this.port,
      engineName: this.engine.name,
    };
  }

  /**
   * Adds the connection details to a container as environment variables: `<prefix>_HOST` and
   * `<prefix>_PORT`, and with `credentials` `<prefix>_USER` and `<prefix>_PASSWORD` from the
   * Secret by reference. Throws a `ValidationError` if the prefix or a Secret key is not valid,
   * or if the container already has one of these variables.
   *
   * @returns the names of the variables added
   */
  public bindToContainer(container: kplus.Container, options: DatabaseBindingOptions = {}): string[] {
    const problems = new Problems(this);
    const opts: DatabaseBindingOptions = options !== null && typeof options === 'object' ? options : {};
    const prefix = opts.prefix ?? 'DB';
    if (typeof prefix !== 'string' || !ENV_PREFIX.test(prefix)) {
      problems.add('prefix', prefix, 'must be letters, digits and \'_\', not starting with a digit', 'use e.g. \'DB\' or \'ORDERS_DB\'');
    }
    const values: Record<string, kplus.EnvValue> = {
      [`${prefix}_HOST`]: kplus.EnvValue.fromValue(this.host),
      [`${prefix}_PORT`]: kplus.EnvValue.fromValue(String(this.port)),
    };
    const credentials = opts.credentials;
    if (credentials !== undefined) {
      const secret = credentials?.secret;
      if (secret === null || typeof secret !== 'object' || typeof secret.name !== 'string') {
        problems.add('credentials.secret', secret, 'must be a cdk8s-plus `ISecret`', 'use e.g. kplus.Secret.fromSecretName(this, \'Creds\', \'orders-db\')');
      }
      const usernameKey = credentials?.usernameKey ?? 'username';
      const passwordKey = credentials?.passwordKey ?? 'password';
      for (const [field, key] of [['usernameKey', usernameKey], ['passwordKey', passwordKey]] as const) {
        if (typeof key !== 'string' || !SECRET_KEY.test(key) || key.length > 253) {
          problems.add(`credentials.${field}`, key, 'must be a Secret key: letters, digits, \'-\', \'_\' and \'.\'');
        }
      }
      if (problems.empty) {
        values[`${prefix}_USER`] = kplus.EnvValue.fromSecretValue({ secret, key: usernameKey });
        values[`${prefix}_PASSWORD`] = kplus.EnvValue.fromSecretValue({ secret, key: passwordKey });
      }
    }
    const existing = container?.env?.variables;
    if (existing === undefined) {
      problems.add('container', container, 'must be a cdk8s-plus `Container`');
    } else {
      for (const name of Object.keys(values)) {
        if (name in existing) {
          problems.add('prefix', prefix, `must not produce a variable the container already has: ${name} is set`, 'use another `prefix`');
        }
      }
    }
    problems.throwIfAny();
    for (const [name, value] of Object.entries(values)) {
      container.env.addVariable(name, value);
    }
    this.clientContainers.push(container);
    return Object.keys(values);
  }

  /**
   * The containers `bindToContainer` gave the connection details to, in order: the database's
   * clients, which `NetworkPolicies` lets reach it (a copy of the list).
   */
  public get boundContainers(): kplus.Container[] {
    return [...this.clientContainers];
  }
}

const ENV_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** The Service port of a database whose props are valid: named after its engine. */
function databasePort(given: Partial<ExternalDatabaseProps>): ServicePortOptions {
  const engine = given.engine as DatabaseEngine;
  const port = given.port ?? engine.defaultPort;
  return { name: engine.name, port, targetPort: given.backendPort ?? port, appProtocol: engine.appProtocol };
}

function checkDatabaseProps(given: Partial<ExternalDatabaseProps>, problems: Problems): void {
  const engine = given.engine;
  if (!(engine instanceof DatabaseEngine)) {
    problems.add('engine', engine, 'must be a `DatabaseEngine`', 'use e.g. DatabaseEngine.POSTGRESQL or DatabaseEngine.custom({ name, defaultPort })');
  } else {
    checkDatabaseEngine(engine, problems, 'engine');
  }
  if (given.port !== undefined) {
    problems.addEach('port', given.port, PortRules.portNumberErrors(given.port), 'use a port number from 1 to 65535');
  }
  if (given.backendPort !== undefined) {
    problems.addEach('backendPort', given.backendPort, PortRules.portNumberErrors(given.backendPort), 'use a port number from 1 to 65535');
    const port = given.port ?? (engine instanceof DatabaseEngine ? engine.defaultPort : undefined);
    const byHostname = given.backend instanceof ExternalBackend && given.backend.isHostname;
    if (byHostname && given.backendPort !== port) {
      problems.add('backendPort', given.backendPort, `must be left out or equal \`port\` (${port}) for a host name backend: an ExternalName Service is a DNS CNAME, so clients connect to the outside host directly on the port they use and nothing can remap it`, `use ${given.backendPort} as \`port\`, or give the backend as IP addresses to remap ports`);
    }
  }
}
