# A tiny tokenizer implemented as a state machine with if/elif chains.
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif src[i:i + 2] in ("==", "<=", ">=", "!="):
            tokens.append(("op", src[i:i + 2]))
            i += 2
        elif ch in "+-*/()<>=":
            tokens.append(("op", ch))
            i += 1
        else:
            tokens.append(("error", ch))
            i += 1
    return tokens
for src in ["x = 3 + 4.5", "if a<=b: c", "foo_bar(12)*2 != 7", "  ", "3.14 $ 2"]:
    toks = tokenize(src)
    print(repr(src), len(toks))
    for t in toks:
        print("   ", t)
