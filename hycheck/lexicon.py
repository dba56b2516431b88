"""Chinese language rules as data: numerals, units, cue words, plan periods.  No logic.

The extractor (``hycheck.extract``, ``hycheck.context``) only reads these tables; a rule for a
new unit or cue word is a line here.  Longest match wins everywhere, sorted in code, so the
order of entries does not matter.  Metric names are not here: they are policy the user
extends, kept in ``expectations/`` (see ``hycheck.expectations``).

Text is looked up after ``hycheck.normalize`` (full-width → ASCII, traditional → simplified
for the characters listed there), so the tables need only one form of each word.
"""

from __future__ import annotations

from typing import Final

# -- numerals ---------------------------------------------------------------------------------

CN_DIGITS: Final = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
"""Chinese digits (after normalisation: 壹贰… and 兩 are mapped onto these)."""

CN_SMALL_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
CN_LARGE_UNITS: Final = {"万": 10**4, "亿": 10**8}

MAGNITUDES: Final = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8, "兆": 10**12}
"""Magnitude words after a number: 1.65万, 2.3万亿, 3千万.  兆 is 10**12 as in Taiwan and
Hong Kong usage (30兆元); the mainland's 兆瓦 (megawatt) is a unit of its own and wins as the
longer match."""

LATIN_NAMES_BEFORE_FIGURES: Final = ("GDP",)
"""Latin names a figure may touch: GDP762亿元, 人均GDP10万元 (other Latin letters before a
number make it a name: PM2.5, B2B)."""
SPOKEN_BILLIONS: Final = ("个亿", "个多亿")
"""A classifier before 亿 in speech: 总投资3.1个亿 is 3.1亿 (个 counts no item there); not
before 亿元 or 亿级, which name what is counted (签约15个亿元项目, 3个亿级产业集群)."""
BILLION_CLASS_AFTER: Final = ("元", "级")
APPROX_INFIXES: Final = ("余", "多", "几")
"""Between a number and its magnitude or unit: 900余套, 40余亿元, 200多家, 十几亿元 → bound
approx (a little above the number)."""

# -- units ------------------------------------------------------------------------------------
# surface → (canonical unit, multiplier).  A magnitude before the unit multiplies further
# (万平方米 = 万 × 平方米), so only units whose own name holds a magnitude word are listed
# with it (千瓦, 千米, 万元 is not needed).

UNITS: Final[dict[str, tuple[str, int]]] = {
    # money
    "元": ("CNY", 1), "块钱": ("CNY", 1), "元人民币": ("CNY", 1), "人民币": ("CNY", 1),
    "美元": ("USD", 1), "美金": ("USD", 1), "欧元": ("EUR", 1), "港元": ("HKD", 1),
    "港币": ("HKD", 1), "日元": ("JPY", 1), "英镑": ("GBP", 1), "澳元": ("AUD", 1),
    "新台币": ("TWD", 1), "台币": ("TWD", 1),
    # area
    "平方米": ("m2", 1), "平米": ("m2", 1), "㎡": ("m2", 1), "m²": ("m2", 1), "m2": ("m2", 1),
    "平方公里": ("m2", 10**6), "平方千米": ("m2", 10**6), "km²": ("m2", 10**6),
    "km2": ("m2", 10**6), "公顷": ("m2", 10**4), "平方公尺": ("m2", 1), "亩": ("mu", 1),
    # length (metres are thousandths of the canonical km)
    "米": ("m", 1), "公尺": ("m", 1), "延米": ("m", 1), "公里": ("km", 1), "千米": ("km", 1),
    "km": ("km", 1),
    # volume, flow
    "立方米/秒": ("m3_per_s", 1), "立方米每秒": ("m3_per_s", 1), "m³/s": ("m3_per_s", 1),
    "立方米": ("m3", 1), "方": ("m3", 1),
    # people
    "人": ("person", 1), "名": ("person", 1), "位": ("person", 1), "人次": ("person_time", 1),
    "户": ("household", 1),
    # mass, energy, power, containers
    "吨": ("t", 1), "公斤": ("kg", 1), "千克": ("kg", 1), "斤": ("jin", 1),
    "千瓦时": ("kwh", 1), "度电": ("kwh", 1), "千瓦": ("kw", 1), "兆瓦": ("kw", 1000),
    "标箱": ("teu", 1), "TEU": ("teu", 1), "千伏安": ("kva", 1), "伏安": ("kva", 1),
    # counted things
    "家": ("item", 1), "个": ("item", 1), "项": ("item", 1), "所": ("item", 1),
    "场": ("item", 1), "套": ("item", 1), "条": ("item", 1), "座": ("item", 1),
    "件": ("item", 1), "辆": ("item", 1), "批": ("item", 1), "台": ("item", 1),
    "张": ("item", 1), "处": ("item", 1), "次": ("item", 1), "席": ("item", 1),
    "间": ("item", 1), "栋": ("item", 1), "幢": ("item", 1), "艘": ("item", 1),
    "架": ("item", 1), "架次": ("item", 1), "班": ("item", 1), "班次": ("item", 1),
    "宗": ("item", 1), "起": ("item", 1),
    "份": ("item", 1), "部": ("item", 1), "只": ("item", 1), "头": ("item", 1),
    "株": ("item", 1), "棵": ("item", 1), "床": ("item", 1),
    "块": ("item", 1), "支": ("item", 1), "本": ("item", 1), "册": ("item", 1),
    "枚": ("item", 1), "例": ("item", 1), "匹": ("item", 1), "盏": ("item", 1), "眼": ("item", 1),
    "口": ("item", 1), "片": ("item", 1), "类": ("item", 1), "款": ("item", 1),
    "种": ("item", 1), "期": ("item", 1), "届": ("item", 1), "轮": ("item", 1),
    "单": ("item", 1), "笔": ("item", 1), "票": ("item", 1), "箱": ("item", 1),
    # rates
    "%": ("percent", 1), "‰": ("permille", 1), "成": ("percent", 10),
    "个百分点": ("pp", 1), "百分点": ("pp", 1), "倍": ("ratio", 1),
}  # fmt: skip
"""Every unit surface → (canonical unit, multiplier to base units)."""

