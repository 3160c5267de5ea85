"""Make the OCR accuracy set (issue 17): pages of realistic office text with the truth beside each.

Each page is an A4 form of one of the seven categories (工程 GC, 业主 YZ, 装修 ZX, 维修 WX, 客服 FK,
员工 YG, 行政 XZ): a heading, then lines as the office writes them — owners' names with rare
characters (欧阳, 禤, 琤, 喆, 堃, 彧), room codes (3-2-1502, 12栋1单元0801), dates (2026年3月1日,
2026-03-01), amounts (¥12,345.60, 人民币伍仟元整), archive numbers (Z001-ZX·2026-Y-0012), phone numbers.
Every page is drawn with the bundled font (``resources/fonts/NotoSansSC-Regular.ttf``, headings in
the Bold) straight at each resolution (200 and 300 dpi), as a scanner would see paper: turned by up to
±2°, with grey noise and a few specks. The text is the same at both resolutions, so the two are compared
page for page.

Run from the repository root::

    python tools/make_ocr_set.py OUT_DIR [--pages 10] [--seed 17]

writes ``OUT_DIR/page-01-200dpi.png``, ``page-01-300dpi.png`` … and ``page-01.txt`` (the truth, one
line of the page a line) and ``manifest.json``. ``benchmarks/ocr.py`` makes the same set in memory
(:func:`make_set`) and scores it with :func:`char_accuracy` (1 − edit distance / length of the truth,
compared without spaces and in NFKC: a full-width comma read as a half-width one is not an error).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = Path(__file__).resolve().parent.parent
FONTS = REPO / "resources" / "fonts"
BODY_FONT, HEAD_FONT = FONTS / "NotoSansSC-Regular.ttf", FONTS / "NotoSansSC-Bold.ttf"
DPIS = (200, 300)
A4_INCHES = (210 / 25.4, 297 / 25.4)
BODY_PT, HEAD_PT = 12, 18
MAX_TURN = 2.0  # degrees either way

SURNAMES = [
    "欧阳",
    "禤",
    "司马",
    "诸葛",
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "周",
    "吴",
    "徐",
    "孙",
    "马",
    "朱",
]
GIVEN = ["琤", "喆", "堃", "彧", "昇", "明辉", "建国", "秀英", "晓燕", "志强", "丽华", "子涵", "浩然", "雨萱", "宇轩"]
WORKS = ["更换入户水管", "卫生间防水", "厨房墙面开槽", "阳台封闭", "更换防盗门", "空调孔开凿", "地暖铺设"]
FAULTS = ["电梯门异响", "楼道灯不亮", "消防栓漏水", "地下车库积水", "门禁卡失灵", "外墙瓷砖脱落", "水泵房噪声"]
CAPITALS = "零壹贰叁肆伍陆柒捌玖"


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _room(rng: random.Random) -> str:
    building, unit, floor, flat = rng.randint(1, 18), rng.randint(1, 4), rng.randint(1, 32), rng.randint(1, 4)
    if rng.random() < 0.5:
        return f"{building}-{unit}-{floor}{flat:02d}"
    return f"{building}栋{unit}单元{floor:02d}{flat:02d}"


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2016, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return f"{year}年{month}月{day}日" if rng.random() < 0.6 else f"{year}-{month:02d}-{day:02d}"


def _amount(rng: random.Random) -> str:
    if rng.random() < 0.3:  # in capitals, as on a receipt: 人民币壹万伍仟元整
        wan, qian = divmod(rng.randint(1, 99), 10)
        return "人民币" + (CAPITALS[wan] + "万" if wan else "") + (CAPITALS[qian] + "仟" if qian else "") + "元整"
    return f"¥{rng.randint(100, 99_999):,}.{rng.randint(0, 99):02d}"


def _phone(rng: random.Random) -> str:
    return f"13{rng.randint(0, 9)}{rng.randint(0, 9999):04d}{rng.randint(0, 9999):04d}"


def _archive_no(rng: random.Random, category: str) -> str:
    return f"Z001-{category}·{rng.randint(2016, 2026)}-Y-{rng.randint(1, 999):04d}"


def _form(rng: random.Random, category: str) -> tuple[str, list[str]]:
    """One category's form: its heading and its lines."""
    name, room, date = _name(rng), _room(rng), _date(rng)
    no = f"档号：{_archive_no(rng, category)}"
    if category == "ZX":
        return "装修申请表", [
            no,
            f"业主：{name}　房号：{room}　联系电话：{_phone(rng)}",
            f"装修内容：{rng.choice(WORKS)}、{rng.choice(WORKS)}",
            f"施工期：{date}至{_date(rng)}，每日8:00至18:00",
            f"装修押金：{_amount(rng)}，垃圾清运费：{_amount(rng)}",
            f"施工单位负责人：{_name(rng)}，身份证已查验",
            "业主承诺不拆改承重墙、不改动燃气管道及公共设施。",
            f"管理处审核人：{_name(rng)}　日期：{_date(rng)}",
        ]
    if category == "YZ":
        return "业主入住登记表", [
            no,
            f"业主姓名：{name}　房号：{room}",
            f"共有人：{_name(rng)}、{_name(rng)}",
            f"联系电话：{_phone(rng)}　入住日期：{date}",
            f"建筑面积：{rng.randint(45, 220)}.{rng.randint(0, 99):02d}平方米",
            f"物业费预交：{_amount(rng)}，车位号：B{rng.randint(1, 3)}-{rng.randint(1, 480):03d}",
            "已领取钥匙三把、门禁卡两张、《业主手册》一册。",
            f"经办人：{_name(rng)}　{_date(rng)}",
        ]
    if category == "WX":
        return "房屋维修记录单", [
            no,
            f"报修人：{name}　房号：{room}　电话：{_phone(rng)}",
            f"报修时间：{date}　故障：{rng.choice(FAULTS)}",
            f"维修人员：{_name(rng)}、{_name(rng)}",
            f"材料费：{_amount(rng)}　人工费：{_amount(rng)}",
            "处理结果：已修复，经业主确认正常使用。",
            f"回访人：{_name(rng)}　回访日期：{_date(rng)}　满意度：满意",
        ]
    if category == "GC":
        return "设备运行检查记录", [
            no,
            f"设备名称：{rng.randint(1, 6)}号生活水泵　位置：{rng.randint(1, 18)}栋地下一层",
            f"检查日期：{date}　检查人：{name}",
            f"出水压力：0.{rng.randint(30, 80)}MPa　电流：{rng.randint(10, 40)}.{rng.randint(0, 9)}A",
            f"发现问题：{rng.choice(FAULTS)}，已报工程部",
            f"备件费用：{_amount(rng)}",
            f"复核人：{_name(rng)}　{_date(rng)}",
        ]
    if category == "FK":
        return "客户投诉处理单", [
            no,
            f"投诉人：{name}　房号：{room}　电话：{_phone(rng)}",
            f"投诉时间：{date}　内容：{rng.choice(FAULTS)}，影响正常生活",
            f"首接人：{_name(rng)}，已于当日转交工程部处理",
            f"处理时限：{rng.randint(1, 7)}个工作日　实际完成：{_date(rng)}",
            f"赔偿金额：{_amount(rng)}",
            "业主意见：对处理结果表示满意。",
        ]
    if category == "YG":
        return "员工聘用登记表", [
            no,
            f"姓名：{name}　岗位：{rng.choice(['客服专员', '维修工', '保安员', '保洁员', '会计'])}",
            f"入职日期：{date}　试用期三个月",
            f"月薪：{_amount(rng)}　联系电话：{_phone(rng)}",
            f"紧急联系人：{_name(rng)}　关系：配偶",
            f"培训记录：{_date(rng)}参加消防安全培训，考核合格",
            f"人事经办：{_name(rng)}",
        ]
    return "行政发文登记", [
        no,
        f"文号：物管〔{rng.randint(2016, 2026)}〕{rng.randint(1, 99)}号",
        f"标题：关于{rng.randint(1, 18)}栋{rng.choice(FAULTS)}整改的通知",
        f"拟稿人：{name}　签发人：{_name(rng)}",
        f"发文日期：{date}　份数：{rng.randint(2, 30)}份",
        f"经费预算：{_amount(rng)}",
        f"抄送：{_room(rng)}业主、工程部、客服中心",
    ]


