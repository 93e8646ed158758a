"""`python -m bench`: the matcher table, then the end-to-end table, in one run."""

from __future__ import annotations

import argparse

from bench import e2e, matcher


def main() -> None:
    parser = argparse.ArgumentParser(description="Matcher and end-to-end benchmarks.")
    parser.add_argument("--sizes", default="1000,10000,100000", help="generated KB sizes")
    parser.add_argument("--questions", type=int, default=2000)
    parser.add_argument("--e2e-aliases", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="per concurrency level")
    parser.add_argument("--levels", default="1,8,32")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(matcher.format_table(matcher.run(sizes, args.questions)))
    print()
    levels = [int(x) for x in args.levels.split(",")]
    print(e2e.format_table(e2e.run(args.e2e_aliases, args.seconds, levels), args.e2e_aliases))


if __name__ == "__main__":
    main()
