"""Errors `parse_page` raises; callers record them with the page instead of guessing."""


class ParseError(Exception):
    """A page that cannot be turned into a report; the message says why."""


class UnsupportedFormatError(ParseError):
    """A format the parser does not read (old binary .doc, images, archives)."""


class NoTextError(ParseError):
    """A document with pages but no text layer (a scanned PDF) or an empty page."""


class CorruptDocumentError(ParseError):
    """A PDF or DOCX that its reader rejects."""
