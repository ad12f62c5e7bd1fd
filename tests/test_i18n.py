from tps_console.i18n import MESSAGES, PARTS, set_language, t


def test_every_key_is_defined_once_in_both_languages() -> None:
    keys = [k for part in PARTS for k in part]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
    for key, entry in MESSAGES.items():
        assert set(entry) == {"id", "en"}, key
        assert entry["id"].strip() and entry["en"].strip(), key


def test_placeholders_agree_between_languages() -> None:
    import string

    fields = string.Formatter()
    for key, entry in MESSAGES.items():
        id_fields = {f for _, f, _, _ in fields.parse(entry["id"]) if f}
        en_fields = {f for _, f, _, _ in fields.parse(entry["en"]) if f}
        assert id_fields == en_fields, key


def test_language_switch() -> None:
    set_language("en")
    assert t("polls.closed") == "closed"
    set_language("id")
    assert t("polls.closed") == "ditutup"
