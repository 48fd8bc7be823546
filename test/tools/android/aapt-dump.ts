/**
 * Reads `aapt dump --values resources x.apk` back into text: configuration
 * ("" for the default) → resource → string, plural items as `name#quantity`.
 * aapt prints each value through ResTable::normalizeForOutput (only `\\`,
 * `\n` and `"` escaped, so one value is one line) and non-BMP characters as
 * CESU-8 (a 3-byte sequence per surrogate), which Node's UTF-8 decoder rejects.
 */

/** Plural item keys of ResTable_map (AOSP ResourceTypes.h, ATTR_OTHER…ATTR_MANY). */
const QUANTITY: Record<string, string> = {
  '01000004': 'other',
  '01000005': 'zero',
  '01000006': 'one',
  '01000007': 'two',
  '01000008': 'few',
  '01000009': 'many',
};

export type Dump = Map<string, Map<string, string>>;

export function readAaptDump(output: Buffer): Dump {
  const dump: Dump = new Map();
  let config: Map<string, string> | undefined;
  let resource: string | undefined;
  for (const line of splitLines(output).map(decodeCesu8)) {
    let m: RegExpExecArray | null;
    if ((m = /^\s*config (.+):$/.exec(line))) {
      const name = m[1] === '(default)' ? '' : m[1];
      dump.set(name, (config = dump.get(name) ?? new Map()));
    } else if ((m = /^\s*resource 0x[0-9a-f]+ [^:]+:(\w+\/\w+): /.exec(line))) {
      resource = m[1];
    } else if ((m = /^\s*\(string(?:8|16)\) "(.*)"$/s.exec(line))) {
      set(resource, unescape(m[1]));
    } else if ((m = /^\s*#\d+ \(Key=0x([0-9a-f]{8})\): \(string(?:8|16)\) "(.*)"$/s.exec(line))) {
      set(`${resource}#${QUANTITY[m[1]] ?? m[1]}`, unescape(m[2]));
    }
  }
  return dump;

  function set(name: string | undefined, value: string) {
    if (!config || !name) throw new Error('aapt dump: a value outside a config or resource');
    if (config.has(name)) throw new Error(`aapt dump: ${name} twice in one config`);
    config.set(name, value);
  }
}

function unescape(text: string): string {
  return text.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

/** UTF-8 that also accepts surrogates encoded one by one (CESU-8); they pair up again in the JS string. */
export function decodeCesu8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) throw new Error(`aapt dump: bad byte 0x${b.toString(16)} at ${i}`);
    let cp = length === 1 ? b : b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      if (bytes[i + k] >> 6 !== 0b10) throw new Error(`aapt dump: bad continuation at ${i + k}`);
      cp = (cp << 6) | (bytes[i + k] & 0x3f);
    }
    out += cp > 0xffff ? String.fromCodePoint(cp) : String.fromCharCode(cp);
    i += length;
  }
  return out;
}
