// Buffered standard output: print() appends to a JS string buffer that is encoded and written
// when it exceeds 64 KiB and at flush (the interpreter flushes at exit and before reading stdin).

const LIMIT = 64 * 1024;
const encoder = new TextEncoder();

function writeAll(fd: "out" | "err", bytes: Uint8Array): void {
  const f = fd === "out" ? Deno.stdout : Deno.stderr;
  let off = 0;
  while (off < bytes.length) off += f.writeSync(bytes.subarray(off));
}

class Writer {
  private parts: string[] = [];
  private size = 0;
  /** Captured output instead of the file (tests), or null. */
  capture: string[] | null = null;
  constructor(private readonly fd: "out" | "err") {}

  write(s: string): void {
    if (this.capture !== null) {
      this.capture.push(s);
      return;
    }
    this.parts.push(s);
    this.size += s.length;
    if (this.size > LIMIT) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const s = this.parts.join("");
    this.parts = [];
    this.size = 0;
    writeAll(this.fd, encoder.encode(s));
  }
}

export const stdout = new Writer("out");
export const stderr = new Writer("err");
