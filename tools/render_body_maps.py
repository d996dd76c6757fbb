#!/usr/bin/env python3
"""Renders `contra check --body-map` for one example of each verdict with headless Chromium,
at full size (1000 px wide) and half size (500 px, a phone held upright), and checks the pixels:
the figure is drawn at both sizes, and every site shape large enough to sample shows what its
class says (solid red for avoid, red hatching for no-treatment-today over the whole figure, ...).

  render_body_maps.py --contra build/dev/src/contra --check       the test suite's check
  render_body_maps.py --contra build/dev/src/contra --write docs/images
                                                    also writes docs/images/body-map-<verdict>.png
Exit 0 when every check passes, 1 otherwise (each failure is printed).
"""

import argparse
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
FULL_WIDTH, HEIGHT = 1000, 690
SIZES = {"full": 1.0, "half": 0.5}

# One example per verdict: (arguments of `contra check`, exit code, sites that must have a class).
CASES = {
    "proceed": (["examples/healthy-client.yaml"], 0, {"calf_left": "treat"}),
    "proceed_with_precautions": (
        ["examples/advanced-varicose-veins.yaml"],
        1,
        {"calf_left": "avoid", "calf_right": "treat", "abdomen": "outside"},
    ),
    "postpone_and_refer": (
        ["examples/lymphatic-facial.yaml", "--set", "contagious_skin_lesion_sites=lips"],
        2,
        {"perioral": "avoid", "forehead": "no-treatment-today", "calf_left": "no-treatment-today"},
    ),
    "do_not_massage": (
        ["examples/suspected-dvt.yaml"],
        3,
        {"calf_left": "avoid", "calf_right": "no-treatment-today", "abdomen": "no-treatment-today"},
    ),
    "emergency": (["examples/pe-warning-signs.yaml"], 4, {"abdomen": "no-treatment-today"}),
    "incomplete": (
        ["examples/incomplete-intake.yaml"],
        5,
        {"calf_left": "not-cleared", "abdomen": "outside"},
    ),
}


# --- Where each shape is drawn, from the SVG itself -------------------------------------------

def parse_transform(text):
    """A transform attribute as (scale_x, scale_y, dx, dy): translate, then scale."""
    sx, sy, dx, dy = 1.0, 1.0, 0.0, 0.0
    for name, args in re.findall(r"(\w+)\(([^)]*)\)", text or ""):
        values = [float(v) for v in re.split(r"[ ,]+", args.strip())]
        if name == "translate":
            dx, dy = dx + sx * values[0], dy + sy * (values[1] if len(values) > 1 else 0)
        elif name == "scale":
            sx, sy = sx * values[0], sy * (values[1] if len(values) > 1 else values[0])
    return sx, sy, dx, dy


def compose(outer, inner):
    osx, osy, odx, ody = outer
    isx, isy, idx, idy = inner
    return osx * isx, osy * isy, odx + osx * idx, ody + osy * idy


def outline(path):
    """The end points of a path's segments (M, L, Q; arcs are not sampled)."""
    if "A" in path:
        return None
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
    points, index = [], 0
    for command in re.findall(r"[MLQZ]", path):
        count = {"M": 2, "L": 2, "Q": 4, "Z": 0}[command]
        if count:
            points.append((numbers[index + count - 2], numbers[index + count - 1]))
        index += count
    return points


def inside(point, polygon):
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def label_lines(svg_text):
    """The leader lines of the labels (horizontal), as (y, x from, x to)."""
    return [(float(line.get("y1")), *sorted((float(line.get("x1")), float(line.get("x2")))))
            for line in ET.fromstring(svg_text).iter(f"{SVG}line")]


def shapes(svg_text):
    """(site, class, polygon in map coordinates) of every site shape, the enlarged face too."""
    root = ET.fromstring(svg_text)
    found = []
    use = root.find(f".//{SVG}use")
    inset = parse_transform(use.get("transform")) if use is not None else None

    def walk(element, transform, in_face):
        here = compose(transform, parse_transform(element.get("transform")))
        site = element.get("id") or element.get("data-site")
        if element.tag == f"{SVG}path" and site and element.get("class"):
            polygon = outline(element.get("d"))
            if polygon:
                own = parse_transform(element.get("transform"))
                for frame in [here] + ([compose(inset, own)] if in_face and inset else []):
                    sx, sy, dx, dy = frame
                    found.append((site, element.get("class"),
                                  [(dx + sx * x, dy + sy * y) for x, y in polygon]))
        for child in element:
            walk(child, here, in_face or element.get("id") == "face-shapes")

    walk(root, (1.0, 1.0, 0.0, 0.0), False)
    return found


# --- What a class looks like --------------------------------------------------------------------

def window(image, x, y, half):
    return [image.getpixel((i, j)) for i in range(x - half, x + half + 1)
            for j in range(y - half, y + half + 1)]


def near(pixel, colour, tolerance=45):
    return sum(abs(a - b) for a, b in zip(pixel, colour)) <= tolerance


def spread(pixels):
    light = [sum(p) / 3 for p in pixels]
    return max(light) - min(light)


SOLID = {"avoid": (0xd7, 0x26, 0x3d), "treat": (0x3c, 0x9d, 0x5d), "outside": (0xe4, 0xe4, 0xe4),
         "no-pressure": (0xf4, 0xa2, 0x59)}