NOT_FIGURE_WORDS: Final = (
    # durations and calendar words: a number before them is not a figure
    "年", "年度", "个月", "月", "日", "天", "小时", "个小时", "分钟", "秒", "周", "周年",
    "个工作日", "工作日", "个季度", "季度", "个星期", "星期", "岁", "世纪", "年代", "号",
    "号线", "代", "版", "连冠", "届次",
)  # fmt: skip
"""A number right before these is not a figure: 2017年, 20个小时, 12号线, 建党100周年."""

DAY_COUNT_NOUNS: Final = ("天数",)
"""A number of 天 in a clause that names these counts days (空气质量优良天数达到320天), an item,
not a duration."""

UNIT_LOOKALIKES: Final = (
    "台阶", "个人", "人民", "人才", "人员", "名单", "名称", "名牌", "名优", "名校", "名师",
    "家庭", "家门", "条件", "条例", "件事", "场景", "场所", "场地", "处理", "次数", "位置",
    "位居", "位列", "所有", "所属", "所得", "项目", "期间", "期末", "期限", "批次", "米粮",
    "方面", "方式", "方案", "方向", "方位", "方舱", "方岛", "台湾", "部门", "部分", "口径",
    "片区", "张之洞", "起步", "起来", "头部", "种类", "成为", "成功", "成果", "成效", "成立",
    "成员", "成本", "成绩", "成熟", "成长", "户籍", "户外", "席位", "笔记", "单位", "单元",
    "票据", "本地", "本土", "间接", "元素", "支持", "支撑", "支柱", "只有", "只要", "例如",
    "倍数", "份额", "口岸", "家乡", "强", "大", "级", "点", "类型", "个千分点", "项指标",
)  # fmt: skip
"""Words that start like a unit but are not one (千亿台阶 is not 千亿 台; 500强 has no unit):
after a number they stop the unit search, and the number stands without a unit."""

TABLE_CHANGE_HEADERS: Final = ("增长", "增速", "增幅", "涨跌", "增减", "比上年", "同比", "±",
                                "增加", "减少", "净增", "较上年", "为上年")  # fmt: skip
"""A table column whose name holds these is of changes or indices (比上年增长(%), 涨跌): its
cells are read only as the growth in percent of the row's level (比上年增长(%), 增速(%))."""
TABLE_NOT_CHANGE_WORDS: Final = ("增加值",)
"""Words of a column's name that hold a change word but name no change: 增加值(亿元)."""
TABLE_INDEX_HEADERS: Final = ("涨跌", "为上年", "=100", "指数")
"""A column named so may hold indices (上年=100: 102.3), not amounts or growth rates."""

RATE_LABEL_ENDINGS: Final = ("率", "比重", "比例", "指数", "系数")
"""A table row named so holds a rate, in no column of amounts."""
TABLE_EMPTY_CELLS: Final = ("—", "——", "-", "--", "/", "…", "暂无", "无", "空", "不详")
"""Cells that say a row has no value: data, not a column's name."""

MONEY_CONTEXT: Final = (
    "资金", "资本", "投资", "金额", "收入", "产值", "总值", "税收", "营收", "销售额", "规模",
    "融资", "资产", "利润", "贷款", "存款", "经费", "投入", "补贴", "奖励", "资助", "总额",
    "营业额", "成交额", "交易额", "出口", "进口", "消费", "财政",
)  # fmt: skip
"""Words in the clause before a number with a magnitude and no unit that make it money
(注册资本金5000万以上)."""
BILLION_CONTEXT: Final = ("任务", "目标", "招商", "引资")
"""Around an Arabic number with 亿 and no unit, these make it money too (完成市下达任务100亿
的100.2%, 提前完成区200亿招商引资任务)."""
PEOPLE_CONTEXT: Final = ("人口", "人数", "就业")
VISITOR_CONTEXT: Final = ("游客", "旅客", "人次", "客流")
"""A number with a magnitude and no unit after these counts person-times (游客突破200万)."""

MONEY_UNITS: Final = frozenset({"CNY", "USD", "EUR", "HKD", "JPY", "GBP", "AUD", "TWD"})
COUNT_UNITS: Final = frozenset({"item", "person", "person_time", "household"})

IDIOMS: Final[dict[str, tuple[float, str, str]]] = {
    # surface → (value, unit, bound): quantities written as words
    "两位数": (10, "percent", "ge"),
    "翻倍": (2, "ratio", "ge"),
    "翻一番": (2, "ratio", "eq"),
    "翻两番": (4, "ratio", "eq"),
    "翻了一番": (2, "ratio", "eq"),
    "翻了两番": (4, "ratio", "eq"),
    "翻番": (2, "ratio", "ge"),
    "倍增": (2, "ratio", "ge"),
}
"""Quantities written as words.  两位数 is followed by 增长/增速 to count."""

