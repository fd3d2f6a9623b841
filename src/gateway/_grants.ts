// Internal: the ReferenceGrants a route or Gateway emits for its cross-namespace references to
// objects of this app. Not exported by the folder's index.
import { Construct } from 'constructs';
import { nameErrors } from './_rules';
import { ReferenceGrant } from './reference-grant';

/**
 * The grants of one referring object (a route or a Gateway), one per target namespace: each
 * allows objects of the referrer's kind in its namespace to refer to the named targets.
 */
export class GrantsOf {
  private readonly byNamespace = new Map<string, ReferenceGrant>();

  /**
   * @param owner the construct the grants are children of
   * @param fromKind the referrer's kind ('HTTPRoute', 'GRPCRoute', 'Gateway')
   * @param fromNamespace the referrer's namespace
   * @param ownerName the referrer's name when the user gave it (grants are then named after it)
   */
  public constructor(
    private readonly owner: Construct,
    private readonly fromKind: string,
    private readonly fromNamespace: string,
    private readonly ownerName?: string,
  ) {}

  /** Makes sure a grant in `namespace` allows `kind` `name`; returns that grant. */
  public allow(namespace: string, kind: string, name: string): ReferenceGrant {
    let grant = this.byNamespace.get(namespace);
    if (!grant) {
      let grantName: string | undefined;
      if (this.ownerName !== undefined) {
        const candidate = `${this.ownerName}-${this.fromKind.toLowerCase()}-${this.fromNamespace}`;
        grantName = nameErrors(candidate).length === 0 ? candidate : undefined;
      }
      grant = new ReferenceGrant(this.owner, `ReferenceGrant-${namespace}`, {
        namespace,
        name: grantName,
        from: [{ kind: this.fromKind, namespace: this.fromNamespace }],
      });
      this.byNamespace.set(namespace, grant);
    }
    if (!grant.allows(kind, name)) {
      grant.addTo({ kind, name });
    }
    return grant;
  }

  /** The grants, in the order they were created. */
  public get all(): ReferenceGrant[] {
    return [...this.byNamespace.values()];
  }
}
