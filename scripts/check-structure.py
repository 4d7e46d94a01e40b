#!/usr/bin/env python3
"""Two rules of the source tree that a compiler does not check (docs/architecture.md):

1. No import circle between files. An edge A -> B is A naming an item of B:
   `use crate::…`, `use super::…`, `use self::…`, a path to a child module, or an
   inline `crate::…`/`super::…` path. A name re-exported by a `pub use` leads to
   the file that defines it, so `crate::api::ApiError` points at `api/error.rs`.
   `mod` declarations only tell which file is which module: they are not edges.
2. The console's floors (docs/architecture.md): a file imports only from its own
   floor or the floors beneath it, never from one above.
3. No source file over 400 lines (Rust, JavaScript, TypeScript, Python, shell, CSS),
   tests and scripts included. Generated tables say "Do not edit" at the top; the
   console's stylesheet is linked by hosts as one file (README, Embedding), so it is
   kept whole (`WHOLE`).

Run by scripts/test-all.sh; prints every circle and every long file, exits 1 on any.
"""

import re
import sys
from pathlib import Path

MAX_LINES = 400
SOURCE_SUFFIXES = {".rs", ".mjs", ".js", ".ts", ".py", ".sh", ".css"}
# What is built or installed, not written here.
NOT_SOURCE = {"node_modules", "dist", "out", "target", "test-results"}
WHOLE = {"style/main.css"}
ROOT = Path(__file__).resolve().parent.parent


def crate_roots():
    """(crate name, its src dir, its root file) for the console and each crate."""
    yield "console", ROOT / "src", ROOT / "src" / "lib.rs"
    for cargo in sorted((ROOT / "crates").glob("*/Cargo.toml")):
        src = cargo.parent / "src"
        if (src / "lib.rs").exists():
            yield cargo.parent.name, src, src / "lib.rs"


# The console's floors, top first: each top-level module of src/ and its floor.
FLOORS = [
    {"", "embed", "embed_console", "embed_select"},  # the root: lib.rs and the host entry points
    {"pages"},
    {"components"},
    {"hooks"},
    {"services"},
    {"api"},
    {"routes", "config", "browser"},
]


def floor(module_path):
    top = module_path[0] if module_path else ""
    for level, names in enumerate(FLOORS):
        if top in names:
            return level
    return None


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    # String literals may hold `crate::` in messages: blank them.
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def without_test_modules(text):
    """Drops `#[cfg(test)] mod … { … }` bodies: tests may look anywhere."""
    out, i = [], 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i : m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


