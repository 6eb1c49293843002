// A stable merge sort over item indices, parameterised by a strict "less than" (CPython's sort
// only ever asks `<`). Sorting indices keeps value words in the heap, where they belong.

/** Sort the permutation 0..n-1 stably by less(i, j); returns the sorted indices. */
export function sortIndices(n: number, less: (i: number, j: number) => boolean): Int32Array {
  let a = new Int32Array(n);
  for (let k = 0; k < n; k++) a[k] = k;
  if (n < 2) return a;
  // Binary insertion sort on runs of 16, then bottom-up merges.
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let k = lo + 1; k < hi; k++) {
      const x = a[k];
      let l = lo, h = k;
      while (l < h) {
        const m = (l + h) >> 1;
        if (less(x, a[m])) h = m;
        else l = m + 1;
      }
      for (let j = k; j > l; j--) a[j] = a[j - 1];
      a[l] = x;
    }
  }
  let b = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n), hi = Math.min(lo + 2 * width, n);
      let i = lo, j = mid, k = lo;
      if (mid >= hi || !less(a[mid], a[mid - 1])) {
        // already in order
        for (let q = lo; q < hi; q++) b[q] = a[q];
        continue;
      }
      while (i < mid && j < hi) {
        if (less(a[j], a[i])) b[k++] = a[j++];
        else b[k++] = a[i++];
      }
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    const t = a;
    a = b;
    b = t;
  }
  return a;
}
