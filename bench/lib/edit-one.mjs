// The edit every warm bench makes: one ja message edited in place, as an editor's save does.
import { readFileSync, writeFileSync } from 'node:fs';

/** Appends a word to one ja message in place (a different one for each n), the file's formatting kept. Returns its key. */
export function editOne(file, n) {
  const text = readFileSync(file, 'utf8');
  const data = JSON.parse(text);
  const keys = Object.keys(data.messages);
  const key = keys[Math.floor(((n + 1) * keys.length) / 7) % keys.length];
  const value = data.messages[key];
  const old = JSON.stringify(typeof value === 'string' ? value : value.text);
  const at = text.indexOf(old, text.indexOf(`${JSON.stringify(key)}:`));
  const edited = JSON.stringify(`${JSON.parse(old)} 編集${n}`);
  writeFileSync(file, `${text.slice(0, at)}${edited}${text.slice(at + old.length)}`);
  return key;
}
