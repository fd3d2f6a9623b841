// Internal: what HTTPRoute and GRPCRoute share (parents, host names, backends and the grants they
// need), composed by both constructs. Not exported by the folder's index.
import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { GrantsOf } from './_grants';
import { LIMITS, defaultNamespace, gatewayObject, hostnameErrors, listOf, nameErrors, namespaceErrors, portErrors } from './_rules';
import { Gateway } from './gateway';
import { GatewayRef, IGateway, OutsideReference, RouteNamespaces } from './gateway-ref';
import { ReferenceGrant } from './reference-grant';
import { RouteBackend } from './route-backend';
import type { RouteProps } from './route-props';
import { Problems } from '../core/problems';
import { ValidationProblem } from '../core/validation-error';
import { ExternalObject } from '../validation/check-options';

/** A parent of a route as given. */
export interface ParentInput {
  readonly gateway: IGateway;
  readonly sectionName?: string;
  readonly port?: number;
}

/** A parent of a route, read. */
export interface Parent {
  readonly input: ParentInput;
  readonly ref: GatewayRef;
}

/** What `RouteCore.open` gives a route construct. */
export interface OpenedRoute<R> {
  readonly core: RouteCore;
  readonly resource: ApiObject;
  /** The rules given in the props, for the route to add (a list, checked). */
  readonly rules: R[];
}

/** Shared state and behaviour of a route. */
export class RouteCore {
  /**
   * Starts a route construct: checks the props every route takes (with its `rules` as a list,
   * every problem at once), creates its object with the spec `spec` gives at synth, and adds
   * the parents and host names given. The route adds the rules itself.
   */
  public static open<R>(owner: Construct, kind: 'HTTPRoute' | 'GRPCRoute', props: RouteProps & { readonly rules?: R[] }, spec: () => unknown): OpenedRoute<R> {
    const p: RouteProps & { readonly rules?: R[] } = props !== null && typeof props === 'object' ? props : {};
    const problems = new Problems(owner);
    if (p.name !== undefined) {
      problems.addEach('name', p.name, nameErrors(p.name));
    }
    if (p.namespace !== undefined) {
      problems.addEach('namespace', p.namespace, namespaceErrors(p.namespace));
    }
    const parents = listOf(problems, 'parentRefs', p.parentRefs);
    const hostnames = listOf(problems, 'hostnames', p.hostnames);
    const rules = listOf(problems, 'rules', p.rules);
    problems.throwIfAny();
    const resource = gatewayObject(owner, kind, { name: p.name, namespace: p.namespace }, Lazy.any({ produce: spec }));
    const core = new RouteCore(owner, kind, resource.metadata.namespace, p.name);
    parents.forEach((x) => core.addParent(x));
    hostnames.forEach((h) => core.addHostname(h));
    return { core, resource, rules };
  }

  public readonly parents: Parent[] = [];
  public readonly hostnames: string[] = [];
  /** The namespace the route is applied to (given, the chart's, or 'default'). */
  public readonly effectiveNamespace: string;
  private readonly grants: GrantsOf;
  private readonly backends: RouteBackend[] = [];

  public constructor(private readonly owner: Construct, public readonly kind: 'HTTPRoute' | 'GRPCRoute', public readonly namespace: string | undefined, givenName: string | undefined) {
    this.effectiveNamespace = namespace ?? defaultNamespace(owner);
    this.grants = new GrantsOf(owner, kind, this.effectiveNamespace, givenName);
  }

  /** Validates and adds a parent; throws a `ValidationError`. */
  public addParent(given: ParentInput): ParentInput {
    const problems = new Problems(this.owner);
    const p: ParentInput = given !== null && typeof given === 'object' ? given : ({} as ParentInput);
    const g: any = p.gateway;
    if (g === null || typeof g !== 'object' || typeof g.toGatewayRef !== 'function') {
      problems.add('parentRefs.gateway', p.gateway, 'must be an `IGateway`', 'pass a Gateway of this app or Gateway.fromGatewayName(\'name\', { namespace })');
      problems.throwIfAny();
    }
    if (p.sectionName !== undefined) {
      problems.addEach('parentRefs.sectionName', p.sectionName, nameErrors(p.sectionName));
    }
    if (p.port !== undefined) {
      problems.addEach('parentRefs.port', p.port, portErrors(p.port));
    }
    const ref = p.gateway.toGatewayRef();
    const ns = (r: GatewayRef) => r.namespace ?? this.effectiveNamespace;
    const same = this.parents.filter((x) => x.ref.name === ref.name && ns(x.ref) === ns(ref));
    if (same.length > 0) {
      if (p.sectionName === undefined || same.some((x) => x.input.sectionName === undefined)) {
        problems.add('parentRefs.sectionName', p.sectionName, `must be set on every reference to Gateway '${ref.name}' when the route attaches to it more than once`,
          'name a listener in each reference');
      } else if (same.some((x) => x.input.sectionName === p.sectionName)) {
        problems.add('parentRefs.sectionName', p.sectionName, `must not repeat a listener of Gateway '${ref.name}' the route is attached to`);
      }
    }
    if (this.parents.length >= LIMITS.parentRefs) {
      problems.add('parentRefs', ref.name, `must have at most ${LIMITS.parentRefs} items`);
    }
    problems.throwIfAny();
    const input = { gateway: p.gateway, sectionName: p.sectionName, port: p.port };
    this.parents.push({ input, ref });
    return { ...input };
  }

