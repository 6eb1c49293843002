// Turns one stencil object file, as printed by
//   llvm-readobj-19 --elf-output-style=JSON --sections --section-data --relocations --symbols
// into a stencil: code bytes, data bytes and holes. Used by scripts/build_stencils.ts at build
// time only; kept pure (JSON text in, stencil out) so it is testable without LLVM.
import { type Hole, isHoleKind } from "./holes.ts";

export interface ParsedStencil {
  code: Uint8Array;
  data: Uint8Array;
  holes: Hole[];
  dataHoles: Hole[];
}

interface RawSection {
  Index: number;
  Name: { Name: string };
  Type: { Name: string };
  Flags: { Flags: { Name: string }[] };
  Info: number;
  Size: number;
  AddressAlignment: number;
  SectionData?: { Bytes: number[] };
}
interface RawReloc {
  Offset: number;
  Type: { Name: string };
  Symbol: { Name: string };
  Addend: string;
}
interface RawSymbol {
  Name: { Name: string };
  Type: { Name: string };
  Section: { Name: string };
}

/** Sections that carry nothing a stencil needs at run time. */
const IGNORED_TYPES = new Set([
  "SHT_NULL",
  "SHT_STRTAB",
  "SHT_SYMTAB",
  "SHT_RELA",
  "SHT_LLVM_ADDRSIG",
  "SHT_NOTE",
]);

/** The symbol for the stencil's own data blob (codegen places it after the code). */
export const DATA_SYMBOL = "_JIT_DATA";

/**
 * `text` is readobj's JSON. Addends are printed as unsigned 64-bit integers, which JSON.parse
 * would round; they are quoted before parsing and read back as signed 64-bit BigInts.
 */
export function parseStencilObject(text: string, validSymbols: ReadonlySet<string>): ParsedStencil {
  const quoted = text.replace(/"Addend":\s*(\d+)/g, '"Addend":"$1"');
  const file = JSON.parse(quoted)[0];
  const sections: RawSection[] = file.Sections.map((s: { Section: RawSection }) => s.Section);
  const has = (s: RawSection, flag: string) => s.Flags.Flags.some((f) => f.Name === flag);

  const text_ = sections.filter((s) => has(s, "SHF_EXECINSTR"));
  if (text_.length !== 1) {
    throw new Error(`expected one code section, got ${text_.map((s) => s.Name.Name).join(", ")}`);
  }
  const codeSection = text_[0];
  const code = Uint8Array.from(codeSection.SectionData?.Bytes ?? []);

  // Every other allocated section is data, laid out in section order at its alignment.
  const dataOffsets = new Map<number, number>();
  const dataParts: Uint8Array[] = [];
  let dataSize = 0;
  for (const s of sections) {
    if (s === codeSection || !has(s, "SHF_ALLOC") || IGNORED_TYPES.has(s.Type.Name)) continue;
    const align = Math.max(1, s.AddressAlignment);
    const pad = (align - (dataSize % align)) % align;
    if (pad) dataParts.push(new Uint8Array(pad));
    dataSize += pad;
    dataOffsets.set(s.Index, dataSize);
    const bytes = s.Type.Name === "SHT_NOBITS"
      ? new Uint8Array(s.Size)
      : Uint8Array.from(s.SectionData?.Bytes ?? []);
    dataParts.push(bytes);
    dataSize += bytes.length;
  }
  const data = new Uint8Array(dataSize);
  let at = 0;
  for (const part of dataParts) {
    data.set(part, at);
    at += part.length;
  }

  // Section symbols are named after their section by readobj.
  const sectionByName = new Map(sections.map((s) => [s.Name.Name, s]));
  const symbols: RawSymbol[] = file.Symbols.map((s: { Symbol: RawSymbol }) => s.Symbol);
  const sectionSymbols = new Set(
    symbols.filter((s) => s.Type.Name === "Section").map((s) => s.Name.Name),
  );

  const holes: Hole[] = [];
  const dataHoles: Hole[] = [];
  for (
    const group of file.Relocations as {
      SectionIndex: number;
      Relocs: { Relocation: RawReloc }[];
    }[]
  ) {
    const rela = sections.find((s) => s.Index === group.SectionIndex)!;
    const target = rela.Info;
    const into = target === codeSection.Index ? holes : dataOffsets.has(target) ? dataHoles : null;
    if (into === null) continue; // relocations of ignored sections (none expected)
    const base = target === codeSection.Index ? 0 : dataOffsets.get(target)!;
    for (const { Relocation: r } of group.Relocs) {
      const kind = r.Type.Name;
      if (!isHoleKind(kind)) {
        throw new Error(`unsupported relocation ${kind} against ${r.Symbol.Name} at ${r.Offset}`);
      }
      let symbol = r.Symbol.Name;
      let addend = BigInt.asIntN(64, BigInt(r.Addend));
      if (sectionSymbols.has(symbol) || (symbol.startsWith(".") && sectionByName.has(symbol))) {
        const sec = sectionByName.get(symbol)!;
        if (!dataOffsets.has(sec.Index)) {
          throw new Error(`relocation ${kind} against unsupported section ${symbol}`);
        }
        symbol = DATA_SYMBOL;
        addend += BigInt(dataOffsets.get(sec.Index)!);
      } else if (!validSymbols.has(symbol)) {
        throw new Error(`relocation ${kind} against unknown symbol ${symbol}`);
      }
      into.push({ offset: base + r.Offset, kind, symbol, addend });
    }
  }
  const byOffset = (a: Hole, b: Hole) => a.offset - b.offset;
  holes.sort(byOffset);
  dataHoles.sort(byOffset);
  return { code, data, holes, dataHoles };
}