IDIOM_NEEDS_AFTER: Final = {"两位数": ("增长", "增速", "增幅", "的增长", "以上增长")}

VAGUE_COUNTS: Final = (
    "一批", "一大批", "一系列", "一些", "一揽子", "一部分", "一大部分", "一定", "一起", "一体",
    "一流", "一线", "一道", "一次性", "一站式", "一号", "一把手", "一张网", "一网", "一件事",
    "一窗", "一事", "一带一路", "一码", "一对一", "万一", "一方面", "一个",
)  # fmt: skip
"""Vague words and names that look like counts: never figures."""

# -- magnitude words standing alone (百亿, 千亿, 亿元以上) ---------------------------------------


SCALE_NOUNS: Final = (
    "台阶", "大关", "关口", "级", "量级", "规模", "产业", "产业集群", "集群", "商圈", "俱乐部",
    "行列", "园区", "企业", "项目", "目标",
)  # fmt: skip
"""After a bare 亿-magnitude (千亿台阶, 百亿商圈, 五百亿产业集群): the magnitude is a money
level even with no 元."""

# -- bounds -----------------------------------------------------------------------------------

BOUND_PREFIXES: Final[dict[str, str]] = {
    "超过": "gt", "超出": "gt", "突破": "gt", "高于": "gt", "多于": "gt", "大于": "gt",
    "逾": "gt", "超": "gt", "破": "gt", "过": "gt",
    "不少于": "ge", "不低于": "ge", "不小于": "ge", "至少": "ge", "最少": "ge", "最低": "ge",
    "不到": "lt", "不足": "lt", "低于": "lt", "少于": "lt", "小于": "lt",
    "不超过": "le", "不高于": "le", "不多于": "le", "最多": "le", "最高": "le",
    "近": "approx", "将近": "approx", "接近": "approx", "约": "approx", "大约": "approx",
    "约为": "approx", "大概": "approx",
}  # fmt: skip
"""Cue words touching the number on its left (surface includes them)."""

BOUND_PREFIX_BLOCKERS: Final[dict[str, str]] = {
    # a one-character cue preceded by one of these characters is part of another word
    "过": "通经越不度错难路跨超胜穿闯略看",
    "超": "高赶",
    "破": "打攻爆冲突识",
    "上": "迈登站跃跨攀冲走爬以向之",
    "数": "无多少半总人户次件个倍",
    "近": "最附接将临邻亲贴",
    "约": "节制签预违履邀契公条合集大",
}
"""One-character bound cues are ignored when the character before them makes another word
(通过5年, 节约5%, 最近3年)."""

PART_OF_YEAR_WORDS: Final = ("季度", "半年", "月", "季")
"""Right before a stated task (一季度目标任务30亿元) these keep it for that part of the year;
without them a task stated in a report on part of a year is the year's (完成年度目标任务589亿元
的37.22%)."""

RANK_BEFORE: Final = ("前",)
RANK_AFTER: Final = ("名", "位")
"""前100名企业, 前十位: a number between these is a rank, not a count of people."""

PROJECT_CAPACITY_BEFORE: Final = ("年产",)
PROJECT_NOUNS: Final = ("项目",)
"""年产3500吨果蔬保鲜剂项目: a capacity in a project's name (before 项目 in the same clause),
not a figure of the text."""
PROJECT_NAME_MAX = 16
"""How far after the capacity 项目 may stand."""

LEVEL_PREFIXES: Final = ("跨越", "迈上", "迈入", "跨入", "跻身", "跃上", "登上")
"""Verbs of reaching a level, right before a figure (跨越千万标箱, 迈上千亿台阶): the figure is
a threshold passed, bound ``ge``; as verbs they stay outside the surface."""

BARE_MAGNITUDE_PREFIXES: Final[dict[str, str]] = {"上": "ge", "数": "ge", "几": "ge"}
"""Cues that bound only a magnitude standing alone (上亿元, 上万人: reaching that order) or
十 (数十亿元, 几十万人: some tens of it)."""

BOUND_DISTANT_PREFIXES: Final[dict[str, str]] = {"最高": "le", "最多": "le", "至少": "ge"}
"""Cues that bound a figure a few characters later (最高给予2000万元): bound only, not surface."""

BOUND_DISTANT_WINDOW: Final = 6
PEAK_BEFORE: Final = ("日", "天", "月", "时")
"""日最高接待6035人次, 单日最多: a day's peak, which 最高 names, not bounds."""

BOUND_SUFFIXES: Final[dict[str, str]] = {
    "以上": "ge", "及以上": "ge", "以下": "le", "及以下": "le", "以内": "le", "之内": "le",
    "左右": "approx", "上下": "approx", "多": "approx", "余": "approx",
}  # fmt: skip
"""Cue words right after the unit (surface includes them)."""

# -- statement kinds ----------------------------------------------------------------------------

