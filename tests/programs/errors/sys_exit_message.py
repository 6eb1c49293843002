# sys.exit with a string prints it to stderr and exits with status 1
import sys

words = ["alpha", "beta"]
for w in words:
    print(w.upper())
sys.exit("fatal: " + " and ".join(words))
