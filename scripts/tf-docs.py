"""Render a module's inputs/outputs tables into its README.md.

Reads `terraform-config-inspect --json DIR` and replaces the text between
<!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS --> with the tables.
usage: python3 tf-docs.py [--check] DIR...
"""
import json
import subprocess
import sys

BEGIN, END = "<!-- BEGIN_TF_DOCS -->", "<!-- END_TF_DOCS -->"


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def render(module):
    lines = ["## Entradas", "", "| Nombre | Descripción | Tipo | Por defecto | Obligatoria |",
             "|---|---|---|---|:---:|"]
    for name, v in sorted(module["variables"].items()):
        default = "" if v["required"] else "`%s`" % cell(json.dumps(v.get("default")))
        lines.append("| `%s` | %s | `%s` | %s | %s |" % (
            name, cell(v.get("description", "")), cell(v.get("type", "")), default,
            "sí" if v["required"] else "no"))
    lines += ["", "## Salidas", "", "| Nombre | Descripción |", "|---|---|"]
    for name, o in sorted(module["outputs"].items()):
        lines.append("| `%s` | %s |" % (name, cell(o.get("description", ""))))
    return "\n".join(lines)


def main(argv):
    check = "--check" in argv
    stale = []
    for d in [a for a in argv if a != "--check"]:
        module = json.loads(subprocess.check_output(["terraform-config-inspect", "--json", d]))
        path = d + "/README.md"
        text = open(path, encoding="utf-8").read()
        if BEGIN not in text or END not in text:
            stale.append("%s: missing %s / %s markers" % (path, BEGIN, END))
            continue
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        new = "%s%s\n%s\n%s%s" % (head, BEGIN, render(module), END, tail)
        if new != text:
            if check:
                stale.append("%s: tables are out of date; run `make docs`" % path)
            else:
                open(path, "w", encoding="utf-8").write(new)
                print("updated", path)
    for s in stale:
        print("error:", s, file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
