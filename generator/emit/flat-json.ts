/**
 * A flat JSON object with keys in the given order. JSON.stringify would move
 * integer-like keys ("6014") ahead of the others ("-302"), so output order
 * would depend on JS object rules instead of the catalog's sort.
 */
export function flatJson(entries: readonly (readonly [string, string])[]): string {
  if (entries.length === 0) return '{}\n';
  let text = '{\n';
  for (let i = 0; i < entries.length; i++)
    text += `${i === 0 ? '' : ',\n'}  ${JSON.stringify(entries[i][0])}: ${JSON.stringify(entries[i][1])}`;
  return `${text}\n}\n`;
}
