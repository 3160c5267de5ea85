"""Names for the big estate (issue 10): realistic Chinese names for owners and outside borrowers.

Common surnames with a skew towards the first ones, as in life; about 3 % rare or compound ones
(欧阳, 亓官 …) and now and then a rare given name, so that search and sorting meet them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import random

# Surnames with rough weights (the common hundred cover most people); then rare and compound ones.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
RARE_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "鲜于",
    "亓官",
    "澹台",
    "宇文",
    "长孙",
    "亓",
    "佘",
    "璩",
    "芈",
    "禤",
    "冼",
    "晁",
    "闵",
    "訾",
    "燕",
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧建平国峰霞宇浩凯鹏辉玲桂兰志红晨阳婷雪琳博文斌"
    "子涵梓轩一诺欣怡思远嘉懿梦瑶俊杰宏亮春梅海燕淑珍玉兰德福永康"
)
RARE_GIVEN = "喆堃彧昇玥璟曌淼犇鑫垚焱燚赟翀昊昕珺琰琪瑄"


def person_name(rng: random.Random) -> str:
    """A Chinese name: mostly common surnames, about 3 % rare or compound ones, sometimes a rare given name."""
    roll = rng.random()
    if roll < 0.03:
        surname = rng.choice(RARE_SURNAMES)
    else:  # a skew towards the first surnames, as in life (王 李 张 刘 陈 …)
        surname = COMMON_SURNAMES[int(len(COMMON_SURNAMES) * rng.random() ** 2)]
    length = 1 if rng.random() < 0.3 else 2
    given = "".join(rng.choice(RARE_GIVEN) if rng.random() < 0.04 else rng.choice(GIVEN) for _ in range(length))
    return surname + given