SAME_BELOW: Final = "(下同)"
"""After a word that qualifies figures (预计, 比2012年): it holds for the rest of the section."""
ESTIMATE_SAME_BELOW: Final = "预计" + SAME_BELOW
"""预计 for every figure after it in its section of a report, not only its sentence's."""
ESTIMATE_CUES: Final = ("预计", "预估", "估计", "有望", "统计预测", "初步预测")
TARGET_CUES: Final = (
    "力争", "预期目标", "预期增长", "目标是", "目标为", "目标:", "目标主要是", "目标主要为",
    "力求", "将达到", "将实现",
    "将突破", "将超过", "将新增", "将带动", "将建成", "将完成", "将引进", "要达到", "要实现",
    "分解任务是", "分解任务为", "分解任务主要是",
)  # fmt: skip
"""Cues that make the rest of their sentence a target, wherever they stand.  (将 alone is too
common: 将财政支出的67.7%用于民生 reports an actual; only 将 + a verb of achievement counts.)"""

PLAN_VERBS: Final = ("计划", "拟")
"""In a sentence that opens with the year a report plans (2013年,五莲县计划招引20个以上过亿项目),
these make its figures targets, also where the report reviews."""

SIGNED_TOTAL_NAMES: Final = (
    "总投资", "投资总额", "总投资额", "协议投资额", "协议投资", "协议总投资",
)  # fmt: skip
SIGNING_CUES: Final = ("签约", "签下", "签订", "签署")
SIGNED_METRIC: Final = "investment_contracted"
NOT_ALL_SIGNED: Final = (
    "以上", "开工", "竣工", "投产", "其中", "续建", "在建", "储备", "入库", "谋划",
)  # fmt: skip
"""A total investment in a sentence that signs projects (签约项目40个,总投资113.86亿元) is the
total signed: investment contracted."""

ON_COMPLETION_CUES: Final = ("达产后", "投产后", "建成后", "达效后", "满产后")
DONE_MARKERS: Final = ("当年", "已", "累计", "实际", "去年", "上年")
"""Near an on-completion cue, these say it is done (项目投产后当年实现产值2亿元)."""
"""What projects will yield once they run (待7个新签项目达产后,预计年总产值将达300亿元;
投产后年产值约3亿元): a forecast for no stated time, an estimate of period unknown."""

NAME_QUALIFIERS: Final = (
    "城镇", "农村", "城市", "乡村", "城", "乡", "轻工业", "重工业", "内资", "外资", "国有",
    "民营", "一产", "二产", "三产", "第一", "第二", "第三", "一", "二", "三", "国内", "国外",
    "省内", "省外", "市内", "市外", "男", "女",
)  # fmt: skip
TIME_ITEM: Final = r"前?[一二三四1-4]季度|[上下]半年|全年|前?\d{1,2}(?:-\d{1,2})?个?月份?"
"""Items before 分别 that qualify the last one's name (城镇、农村居民人均可支配收入分别增长…,
一季度、上半年和前三季度地区生产总值分别增长…): the rates are all of that name."""

FRACTION_NOT_AFTER: Final = ("个世纪", "世纪", "个")
"""四分之一个世纪: a fraction of a time or a count, no share."""

ALL_OF: Final = ("各", "所有", "全部")
SCENIC_NARROWING: Final = ("景区", "景点")
"""各景点共接待游客: all the spots, the whole (not a spot's part)."""

NOT_A_SPAN_BEFORE: Final = ("提前", "提早", "连续", "第", "连续第")
"""提前两年实现翻番, 连续三年翻番: the years before 翻番 say how early or how often, not how
long it took."""

STRETCH_OPENERS: Final = ("力争", "争取", "力争达到", "争取达到", "力争实现", "争取实现")
"""A clause of only these and a rate, after a rate: its stretch target (增长10%,力争11.5%)."""

WEAK_TARGET_CUES: Final = ("计划", "确保", "争取", "规划", "力促", "努力实现", "拟")
"""Target cues outside a report's review; inside one they usually tell what was done
(为中小微企业争取纾困资金40余亿元 is money secured, not a goal)."""

DONE_OPENERS: Final = ("完成", "已完成", "累计完成", "实际完成")
"""A clause that opens with these after a plan (计划, 确保 …) states what was done (计划投资
93.68亿元,完成投资44.24亿元); a bare 完成 only when the plan's own noun follows it."""

NOT_TARGET_CUES: Final = (
    "计划总投资", "计划投资额", "拟投资总额", "拟投资额", "规划面积", "规划建设用地", "拟签约",
    "全年计划的", "年度计划的", "年计划的", "完成计划", "按计划", "计划进度", "计划执行", "计划内",
    "预期目标的", "完成年度预期目标", "完成全年预期目标", "比年度预期目标", "比全年预期目标",
    "”计划的", "”计划和", "”计划、", "”规划的", "”规划和", "”规划、", "下达计划的",
)  # fmt: skip
"""Phrases that hold a target cue but name a property (a project's planned total investment),
measure an outcome against the plan (完成全年计划的32.5% is done, not planned), or end the
name of a plan in quotes (“十五”计划的最后一年)."""

TARGET_BEFORE: Final = (
    "任务数", "任务", "目标任务", "目标数", "目标", "指标", "任务数占比", "目标占比",
)  # fmt: skip
"""Right before a figure these make it a target: 完成市下达任务100亿的100.2% (the 100亿),
引进优强企业21家(任务数18家)."""
TARGET_GAP_CUES: Final = ("超出", "超过", "超", "高于", "低于", "多于", "少于", "比", "较")
"""Before 目标 these make the figure after it a gap to the target (超出目标10.15亿元)."""
TARGET_CLAUSE_END: Final = ("任务", "目标任务", "的目标", "指标任务")
"""A clause that ends with these after a figure makes it a target: 提前完成区200亿招商引资任务."""