class Crate:
    def __init__(self, src, root):
        self.src = src
        self.files = {}  # module path tuple -> file
        self.modules = {}  # file -> module path tuple
        self.load(root, ())

    def load(self, file, path):
        self.files[path] = file
        self.modules[file] = path
        text = strip_comments(file.read_text())
        base = file.parent if file.name in ("mod.rs", "lib.rs", "main.rs") else file.with_suffix("")
        for m in re.finditer(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;", text, flags=re.M):
            name = m.group(1)
            for child in (base / f"{name}.rs", base / name / "mod.rs"):
                if child.exists():
                    self.load(child, path + (name,))
                    break

    def module_file(self, path):
        """The file of the deepest module along `path`, and the rest of the path."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.files:
                return self.files[path[:cut]], path[cut:]
        return None, path

    def reexports(self, file):
        """Names a file re-exports (`pub use a::b::{C, D as E}`), to their full paths."""
        found = {}
        text = strip_comments(file.read_text())
        for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", text):
            for full, alias in expand(m.group(1)):
                found[alias] = self.absolute(file, full)
        return found

    def absolute(self, file, parts):
        """A use path as an absolute module path (None when outside the crate)."""
        here = self.modules[file]
        if not parts:
            return None
        head = parts[0]
        if head == "crate":
            return tuple(parts[1:])
        if head == "self":
            return here + tuple(parts[1:])
        if head == "super":
            up = list(here)
            rest = list(parts)
            while rest and rest[0] == "super":
                up = up[:-1]
                rest = rest[1:]
            return tuple(up) + tuple(rest)
        if here + (head,) in self.files:
            return here + tuple(parts)
        return None

    def target(self, path, seen=()):
        """The file that defines what `path` names, following re-exports."""
        file, rest = self.module_file(path)
        if file is None:
            return None
        if rest and file not in seen:
            via = self.reexports(file).get(rest[0])
            if via is not None:
                return self.target(via + tuple(rest[1:]), seen + (file,)) or file
        return file

    def edges(self, file):
        text = without_test_modules(strip_comments(file.read_text()))
        paths = []
        for m in re.finditer(r"\buse\s+([^;]+);", text):
            paths += [full for full, _ in expand(m.group(1))]
        for m in re.finditer(r"(?<![\w:])((?:crate|super)(?:::\w+)+)", text):
            paths.append(m.group(1).split("::"))
        out = set()
        for parts in paths:
            absolute = self.absolute(file, parts)
            if absolute is None:
                continue
            to = self.target(absolute)
            if to is not None and to != file:
                out.add(to)
        return out


def expand(tree):
    """`a::{b, c::{d as e}}` -> [(["a","b"], "b"), (["a","c","d"], "e")]."""
    tree = re.sub(r"\s*([:{},])\s*", r"\1", re.sub(r"\s+", " ", tree.strip()))
    results = []

    def walk(prefix, t):
        depth, parts, cur = 0, [], ""
        for ch in t:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        for part in parts:
            if "{" in part:
                head, inner = part.split("{", 1)
                walk(prefix + [p for p in head.split("::") if p], inner[:-1])
            else:
                alias = None
                if " as " in part:
                    part, alias = part.split(" as ", 1)
                segs = [p for p in part.split("::") if p]
                if segs == ["self"]:
                    segs = []
                full = prefix + segs
                if full:
                    results.append((full, alias or full[-1]))

    walk([], tree)
    return results


def cycles(graph):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def main():
    failed = False
    for name, src, root in crate_roots():
        crate = Crate(src, root)
        graph = {
            f: crate.edges(f) for f in crate.modules
        }
        for comp in cycles(graph):
            failed = True
            print(f"import circle in {name} ({len(comp)} files):")
            for f in comp:
                inside = sorted(str(t.relative_to(ROOT)) for t in graph[f] if t in comp)
                print(f"  {f.relative_to(ROOT)} -> {', '.join(inside)}")
        if name == "console":
            for f, targets in graph.items():
                for t in targets:
                    here, there = floor(crate.modules[f]), floor(crate.modules[t])
                    if here is None or there is None:
                        failed = True
                        print(f"{f.relative_to(ROOT)}: its folder has no floor in scripts/check-structure.py")
                        break
                    if there < here:
                        failed = True
                        print(f"{f.relative_to(ROOT)} imports {t.relative_to(ROOT)}, a floor above it")
    folders = ["src", "tests", "scripts", "embed", "style", "public"]
    for folder in [*(ROOT / f for f in folders), *sorted((ROOT / "crates").glob("*/src"))]:
        for file in sorted(folder.rglob("*")):
            if file.suffix not in SOURCE_SUFFIXES or NOT_SOURCE & set(file.relative_to(ROOT).parts):
                continue
            if str(file.relative_to(ROOT)) in WHOLE:
                continue
            lines = file.read_text().splitlines()
            count = len(lines)
            # Generated data tables (they say "Do not edit" at the top) hold one idea however long.
            if count > MAX_LINES and not any("Do not edit" in line for line in lines[:3]):
                failed = True
                print(f"{file.relative_to(ROOT)}: {count} lines (at most {MAX_LINES})")
    if failed:
        sys.exit(1)
    print("structure: no import circles, every import points down a floor, no file over 400 lines")


if __name__ == "__main__":
    main()
