// Tokenizer for Python 3.11 source, modelled on the behaviour of CPython's tokenizer.c.
//
// The whole source is tokenized eagerly. A tokenizer error does not throw immediately: it is
// recorded (`Tokenized.error`) together with the tokens produced before it, because CPython
// reports a tokenizer error only when the parser reaches it or after the parser failed.

import { PySyntaxError } from "./errors.ts";

export const enum T {
  ENDMARKER = 0,
  NAME = 1,
  NUMBER = 2,
  STRING = 3,
  OP = 4,
  NEWLINE = 5,
  INDENT = 6,
  DEDENT = 7,
  /** End of file reached while parentheses are still open. */
  EOF_IN_PAREN = 8,
  /** Placeholder for the position where a tokenizer error occurred. */
  ERROR = 9,
}

export interface Token {
  type: T;
  /** Token text (for STRING the raw text including prefix and quotes). */
  value: string;
  /** 1-based start line. */
  line: number;
  /** 0-based start column, in UTF-16 code units of the line. */
  col: number;
  endLine: number;
  endCol: number;
  /** Absolute start offset in the (normalized) source. */
  start: number;
  end: number;
  /** Parenthesis nesting level after this token (like CPython's tok->level). */
  level: number;
  /** Index of this token in its token array. */
  idx: number;
}

export interface OpenParen {
  ch: string;
  line: number;
  col: number;
}

export interface Tokenized {
  tokens: Token[];
  /** Source lines (normalized to \n endings, without the terminator). */
  lines: string[];
  /** Absolute offset of the start of each line (index 0 is line 1). */
  lineStarts: number[];
  /** Normalized source text. */
  text: string;
  error: PySyntaxError | null;
  /** Parentheses still open at the end of tokenization (innermost last). */
  openParens: OpenParen[];
}

const MAXINDENT = 100;
const MAXLEVEL = 200;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || isDigit(c);
}

const ID_RE = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;
const ID_START_RE = /^[\p{XID_Start}_]$/u;
const ID_CONT_RE = /^\p{XID_Continue}$/u;

const OPS3 = new Set(["**=", "//=", ">>=", "<<=", "...", "!="]);
const OPS2 = new Set([
  "**",
  "//",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "->",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "@=",
  ":=",
]);

/**
 * Tokenize `source`. `sub` is used for f-string replacement fields: the text is tokenized as if
 * it started at (`sub.line`, `sub.col`) of the real file, and no NEWLINE/INDENT logic applies
 * at the end.
 */