def looks_like(css_class, pixels):
    """Whether the sampled pixels look as `css_class` is drawn; the reason when not."""
    first = css_class.split()[0]
    if first in SOLID and (first == "avoid" or "no-treatment-today" not in css_class):
        colour = SOLID[first]
        bad = [p for p in pixels if not near(p, colour)]
        # A neighbour's anti-aliased outline may touch the edge of the sample
        return (len(bad) <= len(pixels) // 10,
                f"{len(bad)} of {len(pixels)} pixels are not {colour}, e.g. {bad[:1]}")
    if "no-treatment-today" in css_class or first == "not-cleared":
        hue_ok = all((p[2] > p[0] + 5) if first == "not-cleared" else (p[0] > p[1] + 25)
                     for p in pixels)
        hatched = spread(pixels) > 45
        return (hue_ok and hatched,
                f"{'blue' if first == 'not-cleared' else 'red'} hue {hue_ok}, hatched {hatched} "
                f"(lightness spread {spread(pixels):.0f})")
    return False, f"unknown class {css_class}"


# --- Rendering ----------------------------------------------------------------------------------

def render(contra, out):
    maps = {}
    for verdict, (args, code, _) in CASES.items():
        svg = out / f"{verdict}.svg"
        run = subprocess.run([contra, "check", *args, "--body-map", svg], cwd=ROOT,
                             capture_output=True, text=True)
        if run.returncode != code:
            sys.exit(f"contra check {' '.join(args)}: exit {run.returncode}, expected {code}\n"
                     f"{run.stderr}")
        maps[verdict] = svg.read_text()
    rows, top = [], 0
    for size, scale in SIZES.items():
        for verdict in CASES:
            rows.append((verdict, size, scale, top))
            top += round(HEIGHT * scale)
    page = out / "maps.html"
    page.write_text("<!doctype html><style>body{margin:0;background:#fff}img{display:block}"
                    "</style>" + "".join(f'<img src="{v}.svg" width="{round(FULL_WIDTH * s)}" '
                                         f'height="{round(HEIGHT * s)}">' for v, _, s, _ in rows))
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium not found: install the Debian package chromium (.ci/packages)")
    shot = out / "maps.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--force-device-scale-factor=1", "--default-background-color=ffffffff",
                    f"--window-size={FULL_WIDTH},{top}", f"--screenshot={shot}", page.as_uri()],
                   check=True, capture_output=True, timeout=60)
    image = Image.open(shot).convert("RGB")
    crops = {}
    for verdict, size, scale, y in rows:
        box = (0, y, round(FULL_WIDTH * scale), y + round(HEIGHT * scale))
        crops[verdict, size] = image.crop(box)
    return maps, crops


def check(maps, crops):
    failures = [f"docs/images/body-map-{verdict}.png is missing (--write docs/images)"
                for verdict in CASES if not (ROOT / f"docs/images/body-map-{verdict}.png").exists()]
    for (verdict, size), image in crops.items():
        scale = SIZES[size]
        found = shapes(maps[verdict])
        lines = label_lines(maps[verdict])
        classes = {site: css for site, css, _ in found}
        for site, expected in CASES[verdict][2].items():
            if classes.get(site, "").split()[0] != expected:
                failures.append(f"{verdict}: {site} has class {classes.get(site)!r}, "
                                f"expected {expected}")
        half = 4 if scale == 1 else 2
        sampled = 0
        for site, css_class, polygon in found:
            cx = sum(x for x, _ in polygon) / len(polygon)
            cy = sum(y for _, y in polygon) / len(polygon)
            reach = (half + 2) / scale
            corners = [(cx + a, cy + b) for a in (-reach, reach) for b in (-reach, reach)]
            if not all(inside(c, polygon) for c in [(cx, cy)] + corners):
                continue  # too small or thin to sample at this size
            if any(abs(y - cy) <= reach + 1 and x1 - reach <= cx <= x2 + reach
                   for y, x1, x2 in lines):
                continue  # a label's line crosses it here
            sampled += 1
            ok, why = looks_like(css_class, window(image, round(cx * scale), round(cy * scale),
                                                   half))
            if not ok:
                failures.append(f"{verdict} ({size}): {site} ({css_class}) at "
                                f"({cx:.0f},{cy:.0f}): {why}")
        if sampled < (30 if scale == 1 else 14):
            failures.append(f"{verdict} ({size}): only {sampled} shapes could be sampled")
        figure = image.crop((0, round(110 * scale), round(560 * scale), round(640 * scale)))
        drawn = sum(1 for p in figure.getdata() if sum(p) < 720) / (figure.width * figure.height)
        if drawn < 0.15:
            failures.append(f"{verdict} ({size}): the figure covers only {drawn:.0%} of its area")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contra", required=True)
    parser.add_argument("--check", action="store_true", help="check the pixels (the default)")
    parser.add_argument("--write", metavar="DIR", help="write body-map-<verdict>.png here")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="contra_body_maps_") as temp:
        maps, crops = render(pathlib.Path(options.contra).resolve(), pathlib.Path(temp))
        failures = check(maps, crops)
        if options.write:
            for verdict in CASES:
                crops[verdict, "full"].save(pathlib.Path(options.write) /
                                            f"body-map-{verdict}.png", optimize=True)
    for failure in failures:
        print(failure)
    print(f"{len(CASES)} verdicts at {len(SIZES)} sizes: "
          f"{'ok' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
