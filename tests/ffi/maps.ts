// Reading this process's memory map, for tests of the executable-memory rules. Deno only lets
// a process read /proc/self/maps with --allow-all, so it is read by `cat /proc/<pid>/maps` (the
// test task grants --allow-run).

export interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  line: string;
}

export function readMaps(): Mapping[] {
  const out = new Deno.Command("cat", { args: [`/proc/${Deno.pid}/maps`] }).outputSync();
  if (!out.success) throw new Error("cannot read /proc/<pid>/maps");
  const text = new TextDecoder().decode(out.stdout);
  return text.trim().split("\n").map((line) => {
    const [range, perms] = line.split(/\s+/);
    const [start, end] = range.split("-").map((h) => BigInt("0x" + h));
    return { start, end, perms, line };
  });
}

/** Mappings that are both writable and executable (there must never be any). */
export function writableExecutable(): Mapping[] {
  return readMaps().filter((m) => m.perms.includes("w") && m.perms.includes("x"));
}

/** The mappings overlapping [address, address + size). */
export function mappingsOver(address: bigint, size: number): Mapping[] {
  const end = address + BigInt(size);
  return readMaps().filter((m) => m.start < end && m.end > address);
}
