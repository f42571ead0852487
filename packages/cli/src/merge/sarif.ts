import type * as Sarif from 'sarif';

/** An input that is not a SARIF 2.1.0 log of the same tool as the others. */
export class MergeInputError extends Error {}

type Notification = Sarif.Notification;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstLocation(result: Sarif.Result): { uri: string; line: number; column: number } {
  const physical = result.locations?.[0]?.physicalLocation;
  return { uri: physical?.artifactLocation?.uri ?? '', line: physical?.region?.startLine ?? 0, column: physical?.region?.startColumn ?? 0 };
}

function resultKey(result: Sarif.Result): string {
  const at = firstLocation(result);
  return JSON.stringify([at.uri, at.line, at.column, result.ruleId ?? '', result.partialFingerprints ?? {}, result.message.text ?? '']);
}

function compareResults(a: Sarif.Result, b: Sarif.Result): number {
  const [x, y] = [firstLocation(a), firstLocation(b)];
  return compare(x.uri, y.uri) || x.line - y.line || x.column - y.column || compare(a.ruleId ?? '', b.ruleId ?? '') || compare(resultKey(a), resultKey(b));
}

function notificationKey(n: Notification): string {
  return JSON.stringify([n.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '', n.message.text ?? '', n.level ?? '']);
}

/** Replaces each `artifactLocation.index` below `value` by the index its URI has in the merged artifacts. */
function reindexArtifacts(value: unknown, indexOf: (old: number) => number | undefined): void {
  if (Array.isArray(value)) {
    for (const item of value) reindexArtifacts(item, indexOf);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const location = record.artifactLocation as Sarif.ArtifactLocation | undefined;
  if (location && typeof location.index === 'number') {
    const index = indexOf(location.index);
    if (index === undefined) delete location.index;
    else location.index = index;
  }
  for (const field of Object.values(record)) reindexArtifacts(field, indexOf);
}

/** Per-shard statistics: counts of scanned files add up; discovery's skip counts are the same in every shard. */
export function mergeStats(all: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const stats of all) {
    for (const [name, value] of Object.entries(stats)) {
      if (typeof value !== 'number') continue;
      const summed = !name.startsWith('skipped') && name !== 'durationMs';
      out[name] = summed ? (out[name] ?? 0) + value : Math.max(out[name] ?? 0, value);
    }
  }
  return out;
}

function runsOf(log: unknown, name: string): Sarif.Run[] {
  const candidate = log as Sarif.Log;
  if (typeof candidate !== 'object' || candidate === null || candidate.version !== '2.1.0' || !Array.isArray(candidate.runs)) {
    throw new MergeInputError(`${name}: not a SARIF 2.1.0 log`);
  }
  for (const run of candidate.runs) {
    if (typeof run?.tool?.driver?.name !== 'string') throw new MergeInputError(`${name}: a run has no tool driver name`);
  }
  return candidate.runs;
}

/**
 * One SARIF 2.1.0 log with one run from the runs of several logs of one tool (the shards of a scan). Rules
 * and artifacts are deduplicated by id and URI and re-indexed; results are deduplicated (a file scanned by
 * two shards) and sorted by location and rule; the invocations become one, successful only if all were.
 */
export function mergeSarifLogs(logs: ReadonlyArray<{ name: string; log: unknown }>): Sarif.Log {
  const runs = logs.flatMap(({ name, log }) => runsOf(log, name).map((run) => ({ name, run: structuredClone(run) })));
  if (runs.length === 0) throw new MergeInputError('the inputs hold no run');
  const first = runs[0]!.run;
  const driver = first.tool.driver;
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const results = new Map<string, Sarif.Result>();
  const notifications = new Map<string, Notification>();
  const stats: Array<Record<string, number>> = [];
  let successful = true;

  for (const { name, run } of runs) {
    const other = run.tool.driver;
    if (other.name !== driver.name || other.version !== driver.version) {
      throw new MergeInputError(`${name}: made by ${other.name} ${other.version ?? ''}, not ${driver.name} ${driver.version ?? ''} like the first input`);
    }
    for (const rule of other.rules ?? []) {
      if (!ruleIndex.has(rule.id)) {
        ruleIndex.set(rule.id, rules.length);
        rules.push(rule);
      }
    }
    const localArtifacts = (run.artifacts ?? []).map((artifact) => {
      const uri = artifact.location?.uri;
      if (uri === undefined) return undefined;
      if (!artifactIndex.has(uri)) {
        artifactIndex.set(uri, artifacts.length);
        artifacts.push({ ...artifact, location: { ...artifact.location, index: artifacts.length } });
      }
      return artifactIndex.get(uri);
    });
    for (const result of run.results ?? []) {
      const id = result.ruleId ?? (result.ruleIndex !== undefined ? other.rules?.[result.ruleIndex]?.id : undefined);
      if (id !== undefined) {
        result.ruleId = id;
        const index = ruleIndex.get(id);
        if (index === undefined) delete result.ruleIndex;
        else result.ruleIndex = index;
      }
      delete result.rule; // a reference by index into one input's rules; ruleId and ruleIndex say it all
      reindexArtifacts(result, (old) => localArtifacts[old]);
      results.set(resultKey(result), result);
    }
    for (const invocation of run.invocations ?? []) {
      successful &&= invocation.executionSuccessful;
      for (const n of invocation.toolExecutionNotifications ?? []) {
        reindexArtifacts(n, (old) => localArtifacts[old]);
        notifications.set(notificationKey(n), n);
      }
    }
    const runStats = (run.properties as { stats?: Record<string, number> } | undefined)?.stats;
    if (runStats) stats.push(runStats);
  }

  const merged: Sarif.Run = {
    tool: { driver: { ...driver, rules } },
    ...(first.originalUriBaseIds ? { originalUriBaseIds: first.originalUriBaseIds } : {}),
    ...(first.columnKind ? { columnKind: first.columnKind } : {}),
    ...(artifacts.length > 0 ? { artifacts } : {}),
    results: [...results.values()].sort(compareResults),
    invocations: [
      {
        executionSuccessful: successful,
        toolExecutionNotifications: [...notifications.entries()].sort(([a], [b]) => compare(a, b)).map(([, n]) => n),
      },
    ],
    ...(stats.length > 0 ? { properties: { stats: mergeStats(stats) } } : {}),
  };
  const schema = (logs[0]!.log as Sarif.Log).$schema;
  return { ...(schema ? { $schema: schema } : {}), version: '2.1.0', runs: [merged] };
}
