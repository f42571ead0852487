import type { PyNode as SyntaxNode } from './tree.js';

/** What the names of a module stand for after its imports: `from requests import post as p` -> `p` is `requests.post`. */
export class ImportMap {
  private readonly aliases = new Map<string, string>();
  /** Names bound by `import x` / `import x as y`: modules, not values. */
  private readonly moduleNames = new Set<string>();
  /** Top-level module names imported anywhere in the file. */
  readonly modules = new Set<string>();

  add(statement: SyntaxNode): void {
    if (statement.type === 'import_statement') {
      for (const child of statement.childrenForFieldName('name')) {
        if (child.type === 'aliased_import') {
          const name = child.childForFieldName('name')?.text;
          const alias = child.childForFieldName('alias')?.text;
          if (name && alias) {
            this.aliases.set(alias, name);
            this.moduleNames.add(alias);
          }
          if (name) this.modules.add(name.split('.')[0]!);
        } else {
          const top = child.text.split('.')[0]!;
          this.aliases.set(top, top);
          this.moduleNames.add(top);
          this.modules.add(top);
        }
      }
      return;
    }
    if (statement.type !== 'import_from_statement') return;
    const module = statement.childForFieldName('module_name')?.text;
    if (!module) return;
    if (!module.startsWith('.')) this.modules.add(module.split('.')[0]!);
    for (const child of statement.childrenForFieldName('name')) {
      const name = child.type === 'aliased_import' ? child.childForFieldName('name')?.text : child.text;
      const local = child.type === 'aliased_import' ? child.childForFieldName('alias')?.text : child.text;
      if (name && local) this.aliases.set(local, `${module}.${name}`);
    }
  }

  /** What the imported names stand for: `pkg.mod.Name` for `from pkg.mod import Name`. */
  targets(): IterableIterator<string> {
    return this.aliases.values();
  }

  /** True when `name` was brought in by an import (so it is not a local variable of unknown origin). */
  isImported(name: string): boolean {
    return this.aliases.has(name);
  }

  isModule(name: string): boolean {
    return this.moduleNames.has(name);
  }

  /** The dotted name with its first part replaced by what the import says it is. */
  canonical(dotted: string): string {
    const dot = dotted.indexOf('.');
    const root = dot === -1 ? dotted : dotted.slice(0, dot);
    const target = this.aliases.get(root);
    if (target === undefined) return dotted;
    return dot === -1 ? target : target + dotted.slice(dot);
  }
}
