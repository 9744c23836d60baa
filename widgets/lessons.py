"""Lesson material: the answers to the questions on the page Lesmateriaal, computed
by the model (never typed), and the figures the questions use.

Each answer is a function registered under a key; :func:`answer` returns an
:class:`Answer` with the Dutch text a reader sees folded under the question
(Markdown) and the numbers behind it (``values``, for tests and for code). The
page writes ``{answer}`key``` (``widgets.site.lessons``: a sphinx-design dropdown);
the teaching notebook gets the same text in a ``<details>`` block
(``widgets.kernel.teaching``). ``{figure-cell} chapter name`` names the figure a
group of questions uses: the code cell of that chapter that binds ``name``
(:func:`figure_reference`).

The questions compute, compare and look up; like the report, they do not ask
which option is desirable.
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import PROJECT_ROOT
from .data import load
from .data.numbers import format_nl, format_percent_nl
from .models import budget, dublin, series

MINUS = "\u2212"


@dataclass(frozen=True)
class Answer:
    """An answer: ``markdown`` (Dutch, as shown) and ``values`` (the numbers behind it)."""

    key: str
    markdown: str
    values: dict = field(default_factory=dict)

    def details_markdown(self) -> str:
        """The answer folded, for a notebook (JupyterLab renders ``<details>``)."""
        return (f"<details><summary><strong>Antwoord</strong> (berekend met het model; klik om te openen)</summary>\n\n"
                f"{self.markdown.strip()}\n\n</details>")


ANSWERS: dict[str, Callable[[], Answer]] = {}


def _answer(key: str):
    def register(function: Callable[[], tuple[str, dict]]):
        def make() -> Answer:
            markdown, values = function()
            return Answer(key, markdown.strip() + "\n", values)

        ANSWERS[key] = make
        return make

    return register


def answer(key: str) -> Answer:
    """The answer registered under ``key``; KeyError names the known keys."""
    if key not in ANSWERS:
        raise KeyError(f"no answer {key!r}; known: {', '.join(ANSWERS)}")
    return ANSWERS[key]()


def _n(value, decimals: int = 2) -> str:
    return "niet beschikbaar" if value is None or pd.isna(value) else format_nl(float(value), decimals=decimals)


def _signed(value) -> str:
    if value is None or pd.isna(value):
        return "niet te berekenen"
    return ("+" if value > 0 else "") + format_nl(float(value))


def _table(header: list[str], rows: list[list[str]], right: int = 1) -> str:
    """A Markdown pipe table; the columns from ``right`` on are aligned right."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i < right else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# -- Instroom en opvang ---------------------------------------------------------------

@_answer("instroom-2015-2019")
def _inflow_2015_2019():
    data = series.inflow()
    table = series.series_table(data, data.series, 2015, 2019)
    rows, values, differences = [], {}, {}
    for s in data.series:
        a, b = table.loc[2015, s], table.loc[2019, s]
        diff = None if pd.isna(a) or pd.isna(b) else float(b - a)
        values[s] = (None if pd.isna(a) else float(a), None if pd.isna(b) else float(b))
        if diff is not None:
            differences[s] = diff
        rows.append([data.labels[s], _n(a), _n(b), _signed(diff)])
    total = (float(table.loc[2015, "total"]), float(table.loc[2019, "total"]))
    rows.append(["**Totaal**", f"**{_n(total[0])}**", f"**{_n(total[1])}**", f"**{_signed(total[1] - total[0])}**"])
    largest = max(differences, key=lambda s: abs(differences[s]))
    values.update(total=total, largest=largest)
    return (f"""
{_table(["Soort aanvraag", "2015", "2019", "Verschil"], rows)}

In 2019 was de instroom {_n(total[1])} tegen {_n(total[0])} in 2015. Het grootste verschil zit bij de
{data.labels[largest].lower()} ({_signed(differences[largest])}). Voor herplaatsing heeft de tabel van het rapport
in 2015 geen getal; dat verschil is dus niet te berekenen (de figuur zegt dat onder de tabel).
""", values)


