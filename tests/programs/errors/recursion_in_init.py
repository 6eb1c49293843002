# Recursion through a class call inside __init__
class A:
    def __init__(self, n):
        self.c = A(n+1)
A(0)
