"""The report text the data is checked against is the one the line numbers refer to."""
import report


def test_the_report_text_is_the_pinned_version():
    report.text()  # skips (fails in CI) when the text is absent, with a Dutch sentence on how to get it
    assert report.sha256() == report.SHA256, "another text version: its line numbers differ from the data's"
    assert report.text().count("\n") == 12018