export function tokenize(
  source: string,
  filename: string,
  sub?: { line: number; col: number; lines: string[] },
): Tokenized {
  let text = source;
  if (!sub) {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.indexOf("\r") >= 0) text = text.replace(/\r\n?/g, "\n");
  }
  const lineStarts: number[] = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  let lines: string[];
  if (sub) {
    lines = sub.lines;
  } else {
    lines = text.split("\n");
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  }
  // CPython's file input always ends with a newline.
  if (!sub && text.length > 0 && text.charCodeAt(text.length - 1) !== 10) {
    text += "\n";
    lineStarts.push(text.length);
  }
  const n = text.length;
  const tokens: Token[] = [];
  const openParens: OpenParen[] = [];
  const indstack: number[] = [0];
  const altindstack: number[] = [0];
  let pos = 0;
  let lineIdx = 0; // index into lineStarts of the current line
  let atbol = !sub;
  let error: PySyntaxError | null = null;
  const lineOff = sub ? sub.line - 1 : 0;

  const lineNo = (): number => lineIdx + 1 + lineOff;
  const colOf = (p: number, li: number): number =>
    p - lineStarts[li] + (sub && li === 0 ? sub.col : 0);
  const lineText = (ln: number): string | null => {
    const l = lines[ln - 1];
    return l === undefined ? null : l;
  };

  const push = (type: T, start: number, end: number, startLineIdx: number): void => {
    tokens.push({
      type,
      value: text.slice(start, end),
      line: startLineIdx + 1 + lineOff,
      col: colOf(start, startLineIdx),
      endLine: lineIdx + 1 + lineOff,
      endCol: colOf(end, lineIdx),
      start,
      end,
      level: openParens.length,
      idx: tokens.length,
    });
  };

  // Error raised at absolute position `p` on the current line (CPython: offset = chars up to cur)
  const errAt = (
    msg: string,
    p: number,
    kind: "SyntaxError" | "IndentationError" = "SyntaxError",
  ) => {
    const ln = lineNo();
    const off = colOf(p, lineIdx);
    return new PySyntaxError(kind, msg, filename, ln, off, lineText(ln), ln, off);
  };

  const advanceLine = (p: number): void => {
    // p is position just after a '\n'
    while (lineIdx + 1 < lineStarts.length && lineStarts[lineIdx + 1] <= p) lineIdx++;
  };

  outer:
  while (true) {
    // ---- start of line: indentation ----
    if (atbol) {
      atbol = false;
      let col = 0;
      let altcol = 0;
      let contLineCol = 0;
      let c = 0;
      let scanning = true;
      while (scanning) {
        c = pos < n ? text.charCodeAt(pos) : -1;
        if (c === 32) {
          col++;
          altcol++;
        } else if (c === 9) {
          col = (Math.floor(col / 8) + 1) * 8;
          altcol = altcol + 1;
        } else if (c === 12) {
          col = altcol = 0;
        } else if (c === 92) {
          contLineCol = contLineCol ? contLineCol : col;
          const c2 = pos + 1 < n ? text.charCodeAt(pos + 1) : -1;
          if (c2 !== 10) {
            error = errAt("unexpected character after line continuation character", pos + 2);
            break outer;
          }
          pos += 2;
          advanceLine(pos);
          if (pos >= n) {
            error = eofError();
            break outer;
          }
          continue;
        } else {
          scanning = false;
          continue;
        }
        pos++;
      }
      const blank = c === 35 || c === 10 || c === -1;
      if (!blank && openParens.length === 0) {
        if (contLineCol) col = altcol = contLineCol;
        const top = indstack.length - 1;
        if (col === indstack[top]) {
          if (altcol !== altindstack[top]) {
            error = tabError();
            break outer;
          }
        } else if (col > indstack[top]) {
          if (indstack.length >= MAXINDENT) {
            const ln = lineNo();
            error = new PySyntaxError(
              "IndentationError",
              "too many levels of indentation",
              filename,
              ln,
              colOf(pos, lineIdx),
              lineText(ln),
            );
            break outer;
          }
          if (altcol <= altindstack[top]) {
            error = tabError();
            break outer;
          }
          indstack.push(col);
          altindstack.push(altcol);
          push(T.INDENT, lineStarts[lineIdx], pos, lineIdx);
        } else {
          while (indstack.length > 1 && col < indstack[indstack.length - 1]) {
            indstack.pop();
            altindstack.pop();
            push(T.DEDENT, pos, pos, lineIdx);
          }
          if (col !== indstack[indstack.length - 1]) {
            const ln = lineNo();
            const lt = lineText(ln) ?? "";
            error = new PySyntaxError(
              "IndentationError",
              "unindent does not match any outer indentation level",
              filename,
              ln,
              lt.length + 1,
              lt,
              ln,
              -1,
            );
            break outer;
          }
          if (altcol !== altindstack[altindstack.length - 1]) {
            error = tabError();
            break outer;
          }
        }
      }
    }

    // ---- skip spaces ----
    let c = pos < n ? text.charCodeAt(pos) : -1;
    while (c === 32 || c === 9 || c === 12) {
      pos++;
      c = pos < n ? text.charCodeAt(pos) : -1;
    }
    // comment
    if (c === 35) {
      while (pos < n && text.charCodeAt(pos) !== 10) pos++;
      c = pos < n ? text.charCodeAt(pos) : -1;
    }
    if (c === -1) {
      if (sub) break;
      if (openParens.length > 0) {
        push(T.EOF_IN_PAREN, pos, pos, lineIdx);
        return { tokens, lines, lineStarts, text, error, openParens };
      }
      // implicit NEWLINE handled by the appended "\n"; now DEDENTs + ENDMARKER
      while (indstack.length > 1) {
        indstack.pop();
        push(T.DEDENT, pos, pos, lineIdx);
      }
      push(T.ENDMARKER, pos, pos, lineIdx);
      break;
    }
    const start = pos;
    const startLine = lineIdx;

    if (c === 10) {
      pos++;
      const blankline = tokens.length === 0 || isBlankLogical();
      if (!sub) atbol = true;
      if (blankline || openParens.length > 0) {
        advanceLine(pos);
        continue;
      }
      push(T.NEWLINE, start, start + 1, startLine);
      // NEWLINE token's end is on the same line
      tokens[tokens.length - 1].endLine = tokens[tokens.length - 1].line;
      tokens[tokens.length - 1].endCol = tokens[tokens.length - 1].col + 1;
      advanceLine(pos);
      continue;
    }

    // identifiers and string prefixes
    if (isIdStart(c)) {
      let sawB = false, sawR = false, sawU = false, sawF = false;
      while (true) {
        if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
        else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
        else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
        else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
        else break;
        pos++;
        c = pos < n ? text.charCodeAt(pos) : -1;
        if (c === 34 || c === 39) {
          if (!readString(start, startLine)) break outer;
          continue outer;
        }
      }
      let nonAscii = false;
      while (pos < n) {
        const d = text.charCodeAt(pos);
        if (!isIdChar(d)) break;
        if (d >= 128) nonAscii = true;
        pos++;
      }
      let name = text.slice(start, pos);
      if (nonAscii) {
        const norm = name.normalize("NFKC");
        if (!ID_RE.test(norm)) {
          // find first invalid character
          let i = 0;
          let bad = "";
          for (const ch of name) {
            const ok = i === 0 ? ID_START_RE.test(ch.normalize("NFKC")) : (
              ID_CONT_RE.test(ch.normalize("NFKC")) || ID_START_RE.test(ch.normalize("NFKC"))
            );
            if (!ok) {
              bad = ch;
              break;
            }
            i += ch.length;
          }
          if (!bad) bad = name[0];
          const cp = bad.codePointAt(0)!;
          const msg = isPrintable(cp)
            ? `invalid character '${bad}' (U+${hex4(cp)})`
            : `invalid non-printable character U+${hex4(cp)}`;
          error = errAt(msg, start + i + 1);
          // CPython counts code points for the offset
          error.offset =
            countCodePoints(lines[lineNo() - 1 - lineOff] ?? "", colOf(start + i, lineIdx)) +
            1;
          error.end_offset = error.offset;
          break outer;
        }
        name = norm;
      }
      push(T.NAME, start, pos, startLine);
      tokens[tokens.length - 1].value = name;
      continue;
    }

    // numbers
    if (isDigit(c) || (c === 46 && pos + 1 < n && isDigit(text.charCodeAt(pos + 1)))) {
      if (!readNumber(start)) break outer;
      push(T.NUMBER, start, pos, startLine);
      continue;
    }

    if (c === 34 || c === 39) {
      if (!readString(start, startLine)) break outer;
      continue;
    }

    // line continuation
    if (c === 92) {
      const c2 = pos + 1 < n ? text.charCodeAt(pos + 1) : -1;
      if (c2 !== 10) {
        error = errAt("unexpected character after line continuation character", pos + 2);
        break;
      }
      pos += 2;
      advanceLine(pos);
      if (pos >= n) {
        error = eofError();
        if (openParens.length > 0) {
          const op = openParens[openParens.length - 1];
          error = new PySyntaxError(
            "SyntaxError",
            `'${op.ch}' was never closed`,
            filename,
            op.line,
            op.col + 1,
            lineText(op.line),
          );
        }
        break;
      }
      continue;
    }

    // operators
    const s3 = text.substr(pos, 3);
    let len = 1;
    if (OPS3.has(s3)) len = 3;
    else if (OPS2.has(s3.slice(0, 2))) len = 2;
    if (c === 33 && len === 1) {
      // lone '!'
      pos++;
      push(T.OP, start, pos, startLine);
      continue;
    }
    if (c >= 128) {
      const cp = text.codePointAt(pos)!;
      const ch = String.fromCodePoint(cp);
      const msg = isPrintable(cp)
        ? `invalid character '${ch}' (U+${hex4(cp)})`
        : `invalid non-printable character U+${hex4(cp)}`;
      error = errAt(msg, pos + 1);
      error.offset = countCodePoints(lines[lineNo() - 1 - lineOff] ?? "", colOf(pos, lineIdx)) + 1;
      error.end_offset = error.offset;
      break;
    }
    if (c === 40 || c === 91 || c === 123) {
      if (openParens.length >= MAXLEVEL) {
        error = errAt("too many nested parentheses", pos + 1);
        break;
      }
      openParens.push({ ch: text[pos], line: lineNo(), col: colOf(pos, lineIdx) });
    } else if (c === 41 || c === 93 || c === 125) {
      const ch = text[pos];
      if (openParens.length === 0) {
        error = errAt(`unmatched '${ch}'`, pos + 1);
        break;
      }
      const op = openParens.pop()!;
      if (
        !((op.ch === "(" && c === 41) || (op.ch === "[" && c === 93) ||
          (op.ch === "{" && c === 125))
      ) {
        error = errAt(
          op.line !== lineNo()
            ? `closing parenthesis '${ch}' does not match opening parenthesis '${op.ch}' on line ${op.line}`
            : `closing parenthesis '${ch}' does not match opening parenthesis '${op.ch}'`,
          pos + 1,
        );
        break;
      }
    }
    pos += len;
    push(T.OP, start, pos, startLine);
  }
  if (error) {
    tokens.push({
      type: T.ERROR,
      value: "",
      line: error.lineno,
      col: 0,
      endLine: error.lineno,
      endCol: 0,
      start: pos,
      end: pos,
      level: openParens.length,
      idx: tokens.length,
    });
  } else if (sub) {
    push(T.ENDMARKER, pos, pos, lineIdx);
  }
  return { tokens, lines, lineStarts, text, error, openParens };

  // ------------------------------------------------------------------
  function isBlankLogical(): boolean {
    const last = tokens[tokens.length - 1];
    return last.type === T.NEWLINE || last.type === T.INDENT || last.type === T.DEDENT;
  }

  function eofError(): PySyntaxError {
    const ln = Math.min(lineNo(), lines.length + lineOff);
    const lt = lineText(ln) ?? "";
    return new PySyntaxError(
      "SyntaxError",
      "unexpected EOF while parsing",
      filename,
      ln,
      lt.length + 1,
      lt,
      ln,
      -1,
    );
  }

  function tabError(): PySyntaxError {
    const ln = lineNo();
    return new PySyntaxError(
      "TabError",
      "inconsistent use of tabs and spaces in indentation",
      filename,
      ln,
      1,
      lineText(ln),
      ln,
      0,
    );
  }

  function readString(start: number, startLine: number): boolean {
    const quote = text.charCodeAt(pos);
    let quoteSize = 1;
    let endQuoteSize = 0;
    pos++;
    if (text.charCodeAt(pos) === quote) {
      if (text.charCodeAt(pos + 1) === quote) {
        quoteSize = 3;
        pos += 2;
      } else {
        pos++;
        endQuoteSize = 1;
      }
    }
    while (endQuoteSize !== quoteSize) {
      const c = pos < n ? text.charCodeAt(pos) : -1;
      if (c === -1 || (quoteSize === 1 && c === 10)) {
        const detected = Math.min(lineNo(), lines.length + lineOff);
        const ln = startLine + 1 + lineOff;
        const off = colOf(start, startLine) + 1;
        error = new PySyntaxError(
          "SyntaxError",
          quoteSize === 3
            ? `unterminated triple-quoted string literal (detected at line ${detected})`
            : `unterminated string literal (detected at line ${detected})`,
          filename,
          ln,
          off,
          lineText(ln),
          ln,
          off,
        );
        return false;
      }
      pos++;
      if (c === quote) {
        endQuoteSize++;
      } else {
        endQuoteSize = 0;
        if (c === 92) {
          if (pos < n) {
            if (text.charCodeAt(pos) === 10) {
              pos++;
              advanceLine(pos);
            } else pos++;
          }
        } else if (c === 10) {
          advanceLine(pos);
        }
      }
    }
    push(T.STRING, start, pos, startLine);
    return true;
  }

  function ch(p: number): number {
    return p < n ? text.charCodeAt(p) : -1;
  }

  function decimalTail(): boolean {
    while (true) {
      while (isDigit(ch(pos))) pos++;
      if (ch(pos) !== 95) return true;
      pos++;
      if (!isDigit(ch(pos))) {
        error = errAt("invalid decimal literal", pos);
        return false;
      }
    }
  }

  function verifyEnd(kind: string): boolean {
    const c = ch(pos);
    let r = false;
    if (c === 97) r = text.startsWith("nd", pos + 1);
    else if (c === 101) r = text.startsWith("lse", pos + 1);
    else if (c === 102) r = text.startsWith("or", pos + 1);
    else if (c === 105) {
      const c2 = ch(pos + 1);
      r = c2 === 102 || c2 === 110 || c2 === 115;
    } else if (c === 111) r = text.startsWith("r", pos + 1);
    else if (c === 110) r = text.startsWith("ot", pos + 1);
    if (r) return true; // CPython only warns here
    if (c !== -1 && isIdChar(c)) {
      error = errAt(`invalid ${kind} literal`, pos);
      return false;
    }
    return true;
  }

  function readNumber(start: number): boolean {
    let c = ch(pos);
    if (c === 48) {
      pos++;
      c = ch(pos);
      if (c === 120 || c === 88) {
        pos++;
        c = ch(pos);
        do {
          if (c === 95) c = ch(++pos);
          if (!isHex(c)) {
            error = errAt("invalid hexadecimal literal", pos);
            return false;
          }
          do c = ch(++pos); while (isHex(c));
        } while (c === 95);
        return verifyEnd("hexadecimal");
      } else if (c === 111 || c === 79) {
        pos++;
        c = ch(pos);
        do {
          if (c === 95) c = ch(++pos);
          if (c < 48 || c >= 56) {
            if (isDigit(c)) {
              error = errAt(`invalid digit '${String.fromCharCode(c)}' in octal literal`, pos + 1);
            } else error = errAt("invalid octal literal", pos);
            return false;
          }
          do c = ch(++pos); while (c >= 48 && c < 56);
        } while (c === 95);
        if (isDigit(c)) {
          error = errAt(`invalid digit '${String.fromCharCode(c)}' in octal literal`, pos + 1);
          return false;
        }
        return verifyEnd("octal");
      } else if (c === 98 || c === 66) {
        pos++;
        c = ch(pos);
        do {
          if (c === 95) c = ch(++pos);
          if (c !== 48 && c !== 49) {
            if (isDigit(c)) {
              error = errAt(`invalid digit '${String.fromCharCode(c)}' in binary literal`, pos + 1);
            } else error = errAt("invalid binary literal", pos);
            return false;
          }
          do c = ch(++pos); while (c === 48 || c === 49);
        } while (c === 95);
        if (isDigit(c)) {
          error = errAt(`invalid digit '${String.fromCharCode(c)}' in binary literal`, pos + 1);
          return false;
        }
        return verifyEnd("binary");
      } else {
        let nonzero = false;
        while (true) {
          if (c === 95) {
            c = ch(++pos);
            if (!isDigit(c)) {
              error = errAt("invalid decimal literal", pos);
              return false;
            }
          }
          if (c !== 48) break;
          c = ch(++pos);
        }
        const zerosEnd = pos;
        if (isDigit(c)) {
          nonzero = true;
          if (!decimalTail()) return false;
          c = ch(pos);
        }
        if (c === 46) {
          pos++;
          return fraction();
        } else if (c === 101 || c === 69) {
          return exponent();
        } else if (c === 106 || c === 74) {
          pos++;
          return verifyEnd("imaginary");
        } else if (nonzero) {
          const ln = lineNo();
          error = new PySyntaxError(
            "SyntaxError",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            filename,
            ln,
            colOf(start, lineIdx) + 1,
            lineText(ln),
            ln,
            colOf(zerosEnd, lineIdx) + 1,
          );
          return false;
        }
        return verifyEnd("decimal");
      }
    }
    if (c === 46) {
      // ".5"
      pos++;
      return fraction();
    }
    if (!decimalTail()) return false;
    c = ch(pos);
    if (c === 46) {
      pos++;
      return fraction();
    }
    if (c === 101 || c === 69) return exponent();
    if (c === 106 || c === 74) {
      pos++;
      return verifyEnd("imaginary");
    }
    return verifyEnd("decimal");

    function fraction(): boolean {
      if (isDigit(ch(pos))) {
        if (!decimalTail()) return false;
      }
      const c2 = ch(pos);
      if (c2 === 101 || c2 === 69) return exponent();
      if (c2 === 106 || c2 === 74) {
        pos++;
        return verifyEnd("imaginary");
      }
      return verifyEnd("decimal");
    }
    function exponent(): boolean {
      const ePos = pos;
      pos++;
      let c2 = ch(pos);
      if (c2 === 43 || c2 === 45) {
        pos++;
        c2 = ch(pos);
        if (!isDigit(c2)) {
          error = errAt("invalid decimal literal", pos);
          return false;
        }
      } else if (!isDigit(c2)) {
        // 'e' not followed by digits: CPython checks 'e' as the char after the number
        pos = ePos;
        return verifyEnd("decimal");
      }
      if (!decimalTail()) return false;
      c2 = ch(pos);
      if (c2 === 106 || c2 === 74) {
        pos++;
        return verifyEnd("imaginary");
      }
      return verifyEnd("decimal");
    }
  }
}

function hex4(cp: number): string {
  const h = cp.toString(16).toUpperCase();
  return h.length < 4 ? "0".repeat(4 - h.length) + h : h;
}

function countCodePoints(line: string, upto: number): number {
  let k = 0;
  for (let i = 0; i < upto && i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++;
    k++;
  }
  return k;
}

const NONPRINT_RE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;
function isPrintable(cp: number): boolean {
  if (cp === 32) return true;
  return !NONPRINT_RE.test(String.fromCodePoint(cp));
}
