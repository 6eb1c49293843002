// Unicode character names for `\N{...}` escapes, without a name table: the names that follow a
// rule are computed. Covered: CJK unified and compatibility ideographs and Hangul syllables (names
// defined algorithmically by Unicode), ASCII letters, digits and punctuation, the common control
// character aliases, Greek letters, and Latin and Greek letters with diacritics whose precomposed
// form is the canonical (NFC) composition of the base letter and the combining marks the name
// lists ("LATIN SMALL LETTER E WITH ACUTE" = NFC("e" + U+0301)). Other names are unknown here.
// Lookup ignores case, as CPython's does.

const ASCII_NAMES: [string, number][] = [
  ["SPACE", 0x20],
  ["EXCLAMATION MARK", 0x21],
  ["QUOTATION MARK", 0x22],
  ["NUMBER SIGN", 0x23],
  ["DOLLAR SIGN", 0x24],
  ["PERCENT SIGN", 0x25],
  ["AMPERSAND", 0x26],
  ["APOSTROPHE", 0x27],
  ["LEFT PARENTHESIS", 0x28],
  ["RIGHT PARENTHESIS", 0x29],
  ["ASTERISK", 0x2a],
  ["PLUS SIGN", 0x2b],
  ["COMMA", 0x2c],
  ["HYPHEN-MINUS", 0x2d],
  ["FULL STOP", 0x2e],
  ["SOLIDUS", 0x2f],
  ["COLON", 0x3a],
  ["SEMICOLON", 0x3b],
  ["LESS-THAN SIGN", 0x3c],
  ["EQUALS SIGN", 0x3d],
  ["GREATER-THAN SIGN", 0x3e],
  ["QUESTION MARK", 0x3f],
  ["COMMERCIAL AT", 0x40],
  ["LEFT SQUARE BRACKET", 0x5b],
  ["REVERSE SOLIDUS", 0x5c],
  ["RIGHT SQUARE BRACKET", 0x5d],
  ["CIRCUMFLEX ACCENT", 0x5e],
  ["LOW LINE", 0x5f],
  ["GRAVE ACCENT", 0x60],
  ["LEFT CURLY BRACKET", 0x7b],
  ["VERTICAL LINE", 0x7c],
  ["RIGHT CURLY BRACKET", 0x7d],
  ["TILDE", 0x7e],
  // name aliases of control characters (NameAliases.txt), which \N{} accepts
  ["NULL", 0x00],
  ["CHARACTER TABULATION", 0x09],
  ["LINE FEED", 0x0a],
  ["LINE TABULATION", 0x0b],
  ["FORM FEED", 0x0c],
  ["CARRIAGE RETURN", 0x0d],
  ["ESCAPE", 0x1b],
  ["DELETE", 0x7f],
  ["NO-BREAK SPACE", 0xa0],
];

const DIGITS = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];

/** Greek letters in alphabet order from U+0391 / U+03B1 (U+03A2 is unassigned: final sigma). */
const GREEK = [
  "ALPHA",
  "BETA",
  "GAMMA",
  "DELTA",
  "EPSILON",
  "ZETA",
  "ETA",
  "THETA",
  "IOTA",
  "KAPPA",
  "LAMDA",
  "MU",
  "NU",
  "XI",
  "OMICRON",
  "PI",
  "RHO",
  "FINAL SIGMA",
  "SIGMA",
  "TAU",
  "UPSILON",
  "PHI",
  "CHI",
  "PSI",
  "OMEGA",
];

/**
 * Diacritics as named in letter names: [combining mark, canonical combining class]. TONOS and
 * DIALYTIKA are the Greek names of the acute and the diaeresis; Greek letters use only those two
 * and MACRON (their other diacritics have Greek names: VARIA, VRACHY...).
 */
const MARKS: Record<string, [number, number]> = {
  "GRAVE": [0x300, 230],
  "ACUTE": [0x301, 230],
  "CIRCUMFLEX": [0x302, 230],
  "TILDE": [0x303, 230],
  "MACRON": [0x304, 230],
  "BREVE": [0x306, 230],
  "DOT ABOVE": [0x307, 230],
  "DIAERESIS": [0x308, 230],
  "HOOK ABOVE": [0x309, 230],
  "RING ABOVE": [0x30a, 230],
  "DOUBLE ACUTE": [0x30b, 230],
  "CARON": [0x30c, 230],
  "DOUBLE GRAVE": [0x30f, 230],
  "INVERTED BREVE": [0x311, 230],
  "HORN": [0x31b, 216],
  "DOT BELOW": [0x323, 220],
  "DIAERESIS BELOW": [0x324, 220],
  "RING BELOW": [0x325, 220],
  "COMMA BELOW": [0x326, 220],
  "CEDILLA": [0x327, 202],
  "OGONEK": [0x328, 202],
  "CIRCUMFLEX BELOW": [0x32d, 220],
  "BREVE BELOW": [0x32e, 220],
  "TILDE BELOW": [0x330, 220],
  "LINE BELOW": [0x331, 220],
  "TONOS": [0x301, 230],
  "DIALYTIKA": [0x308, 230],
};
const GREEK_ONLY = new Set(["TONOS", "DIALYTIKA"]);
/** The only diacritic names Greek letters share with Latin ones. */
const GREEK_MARKS = new Set(["TONOS", "DIALYTIKA", "MACRON"]);