PHRASE_LEAD_WORDS: Final = (
    "其中", "同时", "全年", "今年", "去年", "明年", "当年", "一年来", "五年来", "新的一年", "全区",
    "我区", "全市", "预计", "力争", "确保", "争取", "努力", "计划", "已", "共", "实现", "完成",
    "达到", "累计", "新增加", "较上年", "比上年", "同比", "环比", "年均", "平均", "分别", "同口径",
    "按可比口径", "可比口径", "按可比价格计算", "扣除价格因素", "从", "由", "按年", "实质", "名义",
    "增至", "增加到", "提高到", "上升到", "下降到", "降至", "比", "较", "与",
)  # fmt: skip
"""Words before a metric's noun phrase that are not part of it (预计全年实现 | 地区生产总值)."""
PHRASE_TAIL_WORDS: Final = (
    "达到", "达", "为", "实现", "完成", "突破", "超过", "超", "过", "近", "约", "共", "合计",
    "总计", "累计", "增长", "增幅", "增速", "提高", "提升", "降低", "下降", "减少", "保持", "均",
    "已", "到", "至", "由", "从", "给予", "分别", "是", "迈上", "迈入", "跨入", "跻身", "形成",
    "成为", "预计", "力争", "确保", "有望", "的", "增至", "增加到", "提高到", "跨越", "先后",
    "相继", "都", "年均", "年平均", "平均每年", "将", "同比", "环比", "比上年", "较上年", "又",
    "再", "在", "控制在", "保持在",
)  # fmt: skip
"""Words between a metric's noun phrase and its number (地区生产总值 | 达到948亿元)."""
TAIL_WORD_KEPT_AFTER: Final = {"约": "签合预节集公", "达": "到", "为": "作认"}
"""A tail word that ends a word with the character before it stays (此次签约, 作为)."""

FROM_WORDS: Final = ("由", "从")
CHANGE_TO_VERBS: Final = (
    "增加到", "增长到", "提高到", "提升到", "上升到", "下降到", "减少到", "降低到", "降到",
    "扩大到", "缩小到", "发展到", "增加至", "增长至", "提高至", "提升至", "上升至", "下降至",
    "减少至", "降低至", "扩大至", "缩小至", "增至", "降至", "跃升至", "跃升到", "调整为",
    "调整到", "变为", "增加为", "提高为", "下降为",
)  # fmt: skip
"""A from-to list (分别由120亿元、8.5亿元增加到185亿元、12.3亿元) changes its values with these."""
TIME_OF_VALUE_WORDS: Final = ("季度", "月", "末", "底", "期")
"""A from value with one of these between it and its 由 (由2015年末的52万人) is of that time."""
TO_WORDS: Final = ("到", "至", "为")
"""A pair of values 由 A 增加到 B, 从 A 调整为 B: two values of one measure (the name before A
is B's too)."""
LEVEL_TO_WORDS: Final = ("达到", "达至")
"""End with a TO_WORD but reach a level, no second value of a pair (新增就业达到2万人)."""

SUBTOTAL_CUES: Final = ("其中", "内含")
"""After these (up to the next ; or 。) figures state a part, not the headline metric."""

NARROWING_BEFORE: Final = (
    "人均", "单位", "万元", "每", "城镇", "农村", "城乡", "城市", "城、", "乡", "拉动",
    "景区", "景点", "旅行社", "宾馆", "酒店", "饭店", "产出", "在地口径",
)  # fmt: skip
"""Right before a metric name these make another measure of it: 人均地区生产总值, 单位GDP能耗,
城镇居民人均可支配收入, 拉动GDP增长1.2个百分点 (a contribution), or a part of it: 乐山大佛景区
接待游客103.65万人次, 旅行社接待游客4.3万人次 (not the region's visitors)."""

SCENIC_NOUNS: Final = ("古镇", "古城", "名胜区", "度假区", "公园", "乐园", "山庄", "小镇", "绿道",
                        "博物馆", "山谷", "农庄", "庄园")  # fmt: skip
"""Right before 接待游客 these narrow it to a spot (五凤古镇接待游客), unless they end a place's
name (古城区, 乐园镇: the place itself)."""
PLACE_ENDINGS: Final = ("区", "镇", "乡", "县", "市", "村")

QUOTE_PAIRS: Final = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
"""Quoted names (“千人计划”, 《…规划》) are masked before cue words are looked for."""
QUOTE_MAX: Final = 30
CUMULATIVE_CUES: Final = ("累计", "累积")
PLAN_DONE_CUE: Final = "完成"
SHARE_OF_CUE: Final = "占"
"""完成年度计划的101.43%, 占全市的15.2%: a share of a plan done or of a whole, no level a later
rate is of (and the first an outcome)."""
STOCK_VERBS: Final = ("注册", "实有", "拥有", "存量", "在册", "保有")
"""累计 before these counts what stands at a date (累计注册企业5000家), not what was done since
January."""
CUT_OFF_CUES: Final = ("截至", "截止")
"""Before a month, with 累计: the total from January to that month (截至3月底累计完成投资)."""
YEAR_TO_DATE_CUES: Final = ("今年以来", "年初以来", "年内", "本年度内", "至目前", "截至目前")
"""With these, 累计 is the total so far this year: an actual of that period."""

