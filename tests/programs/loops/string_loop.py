# String-heavy hot loops: building, scanning, counting.
s = ""
for i in range(500):
    s += chr(97 + i * 7 % 26)
print(len(s), s[:40], s[-20:])
counts = [0] * 26
for ch in s:
    counts[ord(ch) - 97] += 1
print(counts)
words = []
w = ""
for i, ch in enumerate(s):
    w += ch
    if i % 7 == 6:
        words.append(w)
        w = ""
print(len(words), words[:5], sorted(words)[:3])
freq = {}
for wd in words:
    freq[wd] = freq.get(wd, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
pal = 0
for i in range(len(s) - 2):
    if s[i] == s[i + 2]:
        pal += 1
print("pal3", pal)
out = []
for i in range(30):
    out.append(str(i * i)[::-1])
print("".join(out), "-".join(out[:5]))
