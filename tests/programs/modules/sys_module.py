# The sys module: argv, maxsize, recursion limit, stdout.write, version_info
import sys

print(sys.argv[0].endswith("sys_module.py"), len(sys.argv))
print(sys.maxsize, sys.maxsize + 1)
print(sys.getrecursionlimit())
print(sys.version_info[0], sys.version_info[1])
sys.setrecursionlimit(60)


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
n = sys.stdout.write("written by sys.stdout.write\n")
print(n)
try:
    sys.exit(4)
except SystemExit as e:
    print("SystemExit", e.args)
print("done")
sys.exit()
print("not reached")
