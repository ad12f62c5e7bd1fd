"""Reading printed codes back as a scanner would: each page of a PDF rendered at 150 dpi, and
every code of one format on it decoded with zxing-cpp, in reading order (rows top to bottom,
left to right within a row). A terminal's screenshot (Textual's SVG) is rendered to a picture
as a phone's photograph of the screen would show it (librsvg's `rsvg-convert`)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image

SCAN_DPI = 150


def scanned(pdf: Path, code: zxingcpp.BarcodeFormat) -> list[str]:
    texts: list[str] = []
    for page in pdfium.PdfDocument(pdf):
        image = page.render(scale=SCAN_DPI / 72).to_pil()
        found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(code))
        found.sort(key=lambda r: (round(r.position.top_left.y / 50), r.position.top_left.x))
        texts += [r.text for r in found]
    return texts


def photographed(svg: str, code: zxingcpp.BarcodeFormat) -> list[str]:
    """Every code of that format on a Textual screenshot."""
    if shutil.which("rsvg-convert") is None:
        pytest.skip("no rsvg-convert (apt-get install librsvg2-bin; .ci/run installs it)")
    png = subprocess.run(
        ["rsvg-convert", "--zoom", "2"], input=svg.encode(), capture_output=True, check=True
    ).stdout
    image = Image.open(io.BytesIO(png)).convert("RGB")
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(code))
    return [r.text for r in found]
