// Internal: what a PolicyPeer stands for, and which constructs are the library's.
import { IConstruct } from 'constructs';
import { ExternalDatabase } from '../external/external-database';
import { ExternalService } from '../external/external-service';
import { HeadlessStatefulService } from '../stateful/headless-stateful-service';
import { InternalWebApp } from '../web/internal-web-app';
import { PublicWebApp } from '../web/public-web-app';

/** What a peer stands for. */
export type PeerSpec =
  | { readonly kind: 'construct'; readonly construct: IConstruct }
  | { readonly kind: 'pods'; readonly labels: Readonly<Record<string, string>>; readonly namespace?: string }
  | { readonly kind: 'namespace'; readonly labels: Readonly<Record<string, string>>; readonly text: string }
  | { readonly kind: 'ipBlock'; readonly cidr: string; readonly except: readonly string[] };

/** Whether a construct is one whose pods or addresses `NetworkPolicies` knows. */
export function isLibraryConstruct(x: unknown): boolean {
  return x instanceof InternalWebApp || PublicWebApp.isPublicWebApp(x) || x instanceof HeadlessStatefulService
    || x instanceof ExternalService || x instanceof ExternalDatabase;
}

