import { catalogDocument } from './catalog/builtin.js';

/** The `urls` section of `rules/flows.yaml`. */
export interface UrlCatalog {
  insecureSchemes: string[];
  localHosts: string[];
  localHostSuffixes: string[];
  localIpv4Prefixes: string[];
  neverFetchedPrefixes: string[];
}

/**
 * `insecure`: plain-text traffic to a remote host; `secure`: an encrypted scheme or not a network URL;
 * `local`: loopback, link-local or a cluster-internal name; `never-fetched`: an XML namespace or schema id;
 * `unknown`: the host is not known (built at run time), so nothing can be said.
 */
export type UrlVerdict = 'insecure' | 'secure' | 'local' | 'never-fetched' | 'unknown';

export interface UrlClassification {
  verdict: UrlVerdict;
  /** Lower-case scheme without `:`, when there is one. */
  scheme?: string;
  /** Lower-case host without credentials or port, when known. */
  host?: string;
  /** The secure scheme to switch to (`https`, `wss`), when there is an obvious one. */
  secureScheme?: string;
}

const SECURE_COUNTERPART: Record<string, string> = { http: 'https', ws: 'wss' };

/**
 * Stands for a part of a string known only at run time (an interpolation) in a string's shape:
 * `f"http://admin:{pw}@api.example.com/"` has the shape `http://admin:\uFFFC@api.example.com/`.
 */
export const UNKNOWN_PART = '\uFFFC';

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

/** Whether URL text starts with a scheme (`https:`, `mailto:`): it stands alone against any base. */
export function isAbsoluteUrl(text: string): boolean {
  return ABSOLUTE.test(text);
}

/** A relative path read against a base (`new URL(path, base)`, `urljoin`), as far as scheme and host go. */
export function joinUrlPath(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
const SCHEME = /^([a-z][a-z0-9+.-]{0,20}):\/\//i;
const TOP_LEVEL_LABEL = /[a-z0-9-]\.[a-z]{2,24}$/;
const SINGLE_LABEL = /^(?=.*[a-z_])[a-z0-9_-]+$/;

export class UrlClassifier {
  private readonly insecure: Set<string>;
  private readonly localHosts: Set<string>;

  constructor(private readonly catalog: UrlCatalog) {
    this.insecure = new Set(catalog.insecureSchemes);
    this.localHosts = new Set(catalog.localHosts);
  }

  /**
   * Classifies a URL, or the known leading part of one (`complete: false`, as in `http://${host}/x`):
   * then the host counts as known only when a `/`, `:`, `?` or `#` ends it inside the known part.
   */
  classify(url: string, complete = true): UrlClassification {
    const unknownAt = url.indexOf(UNKNOWN_PART);
    if (unknownAt !== -1) return this.classifyShape(url, unknownAt);
    const match = SCHEME.exec(url.trimStart());
    if (!match) return { verdict: 'secure' };
    const scheme = match[1]!.toLowerCase();
    if (!this.insecure.has(scheme)) return { verdict: 'secure', scheme };
    const rest = url.trimStart().slice(match[0].length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
    const host = hostOf(authority);
    // A prefix ending in a domain name (`'http://api.example.com' + path`) names its host: what follows is a path.
    const hostEnded = complete || authorityEnd !== -1 || authority.slice(authority.lastIndexOf('@') + 1).includes(':') || TOP_LEVEL_LABEL.test(host);
    if (host === '' || !hostEnded) return { verdict: 'unknown', scheme };
    const secureScheme = SECURE_COUNTERPART[scheme];
    const base = { scheme, host, ...(secureScheme ? { secureScheme } : {}) };
    if (this.isLocal(host)) return { verdict: 'local', ...base };
    const hostAndPath = host + rest.slice(authority.length);
    if (this.catalog.neverFetchedPrefixes.some((p) => hostAndPath.startsWith(p))) return { verdict: 'never-fetched', ...base };
    return { verdict: 'insecure', ...base };
  }

  /**
   * A shape with unknown parts: its host is known when the parts before it are all credentials
   * (`http://{user}:{password}@host/`), else only the text before the first unknown part is.
   */
  private classifyShape(shape: string, unknownAt: number): UrlClassification {
    const prefix = this.classify(shape.slice(0, unknownAt), false);
    const match = SCHEME.exec(shape.trimStart());
    if (match && prefix.verdict !== 'secure') {
      const rest = shape.trimStart().slice(match[0].length);
      const authorityEnd = rest.search(/[/?#]/);
      const authority = authorityEnd === -1 ? rest : rest.slice(0, authorityEnd);
      const at = authority.lastIndexOf('@');
      const hostPort = authority.slice(at + 1);
      if (at !== -1) {
        // What precedes the `@` is credentials, not the host the text before the first unknown part suggests.
        if (hostPort === '' || hostPort.includes(UNKNOWN_PART)) return { verdict: 'unknown', scheme: match[1]!.toLowerCase() };
        const path = authorityEnd === -1 ? '' : rest.slice(authorityEnd).split(UNKNOWN_PART)[0]!;
        return this.classify(`${match[0]}${hostPort}${path}`, authorityEnd === -1);
      }
    }
    return prefix;
  }

  isLocal(host: string): boolean {
    if (this.localHosts.has(host)) return true;
    // A single-label name (`redis`, `model-server`) resolves only inside a private network (Docker, Kubernetes, hosts).
    if (SINGLE_LABEL.test(host)) return true;
    if (this.catalog.localHostSuffixes.some((s) => host.endsWith(s))) return true;
    return /^\d+\.\d+\.\d+\.\d+$/.test(host) && this.catalog.localIpv4Prefixes.some((p) => host.startsWith(p));
  }
}

/** `user:pass@Host:8080` -> `host`; `[::1]:80` -> `[::1]`. */
function hostOf(authority: string): string {
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    return close === -1 ? hostPort : hostPort.slice(0, close + 1);
  }
  const colon = hostPort.indexOf(':');
  return colon === -1 ? hostPort : hostPort.slice(0, colon);
}

let shared: UrlClassifier | undefined;

/** The classifier over the shipped `urls` section of flows.yaml. */
export function defaultUrlClassifier(): UrlClassifier {
  shared ??= new UrlClassifier(catalogDocument<{ urls: UrlCatalog }>('flows').urls);
  return shared;
}