@_answer("opvang-uitstroom")
def _reception_outflow():
    data = series.reception()
    table = series.series_table(data, ["ontvangen", "uitgestroomd", "bezetting"], data.years[0], data.years[-1])
    more_out = [int(y) for y in table.index if table.loc[y, "uitgestroomd"] > table.loc[y, "ontvangen"]]
    peak = int(table["bezetting"].astype(float).idxmax())
    rows = [[str(y), _n(table.loc[y, "ontvangen"]), _n(table.loc[y, "uitgestroomd"])] for y in more_out]
    years = ", ".join(map(str, more_out[:-1])) + f" en {more_out[-1]}"
    return (f"""
Meer mensen verlieten de centrale opvang dan er binnenkwamen in {years}:

{_table(["Jaar", data.labels["ontvangen"], data.labels["uitgestroomd"]], rows)}

De bezetting was het hoogst in {peak}: {_n(table.loc[peak, "bezetting"])} personen.
""", {"more_out": more_out, "peak": peak, "peak_value": float(table.loc[peak, "bezetting"])})


@_answer("eu-aandeel-nl")
def _eu_share_nl():
    data = series.eu_first_applications()
    counts = series.series_table(data, ["NL"], 2015, 2019, "count")
    shares = series.series_table(data, ["NL"], 2015, 2019, "share")
    values = {y: (float(counts.loc[y, "NL"]), float(data.reference[y]), float(shares.loc[y, "NL"])) for y in (2015, 2019)}
    (c15, t15, s15), (c19, t19, s19) = values[2015], values[2019]
    return (f"""
In 2015 deed Nederland {_n(c15)} van de {_n(t15)} eerste asielaanvragen in de EU+: {format_percent_nl(s15)}. In 2019
waren dat er {_n(c19)} van de {_n(t19)}: {format_percent_nl(s19)}. Het aantal in Nederland was in 2019
{format_percent_nl(c19 / c15 * 100, 0)} van dat in 2015, het totaal van de EU+ {format_percent_nl(t19 / t15 * 100, 0)};
daarom verandert het aandeel weinig.
""", {"2015": values[2015], "2019": values[2019]})


@_answer("spoor-duur-2019")
def _track_duration_2019():
    data = series.track_duration()
    row = series.series_table(data, data.series, 2019, 2019).loc[2019, data.series].astype(float)
    longest, shortest = row.idxmax(), row.idxmin()
    rows = [[data.labels[s], _n(row[s])] for s in data.series]
    return (f"""
{_table(["Spoor", "Gemiddelde doorlooptijd in 2019 (weken)"], rows)}

De langste gemiddelde doorlooptijd had {data.labels[longest]} ({_n(row[longest])} weken), de kortste
{data.labels[shortest]} ({_n(row[shortest])} weken).
""", {"longest": longest, "shortest": shortest, "weeks": row.to_dict()})


# -- Dublin -------------------------------------------------------------------------

@_answer("dublin-rapport-aandeel")
def _dublin_report_share():
    r = dublin.report_figures()
    computed = r["computed_share"]
    return (f"""
{_n(r["transfers"])} overdrachten op {_n(r["claims"])} claims is {format_percent_nl(computed)}
({_n(r["transfers"])} / {_n(r["claims"])} × 100). Het rapport drukt {_n(r["printed_share"])}%; dat is
{format_nl(r["printed_share"] - computed, 1)} procentpunt meer dan uit de twee aantallen volgt. Het rapport legt het
verschil niet uit (zie de pagina Data en kwaliteit, D31).
""", {"claims": r["claims"], "transfers": r["transfers"], "computed": computed, "printed": r["printed_share"]})


def _rates() -> pd.DataFrame:
    obs = dublin.observations()
    span = dublin.years(obs)
    return dublin.rates(dublin.geos(obs), span[0], span[-1], obs)


