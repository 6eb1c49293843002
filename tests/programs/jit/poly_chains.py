# Hot loops whose bodies call through polymorphic sites into deep call chains, functions with
# their own loops (a trace continues in that loop's executor), tuple results and int() of floats.


class Node:
    def __init__(self, v):
        self.v = v
        self.link = None


def append(head, node):
    node.link = None
    if head is None:
        return node
    tail = head
    while tail.link is not None:
        tail = tail.link
    tail.link = node
    return head


class Queue:
    def __init__(self):
        self.head = None
        self.count = 0

    def put(self, node):
        self.count += 1
        self.head = append(self.head, node)

    def take(self):
        n = self.head
        if n is not None:
            self.head = n.link
            n.link = None
        return n


class Worker:
    def __init__(self, q):
        self.q = q
        self.done = 0

    def step(self):
        self.done += 1
        self.work(self.q.take())

    def work(self, n):
        if n is not None:
            self.q.put(n)


class Doubler(Worker):
    def work(self, n):
        if n is not None:
            n.v = (n.v * 2) % 1009
            self.q.put(n)


class Adder(Worker):
    def work(self, n):
        if n is not None:
            n.v = n.v + self.done % 5
            self.forward(n)

    def forward(self, n):
        self.q.put(n)


def schedule(n):
    q = Queue()
    for k in range(4):
        q.put(Node(k + 1))
    workers = [Worker(q), Doubler(q), Adder(q), Doubler(q), Adder(q)]
    for i in range(n):
        workers[i % 5].step()
    total = 0
    node = q.head
    while node is not None:
        total += node.v
        node = node.link
    return (total, q.count, [w.done for w in workers])


print(schedule(30000))


# A hot loop calling a function that has its own loop, returning a tuple.
class Seg:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi

    def dist(self, x):
        if x < self.lo:
            return self.lo - x
        if x > self.hi:
            return x - self.hi
        return 0.0


class Pt:
    def __init__(self, p):
        self.p = p

    def dist(self, x):
        return abs(x - self.p)


def nearest(things, x):
    best = 1e9
    found = None
    for t in things:
        d = t.dist(x)
        if d < best:
            best = d
            found = t
    return (best, found)


def scan(n):
    things = [Seg(0.0, 1.0), Pt(2.5), Seg(4.0, 4.5), Pt(-3.25)]
    acc = 0
    hist = [0, 0, 0, 0]
    for i in range(n):
        x = (i % 97) * 0.1 - 4.0
        d, t = nearest(things, x)
        acc += int(d * 100.0)
        hist[things.index(t)] += 1
    return (acc, hist)


print(scan(20000))


# int() of floats and ints in a trace: negative values truncate toward zero, large ones leave
# the small-int range (tier 1 makes a big int), and bad ones raise.
def conv(n):
    out = 0
    for i in range(n):
        f = (i - n / 2) * 0.75
        out += int(f) + int(i)
    big = 0
    for i in range(n):
        big += int(1e15 * (i % 3))
    return (out, big)


print(conv(20000))


def bad(xs):
    caught = 0
    total = 0
    for x in xs:
        try:
            total += int(x)
        except (OverflowError, ValueError) as e:
            caught += 1
    return (total, caught)


print(bad([1.5] * 10000 + [float("inf"), float("nan"), -2.5, 3]))