  /** Validates and adds a host name; throws a `ValidationError`. */
  public addHostname(hostname: string): string {
    const problems = new Problems(this.owner);
    problems.addEach('hostnames', hostname, hostnameErrors(hostname));
    if (this.hostnames.includes(hostname)) {
      problems.add('hostnames', hostname, 'must not be listed twice');
    }
    if (this.hostnames.length >= LIMITS.hostnames) {
      problems.add('hostnames', hostname, `must have at most ${LIMITS.hostnames} items`, 'split the hosts over several routes');
    }
    problems.throwIfAny();
    this.hostnames.push(hostname);
    return hostname;
  }

  /** Reads the backends of a rule into `problems`. */
  public readBackends(problems: Problems, field: string, given: readonly RouteBackend[] | undefined): RouteBackend[] {
    if (given === undefined || given === null) {
      return [];
    }
    if (!Array.isArray(given)) {
      problems.add(field, given, 'must be a list');
      return [];
    }
    if (given.length > LIMITS.backendRefs) {
      problems.add(field, `${given.length} items`, `must have at most ${LIMITS.backendRefs} items`);
    }
    given.forEach((b, i) => {
      if (!(b instanceof RouteBackend)) {
        problems.add(`${field}[${i}]`, b, 'must be made with RouteBackend.fromWebBackend(), .service() or .serviceName()');
      } else if (given.findIndex((x) => x instanceof RouteBackend && sameTarget(x, b)) < i) {
        problems.add(`${field}[${i}]`, b.name, 'must not list the same Service and port twice in a rule', 'give one backend the sum of the weights');
      }
    });
    if (given.length > 0 && given.every((b) => b instanceof RouteBackend && b.weight === 0)) {
      problems.add(`${field}`, given.map((b) => b.weight), 'must not all have weight 0: the rule would answer every request with an error', 'give one backend a weight above 0');
    }
    return [...given];
  }

  /** Records the backends of a rule that was added: grants for the cross-namespace ones of this app. */
  public useBackends(backends: readonly RouteBackend[]): void {
    for (const b of backends) {
      this.backends.push(b);
      if (b.inApp && b.namespace !== undefined && b.namespace !== this.effectiveNamespace) {
        this.grants.allow(b.namespace, 'Service', b.name);
      }
    }
  }

  /** A backendRef. */
  public backendRef(b: RouteBackend): { name: string; port: number; namespace?: string; weight?: number; kind?: string } {
    return {
      name: b.name,
      namespace: b.namespace !== undefined && b.namespace !== this.effectiveNamespace ? b.namespace : undefined,
      port: b.port,
      weight: b.weight,
    };
  }

  /** The parentRefs. */
  public parentRefs(): Array<{ name: string; namespace?: string; sectionName?: string; port?: number }> {
    return this.parents.map((p) => ({
      name: p.ref.name,
      namespace: p.ref.namespace !== undefined && p.ref.namespace !== this.effectiveNamespace ? p.ref.namespace : undefined,
      sectionName: p.input.sectionName,
      port: p.input.port,
    }));
  }

  public get referenceGrants(): ReferenceGrant[] {
    return this.grants.all;
  }

  /**
   * What the route refers to outside the app, for the safety net: the Gateways it attaches to
   * that are not constructs of this app (`Gateway.fromGatewayName`) and its outside backends.
   */
  public externalObjects(): ExternalObject[] {
    const out: ExternalObject[] = [];
    for (const p of this.parents) {
      if (!Gateway.isGateway(p.input.gateway)) {
        out.push({ kind: 'Gateway', name: p.ref.name, namespace: p.ref.namespace ?? this.effectiveNamespace });
      }
    }
    for (const o of this.outsideReferences()) {
      out.push({ kind: o.kind, name: o.name, namespace: o.namespace ?? this.effectiveNamespace });
    }
    return out;
  }

