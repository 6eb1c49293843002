// repr() of floats: the shortest string that round-trips (JS and Python agree on the digits),
// laid out the way Python does it: fixed notation for decimal exponents in [-4, 16), scientific
// otherwise with a signed exponent of at least two digits, and ".0" on integral fixed values.

export function floatRepr(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const e = Math.abs(x).toExponential(); // shortest round-trip digits, e.g. "1.2345e+21"
  const [mant, expStr] = e.split("e");
  const exp = Number(expStr);
  const digits = mant.replace(".", "");
  if (exp >= -5 && exp < 16) {
    // Python switches to scientific when the exponent is < -4 (i.e. 0.0001 stays fixed).
    if (exp < -4) return sign + sci(digits, exp);
    if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
    const intLen = exp + 1;
    if (digits.length <= intLen) return sign + digits + "0".repeat(intLen - digits.length) + ".0";
    return sign + digits.slice(0, intLen) + "." + digits.slice(intLen);
  }
  return sign + sci(digits, exp);
}

function sci(digits: string, exp: number): string {
  const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
  const es = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : String(Math.abs(exp));
  return `${m}e${exp < 0 ? "-" : "+"}${es}`;
}