@_answer("dublin-hoogste-percentage")
def _dublin_highest_rate():
    from .figures.dublin import geo_names

    rates, names = _rates(), geo_names()
    with_rate = rates.dropna(subset=["rate"])
    eu = with_rate[with_rate["geo"] == "EU"].set_index("year")["rate"].astype(float)
    nl = with_rate[with_rate["geo"] == "NL"].set_index("year")["rate"].astype(float)
    top = with_rate.loc[with_rate["rate"].astype(float).idxmax()]
    eu_rows = [[str(y), format_percent_nl(v)] for y, v in eu.items()]
    return (f"""
Voor de EU-lidstaten samen zijn er alleen percentages voor de jaren waarin beide aantallen bekend zijn:

{_table(["Jaar", "Overdrachten per 100 uitgaande verzoeken, EU"], eu_rows)}

Het hoogste percentage voor de EU is dat van {int(eu.idxmax())} ({format_percent_nl(eu.max())}). Voor Nederland is er
maar één jaar met beide aantallen, {int(nl.idxmax())}: {format_percent_nl(nl.max())}. Van alle landen in de figuur
heeft {names[top["geo"]]} het hoogste percentage ({int(top["year"])}: {format_percent_nl(float(top["rate"]))}). Deze
cijfers komen van Eurostat, niet uit het rapport, en tellen anders dan het rapport (zie de kanttekeningen onder de figuur).
""", {"eu": eu.to_dict(), "nl": nl.to_dict(), "top": (top["geo"], int(top["year"]), float(top["rate"]))})


@_answer("dublin-nl-zonder-percentage")
def _dublin_nl_missing():
    rates = _rates()
    nl = rates[rates["geo"] == "NL"]
    missing = nl[nl["rate"].isna()]
    rows = [[str(int(r["year"])), _n(r["requests"]), _n(r["transfers"])] for _, r in missing.iterrows()]
    years = [int(y) for y in missing["year"]]
    return (f"""
{_table(["Jaar", "Uitgaande verzoeken", "Overdrachten"], rows)}

In {", ".join(map(str, years[:-1]))} en {years[-1]} ontbreekt een van de twee aantallen. Het percentage is het aantal
overdrachten per 100 uitgaande verzoeken in hetzelfde kalenderjaar; zonder beide aantallen rekent de figuur het niet
uit, en een ontbrekend aantal telt niet als nul.
""", {"years": years})


# -- Variant 4 -------------------------------------------------------------------------

def _key_figure(key: str) -> float:
    figures = load("key_figures").set_index("key")
    return float(figures.loc[key, "value"])


@_answer("v4-kortingen")
def _v4_cuts():
    codes = ["4.12a", "4.12b", "4.12c"]
    totals = budget.package_totals(codes)
    saving = -float(totals.loc["structureel", "savings"])
    remaining = _key_figure("jenv_saving_4_12")
    cells = budget.package_cells(codes)
    per = cells[cells["period"].astype(str) == "structureel"].set_index("measure")["value"].astype(float)
    parts = " + ".join(_n(-per[c]) for c in codes)
    return (f"""
Structureel besparen de drie kortingen samen {parts} = {_n(saving)} mln euro per jaar (in de figuur: besparingen
{_n(totals.loc["structureel", "savings"])} in de kolom Structureel). Het rapport wijst {_n(remaining)} mln euro
van de JenV-besparing aan maatregel 4.12 toe; de som van de tabel is {_n(remaining - saving)} mln euro lager. Het
rapport licht dat verschil niet toe (zie de pagina Data en kwaliteit, D18).
""", {"saving": saving, "assigned": remaining, "per_measure": per.to_dict()})


