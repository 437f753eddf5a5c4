"""The login captcha: four characters drawn into a PNG with a built-in 5x7 bitmap font (no imaging library)."""

from __future__ import annotations

import random
import struct
import threading
import zlib

# 5x7 glyphs, rows top to bottom; characters that are easy to confuse (0/O, 1/I/L, G/6, Q) are left out
FONT = {
    "2": ".###. #...# ....# ...#. ..#.. .#... #####", "3": "####. ....# ....# .###. ....# ....# ####.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.", "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.", "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.", "9": ".###. #...# #...# .#### ....# ...#. .##..",
    "A": ".###. #...# #...# ##### #...# #...# #...#", "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.", "D": "###.. #..#. #...# #...# #...# #..#. ###..",
    "E": "##### #.... #.... ####. #.... #.... #####", "F": "##### #.... #.... ####. #.... #.... #....",
    "H": "#...# #...# #...# ##### #...# #...# #...#", "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#", "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "P": "####. #...# #...# ####. #.... #.... #....", "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.", "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.", "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.", "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..", "Z": "##### ....# ...#. ..#.. .#... #.... #####",
}
ALPHABET = "".join(FONT)
SCALE, WIDTH, HEIGHT = 4, 120, 40


def png(width: int, height: int, pixels: list[bytearray]) -> bytes:
    """An 8-bit RGB PNG of rows of RGB bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(row) for row in pixels)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")


def render(text: str, rng: random.Random) -> bytes:
    """The text drawn with jitter, speckles and two stray lines, the way simple site captchas look."""
    pixels = [bytearray(rng.choice((232, 240, 248)) for _ in range(WIDTH * 3)) for _ in range(HEIGHT)]

    def dot(x: int, y: int, color: tuple[int, int, int]) -> None:
        if 0 <= x < WIDTH and 0 <= y < HEIGHT:
            pixels[y][x * 3: x * 3 + 3] = bytes(color)

    for i, ch in enumerate(text):
        color = (rng.randint(0, 90), rng.randint(0, 90), rng.randint(60, 150))
        left, top = 10 + i * 26 + rng.randint(-2, 2), 6 + rng.randint(-3, 3)
        for gy, row in enumerate(FONT[ch].split()):
            for gx, bit in enumerate(row):
                if bit == "#":
                    for dy in range(SCALE):
                        for dx in range(SCALE):
                            dot(left + gx * SCALE + dx, top + gy * SCALE + dy, color)
    for _ in range(2):
        y0, y1 = rng.randint(0, HEIGHT - 1), rng.randint(0, HEIGHT - 1)
        for x in range(WIDTH):
            dot(x, y0 + (y1 - y0) * x // WIDTH, (150, 150, 170))
    for _ in range(120):
        dot(rng.randrange(WIDTH), rng.randrange(HEIGHT), (rng.randint(100, 200),) * 3)
    return png(WIDTH, HEIGHT, pixels)


class Captchas:
    """Issues answers (stored in the asker's session by the caller) and remembers the last one for tests."""

    def __init__(self, seed: int | None = None) -> None:
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.last: str | None = None

    def issue(self) -> tuple[str, bytes]:
        with self.lock:
            text = "".join(self.rng.choice(ALPHABET) for _ in range(4))
            image = render(text, self.rng)
            self.last = text
        return text, image


def matches(answer: str | None, given: str | None) -> bool:
    return bool(answer) and (given or "").strip().upper() == answer
