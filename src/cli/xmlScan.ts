/**
 * A small, non-recursive XML tokenizer over the bytes of one package part. The parts of an .xlsx
 * are machine-written XML: the command line reads the few elements it needs (cells, shared
 * strings, sheet list, number formats, merged areas) straight from the bytes, keeping nothing but
 * what it reads, so that a sheet whose used range is the whole grid costs only its real cells.
 * It checks what a damaged part gets wrong (tags that do not close, text after the end, a DTD) and
 * expands only the five predefined entities and character references, never a DTD's.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;

/** Deeper nesting than any spreadsheet part has: a sign of a damaged or hostile part. */
export const MAX_XML_DEPTH = 256;

/** What a scan calls back with. Names are local names (an `x:` prefix is dropped). */
export interface XmlHandlers {
  /** A start tag, or an empty-element tag (`selfClosing`). */
  readonly open?: (name: string, attributes: XmlAttributes, selfClosing: boolean) => void;
  /** An end tag, or right after `open` for an empty-element tag. */
  readonly close?: (name: string) => void;
  /** Character data inside the element last opened, only while `wantText()` says so. */
  readonly text?: (text: string) => void;
  readonly wantText?: () => boolean;
}

const UNSURE = Symbol("unsure");

/** The attributes of one tag, decoded on demand. */
export class XmlAttributes {
  private parsed: Map<string, string> | null = null;

  constructor(
    private readonly bytes: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** The value of the attribute with this local name (any prefix), or undefined. */
  get(name: string): string | undefined {
    if (this.parsed) return this.parsed.get(name);
    const quick = this.find(name);
    return quick === UNSURE ? this.all().get(name) : quick;
  }

  /**
   * The common cases without building the map (a cell's r, s and t): an attribute that is not
   * there at all, or an unprefixed `name="value"` without entities. Anything else is `UNSURE`,
   * left to the full parse.
   */
  private find(name: string): string | undefined | typeof UNSURE {
    // A byte loop within the tag: tags are short, and this allocates nothing until the value.
    const bytes = this.bytes;
    const first = name.charCodeAt(0);
    let seen = false;
    for (let i = this.start; i < this.end; i += 1) {
      if (bytes[i] !== first) continue;
      let k = 1;
      while (k < name.length && bytes[i + k] === name.charCodeAt(k)) k += 1;
      if (k < name.length) continue;
      seen = true;
      const before = bytes[i - 1];
      if (before !== 0x20 || bytes[i + k] !== 0x3d || bytes[i + k + 1] !== QUOTE) continue;
      const at = i + k + 2;
      let close = at;
      while (close < this.end && bytes[close] !== QUOTE) {
        if (bytes[close] === 0x26) return UNSURE;
        close += 1;
      }
      return close < this.end ? bytes.toString("utf8", at, close) : UNSURE;
    }
    return seen ? UNSURE : undefined;
  }

  /** The value of the attribute with exactly this qualified name (e.g. "r:id"). */
  getQualified(name: string): string | undefined {
    return this.all().get(`\u0000${name}`);
  }

  private all(): Map<string, string> {
    if (this.parsed) return this.parsed;
    const map = new Map<string, string>();
    const text = this.bytes.toString("utf8", this.start, this.end);
    const pattern = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = decodeXmlText(m[2] ?? m[3] ?? "");
      const qualified = m[1];
      const local = qualified.slice(qualified.indexOf(":") + 1);
      if (!map.has(local)) map.set(local, value);
      map.set(`\u0000${qualified}`, value);
    }
    this.parsed = map;
    return map;
  }
}

