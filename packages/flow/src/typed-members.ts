// An object whose declared type has a member named like a secret holds that secret: logging it whole logs the member.
import type * as TS from 'typescript';
import type { Engine } from './engine.js';
import type { FlowLocation } from './types.js';
import { NodeStep, unionTaints, type FunctionInfo, type Taint, type Value } from './value.js';

/** Type declarations of a file by name: the interfaces and type aliases an annotation can refer to. */
const declarationsByFile = new WeakMap<TS.SourceFile, Map<string, TS.InterfaceDeclaration | TS.TypeAliasDeclaration>>();

function declarationsOf(e: Engine): Map<string, TS.InterfaceDeclaration | TS.TypeAliasDeclaration> {
  let found = declarationsByFile.get(e.sf);
  if (found) return found;
  found = new Map();
  const ts = e.ts;
  const visit = (statements: readonly TS.Statement[]) => {
    for (const s of statements) {
      if ((ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && !found!.has(s.name.text)) found!.set(s.name.text, s);
      else if (ts.isModuleDeclaration(s) && s.body && ts.isModuleBlock(s.body)) visit(s.body.statements);
    }
  };
  visit(e.sf.statements);
  declarationsByFile.set(e.sf, found);
  return found;
}

/** Wrappers that keep a type's members: `Partial<Config>`, `Readonly<Config>`, `Required<Config>`. */
const KEEPING_WRAPPERS = new Set(['Partial', 'Readonly', 'Required', 'NonNullable']);

/**
 * The members an annotation declares with a secret name and a type that can hold one: `apiKey` of `{ apiKey: string }`,
 * or of an interface or type alias of the same file (`session: Session`). Boolean, number and function members are
 * metadata (`hasToken: boolean`), and a `Secret` member hides its value.
 */
export function secretMembersOf(e: Engine, type: TS.TypeNode | undefined, depth = 0): string[] {
  if (!type || depth > 3) return [];
  const ts = e.ts;
  if (ts.isParenthesizedTypeNode(type)) return secretMembersOf(e, type.type, depth);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap((t) => secretMembersOf(e, t, depth + 1));
  if (ts.isTypeLiteralNode(type)) return membersNamedLikeSecrets(e, type.members);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return [];
  const name = type.typeName.text;
  if (KEEPING_WRAPPERS.has(name)) return secretMembersOf(e, type.typeArguments?.[0], depth + 1);
  const declaration = declarationsOf(e).get(name);
  if (!declaration) return [];
  if (ts.isTypeAliasDeclaration(declaration)) return secretMembersOf(e, declaration.type, depth + 1);
  const inherited = (declaration.heritageClauses ?? []).flatMap((h) => h.types.flatMap((t) => (ts.isIdentifier(t.expression) ? secretMembersOf(e, ts.factory.createTypeReferenceNode(t.expression.text), depth + 1) : [])));
  return [...membersNamedLikeSecrets(e, declaration.members), ...inherited];
}

function membersNamedLikeSecrets(e: Engine, members: TS.NodeArray<TS.TypeElement>): string[] {
  const ts = e.ts;
  const names: string[] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const name = e.syntax.propertyName(member.name);
    if (name === undefined || e.names.classify(name) !== 'secret' || !mayHoldText(e, member.type)) continue;
    names.push(name);
  }
  return names;
}

/** A string, or a union with one: the types a secret's text can have (`string`, `string | undefined`). */
function mayHoldText(e: Engine, type: TS.TypeNode): boolean {
  if (type.kind === e.SK.StringKeyword) return true;
  return e.ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === e.SK.StringKeyword);
}

/**
 * `config: { apiKey: string }`: the value of a binding whose annotation declares a member named like a secret holds
 * that secret, as a guess by name (reading `config.model` stays clean; logging `config` whole does not).
 */
export function withTypedSecretMembers(e: Engine, name: string, value: Value, type: TS.TypeNode | undefined, nameNode: TS.Node, paramOf?: FunctionInfo): Value {
  if (!type || value.safe || value.fn || value.cls || value.kind !== undefined) return value;
  let members: Array<{ name: string; declaration?: TS.Declaration }> = secretMembersOf(e, type).map((member) => ({ name: member }));
  // With a type checker, a type declared in another file or package shows its members too.
  if (members.length === 0 && e.types && e.ts.isTypeReferenceNode(type)) members = e.types.stringMembers(nameNode).filter((m) => e.names.classify(m.name) === 'secret');
  if (members.length === 0) return value;
  const seen = new Set<string>();
  const taints: Taint[] = [];
  for (const { name: member, declaration } of members) {
    if (seen.has(member)) continue;
    seen.add(member);
    const here = e.loc(nameNode, () => `\`${name}\` holds \`${member}\`, named like a secret`);
    taints.push({
      origin: { kind: 'source', label: `${name}.${member}`, byName: true, member, ...(paramOf ? { paramOf } : {}) },
      path: declaration ? [...declaredAt(e, declaration, member), here] : [here],
    });
  }
  return { ...value, taints: unionTaints(value.taints, taints) };
}

/** Where a member of a type from another file of the project is declared: the first step of the path. */
function declaredAt(e: Engine, declaration: TS.Declaration, member: string): FlowLocation[] {
  const file = declaration.getSourceFile();
  if (file === e.sf || file.isDeclarationFile || /[\\/]node_modules[\\/]/.test(file.fileName)) return [];
  const step = new NodeStep(declaration, file, `\`${member}\` is declared here`);
  step.fileName = file.fileName;
  return [step];
}
