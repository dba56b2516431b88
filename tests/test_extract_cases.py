"""Extraction case tables, by topic.  Every case is a phrase of real government prose.

Where new cases go:
- ``SEED_CASES``: phrases of the seed page, the text the extractor was developed against.
- ``REAL_PAGE_CASES``: phrases in the style of other real pages (other districts and years,
  statistical releases, news, traditional script, PDF text): the held-out kind of text.
- ``HELD_OUT_STYLE_CASES``: the constructions that two independently annotated sets of real
  pages (kept outside the repository) taught: 预计 scope, news time frames, tasks, 分别 spans.
- ``SET_4_CASES``: what a fourth independently annotated set of real pages taught (measured
  first, then fixed): pp gaps, 年均 in five-year reviews, plans and what was done, parts of a
  total, base-year values, unnamed parts of a region.
- ``BUGS_CAUGHT``: a phrase that once came out wrong; add one with every fix.
- ``KNOWN_FAILURES``: what the extractor still gets wrong, marked ``xfail(strict=True)`` so
  that a fix turns the case into an error and forces it to be promoted.
A case names the figure by its surface; fields left ``None`` are not checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from hycheck.extract import extract_text
from hycheck.model import Figure


@dataclass(frozen=True)
class Case:
    text: str
    surface: str
    value: float | None = None
    unit: str | None = None
    bound: str | None = None
    metric: str | None = None
    period: str | None = None
    kind: str | None = None
    growth_of: str | None = None
    region: str | None = None
    upper: float | None = None
    metric_text: str | None = None
    title: str = ""
    stated: date | None = None
    listed: date | None = None
    article_region: str = "汉阳区"


@dataclass(frozen=True)
class NoFigure:
    """``text`` holds no figure that overlaps ``surface``."""

    text: str
    surface: str
    title: str = ""


REPORT_2018 = "2018年武汉市汉阳区政府工作报告"
REPORT_2021 = "2021年汉阳区政府工作报告"
REPORT_2017 = "2017年汉阳区政府工作报告"


def _find(case: Case, figures: list[Figure]) -> Figure:
    for f in figures:
        if f.surface == case.surface:
            return f
    found = [f.surface for f in figures]
    raise AssertionError(f"no figure {case.surface!r} in {case.text!r}; found {found}")


def _check(case: Case) -> None:
    figures = extract_text(
        case.text,
        title=case.title,
        stated=case.stated,
        listed=case.listed,
        region=case.article_region,
    )
    f = _find(case, figures)
    assert case.text[f.start : f.end] == f.surface
    if case.value is not None:
        assert f.value == pytest.approx(case.value, rel=1e-12)
    expected = {
        "unit": case.unit,
        "bound": case.bound,
        "metric": case.metric,
        "period": case.period,
        "kind": case.kind,
        "growth_of": case.growth_of,
        "region": case.region,
        "metric_text": case.metric_text,
    }
    got = {k: str(getattr(f, k)) for k, v in expected.items() if v is not None}
    assert got == {k: v for k, v in expected.items() if v is not None}
    if case.upper is not None:
        assert f.upper == pytest.approx(case.upper)


def _ids(case: Case | NoFigure) -> str:
    return case.surface


# -- the seed page --------------------------------------------------------------------------

SEED_CASES = [
    # numbers and units
    Case("预计全年实现地区生产总值948亿元,增长7%;", "948亿元", 948e8, "CNY", "eq", "gdp",
         "2017", "estimate", title=REPORT_2018, stated=date(2017, 12, 26)),
    Case("预计全年实现地区生产总值948亿元,增长7%;", "7%", 7, "percent", "eq", "gdp", "2017",
         "estimate", growth_of="地区生产总值", title=REPORT_2018, stated=date(2017, 12, 26)),
    Case("拓宽就业服务渠道,全年新增就业1.65万人。", "1.65万人", 16500, "person",
         metric="new_jobs"),
    Case("旅游业加快发展,全年接待游客2700万人次。", "2700万人次", 2.7e7, "person_time",
         metric="tourists"),
    Case("全年新增商务楼宇面积10万平方米。", "10万平方米", 1e5, "m2"),
    Case("全区泵站雨水抽排能力由90立方米/秒提升到236立方米/秒;", "236立方米/秒", 236,
         "m3_per_s"),
    Case("招商引资实际到位资金635亿元、实际利用外资7.9亿美元", "7.9亿美元", 7.9e8, "USD",
         metric="fdi_utilized"),
    Case("全年供地2000亩,做到拿地即开工", "2000亩", 2000, "mu"),
    Case("新增绿道10公里,新改建绿地18万平方米", "10公里", 10, "km"),
    # bounds touching the number
    Case("烟草、汽车装备、轻工材料、食品医药产业产值均突破百亿元", "突破百亿元", 1e10, "CNY",
         "gt"),
    Case("19家区属产值过亿元企业中有13家实现两位数增长", "过亿元", 1e8, "CNY", "gt"),
    Case("19家区属产值过亿元企业中有13家实现两位数增长", "两位数增长", 10, "percent", "ge"),
    Case("筹措大学生留汉租赁住房900余套", "900余套", 900, "item", "approx"),
    Case("新增注册资本金5000万以上企业51户", "5000万以上", 5e7, "CNY", "ge"),
    Case("全年空气质量优良率高于65%。", "高于65%", 65, "percent", "gt"),
    Case("力争全年引进亿元以上项目40个,10亿元以上服务业项目不少于20个", "不少于20个", 20,
         "item", "ge"),
    Case("力争全年引进亿元以上项目40个", "亿元以上", 1e8, "CNY", "ge"),
    Case("其中总部经济项目占比超五成", "超五成", 50, "percent", "gt"),
    Case("对引进的高层次人才团队最高给予2000万元科研资助", "2000万元", 2e7, "CNY", "le"),
    Case("达成近6亿元意向合作", "近6亿元", 6e8, "CNY", "approx"),
    # magnitudes standing alone
    Case("2018年汉阳成为全市第四个地区生产总值破千亿的中心城区", "破千亿", 1e11, "CNY", "gt",
         "gdp", "2018", "actual", title=REPORT_2021, stated=date(2020, 12, 28)),
    Case("大健康产业迈上千亿台阶", "千亿", 1e11, "CNY", "ge"),
    Case("工程设计建造、汽车后市场形成五百亿产业集群", "五百亿", 5e10, "CNY", "ge"),
    Case("王家湾商圈跨入百亿商圈行列", "百亿", 1e10, "CNY", "ge"),
    # multiples
    Case("雨水抽排能力是“十二五”期末的2.6倍", "2.6倍", 2.6, "ratio"),
    Case("市场主体数量较“十二五”期末实现翻番", "翻番", 2, "ratio", "ge"),
    # regions
    Case("武汉市大健康产业总产值已占全省45%以上", "45%以上", 45, "percent", "ge",
         region="武汉市"),
    Case("全区工业经济总量在全市占比突破16%", "突破16%", 16, "percent", "gt", "other",
         region="汉阳区"),
]  # fmt: skip

SEED_PERIOD_CASES = [
    # a report delivered 2017-12-26: review 2017, plan 2018
    Case(" 一、2017年工作回顾 累计引进会展产业链企业34家。 二、2018年工作安排 力争新增就业1.7万人。",
         "34家", 34, "item", period="2017", kind="cumulative", title=REPORT_2018,
         stated=date(2017, 12, 26)),
    Case(" 一、2017年工作回顾 累计引进会展产业链企业34家。 二、2018年工作安排 力争新增就业1.7万人。",
         "1.7万人", 17000, "person", metric="new_jobs", period="2018", kind="target",
         title=REPORT_2018, stated=date(2017, 12, 26)),
    Case(" 一、2017年工作回顾 全区泵站雨水抽排能力由90立方米/秒提升到236立方米/秒。",
         "90立方米/秒", period="2016", title=REPORT_2018, stated=date(2017, 12, 26)),
    Case(" 一、2017年工作回顾 将财政支出的67.7%用于民生。", "67.7%", period="2017",
         kind="actual", title=REPORT_2018, stated=date(2017, 12, 26)),
    Case(" 一、2017年工作回顾 引进“千人计划”专家10名。", "10名", kind="actual",
         title=REPORT_2018, stated=date(2017, 12, 26)),
    Case("明年全区经济社会发展的主要预期目标是:地区生产总值增长7.2%、突破千亿元大关",
         "突破千亿元", 1e11, "CNY", "gt", "gdp", "2018", "target", title=REPORT_2018,
         stated=date(2017, 12, 26)),
    # a report delivered 2020-12-28 with a five-year review
    Case(" 一、2020年和“十三五”工作回顾 全年新增市场主体8000余户。“十三五”时期,累计完成固定资产投资2000余亿元。",
         "2000余亿元", 2e11, "CNY", "approx", "fixed_asset_investment", "2016-2020",
         "cumulative", title=REPORT_2021, stated=date(2020, 12, 28)),
    Case(" 一、2020年和“十三五”工作回顾 全年新增市场主体8000余户。五年来,新改扩建学校20所。",
         "20所", 20, "item", period="2016-2020", kind="cumulative", title=REPORT_2021,
         stated=date(2020, 12, 28)),
    Case(" 一、2020年和“十三五”工作回顾 全年新增市场主体8000余户。五年来,新改扩建学校20所。",
         "8000余户", period="2020", kind="actual", title=REPORT_2021,
         stated=date(2020, 12, 28)),
    Case(" 二、“十四五”目标任务 实施并完成新千亿计划,地区生产总值突破1100亿元。",
         "突破1100亿元", 1.1e11, "CNY", "gt", "gdp", "2021-2025", "target", title=REPORT_2021,
         stated=date(2020, 12, 28)),
    # news: a time in the lead is the article's; targets and timeless news are "unknown"
    Case("2022年一季度,汉阳区拟签约项目12个。中国电建集团华中投资有限公司注册资本50亿元。",
         "50亿元", period="2022Q1", kind="actual"),
    Case("2022年一季度,汉阳区拟签约项目12个。其华中区域总部计划投资超百亿元。",
         "超百亿元", 1e10, "CNY", "gt", period="unknown", kind="target"),
    Case("汉阳区大健康产业规模预计突破300亿元。", "突破300亿元", 3e10, "CNY", "gt",
         period="unknown", kind="estimate"),
    Case("汉阳区已累计投入超50亿元用于大健康产业基础设施配套", "超50亿元", period="unknown",
         kind="cumulative"),
    Case("武汉市汉阳区计划以此为支点,三年内引进50个国际技术转移项目", "50个",
         period="unknown", kind="target"),
]  # fmt: skip

SEED_NON_FIGURES = [
    NoFigure("2017年12月26日在武汉市汉阳区第十五届人民代表大会第二次会议上", "2017年12月26日"),
    NoFigure("2017年12月26日在武汉市汉阳区第十五届人民代表大会第二次会议上", "第十五届"),
    NoFigure("汉阳中欧科技金融交流合作中心在第三届5.5创投大会上揭牌成立", "5.5"),
    NoFigure("与汉阳区\"1+6\"现代产业体系高度契合", "1+6"),
    NoFigure("新引进世界及国内500强、央企和民营500强企业9家", "500强"),
    NoFigure("推动地铁12号线征收、16号线和汉江湾桥建设", "12号线"),
    NoFigure("推动PM2.5、PM10浓度持续下降", "PM2.5"),
    NoFigure("5G基站达到1230座、基本实现5G网络全覆盖", "5G"),
    NoFigure("引导扶持一批科技型、创新型中小企业", "一批"),
    NoFigure("在全市率先建成密接人员隔离点,用20个小时完成小区全覆盖硬质隔离", "20个小时"),
    NoFigure("实际利用三个季度时间,有力推动经济社会发展强劲复苏", "三个季度"),
    NoFigure("我们将重点做好以下六个方面工作", "六个方面"),
    NoFigure("围绕琴台中央文化艺术区“一核两翼”[1]空间格局", "[1]"),
    NoFigure("1.国药控股医药健康产业项目将建立覆盖华中地区的医药供应链枢纽", "1."),
    NoFigure("千方百计扩大就业", "千方百计"),
    NoFigure("继续打造好万人健步行、女子半程马拉松等文体赛事", "万人"),
    NoFigure("引进“千人计划”专家10名", "千人"),
    NoFigure("实施并完成新千亿计划", "千亿"),
    NoFigure("是实施“十三五”规划承前启后的关键一年", "十三五"),
    NoFigure("我区进入全国综合经济竞争力百强主城区", "百强"),
    NoFigure("以优异成绩为建党100周年献礼", "100周年"),
    NoFigure("取得全省双拥模范城“七连冠”", "七连冠"),
    NoFigure("政府兜底“十元爱心菜”敞开供应", "十元"),
    NoFigure("2021年在武汉市营商环境考核中排名第二", "2021年"),
]  # fmt: skip

# -- other real pages ----------------------------------------------------------------------

BULLETIN = "东宝区2020年国民经济和社会发展统计公报"

REAL_PAGE_CASES = [
    # numbers: separators, full width, Chinese numerals, traditional script, ranges, signs
    Case("全区实现地区生产总值1,200.5亿元,增长5.1%", "1,200.5亿元", 1.2005e11, "CNY"),
    Case("固定资产投资９４８亿元，增长１０．５％", "９４８亿元", 9.48e10, "CNY",
         metric="fixed_asset_investment"),
    Case("固定资产投资９４８亿元，增长１０．５％", "１０．５％", 10.5, "percent",
         metric="fixed_asset_investment", growth_of="固定资产投资"),
    Case("全年新增就业两万人", "两万人", 2e4, "person", metric="new_jobs"),
    Case("引进各类人才一千二百名", "一千二百名", 1200, "person"),
    Case("全区金融机构存款余额2.3万亿元", "2.3万亿元", 2.3e12, "CNY"),
    Case("全市實現地區生產總值7569.5億元、增長5.6%", "7569.5億元", 7.5695e11, "CNY",
         metric="gdp"),
    Case("城鎮新增就業 1,267 萬人", "1,267 萬人", 1.267e7, "person", metric="new_jobs"),
    Case("本年度计划投资10-20亿元建设产业园", "10-20亿元", 1e9, "CNY", "ge", upper=2e9),
    Case("每年新建学校3至5所", "3至5所", 3, "item", "ge", upper=5),
    Case("經濟增長 4.5%—5%", "4.5%—5%", 4.5, "percent", "ge", metric="gdp", upper=5),
    Case("居民消费价格指数上涨百分之二点五", "百分之二点五", 2.5, "percent"),
    Case("规模以上工业增加值增长-3.3%", "-3.3%", -3.3, "percent"),
    Case("一般公共预算支出规模将首次达到 30 兆元", "30 兆元", 3e13, "CNY"),
    # text from PDF: spaces and line breaks inside figures
    Case("全区预计实现地区生产总值 369 亿元,增长\n7.6%;固定资产投资 316 亿\n元,增长 11.8%",
         "316 亿\n元", 3.16e10, "CNY", metric="fixed_asset_investment", kind="estimate"),
    Case("全区预计实现地区生产总值 369 亿元,增长\n7.6%;固定资产投资 316 亿\n元,增长 11.8%",
         "7.6%", 7.6, "percent", metric="gdp", kind="estimate"),
    Case("社会消费品零售总额实现261.5亿元,增长6.4%;城乡居民人均可支配收入分别达到28336元和13632元",
         "261.5亿元", metric="retail_sales"),
    # a unit shared by a list
    Case("分别拉动经济增长1.2、1.3和5.6个百分点", "1.2", 1.2, "pp", metric="other"),
    Case("分别拉动经济增长1.2、1.3和5.6个百分点", "5.6个百分点", 5.6, "pp"),
    # units
    Case("建成区面积达到52平方公里", "52平方公里", 5.2e7, "m2"),
    Case("完成植树造林1200公顷", "1200公顷", 1.2e7, "m2"),
    Case("粮食总产量238.6万吨,增长2.6%", "238.6万吨", 2.386e6, "t"),
    Case("全社会用电量12.5亿千瓦时", "12.5亿千瓦时", 1.25e9, "kwh"),
    Case("港口集装箱吞吐量120万标箱", "120万标箱", 1.2e6, "teu"),
    Case("新增光伏装机容量100兆瓦", "100兆瓦", 1e5, "kw"),
    Case("实际利用外资5425万美元,增长12.48%", "5425万美元", 5.425e7, "USD",
         metric="fdi_utilized"),
    # bounds
    Case("城镇登记失业率控制在4%以内", "4%以内", 4, "percent", "le"),
    Case("消费者物价指数升幅 2% 左右", "2% 左右", 2, "percent", "approx"),
    Case("新能源车年产量超過 1,600 萬輛", "超過 1,600 萬輛", 1.6e7, "item", "gt"),
    Case("全年引进上亿元项目20个", "上亿元", 1e8, "CNY", "ge"),
    Case("东方明珠国际大酒店等一批亿元项目达产达效", "亿元", 1e8, "CNY", "ge"),
    Case("新增高新技术企业200多家", "200多家", 200, "item", "approx"),
    Case("贫困发生率降至不到1%", "不到1%", 1, "percent", "lt"),
    # metrics
    Case("城镇常住居民人均可支配收入39159元", "39159元", metric="other"),
    Case("人均地区生产总值8.5万元、年均增长7.4%", "8.5万元", metric="other"),
    Case("推动数字经济增加值占地区生产总值比重突破40%", "突破40%", metric="other"),
    Case("引进固定资产投资项目30个", "30个", metric="other"),
    Case("日均签约金额超过2亿元", "超过2亿元", metric="other"),
    Case("完成招商引资总额588.9亿元,增长50.9%", "588.9亿元", metric="investment_contracted"),
    Case("完成招商引资总额588.9亿元,增长50.9%", "50.9%", metric="investment_contracted",
         growth_of="招商引资总额"),
    Case("财政总收入、一般公共预算收入分别达到1073.6亿元和638.7亿元", "1073.6亿元",
         metric="other"),
    Case("财政总收入、一般公共预算收入分别达到1073.6亿元和638.7亿元", "638.7亿元",
         metric="general_budget_revenue"),
    Case("一般公共预算收入35.4亿元,其中税收收入30.2亿元", "30.2亿元", metric="other"),
    Case("规模以上工业总产值847亿元,增长2.2%", "847亿元", metric="industrial_output"),
    Case("规模以上工业增加值193.5亿元,增长4.4%", "193.5亿元", metric="other"),
    Case("单位地区生产总值能耗下降3%", "3%", -3, "percent", metric="other"),
    Case("地区生产总值累计完成288.2亿元,年均增长4.1%", "4.1%", metric="gdp",
         growth_of="地区生产总值"),
    Case("一般公共预算收入70.11亿元,同口径下降19.4%", "19.4%", -19.4, "percent",
         metric="general_budget_revenue"),
    # periods and kinds
    Case("全年地区生产总值356.56亿元,下降4.2%", "356.56亿元", period="2020", kind="actual",
         title=BULLETIN),
    Case("全区实现地区生产总值1291.92亿元,增长6.2%", "1291.92亿元", period="2025Q1-2025Q3",
         title="涪陵区2025年前三季度经济运行情况"),
    Case("1-8月,全区新签约项目29个。", "29个", period="2018M01-2018M08",
         title="招商引资签约情况", listed=date(2018, 9, 19)),
    Case("1至3月,我区实现春季集中签约产业项目9个。", "9个", period="2019Q1",
         title="春季集中签约", listed=date(2019, 3, 14)),
    Case("今年上半年新签约项目293个。", "293个", period="unknown"),
    Case("全县1-9月累计完成固定资产投资30亿元。", "30亿元", kind="actual",
         title="2022年1-9月经济运行情况"),
    Case("全区共签约项目58个,计划总投资215亿元。", "215亿元", kind="actual"),
    Case("按照每人每年生活水平2300元(2010年不变价)的现行农村贫困标准计算,21063人全部脱贫。",
         "21063人", period="2020", title=BULLETIN),
    Case("——过去五年,全区地区生产总值年均增长8.1%。", "8.1%", period="2017-2021",
         kind="actual", title="东安区政府工作报告", stated=date(2022, 1, 20)),
    Case("——过去五年,累计完成招商引资到位资金131.8亿元。", "131.8亿元",
         metric="investment_in_place", period="2017-2021", kind="cumulative",
         title="东安区政府工作报告", stated=date(2022, 1, 20)),
    Case("一、2024年工作回顧\n全市實現地區生產總值7569.5億元", "7569.5億元", period="2024",
         kind="actual", title="2025年嘉興市人民政府政府工作報告", stated=date(2025, 2, 11)),
    # regions
    Case("全市新增就业5万人", "5万人", region="武汉市"),
]  # fmt: skip

REAL_PAGE_NON_FIGURES = [
    NoFigure("这项工作十分之重要。", "十分之"),
    NoFigure("改革开放四分之一个世纪以来。", "四分之一"),
    NoFigure("单位GDP能耗按万元GDP计算", "万元"),
    NoFigure("三次产业结构由2019年的4.6:45.7:49.7调整为5.1:42.5:52.4", "4.6"),
    NoFigure("在2018年度全省县域经济考核中,跃居一类县市区第四名", "第四名"),
    NoFigure("举办第十届中国国际中小企业博览会", "第十届"),
    NoFigure("三年行动计划", "三年"),
    NoFigure("电话:027-84844567", "027-84844567"),
    NoFigure("地区(qū)生产(chǎn)总值", "(qū)"),
    NoFigure("开发区建设三十余年来", "三十余年"),
    NoFigure("无数十年如一日坚守岗位的干部", "十"),
    NoFigure("全区951家规上工业企业中,累计产值前100名企业完成产值515.32亿元", "100名"),
    # a capacity in a project's name
    NoFigure("签约仪式在山东鲜之源生物科技有限公司年产3500吨果蔬保鲜剂项目现场举行", "3500吨"),
    # a number after 增长 that does not end its clause is no rate with a lost %
    NoFigure("产值比上年增长10以上的企业有5家", "10以上"),
    NoFigure("比赛以10:12结束", "10:12"),
    NoFigure("他在这里工作了十余年", "十余年"),
    # the noun after a bare magnitude gives a unit only for visitors
    NoFigure("全年发放逾千万就业补助资金。", "逾千万"),
    NoFigure("用户数量增长2000。", "2000"),  # no rate whose % was lost: a count
    # per-mille points: no unit of ours, and not 3.18 items
    NoFigure("自然增长率为-3.19‰,比上年下降3.18个千分点。", "3.18个"),
    NoFigure("完成投资2.\n3. 加快建设", "2.\n3"),
    NoFigure("工业增加值、地方一般公共预算收入3项指标增速全市第一", "3项"),
    # days are counted only in a sentence that names 天数; else durations
    NoFigure("全年空气质量优良天数320天。用15天时间完成改造", "15天"),
    NoFigure("连续30天开展巡查", "30天"),
    # 以上的 sorts projects only where projects are counted; durations beside 天数 stay
    NoFigure("年产量5万以上的企业15家", "5万以上"),
    NoFigure("空气优良天数持续增加,项目审批用时压缩至30天", "30天"),
    NoFigure("优良天数322天,工程建设项目审批时间压缩至60天以内", "60天"),
    # a full stop before a year ends a sentence
    NoFigure("总数达到30。2018年新增项目5个", "30。2018"),
]  # fmt: skip

BUGS_CAUGHT = [
    # found by a second reader of the set-5 fixes
    Case("一、2017年工作回顾\n过去一年,主要预期目标顺利完成。地区生产总值达到948亿元,增长7%。",
         "948亿元", period="2017", kind="actual", title=REPORT_2018, stated=date(2018, 1, 5)),
    Case("全县地区生产总值(2017年)达到450亿元。", "450亿元", period="2017", title="全县经济新闻",
         listed=date(2020, 1, 10)),
    Case("全县2000多名干部参加结对帮扶活动,帮扶资金达500万元。", "500万元", period="unknown",
         title="结对帮扶新闻"),
    Case("近年来,我区共引进项目20个。相比2019中国西部博览会签约额,增长10%。", "20个",
         period="unknown", title="招商新闻"),
    Case("地区生产总值、一般公共预算收入、固定资产投资、社会消费品零售总额、实际利用外资、进出口总额"
         "分别达到100亿元、10亿元、80亿元、50亿元、3亿美元和20亿元", "80亿元",
         metric="fixed_asset_investment"),
    Case("一、过去一年工作回顾\n地区生产总值增长7.8%。", "7.8%", period="2019",
         title="2019年陇县人民政府工作报告", stated=date(2019, 12, 28)),
    Case("项目建成投产前3个月免收租金,共引进企业10家。", "10家", period="2019", title="2019年招商"),
    Case("2018年汇率变动较大,全年进出口总额100亿元", "100亿元", period="2018",
         title="2018年经济运行"),
    # found by a second reader of the held-out fixes: a plan's reach ends only at what was
    # done of the very thing planned
    Case("2020年,我市计划实施重点项目100个,完成投资300亿元以上。", "300亿元以上", kind="target",
         title="我市重点项目建设"),
    Case("今年全市计划:完成地区生产总值1000亿元。", "1000亿元", kind="target", title="我市新闻"),
    # a gap to the target is no target
    Case("全市招商引资到位资金71.15亿元,超出目标10.15亿元。", "10.15亿元", kind="actual",
         metric="other"),
    # 由 before a year is a base only in 由<year>的<value>
    Case("该项目由2020年签约,总投资50亿元,当年完成投资12亿元。", "12亿元", period="2020",
         title="2021年工作总结"),
    # the nearest time governs: 自2015年…以来 after 1-6月
    Case("1-6月,新签约项目50个,自2015年开工以来累计完成投资710亿元。", "710亿元",
         kind="cumulative"),
    # spaces around a split decimal in PDF text
    Case("实现国内旅游收入 59. 4 亿元,增长 5. 2%", "59. 4 亿元", 5.94e9, "CNY"),
    # a percent growth after a share with no amount before it still has a subject
    Case("研发经费投入强度达到2.5%,增长12%", "12%", growth_of="研发经费投入强度"),
    # 计划 inside a quoted programme name is not a target cue
    Case(" 一、2017年工作回顾 引进“千人计划”专家10名、高层次人才200余名。", "200余名",
         kind="actual", title=REPORT_2018, stated=date(2017, 12, 26)),
    # 争取 in a report's review tells what was secured, not a goal
    Case(" 一、2020年工作回顾 为中小微企业争取纾困资金40余亿元。", "40余亿元", kind="actual",
         title=REPORT_2021, stated=date(2020, 12, 28)),
    # a year heading followed by 过去5年 on the next line switches to the five years
    Case("一、2025年工作回顾\n国内生产总值增长5%\n过去5年\n国内生产总值年均增长5.4%", "5.4%",
         period="2021-2025", title="政府工作报告要点", listed=date(2026, 3, 5)),
    # 圆 (圆满) is not 元
    Case("圆满完成目标任务,新增企业12家", "12家", 12, "item"),
    # a Chinese numeral, then 余/多/几, then the magnitude: not the bare magnitude (1e8)
    Case("累计完成投资两百多亿元", "两百多亿元", 2e10, "CNY", "approx"),
    Case("争取上级资金十余亿元", "十余亿元", 1e9, "CNY", "approx"),
    Case("带动就业二十多万人", "二十多万人", 2e5, "person", "approx"),
    Case("实现销售收入三千余万元", "三千余万元", 3e7, "CNY", "approx"),
    Case("引进十几亿元的项目", "十几亿元", 1e9, "CNY", "approx"),
    # 数/几/上 before a magnitude or 十: at least that order
    Case("总投资数十亿元的项目", "数十亿元", 1e9, "CNY", "ge"),
    Case("吸引几十万人次游客", "几十万人次", 1e5, "person_time", "ge"),
    Case("上百亿元的产业集群", "上百亿元", 1e10, "CNY", "ge"),
    # found by hypothesis: 十万 without 数/几/上 is a number, not a bare magnitude
    Case("新增就业十万人", "十万人", 1e5, "person", "eq"),
    # a rate whose clause names no place is of its level's place
    Case("全乡GDP达2.92亿元,增长10%", "10%", region="沅陵县/全乡", article_region="沅陵县"),
    Case("其中昆明市接待游客264.19万人次,同比增长11.97%。", "11.97%", region="昆明市",
         article_region="云南省"),
    Case("全区GDP增长9.5%,增速高于全市1.8个百分点。", "1.8个百分点", region="汉阳区"),
    # a change amount right after 减少/下降 is stored negative, as a fall in a rate is; a
    # level reached (减至) or what was cut (减少碳排放) is not
    Case("全县农作物种植面积8521.9公顷,比上年减少862公顷。", "862公顷", -8.62e6, "m2",
         metric="other", growth_of="全县农作物种植面积"),
    Case("城镇常住人口达到91425万人,比2020年末增加1205万人;", "1205万人", 1.205e7, "person",
         metric="other", growth_of="城镇常住人口"),
    Case("亏损企业数量较上年同期减少4户。", "4户", -4, "household"),
    Case("城镇人口分别减少4万人和5万人。", "5万人", -5e4, "person"),
    Case("贫困人口由13677户减至887户。", "887户", 887, "household"),
    Case("全年减少碳排放5万吨。", "5万吨", 5e4, "t"),
    # a fall over a range runs from the larger fall to the smaller; a fall of more than 3%
    # is a change below -3%
    Case("全区GDP同比下降3-5%。", "3-5%", -5, "percent", upper=-3),
    Case("全区GDP下降超过3%。", "超过3%", -3, "percent", "lt"),
    # a change amount with 了 is no level of its own either
    Case("新增就业27.6万人,同比减少了1.3万人,增长5%", "5%", metric="new_jobs",
         growth_of="新增就业"),
]  # fmt: skip

KNOWN_FAILURES = [
    # 两年平均增长 is a two-year average growth: read as the year's growth of the metric it
    # would be compared with the year's own rate (a false conflict), so it stays other
    Case("全市完成地区生产总值148.9亿元,同比增长12.3%,两年平均增长9.1%,", "9.1%", metric="gdp"),
    # 计划 ending a plan's name (X计划、Y计划等) reads as a plan cue: masking 计划、 also
    # masked 我市计划、谋划重大项目50个, a real plan, so it was taken back
    Case("旅游城市提升计划、旅游标准化实施计划等重点工作稳步推进,15个重大旅游项目相继开工建设。",
         "15个", kind="actual", title="广安旅游"),
    # X项目中 opening parts: as a cue it also made 全市招商引资到位资金 after 项目中 a part
    Case("新签项目中市内项目60个,协议资金43.1亿元,到位资金6.7亿元,占比72.8%;", "6.7亿元",
         metric="other"),
    # a count written with a small Chinese numeral (四个代表 style phrases make it unsafe)
    Case("兰州市新引进四个总部项目", "四个", 4, "item"),
    # a subtotal after a semicolon, with no 其中 of its own
    Case("协议总金额1052.97亿元,其中亿元以上新签约项目178个;协议总金额1004.44亿元", "1004.44亿元",
         metric="other"),
]  # fmt: skip


@pytest.mark.parametrize("case", SEED_CASES + SEED_PERIOD_CASES, ids=_ids)
def test_seed_phrase_reads_as_the_analyst_reads_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", REAL_PAGE_CASES, ids=_ids)
def test_phrase_of_another_real_page_reads_as_the_analyst_reads_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", BUGS_CAUGHT, ids=_ids)
def test_bug_once_caught_stays_fixed(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True)) for c in KNOWN_FAILURES],
    ids=_ids,
)
def test_known_failure_is_still_a_failure(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", SEED_NON_FIGURES + REAL_PAGE_NON_FIGURES, ids=_ids)
def test_words_that_hold_numerals_are_not_figures(case: NoFigure) -> None:
    start = case.text.index(case.surface)
    end = start + len(case.surface)
    figures = extract_text(case.text, title=case.title)
    overlapping = [f.surface for f in figures if f.start < end and start < f.end]
    assert overlapping == []


def test_a_user_metric_is_recognised_without_touching_code() -> None:
    figures = extract_text("全年税收收入30.2亿元", metrics={"tax_revenue": ["税收收入"]})
    assert [(f.surface, f.metric) for f in figures] == [("30.2亿元", "tax_revenue")]


def test_text_without_figures_gives_none() -> None:
    assert extract_text("") == []
    assert extract_text("坚持以习近平新时代中国特色社会主义思想为指导。") == []


HELD_OUT_STYLE_CASES = [
    # news: a time set off at the start of a clause frames its paragraph
    Case("今年1到10月,完成州外到位资金120.44亿元。其中,省外到位资金60.4亿元。", "60.4亿元",
         period="2018M01-2018M10", title="开发区招商引资工作取得实效", listed=date(2018, 11, 5)),
    Case("一季度,全县实现生产总值30亿元。\n3月末,全县贷款余额354.88亿元。\n六、居民收入\n全体居民人均可支配收入7256元。",
         "7256元", period="2025Q1", title="酉阳县2025年一季度经济运行情况"),
    # a task stated beside its outcome is for the same period, and a target
    Case("2023年,我区引进优强企业21家(任务数18家),上报到位资金36亿元(任务数34亿元)。", "18家",
         kind="target", period="2023"),
    Case("2023年,我区引进优强企业21家(任务数18家),上报到位资金36亿元(任务数34亿元)。", "21家",
         kind="actual", period="2023"),
    # 预计 after the first figure governs its ; part, or the year it names
    Case("本次集中签约的项目33个,预计全部建成达产后可年创税收5.7亿元;集中开工的项目40个。", "40个",
         kind="actual"),
    Case("本区生产总值先后跨越两百亿元、三百亿元台阶,预计2011年达到316亿元,比2006年增长85.7%;"
         "税收收入从2006年的19.8亿元增至2011年的48.6亿元。", "19.8亿元", period="2006", kind="actual",
         title="盐田区政府工作报告(2012年)"),
    Case("本区生产总值先后跨越两百亿元、三百亿元台阶,预计2011年达到316亿元,比2006年增长85.7%;"
         "税收收入从2006年的19.8亿元增至2011年的48.6亿元。", "85.7%", period="2007-2011",
         kind="estimate", metric="gdp", title="盐田区政府工作报告(2012年)"),
    Case("本区生产总值先后跨越两百亿元、三百亿元台阶,预计2011年达到316亿元,比2006年增长85.7%;"
         "税收收入从2006年的19.8亿元增至2011年的48.6亿元。", "48.6亿元", period="2011",
         kind="estimate", title="盐田区政府工作报告(2012年)"),
    # 五年累计 nearer the figure than the clause's year: summed over the five years
    Case("一、过去五年工作回顾\n2011年社会消费品零售总额达41.6亿元,全社会固定资产投资五年累计完成406.5亿元。",
         "406.5亿元", period="2007-2011", kind="cumulative", title="盐田区政府工作报告(2012年)",
         stated=date(2012, 1, 3)),
    Case("一、过去五年工作回顾\n2011年社会消费品零售总额达41.6亿元,全社会固定资产投资五年累计完成406.5亿元。",
         "41.6亿元", period="2011", kind="actual", title="盐田区政府工作报告(2012年)",
         stated=date(2012, 1, 3)),
    # 十五届 in a title is a congress, not the 十五 plan (2001-2005)
    Case("报告首先回顾了2017年工作。预计全年地区生产总值2.15万亿元,比上年增长7%以上。",
         "2.15万亿元", period="2017", kind="estimate", metric="gdp",
         title="广州市十五届人大三次会议上午开幕,温国辉作《政府工作报告》", listed=date(2018, 1, 11)),
    # a release titled for a quarter: a year in its lead is context, the quarter is the period
    Case("今年以来,全县紧扣2025年重点工作目标,扎实推动高质量发展。一季度全县经济增势良好。\n"
         "全县地区生产总值总量为52.22亿元,同比增长4.0%。", "52.22亿元", period="2025Q1",
         metric="gdp", title="郏县2025年一季度经济运行情况"),
    # a news article's 今年 is the year it was published, as its 1至9月 is
    Case("新华社北京2月14日电 今年春节假日期间,全国共接待游客3.02亿人次。", "3.02亿人次",
         period="2016", title="春节假期全国接待游客超3亿人次", listed=date(2016, 2, 14)),
    # ... but not in a repost listed years after the latest year its text names
    Case("2022年全区经济稳步增长。今年全区接待游客120万人次。", "120万人次", period="2022",
         title="全区旅游业持续回暖", listed=date(2025, 7, 1)),
    # 2014年以来 with nothing later in view says no span (not 2014-2014)
    Case("2014年以来,今年春节假日期间,全国共接待游客3.02亿人次。", "3.02亿人次",
         period="2016", title="春节假期全国接待游客超3亿人次", listed=date(2016, 2, 14)),
    # 今年以来 is the year to date: the title's 1至9月 says which part
    Case("据了解,今年以来,全省签约招商引资项目3989个。", "3989个", period="2024Q1-2024Q3",
         title="1至9月全省签约招商引资项目3989个", listed=date(2024, 10, 21)),
    # 期末 after a plan is its last year; 〞 is a closing quote
    Case("“十一五〞期末,全区完成生产总值249.1亿元,是“十五〞期末的1.9倍,年均增长15%;",
         "249.1亿元", period="2010", metric="gdp", title="区人民政府年度工作报告材料"),
    Case("“十一五〞期末,全区完成生产总值249.1亿元,是“十五〞期末的1.9倍,年均增长15%;",
         "15%", period="2006-2010", metric="gdp", title="区人民政府年度工作报告材料"),
    # the later items of a growth list are growth rates over the same base
    Case("2020年全市实现生产总值1097亿元、一般公共预算收入48.6亿元、税费收入144.8亿元,"
         "较2015年分别增长26.8%、12%、0.6%和25.9%。", "0.6%", period="2016-2020",
         title="政府工作报告(潮州市,2021年)", stated=date(2021, 2, 2)),
    # a news article about a report: 过去的一年 is the year before its listing
    Case("县长代表县政府作工作报告。报告指出,过去的一年实现地区生产总值415亿元,可比增长8.5%。",
         "415亿元", period="2018", metric="gdp", title="努力建设富强美丽幸福新莒县",
         listed=date(2019, 1, 29)),
    # the rates of a 分别 list are of the levels listed before it, in order
    Case("2020年全市实现生产总值1097亿元、一般公共预算收入48.6亿元、税费收入144.8亿元,"
         "较2015年分别增长26.8%、12%和25.9%。", "12%", metric="general_budget_revenue",
         growth_of="一般公共预算收入", title="政府工作报告(潮州市,2021年)", stated=date(2021, 2, 2)),
    # a name before an earlier figure of the clause is that figure's
    Case("2020年全市实现一般公共预算收入48.6亿元、税费收入144.8亿元。", "144.8亿元",
         metric="other", title="政府工作报告(潮州市,2021年)", stated=date(2021, 2, 2)),
    # 可比 and 比上年同期 before 增长 are comparisons, not what grew
    Case("过去的一年实现地区生产总值415亿元,可比增长8.5%。", "8.5%", metric="gdp",
         growth_of="过去的一年实现地区生产总值", title="政府工作报告", stated=date(2019, 1, 29)),
    Case("全国共接待游客3.02亿人次,比上年同期增长15.6%;", "15.6%", metric="tourists"),
    # 城乡…分别 splits the metric into the urban and the rural figure: neither is the headline
    Case("城乡居民人均可支配收入分别达28336元和13632元。", "13632元", metric="other"),
    Case("城乡居民人均可支配收入2.33万元,年均增长6.7%。", "2.33万元", metric="disposable_income"),
    # a headline inside another total (财政收入 其中 地方级收入) stays the headline
    Case("财政收入38.74亿元,增长4.26%,其中地方级收入26.5亿元,增长0.9%。", "26.5亿元",
         metric="general_budget_revenue"),
    # an outcome measured against the plan is done, not planned, and so is what follows it
    Case("一季度全省实现城镇新增就业27.6万人,完成全年计划的32.5%,同比增加1.3万人,增长5.0%;",
         "32.5%", kind="actual", title="一季度全省就业形势保持稳定", listed=date(2019, 5, 3)),
    Case("一季度全省实现城镇新增就业27.6万人,完成全年计划的32.5%,同比增加1.3万人,增长5.0%;",
         "1.3万人", kind="actual", title="一季度全省就业形势保持稳定", listed=date(2019, 5, 3)),
    # 预期增长 states a target
    Case("今年GDP预期增长7.5%左右", "7.5%左右", kind="target", metric="gdp",
         title="广州市十五届人大三次会议上午开幕", listed=date(2018, 1, 11)),
    # a per-capita amount in a five-year review is the last year's level, not a sum
    Case("“十三五”时期的工作回顾\n过去五年,城乡居民人均可支配收入2.33万元,年均增长6.7%。",
         "2.33万元", kind="actual", title="政府工作报告(潮州市,2021年)", stated=date(2021, 2, 2)),
    # a gap below what is compared is negative
    Case("全年全县地区生产总值增速落后于全市平均水平1.4个百分点,六县市排名第三位。",
         "1.4个百分点", -1.4, "pp"),
    Case("同比增长3.6%,比全市低1.7个百分点。", "1.7个百分点", -1.7, "pp"),
    # a task stated in a report on part of a year is the year's, unless it names its part
    Case("1-6月份,全市引进亿元以上省外项目资金额219.22亿元,完成年度目标任务589亿元的37.22%。",
         "589亿元", kind="target", period="2023", title="2023年1-6月招商引资工作情况"),
    Case("1-6月份,全市引进亿元以上省外项目资金额219.22亿元,完成年度目标任务589亿元的37.22%。",
         "219.22亿元", kind="actual", period="2023Q1-2023Q2", title="2023年1-6月招商引资工作情况"),
    Case("一季度,全县到位资金12亿元,完成一季度目标任务10亿元的120%。", "10亿元", kind="target",
         period="2024Q1", title="2024年一季度招商引资情况"),
    # 亿 of a task is money, also without 元
    Case("完成市下达任务100亿的100.2%;", "100亿", 1e10, "CNY", kind="target"),
    Case("共签约项目58个,提前完成区200亿招商引资任务。", "200亿", 2e10, "CNY", kind="target"),
    # a span of years shared out by 分别, and 年均 over it
    Case("2016年至2018年,分别完成国内生产总值236.3亿元、314.5亿元、365亿元,预计年均增长24.5%;",
         "314.5亿元", period="2017", metric="gdp"),
    Case("2016年至2018年,分别完成国内生产总值236.3亿元、314.5亿元、365亿元,预计年均增长24.5%;",
         "24.5%", period="2016-2018", kind="estimate", metric="gdp"),
    # a plan document's figures are targets of its year
    Case("实施产业升级技术改造项目5个。", "5个", kind="target", period="2021",
         title="区政府2021年工作计划"),
    # 主要预期目标 in a paragraph opens the plan year's targets up to the next heading
    Case("2017年全区生产总值增长8%。\n今年经济社会发展主要预期目标是:地区生产总值增长7.5%左右。经济结构"
         "不断优化,先进制造业增加值占制造业比重达到66%左右。", "66%左右", period="2018", kind="target",
         title="温国辉作《政府工作报告》", listed=date(2018, 1, 11)),
    Case("2017年全区生产总值增长8%。\n今年经济社会发展主要预期目标是:地区生产总值增长7.5%左右。", "8%",
         period="2017", kind="actual", title="温国辉作《政府工作报告》", listed=date(2018, 1, 11)),
    # news of an event named with its year, and no other time, is of that year
    Case("2017中外知名企业四川行活动期间,四川共签订正式合同项目750个,投资总额5663.26亿元。",
         "5663.26亿元", period="2017", title="四川签约5663亿元"),
    Case("2000家企业参加大会,签约项目750个。", "750个", period="unknown", title="大会召开"),
    # a growth rate whose % the page lost, and only where the rate ends its clause
    Case("主要预期目标为:地区生产总值增长7.5左右;规模以上工业增加值增长10;地方财政收入增长3;",
         "7.5左右", 7.5, "percent", "approx", metric="gdp", kind="target"),
    Case("主要预期目标为:地区生产总值增长7.5左右;规模以上工业增加值增长10;地方财政收入增长3;",
         "10", 10.0, "percent", growth_of="规模以上工业增加值"),
    # a ratio written a:1 is a level of the ratio, not a multiple
    Case("城乡收入比持续缩小,由上年同期的2.05:1下降为2.02:1。", "2.02:1", 2.02, "ratio",
         growth_of=None),
    # a year before a document name is part of the name
    Case("发表2026年施政报告。2025年首三季度本地生产总值3013.3亿元,按年实质增长4.2%", "4.2%",
         period="2025Q1-2025Q3", metric="gdp"),
]  # fmt: skip


# what a fourth independently annotated set (26 real pages) taught
SPLIT_DECIMALS = "实现国内旅游收入59. 4亿元,同比分别增长27. 7%和36.3%。"
FIVE_YEAR_REVIEW = (
    "一、过去五年工作回顾\n2021年,实现生产总值288.7亿元,年均增长5.1%;商务楼宇发展到36座。"
)
PLAN_THEN_DONE = "重点项目104个,计划投资93.68亿元,完成投资44.24亿元,占年度计划的47.2%。"
TASK_OF_THE_OUTCOME = (
    "1—12月,我县招商引资项目共到位资金71.15亿元,完成市政府考核目标61亿元的117%,同比增长42%。"
)
WHOLE_DISTRICT = "全区实现地区生产总值91.4亿元"
BASE_YEAR_VALUE = "2017年1到4月份,全市接待外省、市游客2216万人次,较2016年的1556万人次增长42.4%。"
FROM_LAST_YEAR = "产业结构构成由上年的22.26%、28.63%和49.11%调整为21.5%、29%和49.5%。"
# what a fifth independently annotated set taught
SET_5_CASES = [
    # a report titled with the year it reviews and delivered early the next year
    Case("一、过去一年工作回顾\n地区生产总值增长7.8%。", "7.8%", period="2019",
         title="2019年陇县人民政府工作报告(全文)", stated=date(2020, 1, 8)),
    Case("一、勠力奋战,过去一年政府工作成效显著\n2019年,是极具挑战的一年。全县地区生产总值增长3.3%。",
         "3.3%", period="2019", title="2019年梨树县政府工作报告"),
    Case("一、勠力奋战,克难攻坚,过去一年政府工作成效显著\n2019年,是极具挑战的一年。全县地区生产总值"
         "增长3.3%。", "3.3%", period="2019", title="2019年梨树县政府工作报告"),  # a soft wrap
    # the year before 政府工作报告 in the title is the report's year; a short line that ends
    # with a full stop is a sentence, not a heading
    Case("一年来,全面完成了各项工作任务。\n预计实现地区生产总值1261亿元,增长11%。", "1261亿元",
         period="2013", kind="estimate", title="沈阳市铁西区2014年政府工作报告"),
    # an outcome measured against the expected target, and a plan's name in quotes
    Case("1-6月全区实现生产总值77.46亿元,完成全年预期目标的47.8%,其中第一产业增加值1.0亿元。",
         "1.0亿元", kind="actual", title="区上半年国民经济运行情况分析"),
    Case("今年是“十五”计划的最后一年,1-6月全区实现生产总值77.46亿元。", "77.46亿元",
         kind="actual", title="区上半年国民经济运行情况分析"),
    # 前5个月 is January to May
    Case("今年前5个月,全县新签约投资5000万元以上项目18个,协议总投资49亿元。", "18个",
         period="2014M01-2014M05", title="我县招商项目质量进一步提升", listed=date(2014, 7, 2)),
    # a year in a parenthesis that closed is not the figure's
    Case("主要预期目标是:地区生产总值增长8%以上;一般公共预算支出(扣除2022年灾后恢复重建专项资金"
         "支出外)增长3%以上;", "3%以上", period="2023", title="漾濞县2023年政府工作报告"),
    # the year of an exchange rate is a base
    Case("人均地区生产总值19763元,按2018年平均汇率计算为2865美元。", "2865美元", period="2019",
         title="2019年洪洞县国民经济和社会发展统计公报"),
    # 城、乡 share one noun; 全乡 narrows nothing
    Case("城、乡居民人均可支配收入分别为22694元、9527元,增长8.5%、11%。", "9527元", metric="other"),
    Case("城、乡居民人均可支配收入分别为22694元、9527元,增长8.5%、11%。", "11%", metric="other"),
    Case("全年经济社会开展预期目标:全乡GDP达2.92亿元,比上年增加0.26亿元,增长10%;", "2.92亿元",
         metric="gdp", kind="target"),
    # names: 合同利用外资 is no utilised FDI, 旅游接待人数 counts visitors
    Case("合同利用外资14470万美元,实际利用外资13736万美元,", "14470万美元", metric="other"),
    Case("合同利用外资14470万美元,实际利用外资13736万美元,", "13736万美元", metric="fdi_utilized"),
    Case("10月2日全国旅游接待人数1.04亿人次,同比增长12.5%;", "1.04亿人次", metric="tourists"),
    # 十余家, 二十多个: a small numeral with 余 and a counted unit; not 十余年
    Case("上海道旭、安徽巨龙桥梁等十余家国内知名企业与该县共签约项目15个", "十余家", 10.0, "item",
         "approx"),
    # a list whose items say 个 and whose last says 个百分点
    Case("分别拉动GDP增长0.7个、5.1个、6.5个百分点。", "5.1个", 5.1, "pp"),
    # industrial_output is the output above designated size: 工业总产值 of all industry is
    # another measure, and 其中规模以上工业总产值 inside it is the headline
    Case("全市完成工业总产值103.8亿元,同比增长15%,其中规模以上工业总产值95.4亿元,增长16.6%;",
         "103.8亿元", metric="other"),
    Case("全市完成工业总产值103.8亿元,同比增长15%,其中规模以上工业总产值95.4亿元,增长16.6%;",
         "95.4亿元", metric="industrial_output"),
    # a completion share takes no name from the clause before; a growth rate after a change
    # (同比增加1.3万人) is the growth of the level before it
    Case("全省实现城镇新增就业27.6万人,完成全年计划的32.5%,同比增加1.3万人,增长5.0%;", "32.5%",
         metric="other"),
    Case("全省实现城镇新增就业27.6万人,完成全年计划的32.5%,同比增加1.3万人,增长5.0%;", "5.0%",
         metric="new_jobs", growth_of="全省实现城镇新增就业"),
    # a list longer than the reading window still knows the figure before (税费收入 names no
    # metric; the rate of it after 分别 neither)
    Case("2020年全市实现生产总值1097亿元、规模以上工业增加值269.7亿元、一般公共预算收入48.6亿元、"
         "税费收入144.8亿元,较2015年分别增长26.8%、12%、0.6%和25.9%", "144.8亿元", metric="other",
         ),
    Case("2020年全市实现生产总值1097亿元、规模以上工业增加值269.7亿元、一般公共预算收入48.6亿元、"
         "税费收入144.8亿元,较2015年分别增长26.8%、12%、0.6%和25.9%", "25.9%", metric="other"),
    # flights counted in 班
    Case("全国飞行航班58608班,同比减少8.8%。", "58608班", 58608.0, "item"),
]  # fmt: skip

SET_4_CASES = [
    # a percentage-point gap is between two rates: no value of the metric
    Case("完成固定资产投资总额200471万元,同比增长44.8%,增速回落8.1个百分点。", "8.1个百分点", -8.1,
         "pp", metric="other", growth_of="固定资产投资总额"),
    # the later items of a long list of falls are falls too
    Case("增幅比今年1-3月、1-4月、1-5月、1-6月分别回落2.3个百分点、0.4个百分点、2.7个百分点和0.9个百分点",
         "0.9个百分点", -0.9, "pp"),
    # the care-of sign a converter wrote for a percent sign
    Case("全县生产总值实现131487万元,同比增长15℅;", "15℅", 15.0, "percent", metric="gdp"),
    # a space after the decimal point, but not after a list marker
    Case(SPLIT_DECIMALS, "59. 4亿元", 5.94e9, "CNY"),
    Case(SPLIT_DECIMALS, "27. 7%", 27.7, "percent"),
    Case("1. 2019年全区实现生产总值500亿元", "500亿元", 5e10, "CNY"),
    # 年均增长 in a five-year review is over the review's years, also after a single year
    Case(FIVE_YEAR_REVIEW,
         "5.1%", period="2017-2021", metric="gdp", title="2022年新华区政府工作报告"),
    Case(FIVE_YEAR_REVIEW,
         "288.7亿元", period="2021", title="2022年新华区政府工作报告"),
    Case(FIVE_YEAR_REVIEW,
         "36座", kind="actual", title="2022年新华区政府工作报告"),
    # 累计 of a part of a year is that part's total, also where the page never says the year
    Case("1-6月,钢铁企业累计完成产值同比下降15.5%,增速低于去年同期1.9个百分点。", "15.5%",
         kind="actual", title="全区工业运行情况"),
    # a clause of what was done ends the reach of a plan before it
    Case(PLAN_THEN_DONE, "44.24亿元",
         kind="actual", title="全县经济运行情况"),
    Case(PLAN_THEN_DONE, "47.2%",
         kind="actual", title="全县经济运行情况"),
    Case("其华中区域总部计划投资超百亿元,将带动相关产业资源集聚。", "超百亿元", kind="target",
         title="汉阳一季度招商引资强劲"),
    # a task named 目标 is a target of the outcome's metric; the growth after it is the outcome's
    Case(TASK_OF_THE_OUTCOME,
         "61亿元", kind="target", metric="investment_in_place"),
    Case(TASK_OF_THE_OUTCOME,
         "42%", metric="investment_in_place", growth_of="我县招商引资项目共到位资金"),
    # a percent growth grows the last amount, not a share of the task done
    Case("截止5月份,全县固定资产投资完成74.5亿元,完成年度任务的35.48%,同比增长24.6%。", "24.6%",
         metric="fixed_asset_investment"),
    # 城乡…分别增长: the urban and the rural rate
    Case("地区生产总值增长7%,城乡居民人均可支配收入分别增长4.8%、7.2%。", "7.2%", metric="other",
         growth_of="城乡居民人均可支配收入"),
    # 其中: with a colon opens a list of parts across ;
    Case("到位资金133.8亿元。其中:新签项目71个,到位资金9.2亿;续建项目108个,到位资金124.5亿元。",
         "124.5亿元", metric="other"),
    Case("签约项目120个,签约额500亿元,其中亿元以上项目签约额32亿元。", "32亿元", metric="other"),
    # the visitors of a scenic spot or a travel agency are not the region's
    Case("乐山大佛景区接待游客103.65万人次,同比增长10.02%;", "103.65万人次", metric="other"),
    Case("全市接待游客301.6万人次,同比增长23.1%;", "301.6万人次", metric="tourists"),
    # names of the in-place money of 招商
    Case("实际使用内资30.2亿元、外资381万美元。", "30.2亿元", metric="investment_in_place"),
    Case("全市实际到位外省资金突破700亿元,", "突破700亿元", metric="investment_in_place"),
    # 全区 in an article of a city is some district of it, 全区 of an autonomous region itself
    Case(WHOLE_DISTRICT, "91.4亿元", region="铜陵市/全区", article_region="铜陵市"),
    Case(WHOLE_DISTRICT, "91.4亿元", region="汉阳区"),
    Case("全区实现地区生产总值2.6万亿元", "2.6万亿元", region="广西壮族自治区",
         article_region="广西壮族自治区"),
    # 全乡 in a county's article is a township of it
    Case("全乡GDP达2.92亿元,增长10%", "2.92亿元", region="沅陵县/全乡", article_region="沅陵县"),
    # the counted noun right after a bare magnitude gives its unit
    Case("1-9月逾千万游客游四川广安", "逾千万", 1e7, "person_time", "gt"),
    # a value after its base year is that year's, for the same part of it
    Case(BASE_YEAR_VALUE,
         "1556万人次", period="2016M01-2016M04"),
    Case(BASE_YEAR_VALUE,
         "42.4%", period="2017M01-2017M04"),
    Case(FROM_LAST_YEAR, "28.63%",
         period="2022", title="2023年县国民经济和社会发展统计公报"),
    Case(FROM_LAST_YEAR, "29%",
         period="2023", title="2023年县国民经济和社会发展统计公报"),
]  # fmt: skip


@pytest.mark.parametrize("case", SET_5_CASES, ids=_ids)
def test_phrase_of_the_fifth_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", SET_4_CASES, ids=_ids)
def test_phrase_of_the_fourth_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", HELD_OUT_STYLE_CASES, ids=_ids)
def test_held_out_style_phrase_reads_as_the_analyst_reads_it(case: Case) -> None:
    _check(case)


LEVEL_AND_DECLINE_CASES = [
    # reaching a level is a threshold passed, and the verb stays outside the surface
    Case("盐田港区集装箱年吞吐量三次跨越千万标箱", "千万标箱", 1e7, "teu", "ge"),
    Case("本区生产总值先后跨越两百亿元、三百亿元台阶", "两百亿元", 2e10, "CNY", "ge"),
    # a fall in percentage points is negative, also for the items of a list
    Case("城镇登记失业率比上年下降0.8个百分点", "0.8个百分点", -0.8, "pp"),
    Case("第一、二产业比重分别下降2.16和1.66个百分点", "2.16", -2.16, "pp"),
]  # fmt: skip


@pytest.mark.parametrize("case", LEVEL_AND_DECLINE_CASES, ids=_ids)
def test_levels_reached_and_falls_read_as_the_analyst_reads_them(case: Case) -> None:
    _check(case)


# from-to lists: 分别由A、B增加到C、D pairs the i-th value of each list with the i-th item
_FIVE_YEARS = (
    "过去五年,全区地区生产总值和一般公共预算收入分别由120亿元、8.5亿元增加到185亿元、12.3亿元。"
)
_INCOMES = "五年来,城乡居民人均可支配收入分别由18500元和8200元增加到28250元和12975元。"
_BEFORE = "过去五年,地区生产总值和一般公共预算收入由20亿元和3亿元分别增加到29亿元和5亿元。"
_STATED = "城乡居民人均可支配收入分别由2012年的18500元、8200元增加到2016年的28250元、12975元。"
FROM_TO_LIST_CASES = [
    Case(_FIVE_YEARS, "120亿元", metric="gdp", period="2011", kind="actual", title=REPORT_2017),
    Case(_FIVE_YEARS, "8.5亿元", metric="general_budget_revenue", period="2011", kind="actual",
         title=REPORT_2017),
    Case(_FIVE_YEARS, "185亿元", metric="gdp", period="2016", kind="actual", title=REPORT_2017),
    Case(_FIVE_YEARS, "12.3亿元", metric="general_budget_revenue", period="2016", kind="actual",
         title=REPORT_2017),
    Case("2016年,全区地区生产总值和一般公共预算收入分别由120亿元、8.5亿元增加到135亿元、9.3亿元。",
         "8.5亿元", metric="general_budget_revenue", period="2015", title=REPORT_2017),
    # 城乡…: two values of one name in each list, the name before them both
    Case(_INCOMES, "8200元", metric="other", period="2011", title=REPORT_2017),
    Case(_INCOMES, "28250元", metric="other", period="2016", title=REPORT_2017),
    Case(_STATED, "8200元", period="2012", title=REPORT_2017),
    Case(_STATED, "12975元", period="2016", title=REPORT_2017),
    # the from values before 分别 (由20亿元和3亿元分别增加到…): the items before 由
    Case(_BEFORE, "20亿元", metric="gdp", period="2011", kind="actual", title=REPORT_2017),
    Case(_BEFORE, "3亿元", metric="general_budget_revenue", period="2011", kind="actual",
         title=REPORT_2017),
    Case(_BEFORE, "29亿元", metric="gdp", period="2016", title=REPORT_2017),
    Case(_BEFORE, "5亿元", metric="general_budget_revenue", period="2016", title=REPORT_2017),
    Case("地区生产总值和一般公共预算收入由2012年的20亿元和3亿元分别增加到29亿元和5亿元。", "3亿元",
         metric="general_budget_revenue", period="2012", title=REPORT_2017),
]  # fmt: skip


# what a twelfth independently annotated set (19 real pages) taught, first read untuned
_BAOSHAN = (
    "2018年,我们完成一般公共预算收入160.5亿元,同比增长6.2%;预计地区生产总值将达到1400亿元,"
    "同比增长5.3%;固定资产投资496.1亿元,同比增长17.5%;商品销售和社会消费品零售总额同比分别"
    "增长14.3%和2.5%。"
)
SET_12_CASES = [
    # the 将 of a forecast (预计…将达到) is no plan: the clauses after it are outcomes
    Case(_BAOSHAN, "1400亿元", metric="gdp", kind="estimate", title="宝山区八届人大四次会议隆重开幕"),
    Case(_BAOSHAN, "496.1亿元", kind="actual", title="宝山区八届人大四次会议隆重开幕"),
    Case(_BAOSHAN, "17.5%", kind="actual", growth_of="固定资产投资",
         title="宝山区八届人大四次会议隆重开幕"),
    # rates after 分别 as many as the items before it: the i-th rate is of the i-th item
    Case(_BAOSHAN, "14.3%", metric="other", growth_of="商品销售", title="宝山区八届人大四次会议隆重开幕"),
    Case(_BAOSHAN, "2.5%", metric="retail_sales", growth_of="社会消费品零售总额",
         title="宝山区八届人大四次会议隆重开幕"),
    Case("规上工业增加值、固定资产投资分别增长8%、10%。", "8%", metric="other",
         growth_of="规上工业增加值"),
    Case("规上工业增加值、固定资产投资分别增长8%、10%。", "10%", metric="fixed_asset_investment",
         growth_of="固定资产投资"),
    # (two names in three pieces: the list's phrase, not a piece)
    Case("汽车类、石油及制品类零售额分别增长16.6%、7.8%。", "7.8%",
         growth_of="汽车类、石油及制品类零售额"),
    # 目标主要是 opens a list of targets
    Case("报告提出明年的奋斗目标主要是:地区生产总值增长10%,力争11.5%。", "10%", metric="gdp",
         kind="target", period="2014", title="贡井区第十七届人大第三次会议隆重开幕",
         listed=date(2013, 12, 26)),
    # 增长10%,力争11.5%: the stretch target is a rate of the same measure
    Case("报告提出明年的奋斗目标主要是:地区生产总值增长10%,力争11.5%;区属固定资产投资增长25%,力争30%。",
         "11.5%", 11.5, "percent", metric="gdp", kind="target", growth_of="地区生产总值",
         title="贡井区第十七届人大第三次会议隆重开幕", listed=date(2013, 12, 26)),
    Case("报告提出明年的奋斗目标主要是:地区生产总值增长10%,力争11.5%;区属固定资产投资增长25%,力争30%。",
         "30%", metric="fixed_asset_investment", growth_of="区属固定资产投资",
         title="贡井区第十七届人大第三次会议隆重开幕", listed=date(2013, 12, 26)),
    # the total investment of a number of projects signed is investment contracted
    Case("24日,在杭州举行的洽谈会上,新洲区一次签下7个项目,投资总额达146.5亿元。", "146.5亿元",
         metric="investment_contracted"),
    Case("截至今年10月底,东安县签约项目共40个,总投资113.86亿元。", "113.86亿元",
         metric="investment_contracted"),
    # (not a part, a size class, a mix with projects started, or one project's)
    Case("今年前三季度,该区共签约亿元以上项目57个,总投资额为655亿元。", "655亿元", metric="other"),
    Case("此次集中签约、开工项目共73个,总投资359.93亿元。", "359.93亿元", metric="other"),
    Case("对接了光伏电站项目,总投资1500万美元的电感器生产项目签约落地。", "1500万美元",
         metric="other"),
    # what projects will yield once they run: an estimate for no stated time
    Case("2012年,新洲区签约7个项目。待7个新签项目达产后,预计年总产值将达300亿元,新增就业岗位3万个。",
         "3万个", kind="estimate", period="unknown"),
    Case("2019年引进项目43个,全部投产后年产值约3亿元。", "约3亿元", kind="estimate",
         period="unknown"),
    # 五年翻一番: a multiple over the years it names (not 提前两年: two years early)
    Case("公共财政预算收入10.6亿元,实现五年翻一番。", "翻一番", 2, "ratio", period="2012-2016",
         title="2017年黄梅县人民政府工作报告", stated=date(2016, 12, 16)),
    Case("财政总收入3.12亿元,增长37%,提前两年实现翻番目标。", "翻番", period="2008",
         title="2009年县政府工作报告", stated=date(2009, 1, 10)),
    # a value of no name of its own goes on with the named amount before it
    Case("公共财政预算收入在2011年突破10亿元的基础上,2015年又突破20亿元大关,达21.5亿元,"
         "是十一五末的2.84倍。", "21.5亿元", metric="general_budget_revenue", period="2015",
         title="2016年梅县区人民政府工作报告"),
    Case("公共财政预算收入在2011年突破10亿元的基础上,2015年又突破20亿元大关,达21.5亿元,"
         "是十一五末的2.84倍。", "2.84倍", metric="general_budget_revenue",
         growth_of="公共财政预算收入", title="2016年梅县区人民政府工作报告"),
    # (a ; starts another statement: 集中开工的项目40个 is what was started)
    Case("2021年,集中签约项目33个,预计全部建成达产后可年创税收5.7亿元;集中开工的项目40个,"
         "总投资279亿元。", "279亿元", kind="actual", period="2021"),
]  # fmt: skip


# what the second reading of this session's rules found (each read wrong once)
SECOND_READING_CASES = [
    # a from value stated with its own time is of that time, not the year before
    Case("全区户籍人口和常住人口分别由2015年末的52万人、48万人增加到53万人、49万人。", "48万人",
         period="2015", title=REPORT_2017),
    Case("2016年,全区城乡居民人均可支配收入分别由一季度的6500元、3200元增加到全年的28250元、"
         "12975元。", "3200元", period="2016", metric_text="城乡居民人均可支配收入",
         title=REPORT_2017),
    # 分别由 X承担: by, not from
    Case("2016年,项目所需资金分别由省级财政和县级财政承担60%和40%。", "60%", period="2016",
         title=REPORT_2017),
    # pair by pair: 分别由A增加到C、由B增加到D
    Case("过去五年,全区地区生产总值、一般公共预算收入分别由120亿元增加到185亿元、由8.5亿元增加到"
         "12.3亿元。", "8.5亿元", metric="general_budget_revenue", period="2011", title=REPORT_2017),
    Case("过去五年,全区地区生产总值、一般公共预算收入分别由120亿元增加到185亿元、由8.5亿元增加到"
         "12.3亿元。", "185亿元", metric="gdp", period="2016", title=REPORT_2017),
    # 由 inside a word opens no list of values
    Case("自由贸易试验区和综合保税区2016年分别实现进出口额80亿元和70亿元。", "70亿元",
         metric_text="综合保税区", title=REPORT_2017),
    # times and qualifiers of one name before 分别: the rates are of that name
    Case("一季度、上半年和前三季度全区地区生产总值分别增长6.1%、6.5%和7.2%。", "6.1%", metric="gdp",
         title=REPORT_2017),
    Case("轻工业、重工业增加值分别增长5%、6%。", "5%", growth_of="轻工业、重工业增加值"),
    # a stretch target ends its clause
    Case("2016年,全区地区生产总值增长7.5%,争取8%的预期目标未能完成。", "8%", metric="other",
         title=REPORT_2017),
    Case("一般公共预算收入增长8%,争取70%以上用于民生。", "70%以上", metric="other"),
    # a signed total within its own statement (a ; starts another)
    Case("今年以来,全区签约项目20个,总投资86亿元;谋划储备重大项目100个,总投资1000亿元。",
         "1000亿元", metric="other"),
    Case("全年新签约项目20个;续建项目35个,总投资180亿元。", "180亿元", metric="other"),
    # (a third reading) a later change after a comma is another statement, not a pair
    Case("2017年,地区生产总值、一般公共预算收入分别由2016年的120亿元、12亿元增加到135亿元、"
         "13.5亿元,城乡收入比由2.1缩小到2.0。", "12亿元", metric="general_budget_revenue",
         period="2016", title="2018年某县政府工作报告", stated=date(2018, 1, 10)),
    # lists of distinct measures split; qualifiers and times of one name do not
    Case("GDP、固定资产投资分别增长8%和12%。", "8%", metric="gdp"),
    Case("税收、一般公共预算收入分别增长12%、10%。", "12%", metric="other", growth_of="税收"),
    Case("城镇、农村居民人均可支配收入分别增长8.1%、9.2%。", "8.1%",
         growth_of="城镇、农村居民人均可支配收入"),
    # a name that starts with a digit is no value
    Case("全县3A级景区、4A级景区分别达到10家、5家。", "5家", metric_text="4A级景区"),
    # 上年 and 年初 before a from value: the year before, still
    Case("财政收入和税收收入分别从上年的20亿元和15亿元增加到22亿元和16亿元。", "15亿元",
         period="2015", title="2017年某县政府工作报告", stated=date(2017, 1, 10)),
    # done, not what projects will yield (全部建成 without 后; 当年, 已 after 投产后)
    Case("2016年,全县50个重点项目全部建成,完成投资80亿元。", "80亿元", kind="actual",
         period="2016"),
    Case("2016年,项目投产后当年实现产值2亿元。", "2亿元", kind="actual", period="2016"),
    Case("项目建成后可实现年产值15亿元,带动就业500人,目前已完成投资3亿元。", "3亿元",
         kind="actual", title="2017年某县政府工作报告", stated=date(2017, 1, 10)),
    Case("到2020年项目全部建成后,年产值将达100亿元。", "100亿元", kind="estimate", period="2020"),
    # no inheritance past a share or a rate, or across a clause of another subject
    Case("全年一般公共预算收入10亿元,增长8%,民生支出占财政支出的80%,达到20亿元。", "20亿元",
         metric="other"),
    Case("全年接待游客500万人次,增长12%,乡村旅游持续升温,达到200万人次。", "200万人次",
         metric="other"),
    # years of a multiple: several numerals; 连续 is each year
    Case("全县生产总值十五年翻了两番。", "翻了两番", period="2002-2016",
         title="2017年某县政府工作报告", stated=date(2017, 1, 10)),
    Case("财政收入连续三年翻番。", "翻番", period="2016", title="2017年某县政府工作报告",
         stated=date(2017, 1, 10)),
    # a stretch target with a note
    Case("地区生产总值增长7.5%,力争8%(按可比价计算)。", "8%", metric="gdp"),
]  # fmt: skip

SET_12_CASES_LATE = [
    # a day's peak is no bound (最高给予2000万元 is)
    Case("全县接待游客最多的一天达6035人次。", "6035人次", bound="eq"),
    Case("日最高接待游客6035人次。", "6035人次", bound="eq"),
    Case("单个项目最多补助50万元。", "50万元", bound="le"),
    # speech in quotes is read for cues; a quoted name is not (“千人计划”)
    Case("“二期建设即将启动,全部投产后年产值约3亿元。”从深圳引进的声海电子。", "约3亿元",
         kind="estimate", period="unknown", title="临武县2019年引进新项目43个",
         listed=date(2020, 1, 22)),
]  # fmt: skip


# what a thirteenth independently annotated set (17 real pages) taught, first read untuned
SET_13_CASES = [
    # 全年 with no year of its own is of the year the sentence before is about
    Case("他指出,刚刚过去的2016年,是仁和攻坚克难的一年。全年预计实现地区生产总值215.6亿元,同比增长"
         "9.1%。", "215.6亿元", period="2016", kind="estimate",
         title="仁和区十二届人大二次会议隆重开幕", listed=date(2017, 1, 10)),
    # (not across a paragraph, or past a year of its own)
    Case("2021年全县生产总值97亿元。\n\n全年城镇新增就业1254人。", "1254人", period="2022",
         title="2022年云和县国民经济和社会发展统计公报"),
    # all the spots are the whole: 各景点共接待游客
    Case("全县各景点共接待游客40.1万人次。", "40.1万人次", metric="tourists"),
    Case("乐山大佛景区接待游客103.65万人次。", "103.65万人次", metric="other"),
    # 签约 is a word, not 签 before 约 (about)
    Case("此次签约的8个项目包括大寺峪项目等。", "8个", metric_text="此次签约"),
    Case("全年实现地区生产总值约500亿元。", "约500亿元", metric_text="地区生产总值"),
    # a number wrapped before its decimal point reads whole (was 1 percent)
    Case("规模以上工业增加值增长1\n.5%。", "1\n.5%", 1.5, "percent"),
    Case("固定资产投资207亿元,是2011年的2 .7倍。", "2 .7倍", 2.7, "ratio"),
    # a magnitude and 余 before a counted unit: about that many
    Case("景区推出特色商品百余种。", "百余种", 100, "item", "approx"),
    Case("引进企业千余家。", "千余家", 1000, "item", "approx"),
    # fractions are percents, with their bounds
    Case("民营经济占全县经济总量的三分之一。", "三分之一", 100 / 3, "percent", "eq"),
    Case("客源以苏沪浙地区为主,占到游客总人数三分之二以上。", "三分之二以上", 200 / 3, "percent",
         "ge"),
    # (a fourth reading) a bulletin's or a titled text's 全年 keeps its own year
    Case("全县共有国家A级景区5个,其中2019年新增1个。全年接待游客120万人次。", "120万人次",
         period="2020", title="2020年某县国民经济和社会发展统计公报", listed=date(2021, 3, 10)),
    Case("该县始建于1958年。全年接待游客120万人次。", "120万人次", period="2020",
         title="2020年某县国民经济和社会发展统计公报", listed=date(2021, 3, 10)),
    # all the spots, wherever 各 stands before them; not all the townships
    Case("全县各A级景区共接待游客40.1万人次。", "40.1万人次", metric="tourists"),
    Case("全县所有乡镇地区生产总值均超过10亿元。", "超过10亿元", metric="other"),
    # fractions of two-character denominators; a fraction of a time is none
    Case("占全省十三分之一。", "十三分之一", 100 / 13, "percent"),
    Case("二十分之一的企业亏损。", "二十分之一", 5, "percent"),
    # 执行为, 编制约: 为 and 约 are no part of these words
    Case("全县一般公共预算支出执行为32亿元。", "32亿元", metric_text="全县一般公共预算支出执行"),
]  # fmt: skip


@pytest.mark.parametrize("case", SET_13_CASES, ids=_ids)
def test_phrase_of_the_thirteenth_held_out_set_reads_as_its_analyst_reads_it(
    case: Case,
) -> None:
    _check(case)


@pytest.mark.parametrize("case", SET_12_CASES_LATE, ids=_ids)
def test_peaks_and_speech_read_as_their_analyst_reads_them(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", SECOND_READING_CASES, ids=_ids)
def test_what_the_second_reading_found_reads_right(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", SET_12_CASES, ids=_ids)
def test_phrase_of_the_twelfth_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", FROM_TO_LIST_CASES, ids=_ids)
def test_a_list_of_from_values_pairs_with_its_list_of_to_values(case: Case) -> None:
    _check(case)


def test_the_to_values_of_a_paired_list_keep_the_lists_name() -> None:
    figures = extract_text(_INCOMES, title=REPORT_2017)
    assert {f.metric_text for f in figures} == {"城乡居民人均可支配收入"}


# what a sixth independently annotated set (26 real pages) taught
SET_6_CASES = [
    # a report titled with the year it reviews, listed (not only stated) in the January after
    Case("全县地区生产总值增长12.6%达92.9亿元。", "92.9亿元", period="2021",
         title="《政府工作报告》摘要(一):2021年 全县经济社会发展各项目标任务高质量全面完成",
         listed=date(2022, 1, 24)),
    # 据统计预测 is an estimate
    Case("据统计预测,全县地区生产总值增长12.6%达92.9亿元。", "92.9亿元", kind="estimate",
         title="2021年政府工作报告", listed=date(2022, 1, 24)),
    # news of a day is of that day's month, in the year of its date
    Case("12月9日,光明区在深圳全球招商大会上成功签约5个项目,总投资150亿元。", "150亿元",
         period="2024M12", title="光明区签约5个项目", listed=date(2024, 12, 9)),
    Case("5月1日-5日,全县累计接待游客5.04万人次,同比增长14.5%。", "5.04万人次",
         period="2021M05", kind="actual", title="旺苍县“五一”小长假旅游情况综述",
         listed=date(2021, 5, 6)),
    Case("截至1日12时,全区共接待游客11.9万人次。", "11.9万人次", period="2021M10",
         title="蓟州区国庆首日接待游客11.9万人次", listed=date(2021, 10, 2)),
    # in the year before the date when the day's month is later than the date's
    Case("12月30日,全区集中签约项目12个。", "12个", period="2022M12",
         title="全区集中签约", listed=date(2023, 1, 3)),
    # a year the lead names before the day, or the title's
    Case("2017年9月9日,投资环境说明会举行。共签约50个合作项目。", "50个", period="2017M09",
         title="投资环境说明会举行"),
    # a figure before 的目标 is the target; after 高于…目标, the gap to it
    Case("财政收入2.01亿元,较上年增长26.4%,高于年初人代会12%的目标14.4个百分点。", "12%",
         kind="target", title="2007年政府工作报告"),
    Case("财政收入2.01亿元,较上年增长26.4%,高于年初人代会12%的目标14.4个百分点。",
         "14.4个百分点", kind="actual", title="2007年政府工作报告"),
    # short names of the local budget revenue; GDP能耗 is no GDP
    Case("财政总收入12.57亿元,增长25%,其中地方收入5.68亿元,增长25%。", "5.68亿元",
         metric="general_budget_revenue"),
    Case("财政总收入、公共预算收入分别完成6.1亿元、3.6亿元。", "3.6亿元",
         metric="general_budget_revenue"),
    Case("年均GDP能耗下降5%。", "5%", metric="other"),
    # levels that inherit a 城乡 name from the clause before are the pair, not the headline
    Case("城乡常住居民人均可支配收入分别增长12%和13%,分别达43366元和13835元。", "43366元",
         metric="other"),
    # a line break that wraps a number, not one before a list marker
    Case("规模以上工业增加值完成52.1亿元,是2011年的1.\n37倍;", "1.\n37倍", 1.37, "ratio"),
    # from a second reading of the set-6 rules: a change is no level for the next figure
    Case("全年发生生产安全事故12起,比上年减少3起,比2019年减少5起。", "5起", -5,
         growth_of="发生生产安全事故"),
    Case("全区生产总值比上年增加8亿元,增长7%。", "7%", metric="gdp", growth_of="生产总值"),
    # what was cut, with its noun after the amount, is no change of a level
    Case("全年减少5000吨碳排放。", "5000吨", 5000, "t", growth_of=None),
    # the month is the news' only for a holiday its title names or an event's day
    Case("全区地区生产总值增长8%。国庆期间,全区接待游客10万人次。", "10万人次", period="2021",
         title="光明区2021年经济运行情况", listed=date(2021, 10, 20)),
    Case("1月18日,区政府召开新闻发布会。全区地区生产总值120亿元。", "120亿元",
         period="unknown", title="光明区召开新闻发布会", listed=date(2022, 1, 18)),
    Case("截至12月31日,全区累计签约项目56个。", "56个", period="unknown",
         title="全区集中签约项目", listed=date(2022, 1, 5)),
    Case("今年以来,全区接待游客1200万人次。10月1日至7日,全区接待游客80万人次。",
         "1200万人次", period="2021", title="国庆假期旅游市场火爆", listed=date(2021, 10, 8)),
    Case("五一期间,预计接待游客10万人次。", "10万人次", period="2022M05",
         title="“五一”假期旅游预测", listed=date(2022, 4, 20)),
    Case("五一路片区改造项目总投资12亿元。", "12亿元", period="unknown",
         title="五一路片区改造项目签约", listed=date(2021, 6, 1)),
    # a province's own target after 低于 is the province's
    Case("全区增长8%,低于全省目标15%的水平。", "15%", kind="target", region="广东省",
         article_region="光明区"),
    # what a seventh independently annotated set taught (first measured untuned)
    # a text that opens as a report is one, whatever its title; its heading gives the year
    Case("各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。\n一、2008年工作回顾\n"
         "2008年全区生产总值完成142亿元,增长14.7%。财政总收入达到16.37亿元。", "16.37亿元",
         period="2008", title="区政府工作会议的讲话", listed=date(2022, 7, 15)),
    # a heading of what was done of a plan is a review; its sub-headings keep its period
    Case("一、2023年上半年国民经济和社会发展计划执行情况\n(一)主要目标完成情况\n2023年上半年,"
         "全区实现地区生产总值806亿元。城镇常住居民人均可支配收入完成29092元。", "29092元",
         period="2023Q1-2023Q2", kind="actual",
         title="关于官渡区2023年上半年国民经济和社会发展计划执行情况的报告",
         stated=date(2023, 8, 31)),
    # an event's day refines the year its lead names, not 今年 (the year to date)
    Case("3月4日,石泉县2020年招商引资项目集中签约仪式成功举行。会上签订19个招商引资项目。",
         "19个", period="2020M03", title="石泉县2020年招商引资项目集中签约仪式成功举行"),
    Case("光明区在12月9日深圳全球招商大会上成功签约5个项目。今年已招引落地项目570个。其中优质"
         "项目58个。", "58个", period="2024", title="光明区深圳全球招商大会签约5个项目",
         listed=date(2024, 12, 9)),
    # a tally of indicators is no figure; a scenic spot's visitors are not the county's
    Case("五凤古镇接待游客12.5万人次,金堂县绿道接待游客8.3万人次。", "12.5万人次",
         metric="other"),
    # a rate that names what grew after the figure before it is of that, not of the name
    # before the earlier figure
    Case("力争规上工业产值增幅13%以上、工业技改投资增幅20%以上、高新技术产业增加值增幅15%以上。",
         "20%以上", metric="other", growth_of="工业技改投资"),
    Case("城乡居民人均可支配收入分别增长8%、9%。", "9%", growth_of="城乡居民人均可支配收入"),
    Case("亿元以上项目投资额增长126.5%。", "126.5%", growth_of="亿元以上项目投资额"),
    # 同期 opens a comparison: 同期增长 names no subject
    Case("到位资金7.13亿元,同期增长39%。", "39%", metric="investment_in_place",
         growth_of="到位资金"),
    # output per unit of land is no GDP
    Case("每平方公里土地产出GDP 20亿元。", "20亿元", metric="other"),
    # a table cell under a 单位 line takes its unit, also without a header row
    Case("单位:吨\n粮食 | 143972 |", "143972", 143972, "t"),
    # from a second reading of the set-7 rules
    Case("城镇居民人均可支配收入42000元、增长6%、扣除价格因素实际增长4%。", "4%",
         growth_of="城镇居民人均可支配收入"),
    Case("固定资产投资完成120亿元、剔除房地产后增长12%。", "12%", metric="fixed_asset_investment",
         growth_of="固定资产投资"),
    Case("全县固定资产投资80亿元,同期固定资产投资增长10%。", "10%",
         metric="fixed_asset_investment"),
    Case("我代表区人民政府,向区人大常委会报告上半年计划执行情况。\n一、上半年计划执行情况\n"
         "上半年,全区地区生产总值完成160亿元,增长6.1%。", "160亿元", period="2024Q1-2024Q2",
         kind="actual", title="关于2024年上半年计划执行情况的报告", listed=date(2024, 7, 25)),
    Case("各位代表:过去一年,全区生产总值比2020年增长28%。今年,全区生产总值预期增长6%。", "6%",
         period="2024", kind="target", title="政府工作报告", listed=date(2024, 1, 20)),
    Case("一、2024年目标任务完成情况和2025年工作计划\n全区地区生产总值增长6.5%左右。",
         "6.5%左右", kind="target", title="2025年政府工作报告", listed=date(2025, 1, 10)),
    Case("2月20日,全市2023年经济工作总结暨2024年项目建设推进大会召开。会议指出,全市固定资产投资"
         "完成420亿元。", "420亿元", period="2023", title="全市项目建设推进大会召开",
         listed=date(2024, 2, 21)),
    Case("古城区地区生产总值完成150亿元。", "150亿元", metric="gdp", article_region="古城区"),
    # what an eighth independently annotated set taught (first measured untuned)
    # a heading that names a year and 过去五年 opens with the year; 年均 spans the five years
    Case("一、2011年和过去五年工作回顾\n2011年,全年实现地区生产总值616亿元,同比增长9.5%,年均增长"
         "11%。\n五年来,累计完成固定资产投资300亿元。", "616亿元", period="2011", kind="actual",
         title="上城区政府工作报告", stated=date(2012, 2, 13)),
    Case("一、2011年和过去五年工作回顾\n2011年,全年实现地区生产总值616亿元,同比增长9.5%,年均增长"
         "11%。\n五年来,累计完成固定资产投资300亿元。", "11%", period="2007-2011",
         title="上城区政府工作报告", stated=date(2012, 2, 13)),
    Case("一、2011年和过去五年工作回顾\n2011年,全年实现地区生产总值616亿元。\n五年来,累计完成固定"
         "资产投资300亿元。", "300亿元", period="2007-2011", kind="cumulative",
         title="上城区政府工作报告", stated=date(2012, 2, 13)),
    # 预计(下同): 预计 for the rest of the section
    Case("一、2012年工作回顾\n预计(下同)全区实现地区生产总值267亿元。城镇居民人均可支配收入2万元。",
         "2万元", kind="estimate", title="旅顺口区2012年政府工作报告", stated=date(2013, 1, 10)),
    # a plan word before a figure of the year a report plans makes it a target
    Case("经初步预计,五莲县2012年全年实现生产总值163亿元。\n2013年,五莲县计划招引20个以上过亿项目。",
         "20个以上", period="2013", kind="target",
         title="五莲县县长作政府工作报告 提出2013年主要预期目标"),
    # a holiday whose month varies: the month of the day the lead names
    Case("2月11日,从县旅游局获悉,春节黄金周全县累计接待游客39.16万人次,同比增长2%。",
         "39.16万人次", period="2019M02", kind="actual", title="春节黄金周 全县接待游客近40万人次",
         listed=date(2019, 2, 12)),
    # from a second reading of the set-8 rules: a heading of a plan's review reads (it raised)
    Case("一、2022年主要目标完成情况\n地区生产总值增长5%。", "5%", period="2022", kind="actual",
         title="区政府工作报告", stated=date(2024, 1, 10)),
    Case("主要目标任务完成情况\n地区生产总值增长5%。", "5%", kind="actual", title="区政府工作报告",
         stated=date(2024, 1, 10)),
    # a plan period in a review heading spans its 年均 and 累计 figures
    Case("一、2015年和“十二五”时期工作回顾\n2015年,全县实现地区生产总值200亿元。\n全县地区生产总值"
         "年均增长10.5%,累计完成固定资产投资900亿元。", "900亿元", period="2011-2015",
         kind="cumulative", title="县政府工作报告", stated=date(2016, 1, 15)),
    # the plan year's figures in a review: targets only in a sentence that opens with the year
    # and plans (not 为确保2021年春节市场供应, 已争取, 计划内项目完成投资)
    Case("为确保2021年春节市场供应,全区储备猪肉1200吨。", "1200吨", kind="actual",
         title="区政府工作报告", stated=date(2020, 12, 20)),
    Case("2019年,全县争取上级资金15亿元,计划内项目完成投资30亿元。", "30亿元", kind="actual",
         title="2019年陇县人民政府工作报告", stated=date(2020, 5, 8)),
    # 预计(下同) leaves the figures of years before the reviewed one actual
    Case("一、2012年工作回顾\n预计(下同)全区实现地区生产总值267亿元。2011年全区城镇居民人均可支配"
         "收入1.8万元。", "1.8万元", period="2011", kind="actual", title="2012年政府工作报告",
         stated=date(2013, 1, 10)),
    # a day of a comparison is no day of the news
    Case("与去年12月31日相比,春节黄金周全县接待游客39万人次。", "39万人次", period="unknown",
         title="春节黄金周全县接待游客39万人次", listed=date(2019, 2, 12)),
    # no day named: the year of the title stays
    Case("此次签约线上签约项目3个。", "3个", period="2022",
         title="2022年通许县线上项目签约暨招商大会召开"),
]  # fmt: skip


@pytest.mark.parametrize("case", SET_6_CASES, ids=_ids)
def test_phrase_of_the_sixth_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)


SET_9_CASES = [
    # 今年以来 in undated-lead news: the year of its date, for the figures after it too
    Case("5月25日上午,上虞区召开招商引资现场会。今年以来,上虞区加大招商力度。截至目前,"
         "新增签约项目共14个,签约投资额为123.14亿元。", "123.14亿元", period="2022",
         title="上虞区召开招商引资现场会", listed=date(2022, 5, 30)),
    # without it or a day in the lead, news that states no time stays unknown
    Case("上虞区召开招商引资现场会。截至目前,新增签约项目共14个。", "14个",
         period="unknown", title="上虞区召开招商引资现场会", listed=date(2022, 5, 30)),
    # a dateline day gives undated news the year of its date (December news listed in January:
    # the year before)
    Case("东北网双鸭山12月21日电 近日,投资5000万元建设的饲料加工企业正式竣工投产。",
         "5000万元", period="2006", title="集贤县招商引资迈上新台阶", listed=date(2006, 12, 21)),
    Case("本报讯 12月30日,全县投资5000万元建设的饲料加工企业竣工投产。", "5000万元",
         period="2006", title="集贤县招商引资迈上新台阶", listed=date(2007, 1, 3)),
    # a plan of the year: its targets are of that year; a review of a plan's execution is none
    Case("二、主要目标\n力争财政收入年均增长10%以上。", "10%以上", period="2023", kind="target",
         title="萧县杜楼镇2023年度国民经济与社会发展计划解读", listed=date(2023, 6, 26)),
    Case("全年完成地区生产总值61.48亿元。", "61.48亿元", kind="actual",
         title="2015年国民经济和社会发展计划执行情况与2016年国民经济和社会发展计划",
         listed=date(2016, 3, 1)),
    # a year followed by a holiday is the holiday's month of that year
    Case("2013年“清明”小长假期间,共计接待游客12.4万人次。", "12.4万人次", period="2013M04",
         title="2013年清明小长假房山区旅游接待情况"),
    Case("2019年国庆黄金周,全县接待游客40万人次。", "40万人次", period="2019M10",
         title="全县旅游接待情况"),
    # a year followed by a month is still that month (十一月, not the 十一 holiday)
    Case("2019年十一月,全县签约项目5个。", "5个", period="2019M11", title="全县签约项目"),
    # 个 before 亿 in speech counts no item
    Case("大峡沟景区开发建设项目,总投资1.2个亿;", "1.2个亿", value=1.2e8, unit="CNY"),
    Case("签约15个亿元项目,总投资额285.31亿元。", "15个", value=15, unit="item"),
    # a from-to pair: the name before the first value is the second's too
    Case("全旗地区生产总值从2010年的671.1亿元增加到2015年的1107.8亿元,年均增长10.5%。",
         "671.1亿元", metric="gdp", period="2010", title="2016年政府工作报告"),
    Case("全旗地区生产总值从2010年的671.1亿元增加到2015年的1107.8亿元,年均增长10.5%。",
         "1107.8亿元", metric="gdp", period="2015", title="2016年政府工作报告"),
    Case("一般公共预算收入由40.6亿元增加到79亿元。", "79亿元",
         metric="general_budget_revenue"),
    # but not a second measure of its own words after the first
    Case("一般公共预算收入48.6亿元、税费收入144.8亿元。", "144.8亿元", metric="other"),
    # GDP may touch its figure (PM2.5, B2B may not: names)
    Case("全年实现 GDP762 亿元,同比增长 1.2%;", "762 亿元", value=7.62e10, metric="gdp"),
    Case("人均GDP10万元。", "10万元", value=1e5, unit="CNY", metric="other"),
    # a from-to pair of another name is that name's
    Case("地区生产总值由40.6亿元增加到79亿元、税收由5亿元增加到10亿元。", "10亿元",
         metric="other"),
    Case("地区生产总值由40.6亿元增加到79亿元、税收由5亿元增加到10亿元。", "79亿元", metric="gdp"),
    # 亿级 names a class of what is counted
    Case("全县新增3个亿级产业集群。", "3个", value=3, unit="item"),
    # a holiday before 前 or 后 is a deadline, not the news' time
    Case("全市2018年国庆节前完成投资50亿元。", "50亿元", period="2018", title="全市项目建设"),
    # a base year that stands for the rest of its section (比2012年(下同))
    Case("(一)县域经济较快发展。2016年,全县生产总值340亿元,比2012年(下同)增长47.7%;"
         "固定资产投资353.7亿元,增长125.1%。", "125.1%", period="2013-2016",
         title="2016年桂阳县人民政府工作报告"),
    # a gap that narrows is a fall; of a fall (降幅), one that widens
    Case("亏损企业68户,亏损面23.9%,同比缩小1.8个百分点。", "1.8个百分点", value=-1.8),
    Case("工业总产值同比下降19.7%,降幅较去年同期扩大0.8个百分点。", "0.8个百分点", value=-0.8),
    Case("进口总额下降20.4%,降幅收窄2个百分点。", "2个百分点", value=2),
    Case("增幅扩大1.2个百分点。", "1.2个百分点", value=1.2),
    # 翻了一番 as 翻一番
    Case("2008年全区生产总值完成142亿元,增长14.7%,五年内翻了一番。", "翻了一番", value=2,
         unit="ratio"),
    # a bound after a count of doublings
    Case("财政收入比2002年翻了一番多。", "翻了一番多", value=2, bound="approx"),
    Case("实现翻一番以上。", "翻一番以上", value=2, bound="ge"),
    # days counted in a sentence that names 天数 are items, not durations
    Case("优良以上天数达272天,比上年增加29天。", "272天", value=272, unit="item"),
    Case("优良以上天数达272天,比上年增加29天。", "29天", value=29, unit="item"),
    # a hotel's visitors are a part of the region's
    Case("星级饭店共接待游客4200余人次。", "4200余人次", metric="other"),
    Case("截至目前,新增签约项目共14个,签约投资额为123.14亿元。", "123.14亿元",
         metric="investment_contracted"),
]  # fmt: skip


SET_10_CASES = [
    # a report that says 预计 of its title's year reviews that year
    Case("本届政府组成以来,全区经济实现翻番。预计2007年地区生产总值达到33亿元。", "33亿元",
         period="2007", kind="estimate", title="清河区2007年政府工作报告"),
    # a report listed months after its title's year began is a repost: it reviews the year before
    Case("一、过去一年工作回顾\n全年实现生产总值133.26亿元,增长10.8%。", "133.26亿元",
         period="2014", title="2015年县政府工作报告", listed=date(2015, 11, 30)),
    # but one delivered in November of its title's year (a new congress) reviews that year
    Case("一、过去一年工作回顾\n全年实现生产总值133.26亿元,增长10.8%。", "133.26亿元",
         period="2015", title="2015年县政府工作报告", stated=date(2015, 11, 25)),
    # news of a report: the list of targets is of the year the sentence before plans
    Case("报告对我区2011年经济工作进行了简要回顾,对2012年各项工作做出了全面部署。主要预期"
         "目标是:地区生产总值实现44.64亿元,增长20%。", "44.64亿元", period="2012",
         kind="target", title="松山新区召开经济工作会议"),
    # a page's time stamp is no day of the news
    Case("2020年11月02日09:47 来源:人民网\n10月30日,定远县举行重点招商项目集中签约仪式,"
         "参加本次集中签约的项目共5个。", "5个", period="2020M10",
         title="定远县5个项目集中签约总投资23.2亿元", listed=date(2020, 11, 2)),
    # a full stop written for a decimal point, between digits before a unit
    Case("预计2007年地区生产总值达到33亿元,比2002年的12。41亿元翻了一番多,年均增长20。9%。",
         "12。41亿元", value=1.241e9, title="清河区2007年政府工作报告"),
    Case("预计2007年地区生产总值达到33亿元,比2002年的12。41亿元翻了一番多,年均增长20。9%。",
         "20。9%", value=20.9, title="清河区2007年政府工作报告"),
    # projects of a size: 5000万以上 before 项目 is money
    Case("其中新开工项目228个、5000万以上项目129个。", "5000万以上", value=5e7, unit="CNY",
         bound="ge"),
    Case("在库固定资产投资项目141个,其中5千万以上的67个。", "5千万以上", value=5e7, unit="CNY"),
    # a name inherited from the clause before only where it named that clause's figure
    Case("在库固定资产投资项目141个,其中5千万以上的67个。", "67个", metric="other"),
    # GDP in the territorial scope (在地口径) is another measure than the region's GDP
    Case("全区在地口径地区生产总值达到1537483万元。", "1537483万元", metric="other"),
    # second reading: 去年四季度以来 is that quarter's; a delivery date outweighs 预计2008年底;
    # 同比 compares with the year before whatever (下同) set; a deadline is no plan's year;
    # a lead that announces a year's results gives no year
    Case("去年四季度以来,全县累计完成固定资产投资50亿元。", "50亿元", period="2022Q4",
         title="全县投资情况", listed=date(2023, 6, 10)),
    Case("一、过去一年工作回顾\n全年生产总值完成85亿元,华能电厂二期预计2008年底建成投产。",
         "85亿元", period="2007", title="2008年政府工作报告", stated=date(2008, 2, 20)),
    Case("全县生产总值340亿元,比2012年(下同)增长47.7%。社会消费品零售总额100亿元,同比增长"
         "25%。", "25%", period="2016", title="2016年统计公报"),
    Case("会议部署2012年工作,要求在2020年前实现全面小康。力争地区生产总值增长12%。", "12%",
         period="2012", title="经济工作会议", listed=date(2012, 2, 15)),
    Case("4月12日,县统计局发布年报数据。全县实现地区生产总值120亿元。", "120亿元",
         period="unknown", title="全县经济", listed=date(2023, 4, 13)),
    # the nearer subject decides the sign of a gap: 降幅…收窄, then 比一季度收窄 of the same
    Case("规模以上工业增加值降幅比1-5月收窄0.8个百分点,比一季度收窄2.3个百分点。",
         "2.3个百分点", value=2.3),
    Case("出口降幅扩大1.1个百分点,比一季度扩大0.6个百分点。", "0.6个百分点", value=-0.6),
    Case("城乡收入差距分别缩小1.2个、0.8个百分点。", "1.2个", value=-1.2, unit="pp"),
    # a sentence that opens with 其中 has the total of the sentence before: a headline of
    # another metric (财政总收入 … 其中:地方一般预算收入) is one of its own, one of the same a part
    Case("全年财政总收入178625万元,增长44.2%。其中:地方一般预算收入123307万元,增长56.9%。",
         "123307万元", metric="general_budget_revenue"),
    Case("招商引资到位资金100亿元。其中:省外到位资金80亿元。", "80亿元", metric="other"),
    # multiples after 分别 are of the amounts before, not of the shares between them
    Case("实现地区生产总值142亿元,完成年度计划的101.43%;社会消费品零售总额53.4亿元,完成年度"
         "计划的100.75%,分别是2002年的2.8倍、3.6倍。", "2.8倍", metric="gdp"),
    # a cumulative total to a month's end is of the months from January (Q1 for 3月底)
    Case("截至3月底累计完成投资1.96亿元。", "1.96亿元", period="2016Q1", kind="actual",
         title="园区2016年经济运行情况"),
    Case("截至8月底,全县累计签约项目25个。", "25个", period="2016M01-2016M08",
         title="园区2016年经济运行情况"),
    # 元旦 is January's; a day whose year is written keeps it
    Case("据统计,该县2018年元旦小长假共接待国内游客13810人次。", "13810人次",
         period="2018M01", title="华宁元旦小长假接待游客近1.4万人次", listed=date(2018, 1, 4)),
    # 去年以来: from last year on
    Case("记者了解到,去年以来,该县共签约重点项目31个。", "31个", period="2020-2021",
         title="秭归县招商引资推进会", listed=date(2021, 3, 3)),
]  # fmt: skip


SET_11_CASES = [
    # a slowdown in points is a fall; 实到外资 is the FDI used
    Case("固定资产投资额同比增长0.9%,比1-4月放缓5.6个百分点。", "5.6个百分点", value=-5.6),
    Case("1-5月,吸收合同外资5.9亿美元;实到外资实现2.3亿美元,增长7.3%。", "2.3亿美元",
         metric="fdi_utilized"),
    # second reading: 其中 reads the sentence before's total whatever the order of its parts;
    # 截至…累计 of a stock, or with 截至 not before the month, stays the month's; a third value
    # after a pair is no end of it; an end in the future is the year reviewed; 元旦 news
    # listed in December is of next January; a comparison's dated day is no news day
    Case("全年财政总收入178625万元,增长44.2%。其中:上划中央收入55318万元,地方一般预算收入"
         "123307万元。", "123307万元", metric="general_budget_revenue"),
    Case("截至3月底,全县累计注册企业5000家。", "5000家", period="2016M03",
         title="园区2016年经济运行情况"),
    Case("截至发稿时,该县3月份累计接待游客5万人次。", "5万人次", period="2016M03",
         title="园区2016年经济运行情况"),
    Case("一、过去五年工作回顾\n五年来,生产总值由100亿元增至200亿元,新增就业达到2万人。",
         "2万人", period="2011-2015", title="2016年县政府工作报告", listed=date(2016, 1, 10)),
    Case("“十二五”以来,全县生产总值由156.3亿元增加到238亿元。", "238亿元", period="2013",
         title="2014年县政府工作报告", listed=date(2014, 1, 10)),
    Case("12月30日是元旦小长假首日,全县共接待游客1.2万人次。", "1.2万人次", period="2018M01",
         title="元旦小长假首日接待游客1.2万人次", listed=date(2017, 12, 30)),
    Case("2月21日,春节黄金周期间全县接待游客5万人次,比2017年2月1日至7日增长12%。", "5万人次",
         period="2018M02", title="春节黄金周全县接待游客5万人次", listed=date(2018, 2, 22)),
    Case("2018年春节旅游火热。自2017年12月29日起全县举行迎春活动。活动共接待游客5万人次。",
         "5万人次", period="2017M12", title="春节黄金周旅游", listed=date(2018, 1, 4)),
    # 以来 after a year opens a span only after an event of it (换届, 建区), not after 同期
    Case("2014年同期以来,全区引进项目120个。", "120个", period="2014", title="全区招商",
         listed=date(2016, 6, 1)),
    # tasks assigned (目标分解任务是) are targets; the share of a plan done is an outcome
    Case("2016年洽谈会,我镇目标分解任务主要是:境内外招商引资总额17000万美元。", "17000万美元",
         kind="target", title="我镇2016年招商成效显著"),
    Case("目前,长城电工产业园已完成全年计划3.5亿元的94.3%。", "94.3%", kind="actual",
         title="开发区前三季度多项指标增长"),
    Case("目前,长城电工产业园已完成全年计划3.5亿元的94.3%。", "3.5亿元", kind="target",
         title="开发区前三季度多项指标增长"),
    # third reading: a share of a plan still ahead is a target; a review of assigned tasks met
    # is no target; news names a past month of its own year; a comparison's day with 的 is no
    # news day; 截止到 also cuts off; 新增注册 is a flow; a pair's first value may carry a
    # parenthesis; multiples skip shares of a whole (占全市的15.2%)
    Case("会议要求,确保6月底前完成全年任务的50%。", "50%", kind="target",
         title="全县项目推进会", listed=date(2020, 3, 10)),
    Case("一、2020年工作回顾\n圆满完成市下达的目标分解任务,固定资产投资完成120亿元,增长10%。",
         "120亿元", kind="actual", title="2021年政府工作报告"),
    Case("4月18日,某县召开项目建设观摩会。全县完成投资20亿元。", "20亿元", period="2019",
         title="项目建设观摩会召开", listed=date(2019, 11, 20)),
    Case("截止到3月底,累计完成投资1.96亿元。", "1.96亿元", period="2019Q1",
         title="园区2019年经济运行情况"),
    Case("截至3月底,累计新增注册企业500家。", "500家", period="2019Q1",
         title="园区2019年经济运行情况"),
    Case("一、过去五年工作回顾\n五年来,财政收入由3亿元(占生产总值的6%)增加到12亿元。", "12亿元",
         period="2007", kind="actual", title="2008年政府工作报告"),
    Case("生产总值142亿元,占全市的15.2%;社会消费品零售总额53.4亿元,分别是2002年的2.8倍、3.6倍。",
         "2.8倍", metric="gdp", title="2008年政府工作报告"),
    # 国庆假日 is the holiday's time, as 国庆假期 is
    Case("10月9日,国家旅游局通报了国庆假日旅游接待数据。全国共接待游客5.26亿人次。",
         "5.26亿人次", period="2015M10", title="国庆假日全国14省旅游收入超百亿",
         listed=date(2015, 10, 13)),
    # a title that says which year it reviews
    Case("全年实现地区生产总值140亿元,增长8%。", "140亿元", period="2017",
         title="商州区政府工作报告:2017年回顾与2018年预期目标"),
    # since a year's event (换届以来), to the year a news article's report reviews; a from-to
    # pair over the span: the year before it and its last year; the rate over it
    Case("报告回顾了2016年的工作。2012年换届以来,全区地区生产总值由156.3亿元增加到338亿元,"
         "年均可比增长11.4%。",
         "156.3亿元", period="2011", kind="actual", title="牡丹区人代会开幕",
         listed=date(2017, 1, 17)),
    Case("报告回顾了2016年的工作。2012年换届以来,全区地区生产总值由156.3亿元增加到338亿元,"
         "年均可比增长11.4%。",
         "338亿元", period="2016", kind="actual", title="牡丹区人代会开幕",
         listed=date(2017, 1, 17)),
    Case("报告回顾了2016年的工作。2012年换届以来,全区地区生产总值由156.3亿元增加到338亿元,"
         "年均可比增长11.4%。",
         "11.4%", period="2012-2016", title="牡丹区人代会开幕", listed=date(2017, 1, 17)),
    Case("一、过去五年工作回顾\n五年来,全县生产总值由“十五”末的12.8亿元增加到19.2亿元,年均"
         "增长8.4%。", "12.8亿元", period="2005", title="2011年县政府工作报告"),
    Case("一、过去五年工作回顾\n五年来,全县生产总值由“十五”末的12.8亿元增加到19.2亿元,年均"
         "增长8.4%。", "19.2亿元", period="2010", title="2011年县政府工作报告"),
]  # fmt: skip


@pytest.mark.parametrize("case", SET_11_CASES, ids=_ids)
def test_phrase_of_the_eleventh_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", SET_10_CASES, ids=_ids)
def test_phrase_of_the_tenth_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)


def test_a_yearly_average_rate_says_so_in_its_metric_text() -> None:
    text = "“十二五”期间,全县地区生产总值年均增长24.6%。全县地区生产总值比2010年增长200%。"
    rates = [f for f in extract_text(text, title="2016年政府工作报告") if f.unit == "percent"]
    assert [(f.metric_text, f.growth_of, f.period) for f in rates] == [
        ("全县地区生产总值年均增长", "全县地区生产总值", "2011-2015"),
        ("全县地区生产总值增长", "全县地区生产总值", "2011-2015"),
    ]


@pytest.mark.parametrize("case", SET_9_CASES, ids=_ids)
def test_phrase_of_the_ninth_held_out_set_reads_as_its_analyst_reads_it(case: Case) -> None:
    _check(case)
