# A small simulation with classes, methods and errors handled inside.
class InsufficientFunds(Exception):
    pass
class Account:
    rate = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds("%s has %d, needs %d" % (self.owner, self.balance, amount))
        self.balance -= amount
        self.history.append(("wd", amount))
    def add_interest(self):
        self.balance = round(self.balance * (1 + self.rate), 2)
class Savings(Account):
    rate = 0.05
accts = [Account("ann", 100), Savings("bob", 50), Account("cid")]
ops = [(0, "d", 50), (1, "w", 70), (2, "w", 1), (1, "d", 25), (0, "w", 120), (2, "d", 10)]
for idx, kind, amt in ops:
    a = accts[idx]
    try:
        if kind == "d":
            a.deposit(amt)
        else:
            a.withdraw(amt)
        print("ok", a.owner, kind, amt, "->", a.balance)
    except InsufficientFunds as e:
        print("failed:", e)
for year in range(3):
    for a in accts:
        a.add_interest()
    print(year, [(a.owner, a.balance) for a in accts])
for a in accts:
    print(a.owner, type(a).__name__, a.history)
