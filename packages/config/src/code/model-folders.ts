import type { InputError } from '@secret-hygiene/core';
import { folderOf } from '../detect.js';
import { emptyFolderCode, type FolderCode } from '../model.js';
import { codeLanguage, fileCode, mergeCode } from './folder.js';

export interface SourceFile {
  /** Relative to the working directory, `/`-separated. */
  path: string;
  text: string;
}

function isAncestor(dir: string, folder: string): boolean {
  return dir === '' ? folder !== '' : folder.startsWith(`${dir}/`);
}

/**
 * The code of each model folder. A code file belongs to the nearest enclosing folder that holds a config; code in
 * no model folder but in a folder above one (a helper shared by several apps) is offered to every model folder
 * below it as shared code. Each file is parsed once, however many folders see it.
 */
export class ModelFolders {
  private readonly own = new Map<string, SourceFile[]>();
  private readonly shared: SourceFile[] = [];
  private readonly facts = new Map<string, Promise<FolderCode | undefined>>();
  private readonly folders = new Map<string, Promise<FolderCode>>();

  constructor(files: readonly SourceFile[], configFolders: ReadonlySet<string>, private readonly errors: InputError[]) {
    for (const file of files) {
      if (!codeLanguage(file.path)) continue;
      const home = nearest(folderOf(file.path), configFolders);
      if (home === undefined) this.shared.push(file);
      else {
        const list = this.own.get(home);
        if (list) list.push(file);
        else this.own.set(home, [file]);
      }
    }
  }

  code(folder: string): Promise<FolderCode> {
    let code = this.folders.get(folder);
    if (!code) {
      code = this.collect(folder);
      this.folders.set(folder, code);
    }
    return code;
  }

  private async collect(folder: string): Promise<FolderCode> {
    const code = emptyFolderCode();
    for (const file of this.own.get(folder) ?? []) {
      const part = await this.factsOf(file);
      if (part) mergeCode(code, part, false);
    }
    for (const file of this.shared) {
      if (!isAncestor(folderOf(file.path), folder)) continue;
      const part = await this.factsOf(file);
      if (part) mergeCode(code, part, true);
    }
    return code;
  }

  private factsOf(file: SourceFile): Promise<FolderCode | undefined> {
    let facts = this.facts.get(file.path);
    if (!facts) {
      facts = fileCode(file.path, file.text).catch((error: unknown) => {
        this.errors.push({ file: file.path, message: `could not read secret accesses from this file: ${(error as Error).message.split('\n')[0]}` });
        return undefined;
      });
      this.facts.set(file.path, facts);
    }
    return facts;
  }
}

function nearest(dir: string, folders: ReadonlySet<string>): string | undefined {
  for (let d = dir; ; d = folderOf(d)) {
    if (folders.has(d)) return d;
    if (d === '') return undefined;
  }
}
