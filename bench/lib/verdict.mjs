// Turns measured rows into a PASS / FAIL / SKIP line against a section's target.
import { formatMs, formatRatio } from './format.mjs';

function find(rows, label) {
  return rows.find((row) => row.command.label === label);
}

/** PASS when median(subject) / median(peer) <= limit (time), and likewise peak RSS when `memoryLimit` is given. */
export function ratioVerdict(rows, subjectLabel, peerLabel, limit, memoryLimit) {
  const subject = find(rows, subjectLabel);
  const peer = find(rows, peerLabel);
  if (!subject || !peer) return { status: 'SKIP', text: `${subject ? peerLabel : subjectLabel} was not measured` };
  if (subject.failure || peer.failure) return { status: 'FAIL', text: `${subject.failure ? subjectLabel : peerLabel} failed` };
  const ratio = subject.medianMs / peer.medianMs;
  // The ratio of minimums is shown too: on a shared machine the fastest run is the least disturbed one.
  const fastest = subject.minMs / peer.minMs;
  const parts = [`time ${formatRatio(ratio)} of ${peerLabel} (limit ${formatRatio(limit)}; min/min ${formatRatio(fastest)})`];
  let pass = ratio <= limit;
  if (memoryLimit !== undefined) {
    const memory = subject.peakRssKb / peer.peakRssKb;
    if (Number.isFinite(memory)) {
      parts.push(`peak RSS ${formatRatio(memory)} (limit ${formatRatio(memoryLimit)})`);
      pass &&= memory <= memoryLimit;
    } else parts.push('peak RSS not measured (no GNU time, and not a Node script)');
  }
  return { status: pass ? 'PASS' : 'FAIL', text: parts.join(', ') };
}

/** PASS when the subject's median wall time is at most `limitMs`. */
export function wallVerdict(rows, subjectLabel, limitMs) {
  const subject = find(rows, subjectLabel);
  if (!subject) return { status: 'SKIP', text: `${subjectLabel} was not measured` };
  if (subject.failure) return { status: 'FAIL', text: `${subjectLabel} failed` };
  return {
    status: subject.medianMs <= limitMs ? 'PASS' : 'FAIL',
    text: `median ${formatMs(subject.medianMs)} (limit ${formatMs(limitMs)})`,
  };
}

export function skippedVerdict(skipped) {
  return { status: 'SKIP', text: skipped.map((entry) => `${entry.label}: ${entry.reason}`).join('; ') };
}
