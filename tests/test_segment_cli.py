"""``l10n segment``: stdin and files, --json, SRX import/export and every error path."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from l10n.cli import cli

TEXT = "Han kom bl.a. fra Oslo kl. 10.30. «Hva nå?» spurte han.\n\nStoltenberg: – Ukraina blir medlem\n"
EXPECTED = "Han kom bl.a. fra Oslo kl. 10.30.\n«Hva nå?» spurte han.\n\nStoltenberg: – Ukraina blir medlem\n"


def run(args: list[str], stdin: str | bytes | None = None):
    return CliRunner().invoke(cli, ["segment", *args], input=stdin)


def test_stdin_dash() -> None:
    result = run(["-"], TEXT)
    assert result.exit_code == 0, result.output
    assert result.output == EXPECTED


def test_stdin_when_no_file_given() -> None:
    assert run([], TEXT).output == EXPECTED


def test_file(tmp_path: Path) -> None:
    path = tmp_path / "artikkel.txt"
    path.write_text("\ufeff" + TEXT, encoding="utf-8")
    result = run([str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == EXPECTED


def test_line_break_inside_sentence_prints_as_space(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Regjeringen la fram\nbudsjettet i dag. Det var stramt.\n", encoding="utf-8")
    assert run([str(path)]).output == "Regjeringen la fram budsjettet i dag.\nDet var stramt.\n"


def test_json_has_exact_sentences_and_offsets() -> None:
    result = run(["--json", "-"], TEXT)
    assert result.exit_code == 0, result.output
    blocks = json.loads(result.output)
    assert [[s["text"] for s in block] for block in blocks] == [
        ["Han kom bl.a. fra Oslo kl. 10.30.", "«Hva nå?» spurte han."],
        ["Stoltenberg: – Ukraina blir medlem"],
    ]
    for block in blocks:
        for sentence in block:
            assert TEXT[sentence["start"] : sentence["end"]] == sentence["text"]


def test_other_languages() -> None:
    assert run(["--lang", "en-GB", "-"], "Mr. Smith left. He was tired.").output == "Mr. Smith left.\nHe was tired.\n"
    assert run(["-l", "nn", "-"], "Ho kom m.a. frå Voss. Det var kaldt.").output == (
        "Ho kom m.a. frå Voss.\nDet var kaldt.\n"
    )


def test_unknown_language() -> None:
    result = run(["--lang", "xx", "-"], TEXT)
    assert result.exit_code == 1
    assert result.output.startswith("Error: no segmentation rules for language 'xx'; available: en, nb, nn")


def test_non_utf8_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Første linje.\nBlåbær og rødvin.\n".encode("latin-1"))
    result = run([str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {path}:1: not valid UTF-8 (byte 0xf8)"]


def test_non_utf8_stdin_names_line() -> None:
    result = run(["-"], "Linje en.\nLinje to: blåbær.\n".encode("latin-1"))
    assert result.exit_code == 1
    assert result.output == "Error: <stdin>:2: not valid UTF-8 (byte 0xe5)\n"


def test_missing_file(tmp_path: Path) -> None:
    result = run([str(tmp_path / "finnes-ikke.txt")])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'finnes-ikke.txt'}: input file not found\n"


def test_export_srx_then_use_it(tmp_path: Path) -> None:
    srx = tmp_path / "nb.srx"
    result = run(["--export-srx", str(srx)])
    assert result.exit_code == 0, result.output
    assert "<languagerule languagerulename=\"nb\">" in srx.read_text(encoding="utf-8")
    imported = run(["--srx", str(srx), "-"], TEXT)
    assert imported.exit_code == 0, imported.output
    assert imported.output == EXPECTED


def test_export_srx_and_segment_a_file(tmp_path: Path) -> None:
    srx, article = tmp_path / "en.srx", tmp_path / "a.txt"
    article.write_text("Dr. Who left. He came back.", encoding="utf-8")
    result = run(["--lang", "en", "--export-srx", str(srx), str(article)])
    assert result.exit_code == 0, result.output
    assert srx.exists()
    assert result.output.endswith("Dr. Who left.\nHe came back.\n")


def test_bad_srx_file(tmp_path: Path) -> None:
    srx = tmp_path / "bad.srx"
    srx.write_text("<srx><body>", encoding="utf-8")
    result = run(["--srx", str(srx), "-"], TEXT)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {srx}: not well-formed XML")


def test_missing_srx_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run(["--srx", str(tmp_path / "none.srx"), "-"], TEXT)
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_markdown_article_is_segmented_as_extract_sees_it(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Tittel her\n---\n\n# Overskrift\n\nFørste. Andre setning.\n\n- punkt\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["segment", str(path)])
    assert result.exit_code == 0
    assert result.output == "Tittel her\n\nOverskrift\n\nFørste.\nAndre setning.\n\npunkt\n"
    plain = CliRunner().invoke(cli, ["segment", "--plain", str(path)])
    assert "# Overskrift" in plain.output
