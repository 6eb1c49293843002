/* The stencil template: compiled once per uop with -DTESSERA_UOP=UOP_<name> by
 * scripts/build_stencils.ts. Each compilation yields one function, _JIT_ENTRY, whose machine code
 * (with its relocations turned into holes) becomes the uop's stencil.
 *
 * Calling convention (DESIGN.md, "Copy-and-patch"): every stencil is
 *   preserve_none void _JIT_ENTRY(char *frame, Word *sp, TesseraState *state)
 * and continues with a guaranteed tail call to the next stencil, so a trace is a chain of jumps
 * with frame, sp and state pinned in registers. The trace returns to the shim's enter() only
 * through _EXIT_TRACE (or an exit stub, which is an _EXIT_TRACE).
 */
#include "generated/uops.h"

/* Operand holes (values patched in by codegen). The value passes through an empty asm so clang
 * cannot assume it is non-zero (it is the address of an extern symbol, which C says is not null). */
__attribute__((unused)) static inline uint64_t HOLE(char *p) {
  uint64_t v = (uint64_t)(uintptr_t)p;
  __asm__("" : "+r"(v));
  return v;
}
#define OPARG HOLE(_JIT_OPARG)
#define OPERAND0 HOLE(_JIT_OPERAND0)
#define OPERAND1 HOLE(_JIT_OPERAND1)
#define OPERAND2 HOLE(_JIT_OPERAND2)
#define TARGET HOLE(_JIT_TARGET)
#define UOP_INDEX HOLE(_JIT_UOP_INDEX)
#define HEAP_BASE ((char *)_JIT_HEAP_BASE)

/* The heap base in a register. Written as HEAP_BASE + offset, clang folds each field offset into
   its own 64-bit constant (one movabs per field); through this, an object's address is computed
   once and each field is one load with a small displacement. */
__attribute__((unused)) static inline char *HEAP_REG(void) {
  char *p = HEAP_BASE;
  __asm__("" : "+r"(p));
  return p;
}

/* Frame and stack. sp points at the first free slot. */
#define LOCAL(i) (((Word *)(frame + FRAME_HEADER))[(i)])
#define PEEK(n) (sp[-(n)])

/* Control. The exit is a conditional tail call: clang emits a single jcc to the exit stub. */
#define EXIT_IF(cond)                                                   \
  do {                                                                  \
    if (__builtin_expect(!!(cond), 0)) {                                \
      __attribute__((musttail)) return _JIT_EXIT_TARGET(frame, sp, state); \
    }                                                                   \
  } while (0)
/* An exit that first pops n words (the resume instruction expects them gone). */
#define EXIT_POP_IF(cond, n)                                                \
  do {                                                                      \
    if (__builtin_expect(!!(cond), 0)) {                                    \
      sp -= (n);                                                            \
      __attribute__((musttail)) return _JIT_EXIT_TARGET(frame, sp, state); \
    }                                                                       \
  } while (0)
/* Leaves now (the body has set sp as the exit expects it). */
#define EXIT_NOW()                                                    \
  do {                                                                \
    __attribute__((musttail)) return _JIT_EXIT_TARGET(frame, sp, state); \
  } while (0)
#define UNLIKELY(cond) __builtin_expect(!!(cond), 0)
/* A local of a fused uop (src/jit/uops_fused.ts): the hole's value is its byte offset in the
   frame. The holes are declared as functions, so under -mcmodel=medium their values are 32-bit
   and clang folds them into the displacement of the load or store. */
#define FLOCAL(hole) (*(Word *)(frame + (uintptr_t)&hole))
#define JUMP_TO_TOP()                                                  \
  do {                                                                 \
    __attribute__((musttail)) return _JIT_JUMP_TARGET(frame, sp, state); \
  } while (0)

/* Value words. */
#define IS_SMALL_INT(w) (((w) >> 48) == TAG_INT)
/* The 48-bit payload, sign-extended. */
#define INT_VALUE(w) (((int64_t)((w) << 16)) >> 16)
#define FITS_SMALL_INT(v) ((v) >= SMALL_INT_MIN && (v) <= SMALL_INT_MAX)
#define BOX_INT(v) (INT_TAG_WORD | ((uint64_t)(v) & SMALL_INT_PAYLOAD_MASK))
#define BOOL_WORD(b) (FALSE_WORD | (uint64_t)((b) != 0))
#define IS_FLOAT(w) ((uint32_t)((w) >> 32) < FIRST_TAG_HI)
/* A float or a small int (the operands of the mixed arithmetic uops). */
#define IS_NUM(w) (IS_FLOAT(w) | IS_SMALL_INT(w))
#define IS_BOUND(w) ((w) != NULL_WORD)
#define IS_LIST(w) (IS_REF(w) && OBJ_TYPE(REF_ADDR(w)) == T_LIST)
#define IS_REF(w) (((w) >> 32) == (HI_REF_WORD >> 32))
/* Native address of the object a ref word points at. */
#define REF_ADDR(w) (HEAP_BASE + (uint32_t)(w))
/* The ref word of the object at native address p. */
#define REF_WORD(p) (HI_REF_WORD | (uint64_t)(uint32_t)((char *)(p) - HEAP_BASE))
#define U32_AT(p, off) (*(uint32_t *)((char *)(p) + (off)))
#define WORD_AT(p, off) (*(Word *)((char *)(p) + (off)))
#define OBJ_TYPE(p) U32_AT(p, 0)
#define FRAME_U32(off) U32_AT(frame, off)
/* The value of entry i of the dict at native address d. */
#define DICT_ENTRY_VALUE(d, i) \
  WORD_AT(HEAP_BASE + U32_AT(d, DICT_ENTRIES), VALUES_START + DICT_ENTRY_BYTES * (i) + 16)