const HANGUL_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C"]
  .concat(["K", "T", "P", "H"]);
const HANGUL_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO"]
  .concat(["U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"]);
const HANGUL_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT"]
  .concat(["LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]);

/** Code point ranges named "CJK UNIFIED IDEOGRAPH-hex" / "CJK COMPATIBILITY IDEOGRAPH-hex". */
const CJK_UNIFIED: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b738],
  [0x2b740, 0x2b81d],
  [0x2b820, 0x2cea1],
  [0x2ceb0, 0x2ebe0],
  [0x30000, 0x3134a],
];
const CJK_COMPAT: [number, number][] = [[0xf900, 0xfa6d], [0xfa70, 0xfad9], [0x2f800, 0x2fa1d]];

let simple: Map<string, number> | null = null;

function simpleNames(): Map<string, number> {
  if (simple !== null) return simple;
  simple = new Map(ASCII_NAMES);
  for (let k = 0; k < 26; k++) {
    const letter = String.fromCharCode(65 + k);
    simple.set(`LATIN CAPITAL LETTER ${letter}`, 65 + k);
    simple.set(`LATIN SMALL LETTER ${letter}`, 97 + k);
  }
  for (let k = 0; k < 10; k++) simple.set(`DIGIT ${DIGITS[k]}`, 48 + k);
  for (let k = 0; k < GREEK.length; k++) {
    if (GREEK[k] !== "FINAL SIGMA") simple.set(`GREEK CAPITAL LETTER ${GREEK[k]}`, 0x391 + k);
    simple.set(`GREEK SMALL LETTER ${GREEK[k]}`, 0x3b1 + k);
  }
  return simple;
}

function inRanges(cp: number, ranges: [number, number][]): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** A letter with diacritics ("... WITH X AND Y") that composes to one precomposed character. */
function composed(name: string): number | null {
  const w = name.indexOf(" WITH ");
  if (w < 0) return null;
  const base = simpleNames().get(name.slice(0, w));
  const greek = name.startsWith("GREEK ");
  if (base === undefined || !(greek || name.startsWith("LATIN "))) return null;
  let s = String.fromCodePoint(base);
  const marks = name.slice(w + 6).split(" AND ");
  for (const mark of marks) {
    const m = MARKS[mark];
    if (m === undefined || (greek ? !GREEK_MARKS.has(mark) : GREEK_ONLY.has(mark))) return null;
    // marks of different classes commute, so the name's order is not derivable: not covered
    if (m[1] !== MARKS[marks[0]][1]) return null;
    s += String.fromCodePoint(m[0]);
  }
  const c = s.normalize("NFC");
  const cp = c.codePointAt(0)!;
  return c.length === String.fromCodePoint(cp).length ? cp : null;
}

function hangul(rest: string): number | null {
  // longest-match split into lead, vowel and trail jamo names, as Unicode's algorithm defines
  for (let l = 0; l < HANGUL_L.length; l++) {
    if (!rest.startsWith(HANGUL_L[l])) continue;
    const afterL = rest.slice(HANGUL_L[l].length);
    for (let v = 0; v < HANGUL_V.length; v++) {
      if (!afterL.startsWith(HANGUL_V[v])) continue;
      const t = HANGUL_T.indexOf(afterL.slice(HANGUL_V[v].length));
      if (t >= 0) return 0xac00 + (l * 21 + v) * 28 + t;
    }
  }
  return null;
}

/** The code point named `name` (case-insensitive), or null when not known here. */
export function lookupUnicodeName(name: string): number | null {
  const n = name.toUpperCase();
  const s = simpleNames().get(n);
  if (s !== undefined) return s;
  let m = /^CJK (UNIFIED|COMPATIBILITY) IDEOGRAPH-([0-9A-F]{4,5})$/.exec(n);
  if (m !== null) {
    const cp = parseInt(m[2], 16);
    return inRanges(cp, m[1] === "UNIFIED" ? CJK_UNIFIED : CJK_COMPAT) ? cp : null;
  }
  m = /^HANGUL SYLLABLE ([A-Z]+)$/.exec(n);
  if (m !== null) return hangul(m[1]);
  return composed(n);
}
