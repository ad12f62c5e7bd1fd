"""The catalogue: both languages for every key, plural forms, strict look-ups under tests, and
every key the code names is in the catalogue."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tps_console.cli.main import main
from tps_console.domain.record.events import PLACE_FIELDS
from tps_console.domain.record.station import TIMEZONES
from tps_console.domain.reports.files import CSV_COLUMNS
from tps_console.domain.reports.pdf import _SIGNATURE_ROWS
from tps_console.domain.store.site import DIFFERENCES, ROLL, VOTE
from tps_console.domain.views.status import PollState
from tps_console.domain.views.watch import Trouble
from tps_console.domain.vocab import ALL_BALLOTS, Role, Sex, VoterStatus
from tps_console.i18n import (
    LANGUAGES,
    MESSAGES,
    PARTS,
    UnknownMessage,
    set_language,
    set_strict,
    t,
)
from tps_console.i18n.plural import Plural, Text
from tps_console.start.home import ACTIONS
from tps_console.start.step import STEPS

PACKAGE = Path(__file__).resolve().parent.parent / "tps_console"


def forms(text: Text) -> tuple[str, ...]:
    return (text.one, text.other) if isinstance(text, Plural) else (text,)


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_is_defined_once_in_both_languages() -> None:
    keys = [k for part in PARTS for k in part]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    for key, entry in MESSAGES.items():
        assert set(entry) == {"id", "en"}, key
        assert all(form.strip() for lang in LANGUAGES for form in forms(entry[lang])), key


def test_id_and_en_hold_the_same_keys() -> None:
    by_language = {
        lang: {k for k, entry in MESSAGES.items() if lang in entry} for lang in LANGUAGES
    }
    assert by_language["id"] == by_language["en"]


def test_placeholders_agree_between_languages() -> None:
    for key, entry in MESSAGES.items():
        id_fields = [fields(form) for form in forms(entry["id"])]
        en_fields = [fields(form) for form in forms(entry["en"])]
        for found in id_fields + en_fields:
            assert found == id_fields[0], key


def test_language_switch() -> None:
    set_language("en")
    assert t("polls.closed") == "closed"
    set_language("id")
    assert t("polls.closed") == "ditutup"


# Plural forms -----------------------------------------------------------------------------------


def test_english_nouns_follow_the_count_indonesian_ones_do_not() -> None:
    set_language("en")
    assert t("roll.rejected", count=1) == "Roll rejected: 1 problem, nothing was imported"
    assert t("roll.rejected", count=3) == "Roll rejected: 3 problems, nothing was imported"
    assert t("roll.rejected", count=0) == "Roll rejected: 0 problems, nothing was imported"
    assert t("auth.wrong_pin", left=1) == "Wrong PIN (1 more try before lock-out)"
    assert t("auth.wrong_pin", left=4) == "Wrong PIN (4 more tries before lock-out)"
    # The count need not be called `count`: the message names its own.
    assert t("desk.search.count", shown=1, total=1) == "1 of 1 match"
    assert t("desk.search.count", shown=2, total=9) == "2 of 9 matches"
    set_language("id")
    assert t("roll.rejected", count=1) == "DPT ditolak: 1 masalah, tidak ada yang diimpor"
    assert t("roll.rejected", count=3) == "DPT ditolak: 3 masalah, tidak ada yang diimpor"


def test_every_plural_names_a_count_its_forms_use() -> None:
    plurals = [(k, e[lang]) for k, e in MESSAGES.items() for lang in LANGUAGES]
    checked = 0
    for key, text in plurals:
        if isinstance(text, Plural):
            assert text.by in fields(text.one) and text.by in fields(text.other), key
            assert text.one != text.other, key
            checked += 1
    assert checked >= 20


NOUN_AFTER_COUNT = re.compile(
    r"\{\w+\}\s(voters|events|problems|digits|fields|minutes|tries|matches|years|steps)\b"
)


def test_no_english_message_puts_a_plural_noun_after_a_count_without_a_singular() -> None:
    """ "1 problems": a plain English message with a count followed by a plural noun."""
    plain = [k for k, e in MESSAGES.items() if isinstance(e["en"], str)]
    offenders = [k for k in plain if NOUN_AFTER_COUNT.search(str(MESSAGES[k]["en"]))]
    assert offenders == []


# Strict look-ups --------------------------------------------------------------------------------


def test_an_unknown_key_raises_under_tests_and_shows_itself_in_production() -> None:
    with pytest.raises(UnknownMessage, match=r"no\.such\.key"):
        t("no.such.key")
    set_strict(False)
    try:
        assert t("no.such.key") == "no.such.key"
    finally:
        set_strict(True)


# Every key the code uses ------------------------------------------------------------------------

# Keys the code builds from a value: the template as written (each {…} as {}), and every value it
# can take. A new f-string key in the code fails the test below until it is listed here.
DYNAMIC: dict[str, Iterable[str]] = {
    "polls.{}": [p.value for p in PollState],
    "role.{}": [r.value for r in Role],
    "sex.{}": [s.value for s in Sex],
    "desk.chair.{}": [s.value for s in VoterStatus],
    "desk.chair.{}_done": [s.value for s in VoterStatus],
    "dpk.on_roll_{}": [VoterStatus.RELEASED.value, VoterStatus.TRANSFERRED.value],
    "pdf.list_{}": ["dpt", "dptb", "dpk", "total"],
    "csv.{}": CSV_COLUMNS,
    "pdf.sign_{}": _SIGNATURE_ROWS,
    "pdf.place_{}": ["desa", "kecamatan", "kabupaten", "provinsi"],
    "cli.init_{}": PLACE_FIELDS,
    "date.weekday_{}": [str(n) for n in range(7)],
    "date.month_{}": [str(n) for n in range(1, 13)],
    "start.home.{}": [action for action, _ in ACTIONS],
    "verify.site_{}": [f"{table.name}_{what}" for table in (ROLL, VOTE) for what in DIFFERENCES],
    "start.key.{}": [action for action, _ in ACTIONS],
    "start.place.{}": PLACE_FIELDS,
    "start.place.{}_hint": PLACE_FIELDS,
    "start.summary.{}": PLACE_FIELDS[1:],
    "start.zone.{}": TIMEZONES,
    "start.{}.title": STEPS,
    "ballot.{}": ALL_BALLOTS,
    "panel.trouble.{}": [x.value for x in Trouble],
}
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)+$")
# Dotted strings that are not messages: file names, and SQL columns (`foreign_key="officer.id"`).
NOT_KEYS = re.compile(r"\.(tcss|db|err|csv|json|pdf|py|svg|txt|spec|html|log)$")
# Callables whose first argument is a catalogue key: t and the translators passed around as `tr`,
# and the domain's errors (TpsError and every class derived from it, verify's Mismatch).
KEY_TAKERS = {"t", "tr", "TpsError", "Mismatch"}


def sources() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent.name == "i18n" and path.name != "bindings.py":
            continue  # the catalogue itself
        yield str(path.relative_to(PACKAGE.parent)), ast.parse(path.read_text(encoding="utf-8"))


def key_takers(trees: list[ast.Module]) -> set[str]:
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {ast.unparse(b).split(".")[-1] for b in node.bases}
    takers = set(KEY_TAKERS)
    while grown := {c for c, bs in bases.items() if bs & takers} - takers:
        takers |= grown
    return takers


def callee(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def used_keys() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The keys the code names as literals, and the templates of those it builds from a value
    (f-strings, "prefix." + value), each with where it is used."""
    namespaces = {k.split(".")[0] for k in MESSAGES}
    parsed = list(sources())
    takers = key_takers([tree for _, tree in parsed])
    literal: dict[str, list[str]] = {}
    templates: dict[str, list[str]] = {}
    for where, tree in parsed:
        skip: set[int] = set()
        for node in ast.walk(tree):
            at = f"{where}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.JoinedStr):
                skip.update(id(part) for part in node.values)
                template = "".join(
                    str(p.value) if isinstance(p, ast.Constant) else "{}" for p in node.values
                )
                if template.split(".")[0] in namespaces and "." in template:
                    templates.setdefault(template, []).append(at)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
                and node.left.value.split(".")[0] in namespaces
            ):  # "sex." + v.sex
                skip.add(id(node.left))
                templates.setdefault(node.left.value + "{}", []).append(at)
            elif isinstance(node, ast.keyword) and node.arg == "foreign_key":
                skip.add(id(node.value))
            elif isinstance(node, ast.Call):
                # Binding(key, action, description): the footer label is a catalogue key.
                args = list(node.args)
                if callee(node) == "Binding":
                    args = args[2:3] + [k.value for k in node.keywords if k.arg == "description"]
                elif callee(node) not in takers:
                    continue
                for arg in args[:1] if callee(node) != "Binding" else args:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        literal.setdefault(arg.value, []).append(at)
                        skip.add(id(arg))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skip
                and KEY.match(node.value)
                and node.value.split(".")[0] in namespaces
                and not NOT_KEYS.search(node.value)
            ):
                literal.setdefault(node.value, []).append(f"{where}:{node.lineno}")
    return literal, templates


