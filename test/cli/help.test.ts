import { describe, expect, it } from 'vitest';
import { OPTIONS } from '../../packages/cli/src/args.js';
import { HELP } from '../../packages/cli/src/help.js';

/** The help's option entries: each starts with its flags and runs until the next entry or a blank line. */
function optionEntries(): Array<{ flags: string[]; lines: string[] }> {
  const section = HELP.slice(HELP.indexOf('\nOptions\n'), HELP.indexOf('\nCommands\n'));
  const entries: Array<{ flags: string[]; lines: string[] }> = [];
  for (const line of section.split('\n')) {
    const head = /^ {2}(?:(-\w), | {4})(--[\w-]+)/.exec(line);
    if (head) entries.push({ flags: [head[2]!, ...(head[1] ? [head[1]] : [])], lines: [] });
    else if (line.trim() !== '') entries.at(-1)?.lines.push(line);
  }
  return entries;
}

/** Example lines are indented past the descriptions and start with the command. */
const EXAMPLE = /^ {30}secret-audit\b/;

describe('--help', () => {
  it('documents every option of the parser with an example that uses it', () => {
    const entries = optionEntries();
    for (const [name, option] of Object.entries(OPTIONS)) {
      const entry = entries.find((e) => e.flags.includes(`--${name}`));
      expect(entry, `--${name} is not in the help`).toBeDefined();
      if ('short' in option) expect(entry!.flags, `-${option.short} for --${name}`).toContain(`-${option.short}`);
      const examples = entry!.lines.filter((line) => EXAMPLE.test(line));
      expect(examples.length, `--${name} has no example line`).toBeGreaterThan(0);
      expect(examples.some((line) => entry!.flags.some((flag) => new RegExp(`(?:^|\\s)${flag}(?:[\\s=]|$)`).test(line.trim()))), `the example of --${name} does not use it`).toBe(true);
    }
  });

  it('documents no option the parser does not know', () => {
    for (const entry of optionEntries()) expect(Object.keys(OPTIONS)).toContain(entry.flags[0]!.slice(2));
  });

  it('lists the init command with an example', () => {
    const commands = HELP.slice(HELP.indexOf('\nCommands\n'));
    expect(commands).toMatch(/^ {2}init \[dir\] \[--force\]/m);
    expect(commands).toMatch(/^ {30}secret-audit init\b/m);
  });

  it('says when the progress line shows and what the project config holds', () => {
    expect(HELP).toMatch(/progress line/);
    for (const key of ['extraLoggers', 'extraSanitizers', 'extraSecretTypes', 'extraSecretEnv', 'extraEntryPoints', 'extraTokens', 'ignorePaths', 'rules']) expect(HELP).toContain(key);
  });
});
