"""The report text the data is checked against is the one the line numbers refer to."""
import report


def test_the_report_text_is_the_pinned_version():
    report.text()  # skips (fails in CI) when the text is absent, with a Dutch sentence on how to get it
    assert report.sha256() == report.SHA256, "another text version: its line numbers differ from the data's"
    assert report.text().count("\n") == 12018


def test_every_run_says_whether_the_report_checks_ran(monkeypatch, tmp_path):
    monkeypatch.setattr(report, "PATH", tmp_path / "absent.txt")
    monkeypatch.delenv("BMH_REQUIRE_REPORT", raising=False)
    assert "ontbreekt" in report.status() and "werden overgeslagen" in report.status()
    monkeypatch.setenv("BMH_REQUIRE_REPORT", "1")
    assert "faalden" in report.status()
    other = tmp_path / "other.txt"
    other.write_text("een andere versie", encoding="utf-8")
    monkeypatch.setattr(report, "PATH", other)
    assert "ander sha256" in report.status()
