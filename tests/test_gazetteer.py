"""The gazetteer: look-up, ancestry, place finding in running text, and the data's integrity."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hycheck import _places, gazetteer
from hycheck.gazetteer import LEVELS, Place, ancestors, find_places, lookup, places


def names(text: str) -> list[str]:
    return [p.name for _, _, p in find_places(text)]


def test_a_place_is_found_by_its_full_name_and_by_a_safe_short_form() -> None:
    district = lookup("汉阳区")
    assert district == Place("汉阳区", "district", "武汉市", ("汉阳",))
    assert lookup("汉阳") is district
    assert lookup("武汉") == lookup("武汉市")
    assert lookup("湖北") == Place("湖北省", "province", "中国", ("湖北",))
    assert lookup("全市") is None


def test_a_district_has_its_city_province_and_country_as_ancestors() -> None:
    assert [p.name for p in ancestors("汉阳区")] == ["武汉市", "湖北省", "中国"]
    assert [p.name for p in ancestors("汉阳")] == ["武汉市", "湖北省", "中国"]
    assert [p.name for p in ancestors("朝阳区")] == ["北京市", "中国"]
    assert ancestors("中国") == []
    assert ancestors("火星") == []


def test_places_are_found_left_to_right_with_the_longest_name_winning() -> None:
    text = "湖北省武汉市汉阳区与东西湖区、武汉经济技术开发区签约"
    found = find_places(text)
    assert [(s, e, p.name) for s, e, p in found] == [
        (0, 3, "湖北省"),
        (3, 6, "武汉市"),
        (6, 9, "汉阳区"),
        (10, 14, "东西湖区"),
        (15, 24, "武汉经济技术开发区"),
    ]
    assert all(text[s:e] == p.name for s, e, p in found)


def test_a_short_form_is_found_where_the_text_uses_it() -> None:
    assert find_places("汉阳一季度招商引资强劲")[0][:2] == (0, 2)
    assert names("汉阳中欧科技金融交流合作中心揭牌") == ["汉阳区"]
    assert names("武汉阳逻港") == ["武汉市"]


@pytest.mark.parametrize(
    "text",
    [
        "绿水青山就是金山银山",
        "各位来宾，各位代表",
        "让人民群众幸福安康，确保长治久安",
        "大兴调查研究之风，坚决反对文山会海",
        "发展朝阳产业，大同小异",
        "全区、全市、全省",
    ],
)
def test_everyday_words_that_are_also_place_names_are_not_taken_for_places(text: str) -> None:
    assert find_places(text) == []


def test_a_district_after_a_city_it_does_not_belong_to_is_left_out() -> None:
    # the gazetteer knows only Hangzhou's 西湖区; Nanchang's must not be filed under Hangzhou
    assert names("南昌市西湖区") == ["南昌市"]
    assert names("杭州市西湖区") == ["杭州市", "西湖区"]
    assert names("湖北省汉阳区") == ["湖北省", "汉阳区"]


def test_the_gazetteer_holds_every_province_and_every_prefecture_level_division() -> None:
    levels = Counter(p.level for p in places())
    assert levels["country"] == 1
    assert levels["province"] == 34
    # 333 prefecture-level divisions, plus the five province-administered cities
    # of Hubei and Henan (仙桃, 潜江, 天门, 神农架, 济源)
    assert levels["city"] == 333 + 5
    assert len(_places.DISTRICTS["武汉市"]) == 13 + 3


def test_every_place_has_a_known_level_and_a_parent_one_level_up() -> None:
    for place in places():
        assert place.level in LEVELS
        if place.level == "country":
            assert place.parent is None
            continue
        parent = lookup(place.parent or "")
        assert parent is not None, place
        # a district of a municipality (北京市, 上海市 …) sits right under a province-level place
        assert parent.depth < place.depth


def test_no_short_form_names_two_places() -> None:
    seen: dict[str, str] = {}
    for place in places():
        for key in (place.name, *place.aliases):
            assert key not in seen, f"{key} names {seen.get(key)} and {place.name}"
            seen[key] = place.name
    assert lookup("吉林") is None  # both a province and a city: only full names match


def test_the_index_refuses_a_short_form_shared_by_two_places() -> None:
    a = Place("甲市", "city", None, ("甲",))
    b = Place("甲县", "city", None, ("甲",))
    with pytest.raises(ValueError, match="甲 names both"):
        gazetteer._index({"甲市": a, "甲县": b})


def test_finding_places_is_linear_on_long_hostile_text() -> None:
    hostile = "武汉" * 100_000 + "汉阳区" * 100_000 + "武" * 100_000
    start = time.perf_counter()
    found = find_places(hostile)
    assert time.perf_counter() - start < 5
    assert len(found) == 200_000


@given(st.text(alphabet=st.sampled_from("武汉市阳区湖北省东西青山长沙新城鼓楼中国 ,"), max_size=60))
def test_found_places_never_overlap_and_each_is_its_name_or_a_short_form(text: str) -> None:
    end = 0
    for start, stop, place in find_places(text):
        assert start >= end
        assert text[start:stop] in (place.name, *place.aliases)
        end = stop
