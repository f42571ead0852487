import type * as TS from 'typescript';
import type { CodeRead, FolderCode } from '../model.js';
import { platformFacts } from '../platforms.js';

type TypeScript = typeof TS;
let loading: Promise<TypeScript> | undefined;

/** TypeScript's parser, loaded only when a model folder holds JS/TS (most hold only Python). */
function typescript(): Promise<TypeScript> {
  loading ??= import('typescript').then((m) => ((m as unknown as { default?: TypeScript }).default ?? (m as unknown as TypeScript)));
  return loading;
}

const SECRETS_HOLDER = /^_*secrets$/;

function scriptKind(ts: TypeScript, file: string): TS.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/**
 * Adds one JS/TS file's secret reads: `process.env.X` in every form (property, element, destructuring),
 * `/secrets/<name>` paths, keys read from a `secrets` mapping, and parameters typed `Secret`; plus its imports
 * and string literals.
 */
export async function addJavaScriptFile(file: string, text: string, code: FolderCode): Promise<void> {
  const ts = await typescript();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(ts, file));
  const fileDir = platformFacts().truss.secretFileDir;
  code.codeFiles++;

  const push = (kind: CodeRead['kind'], name: string, form: string, node: TS.Node): void => {
    const start = source.getLineAndCharacterOfPosition(node.getStart(source));
    const end = source.getLineAndCharacterOfPosition(node.getEnd());
    code.reads.push({
      kind, name, file, form, guarded: true, language: 'js',
      span: { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
    });
  };
  const isProcessEnv = (node: TS.Node): boolean =>
    ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ts.isIdentifier(node.expression) && node.expression.text === 'process';
  const isSecretsHolder = (node: TS.Node): boolean =>
    (ts.isIdentifier(node) && SECRETS_HOLDER.test(node.text)) || (ts.isPropertyAccessExpression(node) && SECRETS_HOLDER.test(node.name.text));
  /** `process.env.X`, `process.env['X']`, `const { X } = process.env`, `process.env.X = v`: one variable at a time. */
  const readsOneVariable = (env: TS.Node): boolean => {
    const parent = env.parent;
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === env) return true;
    return ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name) && parent.name.elements.every((e) => !e.dotDotDotToken);
  };
  const keyOf = (node: TS.Node | undefined): string | undefined =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

  const visit = (node: TS.Node): void => {
    if (isProcessEnv(node) && !readsOneVariable(node)) code.wholeEnvironment = true;
    if (ts.isPropertyAccessExpression(node)) {
      if (isProcessEnv(node.expression)) push('env', node.name.text, 'property', node);
      else if (isSecretsHolder(node.expression)) push('truss-secret', node.name.text, 'property', node);
    } else if (ts.isElementAccessExpression(node)) {
      const key = keyOf(node.argumentExpression);
      if (key !== undefined && isProcessEnv(node.expression)) push('env', key, 'subscript', node);
      else if (key !== undefined && isSecretsHolder(node.expression)) push('truss-secret', key, 'subscript', node);
    } else if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectBindingPattern(node.name)) {
      const kind = isProcessEnv(node.initializer) ? 'env' : isSecretsHolder(node.initializer) ? 'truss-secret' : undefined;
      if (kind) {
        for (const element of node.name.elements) {
          const key = element.propertyName ?? element.name;
          if (ts.isIdentifier(key) || ts.isStringLiteral(key)) push(kind, key.text, 'destructuring', element);
        }
      }
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const first = keyOf(node.arguments[0]);
      if (first !== undefined && (ts.isIdentifier(callee) && callee.text === 'require' || callee.kind === ts.SyntaxKind.ImportKeyword)) addPackage(first, code);
      // `Deno.env.get("X")`, `path.join("/secrets", "x")`
      if (first !== undefined && ts.isPropertyAccessExpression(callee) && callee.name.text === 'get' && callee.expression.getText(source) === 'Deno.env') push('env', first, 'get', node);
      if (first !== undefined && ts.isPropertyAccessExpression(callee) && callee.name.text === 'join' && `${first.replace(/\/$/, '')}/` === fileDir) {
        const name = keyOf(node.arguments[1]);
        if (name) push('secret-file', name, 'path', node);
      }
    } else if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const spec = keyOf(node.moduleSpecifier);
      if (spec) addPackage(spec, code);
    } else if (ts.isParameter(node) && node.type && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === 'Secret' && ts.isIdentifier(node.name)) {
      push('secret-param', node.name.text, 'parameter', node.name);
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
      if (node.text.length <= 256) code.mentions.add(node.text);
      if (node.text.startsWith(fileDir)) {
        const name = /^[-._a-zA-Z0-9]+/.exec(node.text.slice(fileDir.length))?.[0];
        if (name) push('secret-file', name, 'path', node);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** `@scope/pkg/sub` -> `@scope/pkg`, `pkg/sub` -> `pkg`; relative and node: imports are skipped. */
function addPackage(specifier: string, code: FolderCode): void {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return;
  const parts = specifier.split('/');
  code.npmPackages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
}
