"""
Reads generated files back with translate-toolkit's own storage classes (the
second, independent reader of test/targets/translate-toolkit-readback.test.ts)
and writes JSON: per file, the store class and its units as translate-toolkit
sees them. Run with Debian's /usr/bin/python3 (python3-translate).

Usage: translate-toolkit-read.py REQUEST.json OUT.json
REQUEST: [{"path": ..., "format": "po" | "android" | "strings" | "properties" |
           "arb" | "i18next" | "xliff12", "language": "ru"}]
OUT: {path: {"store": class name, "plural_tags": [...], "units": [unit...]}}
unit: {"id", "context", "source", "target" (a string, or a list for plurals),
       "path" (JSON: the unit's key path),
       "fuzzy", "items"? (Android plurals: quantity -> text),
       XLIFF: "source_parts"/"target_parts" (text and placeables), "approved", "state",
       "surrogates"? (true when a text holds UTF-16 surrogate code points)}

JSON goes to OUT, not stdout: translate-toolkit 3.8.4's Android plural getter
prints debugging lines to stdout.
"""
import contextlib
import io
import json
import sys

from translate.misc.multistring import multistring
from translate.storage import aresource, jsonl10n, pypo, properties


def text(value, plural=None):
    """A unit's text: a list for a plural (by default: a multistring of several strings), else a string."""
    if value is None:
        return None
    strings = [str(s) for s in value.strings] if isinstance(value, multistring) else [str(value)]
    if plural is None:
        plural = len(strings) > 1
    return strings if plural else strings[0]


def parse(cls, path, language=None, **kwargs):
    store = cls(**kwargs)
    store.filename = path
    if language:
        store.settargetlanguage(language)
    with open(path, "rb") as f:
        store.parse(f.read())
    return store


def read_po(path, language):
    store = parse(pypo.pofile, path)
    units = []
    for unit in store.units:
        if unit.isheader():
            continue
        units.append({
            "id": unit.getid(),
            "context": unit.getcontext(),
            "source": text(unit.source, unit.hasplural()),
            "target": text(unit.target, unit.hasplural()),
            "plural": unit.hasplural(),
            "fuzzy": unit.isfuzzy(),
            "flags": sorted(flag for line in unit.typecomments for flag in line.lstrip("#,").replace(",", " ").split()),
        })
    nplurals, plural = store.getheaderplural()
    return store, units, {"nplurals": nplurals, "plural": plural, "language": store.gettargetlanguage()}


def read_android(path, language):
    store = parse(aresource.AndroidResourceFile, path, language)
    units = []
    for unit in store.units:
        plural = unit.xmlelement.tag == "plurals"
        entry = {"id": unit.getid(), "context": unit.getcontext(), "target": text(unit.target, plural), "plural": plural}
        if entry["plural"]:
            # Each <item> as translate-toolkit decodes it, whatever its plural tags for the language keep.
            entry["items"] = {item.get("quantity"): unit.get_xml_text_value(item) for item in unit.xmlelement.iterchildren("item")}
        units.append(entry)
    return store, units, {"plural_tags": unit_plural_tags(store)}


def unit_plural_tags(store):
    probe = aresource.AndroidResourceUnit("probe")
    probe._store = store
    return probe.get_plural_tags()


def read_properties(path, language, cls):
    store = parse(cls, path)
    units = [{"id": unit.getid(), "context": unit.getcontext(), "source": text(unit.source), "target": text(unit.target)} for unit in store.units if unit.name]
    return store, units, {}


def read_arb(path, language):
    store = parse(jsonl10n.ARBJsonFile, path, language)
    units = [{"id": unit.getid(), "target": text(unit.target), "notes": unit.getnotes()} for unit in store.units if not unit.isheader()]
    header = next((unit.metadata for unit in store.units if unit.isheader()), {})
    return store, units, {"header": header}


def read_i18next(path, language):
    """Twice: as i18next v4 (plurals grouped by translate-toolkit's tags for the language) and as plain nested JSON (every key)."""
    v4 = parse(jsonl10n.I18NextV4File, path, language)
    grouped = [{"id": unit.getid(), "target": text(unit.target, isinstance(unit.target, multistring))} for unit in v4.units]
    nested = parse(jsonl10n.JsonNestedFile, path, language)
    units = [{"id": unit.getid(), "path": [name for _kind, name in unit.get_unitid().parts], "target": text(unit.target)} for unit in nested.units]
    return v4, units, {"plural_tags": list(v4.plural_tags), "grouped": grouped}


def parts(rich):
    """A rich string as translate-toolkit parses it: text, and each placeable as {"ph": id, "text": its content}."""
    out = []

    def walk(elem):
        if isinstance(elem, str):
            out.append(elem)
        elif type(elem).__name__ != "StringElem":
            out.append({"ph": getattr(elem, "id", None), "tag": type(elem).__name__, "text": str(elem)})
        else:
            for sub in elem.sub:
                walk(sub)

    for elem in rich or []:
        walk(elem)
    return out


def read_xliff12(path, language):
    from translate.storage import xliff

    store = parse(xliff.xlifffile, path)
    units = []
    for unit in store.units:
        if unit.isheader():
            continue
        target = unit.xmlelement.find(unit.namespaced("target"))
        units.append({
            "id": unit.getid(),
            "source": text(unit.source),
            "target": text(unit.target),
            "source_parts": parts(unit.rich_source),
            "target_parts": None if target is None else parts(unit.rich_target),
            "fuzzy": unit.isfuzzy(),
            "approved": unit.isapproved(),
            "state": None if target is None else target.get("state"),
            "notes": unit.getnotes("developer"),
        })
    return store, units, {"source_language": store.getsourcelanguage(), "target_language": store.gettargetlanguage()}


def surrogates(unit):
    """Whether a text holds UTF-16 surrogate code points, which no Python text read from a file should."""
    texts = [unit.get("target"), unit.get("source"), *(unit.get("items") or {}).values()]
    flat = [t for v in texts if v is not None for t in (v if isinstance(v, list) else [v])]
    return any(0xD800 <= ord(c) <= 0xDFFF for t in flat for c in t)


READERS = {
    "po": read_po,
    "android": read_android,
    "strings": lambda path, language: read_properties(path, language, properties.stringsutf8file),
    "properties": lambda path, language: read_properties(path, language, properties.javafile),
    "arb": read_arb,
    "i18next": read_i18next,
    "xliff12": read_xliff12,
}


def main():
    request = json.load(open(sys.argv[1], encoding="utf-8"))
    result = {}
    for item in request:
        with contextlib.redirect_stdout(io.StringIO()):
            store, units, extra = READERS[item["format"]](item["path"], item.get("language"))
        result[item["path"]] = {"store": f"{type(store).__module__}.{type(store).__name__}", "units": units, **extra}
    for entry in result.values():
        for unit in entry["units"]:
            if surrogates(unit):
                unit["surrogates"] = True
    # ASCII JSON: a lone surrogate in a text (see surrogates) survives as \udXXX.
    with open(sys.argv[2], "w", encoding="ascii") as out:
        json.dump(result, out)


if __name__ == "__main__":
    main()