/** Why a part is not readable XML. */
export class XmlDamage extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at byte ${offset}`);
    this.name = "XmlDamage";
  }
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/**
 * Text with XML's predefined entities and character references expanded; an unknown entity is
 * kept as written.
 *
 * @example
 * decodeXmlText("S&amp;T &#x1EA0;&lt;") //=> "S&T Ạ<"
 */
export function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] !== "#") return PREDEFINED[body] ?? whole;
    const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Spreadsheet text with its `_xHHHH_` escapes decoded: how the format stores characters XML cannot
 * carry (ESC is `_x001B_`), as Excel reads them.
 *
 * @example
 * decodeOoxmlEscapes("a_x001B_b") //=> "a\u001bb"
 * decodeOoxmlEscapes("_x005F_x0041_") //=> "_x0041_"
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function isNameEnd(byte: number): boolean {
  // Space, tab, CR, LF, "/" or ">".
  return (
    byte === 0x20 ||
    byte === 0x09 ||
    byte === 0x0d ||
    byte === 0x0a ||
    byte === SLASH ||
    byte === GT
  );
}

/** Short names read over and over (c, v, row, is, t …), kept instead of decoded each time. */
const SHORT_NAMES = new Map<number, string>();

function localName(bytes: Buffer, start: number, end: number): string {
  let from = start;
  for (let i = end - 1; i >= start; i -= 1) {
    if (bytes[i] === COLON) {
      from = i + 1;
      break;
    }
  }
  const length = end - from;
  if (length > 3) return bytes.toString("latin1", from, end);
  let key = length;
  for (let i = from; i < end; i += 1) key = key * 256 + bytes[i];
  let name = SHORT_NAMES.get(key);
  if (name === undefined) {
    name = bytes.toString("latin1", from, end);
    SHORT_NAMES.set(key, name);
  }
  return name;
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  }
  return true;
}

/** Where the tag that starts at `from` ends (its ">"), stepping over quoted attribute values. */
function tagEnd(bytes: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOSTROPHE) quote = b;
    else if (b === GT) return i;
    else if (b === LT) return -1;
  }
  return -1;
}

function indexOfText(bytes: Buffer, text: string, from: number): number {
  return bytes.indexOf(text, from, "latin1");
}

/**
 * Walks one XML document, calling back for tags and the text wanted. Throws `XmlDamage` when the
 * part is not a well-formed document (unclosed or mismatched tags, a truncated tag, text or tags
 * after the root element, a DTD, nesting deeper than `MAX_XML_DEPTH`).
 *
 * @example
 * const names: string[] = [];
 * scanXml(Buffer.from('<x:a><b c="1"/></x:a>'), { open: (name) => names.push(name) });
 * names //=> ["a", "b"]
 */
export function scanXml(bytes: Buffer, handlers: XmlHandlers): void {
  const stack: string[] = [];
  let rootSeen = false;
  let at = 0;
  const start =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  at = start;
  while (at < bytes.length) {
    const lt = bytes.indexOf(LT, at);
    const textEnd = lt < 0 ? bytes.length : lt;
    if (textEnd > at) {
      if (stack.length === 0) {
        if (!isBlank(bytes, at, textEnd)) throw new XmlDamage("text outside the root element", at);
      } else if (handlers.text && handlers.wantText?.()) {
        handlers.text(decodeXmlText(bytes.toString("utf8", at, textEnd)));
      }
    }
    if (lt < 0) break;
    const next = bytes[lt + 1];
    if (next === QUESTION) {
      const end = indexOfText(bytes, "?>", lt + 2);
      if (end < 0) throw new XmlDamage("unterminated processing instruction", lt);
      at = end + 2;
      continue;
    }
    if (next === BANG) {
      if (bytes.toString("latin1", lt, lt + 4) === "<!--") {
        const end = indexOfText(bytes, "-->", lt + 4);
        if (end < 0) throw new XmlDamage("unterminated comment", lt);
        at = end + 3;
        continue;
      }
      if (bytes.toString("latin1", lt, lt + 9) === "<![CDATA[") {
        const end = indexOfText(bytes, "]]>", lt + 9);
        if (end < 0 || stack.length === 0) throw new XmlDamage("unterminated CDATA", lt);
        if (handlers.text && handlers.wantText?.()) {
          handlers.text(bytes.toString("utf8", lt + 9, end));
        }
        at = end + 3;
        continue;
      }
      // A document type declaration has no place in a spreadsheet part (and could declare
      // entities meant to expand without end).
      throw new XmlDamage("document type declaration", lt);
    }
    const end = tagEnd(bytes, lt + 1);
    if (end < 0) throw new XmlDamage("unterminated tag", lt);
    if (next === SLASH) {
      const name = localName(bytes, lt + 2, trimEnd(bytes, lt + 2, end));
      const open = stack.pop();
      if (open !== name) throw new XmlDamage(`end tag </${name}> does not match <${open}>`, lt);
      handlers.close?.(name);
      at = end + 1;
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < end && !isNameEnd(bytes[nameEnd])) nameEnd += 1;
    if (nameEnd === lt + 1) throw new XmlDamage("tag without a name", lt);
    const selfClosing = bytes[end - 1] === SLASH;
    const name = localName(bytes, lt + 1, nameEnd);
    if (stack.length === 0) {
      if (rootSeen) throw new XmlDamage("a second root element", lt);
      rootSeen = true;
    }
    const attributes = new XmlAttributes(bytes, nameEnd, selfClosing ? end - 1 : end);
    if (!selfClosing) {
      if (stack.length >= MAX_XML_DEPTH) throw new XmlDamage("nesting too deep", lt);
      stack.push(name);
    }
    handlers.open?.(name, attributes, selfClosing);
    if (selfClosing) handlers.close?.(name);
    at = end + 1;
  }
  if (!rootSeen) throw new XmlDamage("no root element", start);
  if (stack.length > 0)
    throw new XmlDamage(`<${stack[stack.length - 1]}> is not closed`, bytes.length);
}

function trimEnd(bytes: Buffer, start: number, end: number): number {
  let stop = end;
  while (stop > start && isBlank(bytes, stop - 1, stop)) stop -= 1;
  return stop;
}
