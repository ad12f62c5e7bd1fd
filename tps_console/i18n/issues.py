"""A bad or doubtful row of the roll in words: one wording for `init` and the app's preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tps_console.i18n import t

if TYPE_CHECKING:
    from tps_console.domain.roll.parse import RowIssue


def issue_message(issue: RowIssue) -> str:
    """What is wrong, without the row and column."""
    return t(issue.key, **issue.params)


def issue_line(issue: RowIssue) -> str:
    from tps_console.domain.roll.parse import WHOLE_FILE

    message = issue_message(issue)
    if issue.line == WHOLE_FILE:  # the whole file (a workbook's sheet, a header): no row to name
        return message
    if issue.column:
        return t("roll.issue", line=issue.line, column=issue.column, message=message)
    return t("roll.issue_row", line=issue.line, message=message)
