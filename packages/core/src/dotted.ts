/** `a` and `a.b` for `a.b.c`: the objects each dotted call name is reached through. */
export function dottedReceivers(calls: Iterable<string>): Set<string> {
  const receivers = new Set<string>();
  for (const call of calls) {
    for (let dot = call.indexOf('.'); dot !== -1; dot = call.indexOf('.', dot + 1)) receivers.add(call.slice(0, dot));
  }
  return receivers;
}
