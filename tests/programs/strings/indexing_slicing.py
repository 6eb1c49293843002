# String indexing and slicing with steps and negative bounds.
s = "Hello, World!"
print(s[0], s[4], s[-1], s[-13], s[len(s) - 1])
print(s[0:5], s[7:], s[:5], s[:], s[-6:], s[-6:-1])
print(s[::2], s[1::2], s[::-1], s[::-2], s[10:2:-1], s[10:2:-3])
print(s[100:], s[-100:3], s[5:2], s[2:5:-1], repr(s[len(s):]))
print(s[-3:-100:-1], s[:-100:-1], s[3::-1])
for i in range(-3, 4):
    print(i, s[i], s[i:], s[:i])
for step in (1, 2, 3, -1, -2, -5):
    print(step, s[::step])
word = "racecar"
print(word == word[::-1], "python"[::-1])
t = "abcdefghij"
print(t[2:8:2], t[8:2:-2], t[-1:-11:-3], t[1:-1], t[-2:])
i, j = 3, 7
print(t[i:j], t[j:i], t[i:j][::-1])
print([t[k] for k in range(0, len(t), 3)])
print([t[k:k + 3] for k in range(0, 10, 3)])
