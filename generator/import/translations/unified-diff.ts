/**
 * A unified diff (the `diff -u` / `git diff` hunk format) of two texts, by
 * lines, from a shortest edit script (Myers 1986, "An O(ND) Difference
 * Algorithm"). Lines are compared with their line break, so a last line
 * that gains or loses its newline shows as changed and is marked
 * `\ No newline at end of file`. Equal texts give "".
 */

type Op = { kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number };

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName = oldName, context = 3): string {
  if (oldText === newText) return '';
  const ops = editScript(splitLines(oldText), splitLines(newText));
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const [from, to] of hunkRanges(ops, context)) {
    const hunk = ops.slice(from, to);
    const oldLines = hunk.filter((o) => o.kind !== '+').length;
    const newLines = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${range(hunk[0].oldIndex, oldLines)} +${range(hunk[0].newIndex, newLines)} @@\n`;
    for (const op of hunk) {
      out += op.kind + op.line.replace(/\n$/, '') + '\n';
      if (!op.line.endsWith('\n')) out += '\\ No newline at end of file\n';
    }
  }
  return out;
}

/** `start,count` with start 1-based (the line before, for an empty range) and `,1` left out, as GNU diff writes it. */
function range(index: number, count: number): string {
  if (count === 0) return `${index},0`;
  return count === 1 ? `${index + 1}` : `${index + 1},${count}`;
}

/** Lines with their terminating "\n" (the last one may lack it). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Every line of both texts as kept, deleted or inserted, in order; each op knows how many old and new lines come before it. */
function editScript(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const middle = myers(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix));
  const kinds: Op['kind'][] = [...Array<Op['kind']>(prefix).fill(' '), ...middle, ...Array<Op['kind']>(suffix).fill(' ')];
  const ops: Op[] = [];
  let [i, j] = [0, 0];
  for (const kind of kinds) {
    ops.push({ kind, line: kind === '+' ? b[j] : a[i], oldIndex: i, newIndex: j });
    if (kind !== '+') i++;
    if (kind !== '-') j++;
  }
  return ops;
}

/** The shortest edit script from a to b as a list of ' ', '-' and '+'. */
function myers(a: string[], b: string[]): Op['kind'][] {
  const [n, m] = [a.length, b.length];
  if (n === 0) return Array<Op['kind']>(m).fill('+');
  if (m === 0) return Array<Op['kind']>(n).fill('-');
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back from (n, m) through the saved frontiers.
  const kinds: Op['kind'][] = [];
  let [x, y] = [n, m];
  for (let d = trace.length - 1; d >= 0; d--) {
    v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      kinds.push(' ');
      x--;
      y--;
    }
    if (d > 0) kinds.push(x === prevX ? '+' : '-');
    [x, y] = [prevX, prevY];
  }
  return kinds.reverse();
}

/** [from, to) op index ranges of the hunks: each change with `context` kept lines around it, merged when they touch. */
function hunkRanges(ops: Op[], context: number): [number, number][] {
  const ranges: [number, number][] = [];
  ops.forEach((op, i) => {
    if (op.kind === ' ') return;
    const from = Math.max(0, i - context);
    const to = Math.min(ops.length, i + 1 + context);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else ranges.push([from, to]);
  });
  return ranges;
}
