from hycheck.model import FIGURE_COLUMNS, Bound, Figure, Kind, Severity


def test_figure_dict_follows_the_column_list_and_prints_integral_values_as_integers() -> None:
    fig = Figure(
        page="p",
        doc=0,
        title="t",
        start=3,
        end=9,
        surface="948亿元",
        value=94800000000.0,
        unit="CNY",
        kind=Kind.ESTIMATE,
        bound=Bound.EQ,
    )
    d = fig.to_dict()
    assert tuple(d) == FIGURE_COLUMNS
    assert d["value"] == 94800000000
    assert isinstance(d["value"], int)
    assert d["kind"] == "estimate"
    assert type(d["kind"]) is str


def test_severity_rank_orders_info_below_error() -> None:
    assert Severity.INFO.rank < Severity.WARNING.rank < Severity.ERROR.rank