def test_every_key_the_code_names_is_in_both_languages() -> None:
    literal, _ = used_keys()
    assert len(literal) > 300  # the scan does find the code's keys
    for lang in LANGUAGES:
        missing = {k: w for k, w in literal.items() if lang not in MESSAGES.get(k, {})}
        assert missing == {}, lang


def test_every_key_built_from_a_value_is_in_both_languages() -> None:
    _, templates = used_keys()
    unlisted = {template: where for template, where in templates.items() if template not in DYNAMIC}
    assert unlisted == {}, "list these templates and the values they take in DYNAMIC"
    for template, values in DYNAMIC.items():
        assert template in templates, f"{template} is no longer used: remove it from DYNAMIC"
        for value in values:
            key = template.replace("{}", str(value))
            assert set(MESSAGES.get(key, {})) == set(LANGUAGES), key


def test_the_scan_sees_the_kinds_of_key_use() -> None:
    """Guards the scan itself: a footer label, a domain refusal, a verify mismatch, a bad input."""
    literal, templates = used_keys()
    assert "desk.key.quit" in literal  # Binding("ctrl+q", "quit", "desk.key.quit")
    assert "checkin.unknown" in literal  # Refused("checkin.unknown", key=...)
    assert "verify.station" in literal  # Mismatch("verify.station")
    assert "officer.bad_pin" in literal  # BadInput("officer.bad_pin")
    assert "officer.id" not in literal  # Field(foreign_key="officer.id")
    assert "desk.tcss" not in literal  # CSS_PATH = "desk.tcss"
    assert "polls.{}" in templates


@pytest.mark.parametrize(
    ("lang", "said", "not_said"),
    [
        ("id", ("cara pakai:", "tampilkan bantuan ini lalu keluar", "pilihan:"), ("usage:",)),
        ("en", ("usage:", "show this help message and exit", "options:"), ("cara pakai",)),
    ],
)
def test_argparse_speaks_the_command_lines_language(
    lang: str, said: tuple[str, ...], not_said: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", lang, "checkin", "--help"])
    shown = capsys.readouterr().out
    assert all(words in shown for words in said) and not any(w in shown for w in not_said)
    with pytest.raises(SystemExit) as ended:
        main(["--lang", lang, "checkin"])
    error = capsys.readouterr().err
    assert ended.value.code == 2
    assert ("wajib diisi" in error) == (lang == "id")
