# Tier 2 list building: LIST_APPEND of comprehensions (native while the items buffer has room;
# a full buffer exits and tier 1 grows it), list.append and list.pop() (an empty list exits and
# tier 1 raises IndexError), inside traced loops.


def comp(n):
    a = [True for i in range(n)]
    b = [i * i for i in range(n) if i % 3 == 0]
    c = [x + 1 for x in [5, 6, 7] * (n // 3)]
    return len(a), a[-1], sum(b), len(b), sum(c)


def stack_ops(n):
    st = []
    total = 0
    for i in range(n):
        st.append(i)
        if i % 3 == 2:
            total += st.pop()
            total += st.pop()
    while st:
        total -= st.pop()
    errors = 0
    for i in range(n):
        try:
            total += st.pop()
        except IndexError as e:
            errors += 1
            msg = str(e)
        if i % 2 == 0:
            st.append(i)
    return total, errors, msg, len(st)


def nested_comp(n):
    total = 0
    for i in range(n):
        row = [j for j in range(i % 6)]
        total += len(row)
    return total


print(comp(100000))
print(stack_ops(30000))
print(nested_comp(20000))
