# Lists used as stacks and queues; bracket matching.
stack = []
for i in range(5):
    stack.append(i * i)
    print("push", stack)
while stack:
    print("pop", stack.pop(), stack)
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st[-1] != pairs[ch]:
                return False
            st.pop()
    return not st
for s in ["()", "([]{})", "(]", "((", "", "{[()()]}", "}{", "a(b)c[d]"]:
    print(repr(s), balanced(s))
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in "+-*/":
            b = st.pop()
            a = st.pop()
            st.append(a + b if tok == "+" else a - b if tok == "-" else a * b if tok == "*" else a / b)
        else:
            st.append(int(tok))
        print(tok, st)
    return st[0]
print(rpn("3 4 + 2 * 7 -"))
print(rpn("1 2 3 4 5 * * * *"))
