export function emptySummary() {
    return { paramSinks: [], paramReturns: [], returnSources: [] };
}