@_answer("v4-opties-4-9")
def _v4_options_4_9():
    choices = budget.budget().choices
    options = list(choices[choices["group"] == "4.9"]["option"].drop_duplicates())
    rows, values = [], {}
    for option in options:
        totals = budget.package_totals([option])
        open_cells = budget.unquantified([option])
        periods = ", ".join(open_cells["period"])
        values[option] = {"2021": float(totals.loc["2021", "saldo"]), "structureel": float(totals.loc["structureel", "saldo"]),
                          "not_counted": list(open_cells["period"])}
        rows.append([option, _n(totals.loc["2021", "saldo"]), _n(totals.loc["structureel", "saldo"]), periods or "geen"])
    moving = [o for o in options if values[o]["structureel"] != 0]
    listed = [o for o in options if values[o]["not_counted"]]
    zero = [o for o in options if o not in listed and not any(budget.package_totals([o])["saldo"])]
    return (f"""
{_table(["Optie", "Saldo 2021", "Saldo structureel", "Niet opgeteld (jaren)"], rows, right=1)}

Alleen bij {", ".join(moving)} verandert het structurele saldo: daar wordt de asielreserve uit de algemene middelen
gevuld. Bij {", ".join(listed)} noemt de figuur cellen die niet zijn opgeteld: de tabel zet daar een plusteken zonder
bedrag. Bij {" en ".join(zero)} is het saldo in elk jaar 0; het rapport beschrijft die opties als budgetneutraal.
""", {"options": values, "moving": moving, "listed": listed, "zero": zero})


@_answer("v4-reserve")
def _v4_reserve():
    codes = ["4.2b", "4.9-1C"]
    warnings = budget.double_count_warnings(codes)
    totals = budget.package_totals(codes)
    open_cells = budget.unquantified(["4.2b"])
    return (f"""
De figuur waarschuwt: *{warnings["reason"].iloc[0]}*

In 2021 telt de figuur {_n(totals.loc["2021", "saldo"])} mln euro op (de vulling van 4.2b plus optie 1C). Voor 4.2b
staat vanaf 2022 geen bedrag in de tabel maar ‘afhankelijk van de instroom’; die {len(open_cells)} cellen telt de figuur
niet mee, dus het saldo vanaf 2022 ({_n(totals.loc["2022", "saldo"])} mln euro per jaar) is alleen dat van optie 1C.
""", {"warning": warnings["reason"].iloc[0], "saldo_2021": float(totals.loc["2021", "saldo"]),
      "saldo_2022": float(totals.loc["2022", "saldo"]), "not_counted": list(open_cells["period"])})


@_answer("v4-pakket")
def _v4_package():
    codes = ["4.1", "4.2a", "4.3a", "4.6", "4.7", "4.8"]
    totals = budget.package_totals(codes)
    s = totals.loc["structureel"]
    largest = budget.package_cells(codes).query("period == 'structureel'").set_index("measure")["value"].astype(float)
    top = largest.idxmax()
    return (f"""
Structureel: extra uitgaven {_n(s["extra"])}, besparingen {_n(s["savings"])}, saldo {_n(s["saldo"])} mln euro per
jaar. Per saldo geeft dit pakket dus {"extra uitgaven" if s["saldo"] > 0 else "een besparing"}. Het grootste bedrag
is dat van {top} ({_n(largest[top])} van de {_n(s["extra"])} mln euro extra uitgaven). In code, in het lesnotebook van
variant 4: `pakket.selection = {codes!r}` en daarna `pakket.totals`.
""", {"codes": codes, "structureel": s.to_dict(), "largest": top})


# -- Alle varianten -------------------------------------------------------------------------

TASK_EXCLUDED_VARIANTS = ("2C",)  # the report meets the BHOS part of the savings task in variant 2C.3 (§ 6)


def _structural_savings() -> pd.Series:
    """Structural saving (positive EUR million) of every choosable measure that saves, outside 2C."""
    data = budget.budget()
    cells = data.values[(data.values["period"].astype(str) == "structureel") & data.values["measure"].isin(budget.selectable_measures())]
    cells = cells[~cells["variant"].isin(TASK_EXCLUDED_VARIANTS) & (cells["value"].astype(float) < 0)]
    return (-cells.set_index("measure")["value"].astype(float)).sort_values(ascending=False)