NOT_ADDITIVE_CUES: Final = ("人均", "平均", "均价", "单价", "余额")
"""Before an amount, these make it a level, not a sum over the years of a review (城乡居民人均
可支配收入2.33万元 in a 十三五 review is the last year's)."""

LEVEL_VERBS: Final = (
    "跨越", "迈上", "迈入", "达到", "突破", "跻身", "跨入", "成为", "保持", "位居", "提高到",
    "增至", "增长到", "上升到", "发展到",
)  # fmt: skip
"""Verbs of a level reached: over a multi-year review, such an amount is not a sum (本区生产总值
先后跨越两百亿元、三百亿元台阶)."""

# -- growth --------------------------------------------------------------------------------

GROWTH_BEFORE: Final = (
    "增长", "增速", "增幅", "增加", "提高", "提升", "上升", "上涨", "下降", "减少", "降低",
    "回落", "下滑", "下跌", "压缩", "同比", "环比", "增长了", "增速为", "增幅为", "增长率",
)  # fmt: skip
"""Growth cue right before a percent figure (增长7%, 增幅9.8%)."""
PAIRED_PREFIXES: Final = ("城乡",)
"""Before a metric and 分别, these split it in two (城乡居民人均可支配收入分别达28336元和13632元:
the urban and the rural figure), so neither value is the headline metric."""

COMPARISON_OPENERS: Final = ("按可比口径", "按可比价", "可比价", "可比", "同比", "环比", "与上年")
"""Words that open a comparison before a growth cue: what stands after them is no subject
(可比增长8.5%, 比上年同期增长15.6%); 比 and 较 open one too, unless in 比重/比例/比率."""
RATE_QUALIFIER_ENDS: Final = ("实际", "名义", "同期")
"""Words that end what stands before a rate and say how it was computed, not what grew: taken
off the subject (城镇居民人均可支配收入实际增长4%); alone (同期增长39%) they are no subject.
Not 两年平均: a two-year average is no growth of the year (a false conflict with the year's)."""
RATE_QUALIFIER_STARTS: Final = ("扣除", "剔除", "按", "折合")
"""A phrase before a rate that opens with these is a condition (扣除价格因素实际增长4%, 按人民币计
增长12%, 剔除房地产后增长12%), not what grew."""
CHANGE_VERBS: Final = ("增加", "减少")
"""An amount right after these is a change (同比增加1.3万人), not the level a growth rate
after it is of (…新增就业27.6万人,同比增加1.3万人,增长5.0%: the 27.6万人)."""
PERCENT_LOST_AFTER: Final = ("增长", "下降")
"""A bare number right after these that ends its clause is a rate whose % the page lost
(地区生产总值增长7.5左右;固定资产投资增长10;)."""
GROWTH_AFTER: Final = ("增速", "的增速", "增长", "的增长", "增幅")
"""Growth cue right after a percent figure (20%以上增速)."""
DECLINE_CUES: Final = ("下降", "减少", "降低", "回落", "下滑", "下跌", "负增长", "放缓")
"""A growth rate after these is stored negative (下降5% → -5)."""
DECREASE_VERBS: Final = ("减少", "下降", "降低")
"""An amount right after these is a change, stored negative as a fall in a rate is (比上年减少
862公顷 → -862 ha); not after 减少到/减至 (a level reached) or with words between (减少碳排放5万吨:
what was cut, positive)."""
NARROWING_VERBS: Final = ("缩小", "收窄", "缩窄")
WIDENING_VERBS: Final = ("扩大",)
FALL_SUBJECTS: Final = ("降幅", "跌幅", "降速")
RISE_SUBJECTS: Final = ("增幅", "增速", "涨幅")
"""A difference that narrows (亏损面缩小1.8个百分点) is stored negative and one that widens
positive; when the nearer of these subjects before it is a fall's (降幅较上月扩大3.4个百分点,
降幅收窄2个百分点), the other way round."""
BELOW_CUES: Final = ("落后于", "落后", "低于", "低")
"""A gap in percentage points after these and what is compared (增速落后于全市平均水平1.4个
百分点) is stored negative."""

SHARE_CUES: Final = ("占比", "比重", "占全", "占", "比例", "份额")
"""Between a metric name and a percent: the figure is a share, not the metric itself."""

# -- periods ------------------------------------------------------------------------------------

PLAN_PERIODS: Final[dict[str, str]] = {
    "十五": "2001-2005", "十一五": "2006-2010", "十二五": "2011-2015",
    "十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030",
}  # fmt: skip
"""Five-year plans."""

QUARTERS: Final = {
    "一季度": "{y}Q1", "第一季度": "{y}Q1", "二季度": "{y}Q2", "第二季度": "{y}Q2",
    "三季度": "{y}Q3", "第三季度": "{y}Q3", "四季度": "{y}Q4", "第四季度": "{y}Q4",
    "上半年": "{y}Q1-{y}Q2", "下半年": "{y}Q3-{y}Q4", "前三季度": "{y}Q1-{y}Q3",
    "前两个季度": "{y}Q1-{y}Q2", "前两季度": "{y}Q1-{y}Q2", "一至三季度": "{y}Q1-{y}Q3",
    "1-3季度": "{y}Q1-{y}Q3", "首三季度": "{y}Q1-{y}Q3", "首季度": "{y}Q1", "首季": "{y}Q1",
    "首两季": "{y}Q1-{y}Q2",
}  # fmt: skip
"""Parts of a year, as period templates ({y} is the year).  A period is "2022", "2022Q1",
"2022Q1-2022Q2", "2022Q1-2022Q3", "2022M08", "2022M01-2022M08" or a plan range "2016-2020"."""

