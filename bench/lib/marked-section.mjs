// Sections of RESULTS.md that one script owns, between `<!-- <id>:begin -->` and `<!-- <id>:end -->`
// markers: the script rewrites its section alone, and a full run of bench/run.mjs keeps them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describeMachine } from './machine.mjs';

const begin = (id) => `<!-- ${id}:begin (written by bench/${id}.mjs; rerun it to rewrite this section) -->`;
const end = (id) => `<!-- ${id}:end -->`;

/** `text` with section `id` set to `body` (in place of the old one, else at the end). */
export function withSection(text, id, body) {
  const block = `${begin(id)}\n${body.trimEnd()}\n${end(id)}`;
  const a = text.indexOf(`<!-- ${id}:begin`);
  const b = text.indexOf(end(id));
  if (a >= 0 && b > a) return `${text.slice(0, a)}${block}${text.slice(b + end(id).length)}`;
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** The sections `ids` of `oldText`, put into `newText` (a full rewrite keeps what other scripts measured). */
export function keepSections(oldText, newText, ids) {
  let out = newText;
  for (const id of ids) {
    const a = oldText.indexOf(`<!-- ${id}:begin`);
    const b = oldText.indexOf(end(id));
    if (a < 0 || b < a) continue;
    const body = oldText.slice(oldText.indexOf('\n', a) + 1, b);
    out = withSection(out, id, body);
  }
  return out;
}

/** Writes `body` (Markdown, starting with its `##` heading) as section `id` of the results file, with the machine it ran on. */
export function writeSection(file, repo, id, heading, body) {
  const m = describeMachine(repo);
  const machine = `${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, ${m.os}, Node ${m.node}; ${m.date}; checkout ${m.commit}.`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# codebook benchmark results\n';
  writeFileSync(file, withSection(text, id, `## ${heading}\n\n${machine}\n\n${body.trimEnd()}\n`));
}

/** The sections other scripts own, which bench/run.mjs keeps when it rewrites the whole file. */
export const OWNED_SECTIONS = ['warm-edit', 'compare-builds'];
