# sys.exit with an int leaves with that exit code and prints nothing on stderr
import sys


def main():
    total = 0
    for i in range(10):
        total += i
    print("total", total)
    if total > 40:
        sys.exit(3)
    print("not reached")


main()
