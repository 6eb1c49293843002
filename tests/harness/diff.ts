// A short, unified-style diff for test failure messages.

/** Shows a few lines of context around the first differing line, marked with -/+. */
export function shortDiff(expected: string, actual: string, context = 3, maxLines = 12): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  if (first === a.length && first === b.length) return "(identical)";
  // Skip the common tail so a single changed line shows as one -/+ pair.
  let endA = a.length, endB = b.length;
  while (endA > first && endB > first && a[endA - 1] === b[endB - 1]) endA--, endB--;
  const out = [`@@ first difference at line ${first + 1} @@`];
  for (let i = Math.max(0, first - context); i < first; i++) out.push(`  ${a[i]}`);
  const removed = a.slice(first, endA), added = b.slice(first, endB);
  for (const l of removed.slice(0, maxLines)) out.push(`- ${JSON.stringify(l).slice(1, -1)}`);
  if (removed.length > maxLines) out.push(`- ... (${removed.length - maxLines} more)`);
  for (const l of added.slice(0, maxLines)) out.push(`+ ${JSON.stringify(l).slice(1, -1)}`);
  if (added.length > maxLines) out.push(`+ ... (${added.length - maxLines} more)`);
  for (let i = endA; i < Math.min(a.length, endA + context); i++) out.push(`  ${a[i]}`);
  return out.join("\n");
}
