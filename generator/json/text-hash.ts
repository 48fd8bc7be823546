/**
 * A fast 53-bit hash of strings and plain values, for telling whether
 * something changed between runs (a source file's text, one key's
 * translations): two 32-bit multiplicative hashes mixed over every
 * character and field. A cryptographic hash costs several times as much at
 * 100k keys; a false match needs both halves to collide for the one thing
 * that changed.
 */
/** Where a fact was defined (the catalog's Origin), as far as the hash cares. */
interface Origin {
  layer: string;
  file: string;
  pointer: string;
  line: number;
  column: number;
}

/** A 53-bit hash of a string: a source file's text, a target's translation digest. */
export function hashText(text: string): number {
  return new Hash53().start().value(text).digest();
}

function isOrigin(value: object): value is Origin {
  return 'line' in value && 'pointer' in value && 'layer' in value;
}

/** Two 32-bit multiplicative hashes over a value's JSON-like structure, kept apart by type tags. */
export class Hash53 {
  private a = 0;
  private b = 0;

  start(): this {
    this.a = 0x811c9dc5 | 0;
    this.b = 0x9747b28c | 0;
    return this;
  }

  digest(): number {
    return (this.a >>> 0) * 0x200000 + ((this.b ^ (this.b >>> 13)) >>> 11);
  }

  /** `onOrigin` is told each origin met (by `value`), which is hashed by its layer, file and pointer only. */
  constructor(private readonly onOrigin?: (origin: Origin) => void) {}

  /** Mixes a plain value in; members named `ast` (parsed from a text beside them) or `skip` are left out. */
  value(value: unknown, skip?: string): this {
    if (typeof value === 'string') return this.tag(1).text(value);
    if (typeof value === 'number') return Number.isInteger(value) ? this.number(value) : this.tag(10).text(String(value));
    if (typeof value === 'boolean') return this.tag(value ? 3 : 4);
    if (value === undefined || value === null) return this.tag(5);
    if (Array.isArray(value)) {
      this.tag(6);
      for (const item of value) this.value(item);
      return this.tag(7);
    }
    // An origin's position is computed on demand (catalog/origin.ts): it is compared per file (positionsHash).
    if (isOrigin(value)) {
      this.onOrigin?.(value);
      return this.tag(11).text(value.layer).text(value.file).text(value.pointer);
    }
    this.tag(8);
    for (const key in value as Record<string, unknown>) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined && key !== 'ast' && key !== skip) this.text(key).value(item);
    }
    return this.tag(9);
  }

  private text(s: string): this {
    let { a, b } = this;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
    return this.tag(0);
  }

  number(n: number): this {
    return this.tag(2).tag(n);
  }

  private tag(n: number): this {
    this.a = Math.imul(this.a ^ (n + 0x100), 0x01000193);
    this.b = Math.imul(this.b ^ (n + 0x100), 0x5bd1e995);
    return this;
  }
}
