// SyntaxError raised by the frontend (and by the compiler for compile-time errors).

export type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError";

export class PySyntaxError extends Error {
  kind: SyntaxErrorKind;
  msg: string;
  filename: string;
  /** 1-based line number. */
  lineno: number;
  /** 1-based column, like CPython's SyntaxError.offset. */
  offset: number;
  end_lineno: number;
  end_offset: number;
  /** The offending source line (without the line terminator), or null. */
  text: string | null;

  constructor(
    kind: SyntaxErrorKind,
    msg: string,
    filename: string,
    lineno: number,
    offset: number,
    text: string | null,
    end_lineno?: number,
    end_offset?: number,
  ) {
    super(`${kind}: ${msg} (${filename}, line ${lineno})`);
    this.name = "PySyntaxError";
    this.kind = kind;
    this.msg = msg;
    this.filename = filename;
    this.lineno = lineno;
    this.offset = offset;
    this.text = text;
    this.end_lineno = end_lineno ?? lineno;
    this.end_offset = end_offset ?? offset;
  }
}
