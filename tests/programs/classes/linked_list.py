# A linked list and a binary search tree built from small classes.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def to_list(self):
        out = []
        n = self.head
        while n is not None:
            out.append(n.value)
            n = n.next
        return out
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
ll = LinkedList()
for i in range(6):
    ll.push(i * i)
print(ll.size, ll.to_list())
ll.reverse()
print(ll.to_list())
class Tree:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None
    def insert(self, key):
        if key < self.key:
            if self.left is None:
                self.left = Tree(key)
            else:
                self.left.insert(key)
        else:
            if self.right is None:
                self.right = Tree(key)
            else:
                self.right.insert(key)
    def inorder(self):
        l = self.left.inorder() if self.left else []
        r = self.right.inorder() if self.right else []
        return l + [self.key] + r
    def height(self):
        return 1 + max(self.left.height() if self.left else 0, self.right.height() if self.right else 0)
root = Tree(50)
for k in [30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 5]:
    root.insert(k)
    print(k, root.height())
print(root.inorder())