RELATIVE_YEARS: Final = {
    "今年": 0, "本年": 0, "当年": 0, "全年": 0, "明年": 1, "来年": 1,
    "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
}  # fmt: skip

REVIEW_YEAR_WORDS: Final = ("过去一年", "过去的一年", "一年来", "这一年")
"""In a report or plan, the year under review."""

SINCE_WORDS: Final = ("以来", "起")
"""After a year: since then (自2007年起, 2018年以来), up to the year the text is about."""

PERIOD_NAME_AFTER: Final = (
    "施政报告", "政府工作报告", "工作报告", "规划", "统计公报", "计划", "纲要", "年鉴",
    "全国科普日", "优秀", "奖",
)  # fmt: skip
"""After a year these make it part of a name (2026年施政报告), not the period of a figure."""
"""Relative year words, resolved against the article's stated date (全年 = the running year)."""

PERIOD_BASE_AFTER: Final = (
    "不变价", "可比价", "价格计算", "为基期", "基期", "平均汇率", "汇率计算", "汇率折算",
)  # fmt: skip
"""After a year these make it a price or exchange-rate base (2010年不变价, 按2018年平均汇率计算),
not the period."""

PERIOD_BASE_CUES: Final = (
    "比", "较", "相比", "同比", "与", "是", "为", "对比", "超过", "高于",
)  # fmt: skip
"""A year or plan right after these is a comparison base (较“十二五”期末), not the period; so
is one between 由 and 的 (由上年的22.26%调整为…: where a change started)."""

MULTIYEAR_CUES: Final = (
    "五年来", "过去五年", "过去5年", "五年间", "这五年", "近五年", "近5年", "五年累计", "五年共",
)  # fmt: skip
"""In a report's review, these switch the running period to the five years ending with it."""

PLAN_PERIOD_TIME_WORDS: Final = ("时期", "期间", "以来", "规划期", "期末", "末")
"""After a plan name (“十三五”时期) it names a time, not a plan document (“十三五”规划)."""

PLAN_END_WORDS: Final = ("期末", "末")
"""After a plan name, its last year (“十一五”期末,全区完成生产总值249.1亿元: 2010)."""

# -- sections of a work report ------------------------------------------------------------------

REPORT_TITLE_CUES: Final = ("政府工作报告", "工作报告", "施政报告")
REPORT_BODY_OPENING: Final = r"我代表[^。!?]{0,16}?向大会报告"
"""A text that opens so (现在,我代表区人民政府向大会报告工作) is a government work report,
whatever its title says; news of a congress says it in the third person (县长…作政府工作报告),
a speech to guests (向各位嘉宾报告) or to a standing committee (向区人大常委会报告) is none."""
SINCE_EVENTS: Final = ("换届", "建区", "建县", "建市", "撤县设区", "撤县设市", "设区", "建园",
                       "开园", "成立", "组建", "挂牌", "建镇", "投产", "开工", "实施", "启动",
                       "开业", "运营", "通车", "获批", "年底", "底")  # fmt: skip
"""Between a year and 以来, events that open a span (2012年换届以来, 2015年建区以来)."""
ANNUAL_RESULTS_WORDS: Final = ("年报", "年度数据", "统计公报", "年度统计")
"""In a news lead, these announce a past year's results: a day in the lead gives no year."""
YEARLY_CUES: Final = ("年均", "平均每年", "年平均")
"""Before a growth rate, these make it a yearly average over the years in view (年均增长10.5%):
its metric text says so, and the growth range holds it."""
YEAR_ON_YEAR_CUES: Final = ("同比",)
"""In a clause, these compare with the year before, whatever base a (下同) set."""
DATE_IN_A_YEAR: Final = ("底", "末", "内", "前", "中", "初", "上半年", "下半年")
"""After 预计2008年 these name a date in the year (预计2008年底建成), not the year as a whole."""
DEADLINE_AFTER: Final = ("前", "以前", "之前", "底前")
"""After a year these make it a deadline (2020年前实现全面小康), not the year a plan is for."""
YEAR_BEFORE_NEWS_MONTHS: Final = 3
"""News dated in the first months of a year often tells the year before (年度数据 come out in
January to March): a day its lead names then gives no year to figures that name none."""
PLAN_TITLE_CUES: Final = ("工作计划", "计划报告", "工作要点", "工作安排", "发展计划")
"""A plan document: its figures are targets for its year unless a review says otherwise."""
REVIEW_HEADINGS: Final = ("回顾", "成绩", "总结", "过去", "工作情况", "主要工作", "计划执行")
DONE_HEADINGS: Final = ("完成情况", "执行情况")
"""A heading with these reviews what was planned (主要目标完成情况, 计划执行情况), whatever
plan word stands before them."""
HOLIDAY_MONTHS: Final = {"国庆": 10, "十一": 10, "五一": 5, "劳动节": 5, "清明": 4, "元旦": 1}
"""Holidays of a fixed month: news titled with one (国庆首日全区接待游客11.9万人次) is of that
month.  春节, 端午 and 中秋 move between months and are not listed."""
MOVING_HOLIDAYS: Final = ("春节", "端午", "中秋")
"""Holidays whose month varies: news titled with one is of the month of the day its lead names
(2月11日,…春节黄金周全县累计接待游客…), else of its date's.  (元旦 is January's, although its
days off may begin in December.)"""
HOLIDAY_TIMES: Final = ("节", "假期", "假日", "小长假", "长假", "黄金周", "期间", "首日", "当天",
                        "第二天", "第三天", "第四天", "第五天", "第六天", "第七天")  # fmt: skip
