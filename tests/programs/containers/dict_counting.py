# Dicts as counters, groupers and caches.
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
by_len = {}
for w in text.split():
    by_len.setdefault(len(w), []).append(w)
print(by_len)
for k in sorted(by_len):
    print(k, sorted(set(by_len[k])))
letters = {}
for ch in text:
    if ch != " ":
        if ch in letters:
            letters[ch] += 1
        else:
            letters[ch] = 1
top = sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(90), len(memo))
inv = {v: k for k, v in counts.items()}
print(inv)
d = {}
for i in range(20):
    d[i % 7] = d.get(i % 7, 0) + i
    if i % 5 == 4:
        print(i, d)
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
