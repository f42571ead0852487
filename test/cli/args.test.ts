import { describe, expect, it } from 'vitest';
import { parseCliArgs, parseSize } from '../../packages/cli/src/args.js';
import { useColors } from '../../packages/cli/src/format/colors.js';
import { UsageError } from '../../packages/cli/src/usage-error.js';

describe('parseCliArgs', () => {
  it('reads every flag, long and short, with defaults', () => {
    expect(parseCliArgs([])).toMatchObject({ paths: [], format: 'text', staged: false, deep: true, quiet: false, maxFileSize: 1024 * 1024 });
    const options = parseCliArgs(['src', 'lib', '-f', 'sarif', '-o', 'out.sarif', '--staged', '--baseline=b.json', '--write-baseline', 'w.json', '--no-deep', '--max-file-size', '2MiB', '-q']);
    expect(options).toEqual({
      paths: ['src', 'lib'],
      format: 'sarif',
      output: 'out.sarif',
      staged: true,
      baseline: 'b.json',
      writeBaseline: 'w.json',
      deep: false,
      maxFileSize: 2 * 1024 * 1024,
      quiet: true,
      cache: true,
      help: false,
      version: false,
    });
  });

  it('reads the cache and shard flags', () => {
    expect(parseCliArgs(['--no-cache'])).toMatchObject({ cache: false });
    expect(parseCliArgs(['--cache-dir', '/tmp/c', '--shard', '2/3'])).toMatchObject({ cache: true, cacheDir: '/tmp/c', shard: { index: 2, count: 3 } });
    expect(() => parseCliArgs(['--shard', '0/3'])).toThrow(UsageError);
  });

  it('keeps --staged to the fast checks unless --deep is given', () => {
    expect(parseCliArgs(['--staged']).deep).toBe(false);
    expect(parseCliArgs(['--staged', '--deep']).deep).toBe(true);
    expect(parseCliArgs(['src']).deep).toBe(true);
    expect(parseCliArgs(['src', '--no-deep']).deep).toBe(false);
    expect(() => parseCliArgs(['--deep', '--no-deep'])).toThrow(UsageError);
  });

  it('accepts grouped short flags and a value glued to its flag', () => {
    expect(parseCliArgs(['-qfjson'])).toMatchObject({ quiet: true, format: 'json' });
  });

  it('treats everything after -- as paths', () => {
    expect(parseCliArgs(['--', '--odd-name'])).toMatchObject({ paths: ['--odd-name'] });
  });

  it('rejects unknown flags by name only', () => {
    expect(() => parseCliArgs(['--token=abc123secret'])).toThrow(new UsageError('unknown option --token'));
    expect(() => parseCliArgs(['-x'])).toThrow(UsageError);
    expect(() => parseCliArgs(['--format', 'xml'])).toThrow(/--format must be one of text, json, sarif/);
    expect(() => parseCliArgs(['--baseline'])).toThrow(UsageError);
  });
});

describe('parseSize', () => {
  it('reads bytes and binary units', () => {
    expect(parseSize('1048576')).toBe(1048576);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('512KiB')).toBe(512 * 1024);
    expect(parseSize('1.5mb')).toBe(1.5 * 1024 * 1024);
    expect(parseSize('1 GiB')).toBe(1024 ** 3);
  });

  it('rejects what it cannot read', () => {
    for (const bad of ['', 'lots', '-1', '10 parsecs', '1e9']) expect(() => parseSize(bad)).toThrow(UsageError);
  });
});

describe('useColors', () => {
  it('colours a terminal unless NO_COLOR is set; FORCE_COLOR forces them', () => {
    expect(useColors({ isTTY: true }, {})).toBe(true);
    expect(useColors({ isTTY: false }, {})).toBe(false);
    expect(useColors({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColors({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColors({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColors({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
});
