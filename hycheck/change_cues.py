"""Chinese cue words of the change stages (diff, conflicts, series, arithmetic): data only.

The logic in ``intervals``, ``conflicts``, ``series`` and ``arithmetic`` reads these tuples and
never spells a Chinese word itself, so a cue is added here without touching code.
"""

from __future__ import annotations

# -- intervals -------------------------------------------------------------------------------

# An approximate figure whose cue sits *after* the number means "this much and a bit more"
# (8800余户, 2000多亿元): its interval lies above the stated number.
OVER_CUES: tuple[str, ...] = ("余", "多", "几", "逾", "出头")

# -- metric texts ----------------------------------------------------------------------------

# Words in front of a metric text that only say whose it is (全区地区生产总值 = 地区生产总值).
# The figure's own region name and its short form are stripped as well.
OWNER_PREFIXES: tuple[str, ...] = ("全区", "我区", "该区", "本区", "全市", "我市", "本市", "全省")

# Bare nouns left of an "other" figure's phrase once its qualifier was read as a figure of its
# own (亿元以上项目452个 → 项目): they name what is counted, not which count it is, so such
# figures are not compared with each other.
GENERIC_METRIC_TEXTS: tuple[str, ...] = ("项目", "企业", "个", "家", "亿元", "万元")

# A metric text that opens with these is a change against a base (同期增加106个), no measure.
CHANGE_OPENERS: tuple[str, ...] = ("同期", "比上年", "比去年", "较上年", "较去年", "同比", "环比")

# Words after a metric text that do not change what is measured (大健康产业规模 = 大健康产业),
# and verbs or bound cues an extractor may leave at its end (大健康产业迈上, …规模预计).
NEUTRAL_SUFFIXES: tuple[str, ...] = (
    "规模",
    "总规模",
    "总量",
    "预计",
    "迈上",
    "迈",  # 迈上千亿台阶 read as 迈 + 上千亿
    "达到",
    "达",
    "实现",
    "完成",
    "突破",
    "超过",
    "超",
    "约",
    "近",
    "为",
    "已",
    "将",
)

# -- series breaks ---------------------------------------------------------------------------

# A sentence holding one of these near the metric may explain a break in its series.  Strong
# cues name a cause; weak cues only say that the level moved.
BREAK_CUES_STRONG: tuple[str, ...] = (
    "搬迁",
    "口径调整",
    "统计口径",
    "口径变化",
    "区划调整",
    "行政区划",
    "划出",
    "划入",
    "撤并",
    "第四次全国经济普查",
    "经济普查",
    "数据修订",
    "修订",
)
BREAK_CUES_WEAK: tuple[str, ...] = (
    "疫情影响",
    "疫情冲击",
    "大幅下降",
    "下降",
    "下滑",
    "减少",
    "回落",
    "负增长",
)

# Generic words for a level metric that a sentence may use instead of its name.
METRIC_SYNONYMS: dict[str, tuple[str, ...]] = {
    "gdp": ("地区生产总值", "生产总值", "GDP", "经济总量"),
}

# Characters that end a sentence.
SENTENCE_ENDS: str = "。！？；!?;"

# -- arithmetic inside one article -----------------------------------------------------------

# A figure whose metric text holds one of these is a daily average (日均签约金额).
DAILY_CUES: tuple[str, ...] = ("日均", "平均每天", "平均每日", "每天平均")

# A percent figure whose metric text holds one of these is a share of a count (总部经济项目占比).
SHARE_CUES: tuple[str, ...] = ("占比", "比重", "占")

# The parts that add up to a total: (what the total's metric text or key is, the part names).
PART_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gdp", ("第一产业增加值", "第二产业增加值", "第三产业增加值")),
)