def _allowed(codes: tuple[str, ...], warnings: bool = True) -> bool:
    """True for a package the builder accepts (one option per group) and, with ``warnings``,
    without a pair it warns about."""
    try:
        budget.check_selection(codes)
    except budget.SelectionError:
        return False
    return not warnings or budget.double_count_warnings(codes).empty


@_answer("pakket-237")
def _package_237():
    task = -_key_figure("jenv_saving_task")
    savings = _structural_savings()
    data = budget.budget()
    grouped = data.choices[data.choices["measure"].isin(savings.index)]
    in_groups = set(grouped[grouped.duplicated("group", keep=False)]["measure"])
    warned = data.warnings[data.warnings["measure_a"].isin(savings.index) & data.warnings["measure_b"].isin(savings.index)]
    contested = sorted(in_groups | set(warned["measure_a"]) | set(warned["measure_b"]), key=list(savings.index).index)
    always = [c for c in savings.index if c not in contested]
    combos = [combo for size in range(len(contested) + 1) for combo in itertools.combinations(contested, size)]
    best = max((c for c in combos if _allowed(tuple(always) + c)), key=lambda c: float(savings[list(c)].sum()))
    best_warned = max((c for c in combos if _allowed(tuple(always) + c, warnings=False)), key=lambda c: float(savings[list(c)].sum()))
    codes = budget.check_selection(always + list(best))
    left_out = [c for c in contested if c not in best]
    added = [c for c in best_warned if c not in best]
    titles = data.measures["title"]
    rows = [[c, str(titles[c]), _n(-savings[c])] for c in codes]
    totals = budget.package_totals(codes)
    reached = -float(totals.loc["structureel", "savings"])
    with_warning = -float(budget.package_totals(always + list(best_warned)).loc["structureel", "savings"])
    why = []
    for c in left_out:
        group = grouped.loc[grouped["measure"] == c, "group"]
        same = [m for m in codes if not group.empty and m in set(grouped.loc[grouped["group"] == group.iloc[0], "measure"])]
        pair = [m for m in codes if ((warned["measure_a"] == c) & (warned["measure_b"] == m)).any()
                or ((warned["measure_a"] == m) & (warned["measure_b"] == c)).any()]
        why.append(f"{c} is een andere optie in dezelfde groep als {same[0]}" if same else f"{c} geeft samen met {pair[0]} een waarschuwing")
    return (f"""
Het meest haalt u met deze {len(codes)} maatregelen: alle maatregelen buiten variant 2C die structureel besparen,
behalve {" en ".join(left_out)} ({"; ".join(why)}).

{_table(["Maatregel", "Titel", "Structureel"], rows, right=2)}

Samen besparen ze structureel {_n(reached)} mln euro per jaar: {_n(task - reached)} mln euro minder dan de {_n(task)}
mln euro. Wie ook {" en ".join(added)} aanzet, komt op {_n(with_warning)} mln euro, maar krijgt dan de
waarschuwing dat dezelfde besparing dubbel kan worden geteld. Het rapport vult de {_n(task)} mln euro in met
{_n(_key_figure("jenv_saving_measures"))} mln euro uit maatregelen in de varianten en
{_n(_key_figure("jenv_saving_4_12"))} mln euro uit maatregel 4.12, zonder te noemen welke maatregelen het eerste deel
vormen (zie Data en kwaliteit, D18). Dit is een rekenopdracht: welk pakket wenselijk is, zegt het rapport niet.
""", {"task": task, "codes": codes, "reached": reached, "left_out": left_out, "added": added, "with_warning": with_warning})


