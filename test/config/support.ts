import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REPOS = join(ROOT, 'fixtures/repos');

/** Every file under `dir`, as the CLI hands them over: paths relative to the repository root, `/`-separated. */
export function readTree(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...readTree(full));
    else out.push({ path: relative(ROOT, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
  }
  return out;
}

/** `file:line:col rule severity` for each finding, in report order: compact to compare in tests. */
export async function auditSummary(files: Record<string, string>): Promise<{ findings: string[]; errors: string[]; declared: string[] }> {
  const { auditConfigs } = await import('@secret-hygiene/config');
  const result = await auditConfigs(Object.entries(files).map(([path, text]) => ({ path, text })));
  return {
    findings: result.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`),
    errors: result.errors.map((e) => `${e.file}: ${e.message}`),
    declared: result.declaredSecretEnv,
  };
}

/** Only the findings of one rule. */
export async function ruleFindings(ruleId: string, files: Record<string, string>): Promise<string[]> {
  return (await auditSummary(files)).findings.filter((f) => f.includes(` ${ruleId} `)).map((f) => f.replace(` ${ruleId}`, ''));
}

export const lines = (...l: string[]): string => `${l.join('\n')}\n`;
