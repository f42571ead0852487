/** Where a read sits in the file: 1-based lines and columns (UTF-16 units, like editors). */
export interface PythonSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type PythonReadKind = 'env' | 'truss-secret' | 'secret-file' | 'cog-secret-param';

/** How the code asked for the value: the forms differ in what happens when it is missing. */
export type PythonReadForm = 'subscript' | 'get' | 'getenv' | 'membership' | 'path' | 'parameter';

export interface PythonSecretRead extends PythonSpan {
  kind: PythonReadKind;
  /** The env var, Truss secret or file name, or the parameter's name for `cog-secret-param`. */
  name: string;
  form: PythonReadForm;
  /**
   * True when a missing value cannot raise here: `.get`, `getenv`, an `in` check, or a subscript inside
   * `try/except KeyError` or under an `if` that tests the same name. (Truss's `.get` on the secrets mapping
   * raises for an undeclared name, so it is never a guard there: see `form`.)
   */
  guarded?: boolean;
  /** `cog-secret-param` only: the function it belongs to and how the parameter is typed. */
  functionName?: string;
  annotation?: 'Secret' | 'Optional[Secret]' | 'list[Secret]';
  /** `cog-secret-param` only: a string default, which Cog copies into the public schema. Raw: never print it. */
  stringDefault?: PythonSpan & { value: string };
  /** `cog-secret-param` only: `default=None` (or `Optional`) makes the input optional. */
  optional?: boolean;
}

/** Everything the config cross-check needs from one Python file, from a single parse. */
export interface PythonModuleFacts {
  reads: PythonSecretRead[];
  /** Top-level module names the file imports (`huggingface_hub`, `openai`), relative imports excluded. */
  imports: string[];
  /** Every static string literal in the file (up to a length cap), to see declared names passed around as data. */
  strings: string[];
  /** The code hands `os.environ` over as a whole (to a subprocess, `dict()`, `.items()`), so any variable may be read. */
  passesWholeEnvironment: boolean;
  /** The Truss secrets mapping is handed over or iterated as a whole, so any declared secret may be read. */
  passesWholeSecrets: boolean;
  /** True when tree-sitter had to recover from a syntax error somewhere in the file. */
  hasSyntaxErrors: boolean;
}