@_answer("grootste-bedragen")
def _largest_amounts():
    data = budget.budget()
    cells = data.values[(data.values["period"].astype(str) == "structureel") & data.values["measure"].isin(budget.selectable_measures())]
    cells = cells.dropna(subset=["value"]).set_index("measure")
    value = cells["value"].astype(float)
    low, high = value.idxmin(), value.idxmax()

    def describe(code: str) -> str:
        return f"{code} {data.measures.loc[code, 'title']} (variant {cells.loc[code, 'variant']}: {_n(value[code])} mln euro)"

    return (f"""
De grootste structurele besparing: {describe(low)}. De grootste structurele extra uitgave: {describe(high)}.
""", {"lowest": (low, float(value[low])), "highest": (high, float(value[high]))})


@_answer("niet-opgeteld")
def _not_counted():
    from .data.labels import MARKER_LABELS_NL
    from .data.numbers import Marker

    data = budget.budget()
    cells = data.values[data.values["measure"].isin(budget.selectable_measures()) & data.values["marker"].notna()]
    per_marker = cells.groupby("marker")["measure"].apply(lambda m: sorted(set(m), key=list(data.measures.index).index))
    rows = [[MARKER_LABELS_NL[Marker(marker)], ", ".join(codes), str(len(codes))] for marker, codes in per_marker.items()]
    measures = sorted(set(cells["measure"]), key=list(data.measures.index).index)
    return (f"""
{len(measures)} van de {len(budget.selectable_measures())} maatregelen die u kunt kiezen, hebben ten minste één cel zonder bedrag:

{_table(["In de tabel", "Maatregelen", "Aantal"], rows, right=2)}

Kiest u zo'n maatregel, dan telt de figuur die cellen niet op (leeg is geen nul) en noemt ze onder de tabel met
‘Niet opgeteld’. De totalen zijn dan dus de som van de bedragen die wel in de tabel staan.
""", {"measures": measures, "per_marker": {str(k): list(v) for k, v in per_marker.items()}})


# -- the figures the questions use ------------------------------------------------------------

FIGURE_CALL = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*(?P<kind>package_builder|series_figure|dublin_figure)\((?P<args>.*)\)\s*$", re.M)
DEFAULT_IDS = {"package_builder": "fig-pakket", "dublin_figure": "fig-dublin"}


@dataclass(frozen=True)
class FigureReference:
    """A figure a chapter binds to a name: the chapter's code cell and the figure's anchor on the site."""

    chapter: str
    name: str
    kind: str
    code: str
    figure_id: str
    title: str  # the chapter's title

    def label(self) -> str:
        if self.kind == "package_builder":
            return "de pakketbouwer"
        if self.kind == "dublin_figure":
            return "de figuur met Dublinoverdrachten"
        from .figures.series import FIGURES

        key = re.search(r"series_figure\(\s*[\"']([\w-]+)", self.code)
        return f"de figuur ‘{FIGURES[key.group(1)].caption}’" if key else "de figuur"


def figure_reference(chapter: str, name: str, root: Path = PROJECT_ROOT) -> FigureReference:
    """The code cell of ``chapters/<chapter>.md`` that binds ``name`` to a figure.
    Raises KeyError when the chapter binds no figure to that name."""
    import jupytext

    path = root / "chapters" / f"{chapter}.md"
    notebook = jupytext.read(path, fmt="md:myst")
    title = next((line[2:].strip() for c in notebook.cells if c.cell_type == "markdown"
                  for line in c.source.splitlines() if line.startswith("# ")), chapter)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        for match in FIGURE_CALL.finditer(cell.source):
            if match["name"] == name:
                given = re.search(r"figure_id\s*=\s*[\"']([\w-]+)", match["args"])
                key = re.match(r"\s*[\"']([\w-]+)", match["args"])
                figure_id = given.group(1) if given else DEFAULT_IDS.get(match["kind"]) or f"fig-{key.group(1)}"
                return FigureReference(chapter, name, match["kind"], cell.source, figure_id, title)
    raise KeyError(f"chapters/{chapter}.md binds no figure to the name {name!r}")
