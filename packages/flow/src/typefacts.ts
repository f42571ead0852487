import type * as TS from 'typescript';
import type { FlowTables } from './tables.js';

/** What a type checker can prove: a `Secret`, an `Error` subclass, a value that is only a boolean or number. */
export class TypeFacts {
  constructor(
    private readonly ts: typeof TS,
    private readonly checker: TS.TypeChecker,
    private readonly tables: FlowTables,
  ) {}

  /** `stringMembers` of each object type already asked about. */
  private readonly membersByType = new WeakMap<TS.Type, Array<{ name: string; declaration: TS.Declaration }>>();

  private typeOf(node: TS.Node): TS.Type | undefined {
    try {
      const type = this.checker.getTypeAtLocation(node);
      return type.flags & (this.ts.TypeFlags.Any | this.ts.TypeFlags.Unknown) ? undefined : type;
    } catch {
      return undefined;
    }
  }

  private parts(type: TS.Type): TS.Type[] {
    const f = this.ts.TypeFlags;
    return (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (f.Undefined | f.Null | f.Void)));
  }

  /** `true`: a Secret type; `false`: a known type that is not; `undefined`: unknown (untyped, any). */
  isSecretType(node: TS.Node): boolean | undefined {
    const type = this.typeOf(node);
    if (!type) return undefined;
    const parts = this.parts(type);
    if (parts.length === 0) return false;
    return parts.every((t) => {
      const name = (t.aliasSymbol ?? t.getSymbol())?.getName();
      return name !== undefined && this.tables.secretTypes.has(name) && t.getProperty('getSecretValue') !== undefined;
    }) || parts.every((t) => this.tables.secretTypes.has(t.getSymbol()?.getName() ?? ''));
  }

  /** A boolean, number, bigint or enum: it can show nothing of a secret. */
  isScalar(node: TS.Node): boolean {
    const type = this.typeOf(node);
    if (!type) return false;
    const f = this.ts.TypeFlags;
    const scalar = f.BooleanLike | f.NumberLike | f.BigIntLike | f.EnumLike | f.Undefined | f.Null | f.Void | f.Never;
    return this.parts(type).every((t) => (t.flags & scalar) !== 0) && this.parts(type).length > 0;
  }

  /** The value is a string (or string literal). */
  isString(node: TS.Node): boolean {
    const type = this.typeOf(node);
    return type !== undefined && this.parts(type).length > 0 && this.parts(type).every((t) => (t.flags & this.ts.TypeFlags.StringLike) !== 0);
  }

  /** A known type with no string in it (`Token`, an object): a bare `token` of that type is not a credential. */
  isKnownNonString(node: TS.Node): boolean {
    const type = this.typeOf(node);
    if (!type) return false;
    const parts = this.parts(type);
    const f = this.ts.TypeFlags;
    return parts.length > 0 && parts.every((t) => (t.flags & (f.StringLike | f.Any | f.Unknown | f.TypeParameter)) === 0);
  }

  /**
   * The members of an object type that hold text (`apiKey?: string`), by name: what printing the whole object shows.
   * Empty for strings, scalars, functions and unknown types.
   */
  stringMembers(node: TS.Node): Array<{ name: string; declaration: TS.Declaration }> {
    const type = this.typeOf(node);
    if (!type) return [];
    try {
      return this.stringMembersOf(type);
    } catch {
      // A checker that cannot resolve a member (a broken or partial program) leaves the object unknown.
      return [];
    }
  }

  private stringMembersOf(type: TS.Type): Array<{ name: string; declaration: TS.Declaration }> {
    const f = this.ts.TypeFlags;
    const names: Array<{ name: string; declaration: TS.Declaration }> = [];
    for (const part of this.parts(type)) {
      if (!(part.flags & f.Object) || part.getCallSignatures().length > 0) continue;
      const known = this.membersByType.get(part);
      if (known) {
        names.push(...known);
        continue;
      }
      const own: Array<{ name: string; declaration: TS.Declaration }> = [];
      this.membersByType.set(part, own);
      const properties = part.getProperties();
      // A type of that many members is a platform object (a request, a DOM node), not options someone logs.
      if (properties.length > 64) continue;
      for (const property of properties) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration) continue;
        const memberType = this.checker.getTypeOfSymbolAtLocation(property, declaration);
        if (this.parts(memberType).some((t) => (t.flags & f.StringLike) !== 0)) own.push({ name: property.getName(), declaration });
      }
      names.push(...own);
    }
    return names;
  }

  /** A function or class: printing it shows code, not data. */
  isCallable(node: TS.Node): boolean {
    const type = this.typeOf(node);
    return type !== undefined && type.getCallSignatures().length + type.getConstructSignatures().length > 0 && type.getProperties().length < 8;
  }

  /** `true` when the constructed or thrown value's class extends Error; undefined when the type is unknown. */
  isErrorInstance(node: TS.Node): boolean | undefined {
    const type = this.typeOf(node);
    if (!type) return undefined;
    return this.extendsError(type, 0);
  }

  private extendsError(type: TS.Type, depth: number): boolean {
    if (depth > 8) return false;
    const name = type.getSymbol()?.getName();
    if (name !== undefined && this.tables.errorConstructors.has(name)) return true;
    if (!type.isClassOrInterface()) {
      const target = (type as TS.TypeReference).target;
      return target !== undefined && target !== type && this.extendsError(target, depth + 1);
    }
    return (this.checker.getBaseTypes(type) ?? []).some((b) => this.extendsError(b, depth + 1));
  }
}
