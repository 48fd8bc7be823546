/**
 * An Android `strings.xml` (as the android target writes it, or as Android
 * Studio's translations editor rewrites it) read into its `<string>` and
 * `<plurals>` resources, each with its name, its items and where everything
 * is (translations/xml-text.ts). Text is decoded later (unescape.ts), so a
 * problem in it can be located at its character.
 */
import type { At } from '../translations/apply.js';
import { readXml, type ContentPiece, type XmlDocument, type XmlElement } from '../translations/xml-text.js';
import type { ReadResult } from '../translations/report.js';

export interface AndroidValue {
  element: XmlElement;
  pieces: ContentPiece[];
}

export interface AndroidResource {
  kind: 'string' | 'plurals';
  name: string | undefined;
  at: At;
  /** `<string>`: its text. */
  value?: AndroidValue;
  /** `<plurals>`: its `<item>`s in order. */
  items: { quantity: string | undefined; at: At; value: AndroidValue }[];
  /** `translatable="false"`: not a translation. */
  untranslatable: boolean;
}

export interface StringsDocument {
  doc: XmlDocument;
  at: At;
  resources: AndroidResource[];
  /** Other elements of `<resources>` (string-array, …): what codebook never writes. */
  others: { name: string; at: At; resourceName: string | undefined }[];
}

export type StringsReadResult = ReadResult<StringsDocument, 'syntax' | 'not-android'>;

export function readStringsXml(text: string): StringsReadResult {
  const read = readXml(text);
  if (!read.ok) return read;
  const { doc } = read;
  const root = doc.root;
  if (root.name !== 'resources')
    return {
      ok: false,
      rule: 'not-android',
      message: `The root element is <${root.name}>, not the <resources> of an Android string resource file.`,
      at: root.at,
    };
  const resources: AndroidResource[] = [];
  const others: StringsDocument['others'] = [];
  for (const el of root.children) {
    const name = el.attributes.get('name');
    const untranslatable = el.attributes.get('translatable') === 'false';
    if (el.name === 'string') {
      resources.push({ kind: 'string', name, at: el.at, value: { element: el, pieces: doc.content(el) }, items: [], untranslatable });
    } else if (el.name === 'plurals') {
      const items = el.children
        .filter((c) => c.name === 'item')
        .map((item) => ({ quantity: item.attributes.get('quantity'), at: item.at, value: { element: item, pieces: doc.content(item) } }));
      resources.push({ kind: 'plurals', name, at: el.at, items, untranslatable });
    } else if (el.name !== 'skip' && el.name !== 'eat-comment' && !el.name.includes(':')) {
      others.push({ name: el.name, at: el.at, resourceName: name });
    }
  }
  return { ok: true, doc: { doc, at: root.at, resources, others } };
}
