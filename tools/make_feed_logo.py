"""Draw the feed logo (SVG + PNG) from one geometry, so the files can be remade without an image editor.

RSS 2.0 <image> accepts only GIF, JPEG or PNG (at most 144 px wide) and JSON Feed asks for a
512 px icon, so the same drawing is rasterised here with the standard library alone.
Run: .venv/bin/python tools/make_feed_logo.py
"""
from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "plugins" / "muutostuki" / "assets"
BRAND = (0x0B, 0x5A, 0x6E)   # --mt-brand in muutostuki.css
WHITE = (0xFF, 0xFF, 0xFF)
CORNER = 0.18                # of the side
NODES = ((0.50, 0.30), (0.28, 0.70), (0.72, 0.70))  # three linked organisations
NODE_R = 0.10
LINE_W = 0.05


def _segment_distance(px: float, py: float, a: tuple, b: tuple) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _in_background(x: float, y: float) -> bool:
    cx = min(max(x, CORNER), 1 - CORNER)
    cy = min(max(y, CORNER), 1 - CORNER)
    return math.hypot(x - cx, y - cy) <= CORNER


def _is_white(x: float, y: float) -> bool:
    if any(math.hypot(x - nx, y - ny) <= NODE_R for nx, ny in NODES):
        return True
    pairs = ((NODES[0], NODES[1]), (NODES[1], NODES[2]), (NODES[2], NODES[0]))
    return any(_segment_distance(x, y, a, b) <= LINE_W / 2 for a, b in pairs)


def render_png(size: int, samples: int = 4) -> bytes:
    """RGBA PNG with anti-aliased edges (samples x samples per pixel)."""
    rows = []
    step = 1 / (size * samples)
    for py in range(size):
        row = bytearray([0])  # filter type 0
        for px in range(size):
            bg = white = 0
            for sy in range(samples):
                y = (py * samples + sy + 0.5) * step
                for sx in range(samples):
                    x = (px * samples + sx + 0.5) * step
                    if _in_background(x, y):
                        bg += 1
                        white += _is_white(x, y)
            total = samples * samples
            alpha = bg / total
            if bg:
                mix = white / bg
                rgb = [round(BRAND[i] * (1 - mix) + WHITE[i] * mix) for i in range(3)]
            else:
                rgb = [0, 0, 0]
            row += bytes([*rgb, round(alpha * 255)])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def render_svg() -> str:
    s = 100
    (ax, ay), (bx, by), (cx, cy) = [(x * s, y * s) for x, y in NODES]
    color = "#%02x%02x%02x" % BRAND
    circles = "".join(f'<circle cx="{x:g}" cy="{y:g}" r="{NODE_R * s:g}"/>' for x, y in ((ax, ay), (bx, by), (cx, cy)))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" role="img" '
        f'aria-label="Järjestöjen sote-muutostuki">'
        f'<rect width="{s}" height="{s}" rx="{CORNER * s:g}" fill="{color}"/>'
        f'<path d="M{ax:g} {ay:g}L{bx:g} {by:g}L{cx:g} {cy:g}Z" fill="none" stroke="#fff" '
        f'stroke-width="{LINE_W * s:g}" stroke-linejoin="round"/>'
        f'<g fill="#fff">{circles}</g></svg>\n'
    )


def main() -> None:
    (ASSETS / "syote-logo.svg").write_text(render_svg(), encoding="utf-8")
    (ASSETS / "syote-logo.png").write_bytes(render_png(144))
    (ASSETS / "syote-logo-512.png").write_bytes(render_png(512, samples=2))


if __name__ == "__main__":
    main()
