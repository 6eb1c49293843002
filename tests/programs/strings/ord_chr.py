# ord, chr, and simple character arithmetic (Caesar cipher, ROT13).
for c in "Az09 ~\n\u00e9\u20ac":
    print(repr(c), ord(c), hex(ord(c)))
print(chr(97), chr(0x41), chr(8364), chr(128512) == "\U0001F600", chr(0) == "\x00")
print([chr(i) for i in range(65, 75)])
print("".join([chr(ord("a") + i) for i in range(26)]))
def caesar(text, k):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! xyz"
for k in (1, 3, 13, 25, -1):
    enc = caesar(msg, k)
    print(k, enc, caesar(enc, -k) == msg)
total = 0
for ch in "checksum me":
    total = (total * 31 + ord(ch)) % 1000003
    print(ch, total)
print(max("hello", key=ord), sorted("hello", key=lambda ch: -ord(ch)))