__attribute__((unused)) static inline double AS_DOUBLE(Word w) {
  union { Word w; double d; } u = {.w = w};
  return u.d;
}
/* A float or small int word as a double (48-bit ints convert exactly). */
__attribute__((unused)) static inline double NUM_VALUE(Word w) {
  return IS_FLOAT(w) ? AS_DOUBLE(w) : (double)INT_VALUE(w);
}
/* The square root instruction (no libm call: negative arguments exit before it). */
__attribute__((unused)) static inline double SQRT(double d) {
#if defined(__x86_64__)
  __asm__("sqrtsd %1, %0" : "=x"(d) : "x"(d));
#elif defined(__aarch64__)
  __asm__("fsqrt %d0, %d1" : "=w"(d) : "w"(d));
#else
  d = __builtin_sqrt(d);
#endif
  return d;
}
/* (hi * 2^64 + lo) mod n for hi < n (so the quotient fits 64 bits): one divide on x86-64; elsewhere
 * four 16-bit steps, exact for n < 2^48 (each step's dividend stays below 2^64). */
__attribute__((unused)) static inline uint64_t UMOD128(uint64_t hi, uint64_t lo, uint64_t n) {
#if defined(__x86_64__)
  uint64_t q, r;
  __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "r"(n) : "cc");
  (void)q;
  return r;
#else
  uint64_t r = hi;
  for (int k = 48; k >= 0; k -= 16) r = ((r << 16) | ((lo >> k) & 0xFFFF)) % n;
  return r;
#endif
}
/* A float result as a value word: NaNs are canonicalised as tier 1 does (value.ts). */
__attribute__((unused)) static inline Word FLOAT_WORD(double d) {
#if defined(__x86_64__)
  /* A NaN becomes 0x7FF8000000000000 (all ones shifted) behind a branch rather than a select, so
     the test is not on the result's dependency chain, and the value stays in its xmm register. */
  __asm__("ucomisd %0, %0\n\tjnp 1f\n\tpcmpeqd %0, %0\n\tpsllq $52, %0\n\tpsrlq $1, %0\n1:"
          : "+x"(d)
          :
          : "cc");
  union { double d; Word w; } u = {.d = d};
  return u.w;
#else
  union { double d; Word w; } u = {.d = d};
  return d != d ? 0x7FF8000000000000ull : u.w;
#endif
}

/* Native allocation (src/runtime/space.ts, "Allocation regions"): takes `size` bytes (a multiple of
 * 8, at least 16) from the bump region TypeScript handed to native code, writes the 16-byte header
 * (type, size, nraw, nrefs; mark, flags and aux 0) and zeroes the body; returns 0 when the region
 * has no room (or would keep an 8-byte tail, which cannot hold a free chunk's header). The region
 * lies inside the heap (TypeScript carved it from the object space), so nothing outside is
 * touched. The caller exits before changing anything when it gets 0. */
__attribute__((unused)) static inline char *ALLOC(TesseraState *state, uint32_t type,
                                                  uint32_t size, uint32_t nraw, uint32_t nrefs) {
  uint64_t p = state->alloc_ptr, rem = state->alloc_end - p;
  if (__builtin_expect(rem < size || rem - size == 8, 0)) return 0;
  state->alloc_ptr = p + size;
  char *o = HEAP_BASE + p;
  /* The header as two words; the empty asm keeps clang from building them as one 16-byte vector
     constant (a constant pool stencils cannot have). */
  uint64_t h0 = type | ((uint64_t)size << 32), h1 = nraw | (nrefs << 8);
  __asm__("" : "+r"(h0), "+r"(h1));
  WORD_AT(o, 0) = h0;
  WORD_AT(o, 8) = h1;
  #pragma clang loop vectorize(disable) interleave(disable) unroll(disable)
  for (uint32_t k = 16; k < size; k += 8) WORD_AT(o, k) = 0;
  return o;
}

/* Grows list l's items buffer as tier 1 does (src/runtime/seq.ts listReserve: capacity + half + 4)
 * into a new buffer from the allocation region, copying the items (the old buffer becomes
 * garbage). Returns 0, changing nothing, when the new buffer would be larger than
 * NATIVE_LIST_GROW_MAX (tier 1 grows those, often in place) or the region has no room. */
__attribute__((unused)) static inline int LIST_GROW(TesseraState *state, char *l) {
  uint32_t n = U32_AT(l, LIST_LEN);
  uint64_t ncap = LIST_GROWN_CAP((uint64_t)U32_AT(l, LIST_CAP));
  uint64_t size = VALUES_START + 8 * ncap;
  if (size > NATIVE_LIST_GROW_MAX) return 0;
  char *nb = ALLOC(state, T_VALUES, (uint32_t)size, 0, 0);
  if (nb == 0) return 0;
  Word *from = (Word *)(HEAP_BASE + U32_AT(l, LIST_ITEMS) + VALUES_START);
  Word *to = (Word *)(nb + VALUES_START);
  #pragma clang loop vectorize(disable) interleave(disable)
  for (uint32_t k = 0; k < n; k++) to[k] = from[k];
  U32_AT(l, LIST_ITEMS) = (uint32_t)(nb - HEAP_BASE);
  U32_AT(l, LIST_CAP) = (uint32_t)ncap;
  return 1;
}

__attribute__((preserve_none)) void _JIT_ENTRY(char *frame, Word *sp, TesseraState *state) {
#include "generated/uop_bodies.inc"
  /* Terminal uops return or jump above; this is then unreachable and clang drops it. The jump to
     the very next stencil is removed at build time. */
  __attribute__((musttail)) return _JIT_CONTINUE(frame, sp, state);
}
