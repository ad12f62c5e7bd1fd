"""Reading printed codes back as a scanner would: each page of a PDF rendered at 150 dpi, and
every code of one format on it decoded with zxing-cpp, in reading order (rows top to bottom,
left to right within a row)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import zxingcpp

SCAN_DPI = 150


def scanned(pdf: Path, code: zxingcpp.BarcodeFormat) -> list[str]:
    texts: list[str] = []
    for page in pdfium.PdfDocument(pdf):
        image = page.render(scale=SCAN_DPI / 72).to_pil()
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(code))
        found.sort(key=lambda r: (round(r.position.top_left.y / 50), r.position.top_left.x))
        texts += [r.text for r in found]
    return texts