"""After a holiday's name (国庆假期, “十一”黄金周), these make it the time of the news: not
五一路, 五一劳动奖章, 十一届."""
HOLIDAY_NOT_AFTER: Final = ("前", "后", "以前", "以后", "之前", "之后")
"""After a holiday's time these make it a deadline or a start (国庆节前完成投资50亿元), not
the time the figures are of."""
DAY_EVENT_WORDS: Final = ("签约", "大会", "推介会", "说明会", "洽谈会", "博览会", "交易会", "仪式",
                          "开幕", "论坛", "峰会", "开工", "集中")  # fmt: skip
"""In a title, these make the news that of an event: the day its lead names (12月9日,…签约5个
项目) gives the month of its figures; a 发布会 or a report of a period does not."""
DAY_NOT_EVENT_WORDS: Final = ("发布", "运行", "统计", "公报", "报告", "总结")
DAY_NOT_NEWS_BEFORE: Final = ("截至", "截止", "截止到", "到", "去年", "上年", "前年", "与", "较",
                               "比")  # fmt: skip
"""Before a day, these make it a cut-off (截至12月31日,累计签约…) or a comparison (与去年12月31日
相比), not the day of the news."""
EVENT_NOUNS: Final = (
    "博览会", "博会", "洽谈会", "交易会", "推介会", "投洽会", "论坛", "峰会", "大会", "活动",
)  # fmt: skip
"""A year before one of these names an event (2017中外知名企业四川行活动): news of the event
with no other time is of that year."""

PLAN_OPENERS: Final = ("主要预期目标是", "主要预期目标为", "主要预期目标:", "主要预期目标建议")
"""In a report, a sentence with these opens the plan year's targets like a heading (今年经济社会
发展的主要预期目标是: 地区生产总值增长7.5%左右 …), also where no heading says so."""
PLAN_OPENER_BLOCKERS: Final = ("完成", "实现", "去年", "过去", "上年")
"""A sentence with these before the opener speaks of last year's targets (去年确定的主要预期目标
是…,全面完成): no plan section."""
PLAN_HEADINGS: Final = ("安排", "任务", "目标", "计划", "展望", "部署", "思路", "打算", "总体要求")

# -- places used relatively ---------------------------------------------------------------------

NOT_PLACE_FIRST_CHARS: Final = "各全我本该度季每某其两诸此"
NOT_PLACE_WORDS: Final = ("城区", "新城区", "县区", "区县", "市县", "市区")  # 涪城区 is a name
NOT_PLACE_PREFIXES: Final = (
    "贫困", "重点", "示范", "民族", "主城", "城乡", "工业", "试点", "先进", "中心", "老城",
    "脱贫", "边境", "少数", "所有", "部分", "多个", "各个", "召开", "举行", "组织",
)  # fmt: skip
NOT_PLACE_ENDINGS: Final = (
    "景区", "矿区", "库区", "山区", "小区", "园区", "郊区", "地区", "社区", "辖区", "市区",
    "片区", "街区", "校区", "营区", "开发区", "林区", "产区", "大县", "强县",
    "灾区", "牧区", "集聚区", "商业区", "核心区", "县区",
)  # fmt: skip
"""A headline word ending in 区, 县 or 旗 that the gazetteer does not list is read as the
article's district or county (东宝区…, 渭南高新区…) unless it starts or ends like these: 各区,
2019年度县域 (度县), 重点县, 贫困县, 景区, 北京市郊区 are no names of a place."""

SELF_REGION_WORDS: Final = (
    "全区", "我区", "本区", "全县", "我县", "本县", "该区", "该县", "全乡", "全镇", "本乡", "本镇",
)  # fmt: skip
PARENT_REGION_WORDS: Final = {"全市": "city", "我市": "city", "本市": "city", "全省": "province",
                              "我省": "province", "全国": "country", "我国": "country"}  # fmt: skip
DENOMINATOR_CUES: Final = ("占", "在", "居", "位居", "比", "较", "为", "向", "助推", "助力",
                           "高于", "低于", "快于", "慢于")  # fmt: skip
"""A place right after these is a comparison base (占全省45%), not what the figure is about."""
PLAN_WORDS_AFTER_PLACE: Final = ("目标", "计划", "任务", "预期")
"""After a compared place (低于全省目标15%), these make the figure the place's own target."""

# -- punctuation --------------------------------------------------------------------------------

SENTENCE_ENDS: Final = "。!?"
CLAUSE_ENDS: Final = "。!?;\n,:"
"""Sentence and clause delimiters after normalisation (full-width ，；：！？ map onto these).
A cue such as 预计 reaches to the end of its sentence, across ; and , (预计全年实现地区生产总值
948亿元,增长7%;固定资产投资445.3亿元…) and across line breaks, which in text taken from PDF
fall anywhere; a line break ends a clause (lists of indicators put one on each line)."""