CATEGORIES = ("GC", "YZ", "ZX", "WX", "FK", "YG", "XZ")


@dataclass(frozen=True)
class SetPage:
    """One page of the set: its number, the truth (one line of text a line) and its images by dpi."""

    number: int
    truth: list[str]
    images: dict[int, Image.Image]


def page_text(number: int, seed: int = 17) -> list[str]:
    """The truth of page ``number``: a heading and the lines of one category's form (by turns)."""
    rng = random.Random(seed * 1000 + number)
    heading, lines = _form(rng, CATEGORIES[(number - 1) % len(CATEGORIES)])
    return [heading, *lines]


def render(lines: list[str], dpi: int, seed: int) -> Image.Image:
    """A4 at ``dpi``, the heading in the Bold, lines in the Regular, turned, with noise and specks."""
    rng = random.Random(seed)
    width, height = round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    head = ImageFont.truetype(str(HEAD_FONT), round(HEAD_PT / 72 * dpi))
    body = ImageFont.truetype(str(BODY_FONT), round(BODY_PT / 72 * dpi))
    margin, y = round(0.9 * dpi), round(0.9 * dpi)
    draw.text((width // 2, y), lines[0], fill=0, font=head, anchor="mt")
    y += round(0.6 * dpi)
    for line in lines[1:]:
        draw.text((margin, y), line, fill=0, font=body)
        y += round(0.42 * dpi)
    image = image.rotate(rng.uniform(-MAX_TURN, MAX_TURN), resample=Image.Resampling.BICUBIC, fillcolor=255)
    noise = Image.effect_noise((width, height), 40)  # grey noise around 128
    image = Image.blend(image, noise, 0.12).filter(ImageFilter.GaussianBlur(0.4))
    specks = ImageDraw.Draw(image)
    for _ in range(rng.randint(20, 60)):
        x, y0, r = rng.randrange(width), rng.randrange(height), rng.randint(1, max(2, dpi // 100))
        specks.ellipse((x, y0, x + r, y0 + r), fill=rng.randint(0, 90))
    return image


def make_set(pages: int = 10, seed: int = 17, dpis: tuple[int, ...] = DPIS) -> list[SetPage]:
    """The set in memory: ``pages`` pages, each rendered at every dpi (same text, its own turn and noise)."""
    out = []
    for number in range(1, pages + 1):
        truth = page_text(number, seed)
        out.append(SetPage(number, truth, {dpi: render(truth, dpi, seed * 1000 + number * 10 + dpi) for dpi in dpis}))
    return out


def _comparable(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions of one character each)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def char_accuracy(truth: str, read: str) -> tuple[int, int]:
    """(errors, length of the truth), compared without spaces, in NFKC; accuracy is 1 − errors / length."""
    expected, got = _comparable(truth), _comparable(read)
    return edit_distance(expected, got), len(expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for page in make_set(args.pages, args.seed):
        truth = args.out / f"page-{page.number:02d}.txt"
        truth.write_text("\n".join(page.truth) + "\n", encoding="utf-8")
        images = {}
        for dpi, image in page.images.items():
            path = args.out / f"page-{page.number:02d}-{dpi}dpi.png"
            image.save(path, dpi=(dpi, dpi))
            images[str(dpi)] = path.name
        manifest.append({"page": page.number, "truth": truth.name, "images": images})
    (args.out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(manifest)} pages at {', '.join(map(str, DPIS))} dpi in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
