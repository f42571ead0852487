import { Project, ts } from 'ts-morph';

/** A loaded program: ts-morph reads the tsconfig and the files; the analysis uses the compiler objects. */
export interface LoadedProject {
  /** The tsconfig.json it came from; undefined for the files that belong to no tsconfig. */
  configFile: string | undefined;
  program: ts.Program;
  checker: ts.TypeChecker;
}

/** Compiler options for files outside any tsconfig: JS and TS alike, imports between them only. */
const LOOSE_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  // Enough of the standard library for Error, Promise and collections; the full ES2022 lib would double load time.
  lib: ['lib.es5.d.ts', 'lib.es2015.promise.d.ts', 'lib.es2015.collection.d.ts', 'lib.es2015.iterable.d.ts'],
  types: [],
  skipLibCheck: true,
  // The scanned files are the program: packages in node_modules are not read (the catalog knows the libraries).
  noResolve: true,
};

/** Loads the program of a tsconfig.json (or jsconfig.json); `texts` replaces disk content (staged scans) for the files it names. */
export function loadTsconfigProject(configFile: string, texts: ReadonlyMap<string, string>): LoadedProject {
  // A jsconfig.json is a tsconfig for JavaScript: its files are JS.
  const javascript = configFile.endsWith('jsconfig.json');
  const project = new Project({ tsConfigFilePath: configFile, compilerOptions: { noEmit: true, ...(javascript ? { allowJs: true } : {}) } });
  const problems = project.getConfigFileParsingDiagnostics().filter((d) => d.getCategory() === ts.DiagnosticCategory.Error);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new Error(`cannot read ${configFile}: ${ts.flattenDiagnosticMessageText(first.compilerObject.messageText, ' ')}`);
  }
  for (const sourceFile of project.getSourceFiles()) {
    const text = texts.get(sourceFile.getFilePath());
    if (text !== undefined && text !== sourceFile.getFullText()) sourceFile.replaceWithText(text);
  }
  return programOf(project, configFile);
}

/** One program over files that no tsconfig claims, from their scanned text. */
export function loadLooseProject(texts: ReadonlyMap<string, string>): LoadedProject {
  const project = new Project({ compilerOptions: LOOSE_OPTIONS, skipAddingFilesFromTsConfig: true });
  for (const [file, text] of texts) project.createSourceFile(file, text, { overwrite: true });
  return programOf(project, undefined);
}

function programOf(project: Project, configFile: string | undefined): LoadedProject {
  const program = project.getProgram().compilerObject;
  return { configFile, program, checker: program.getTypeChecker() };
}