  public outsideReferences(): OutsideReference[] {
    const out: OutsideReference[] = [];
    for (const b of this.backends) {
      if (b.inApp || out.some((o) => o.name === b.name && o.namespace === (b.namespace ?? this.namespace))) {
        continue;
      }
      out.push({ kind: 'Service', name: b.name, namespace: b.namespace ?? this.namespace, referenceGrantNeeded: b.namespace !== undefined && b.namespace !== this.effectiveNamespace });
    }
    return out;
  }

  /** The invariants that later additions could still fix, and the listeners' constraints. */
  public deferredProblems(ruleCount: number): ValidationProblem[] {
    const problems = new Problems(this.owner);
    if (this.parents.length === 0) {
      problems.add('parentRefs', [], 'must attach the route to at least one Gateway', 'pass `parentRefs` or call `addParentRef`');
    }
    if (ruleCount === 0) {
      problems.add('rules', [], 'must have at least one rule', 'pass `rules` or call `addRule`');
    }
    this.parents.forEach((p, i) => {
      const ref = p.input.gateway.toGatewayRef();
      const listeners = ref.listeners;
      if (listeners === undefined) {
        return;
      }
      let candidates = listeners;
      if (p.input.sectionName !== undefined) {
        candidates = candidates.filter((l) => l.name === p.input.sectionName);
        if (candidates.length === 0) {
          problems.add(`parentRefs[${i}].sectionName`, p.input.sectionName, `must name a listener of Gateway '${ref.name}' (${listeners.map((l) => `'${l.name}'`).join(', ') || 'it has none'})`);
          return;
        }
      }
      if (p.input.port !== undefined) {
        candidates = candidates.filter((l) => l.port === p.input.port);
        if (candidates.length === 0) {
          problems.add(`parentRefs[${i}].port`, p.input.port, `must be the port of a listener of Gateway '${ref.name}'${p.input.sectionName ? ` named '${p.input.sectionName}'` : ''}`);
          return;
        }
      }
      if (this.hostnames.length > 0) {
        const serving = candidates.filter((l) => l.hostname === undefined || this.hostnames.some((h) => hostnamesIntersect(l.hostname!, h)));
        if (serving.length === 0) {
          problems.add(`parentRefs[${i}]`, ref.name, `must reach a listener that serves one of the route's host names (${this.hostnames.join(', ')}): ${candidates.map((l) => `'${l.name}' serves '${l.hostname}'`).join(', ')}`,
            'attach the route to a listener of its host, or add one to the Gateway');
          return;
        }
        candidates = serving;
      }
      const gwNamespace = ref.namespace ?? this.effectiveNamespace;
      const admitting = candidates.filter((l) => {
        const from = l.allowedRoutesFrom ?? RouteNamespaces.SAME;
        const nsOk = from !== RouteNamespaces.SAME || gwNamespace === this.effectiveNamespace;
        const kindOk = l.allowedRouteKinds === undefined || l.allowedRouteKinds.includes(this.kind);
        const protoOk = this.kind === 'GRPCRoute' || l.protocol === 'HTTP' || l.protocol === 'HTTPS';
        return nsOk && kindOk && protoOk;
      });
      if (admitting.length === 0) {
        problems.add(`parentRefs[${i}]`, ref.name,
          `must reach a listener that admits a ${this.kind} from namespace '${this.effectiveNamespace}': ${candidates.map((l) => `'${l.name}' allows ${(l.allowedRoutesFrom ?? RouteNamespaces.SAME) === RouteNamespaces.SAME ? `only namespace '${gwNamespace}'` : `kinds ${(l.allowedRouteKinds ?? []).join(', ')}`}`).join('; ')}`,
          'use AllowedRoutes.all() or AllowedRoutes.fromNamespaces() on the listener, or put the route in the Gateway\'s namespace');
      }
    });
    return problems.items;
  }
}

/** Whether two host names (either may be a wildcard `*.example.com`) can match the same request host. */
export function hostnamesIntersect(a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  const covers = (wild: string, host: string) => wild.startsWith('*.') && host.endsWith(wild.slice(1)) && host.length > wild.length - 1;
  return covers(a, b) || covers(b, a);
}

function sameTarget(a: RouteBackend, b: RouteBackend): boolean {
  return a.name === b.name && a.port === b.port && a.namespace === b.namespace;
}
