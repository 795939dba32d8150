"""Scoring a candidate product against a rubric, ranking a village's candidates, explaining a score.

A criterion without a level is *belum dinilai* (not assessed): it is never counted as 0, and the
total and stars stay empty until every criterion has a level.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import itemgetter, mul

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_number_en, format_number_id
from ovop_desktop.core.rubric import LEVELS, Criterion, Gate, Rubric, StarBand
from ovop_desktop.core.text import fold

CENT = Decimal("0.01")


class ScoringError(DomainError):
    """Levels, a category or candidates that cannot be scored under the rubric."""


@dataclass(frozen=True)
class UnmetRequirement:
    criterion: str
    required_level: int
    actual_level: int


@dataclass(frozen=True)
class GateCap:
    """A gate that keeps a product below the band its total reached.

    ``to_stars`` is the most this gate allows (one below ``gate.min_stars``); for
    :attr:`Score.capped_by` it is also the final rating.
    """

    gate: Gate
    from_stars: int
    to_stars: int
    unmet: tuple[UnmetRequirement, ...]


@dataclass(frozen=True)
class Score:
    points: dict[str, Decimal | None]  # every criterion, in rubric order; None: belum dinilai
    group_subtotals: dict[str, Decimal]  # groups with at least one scored criterion
    missing: tuple[str, ...]  # criteria not yet assessed, in rubric order
    complete: bool
    total: Decimal | None  # None until every criterion is assessed
    band_stars: int | None  # the band the total reached
    stars: int | None  # the rating after gates
    capped_by: GateCap | None  # the gate that decided the rating, if it lowered it
    gate_caps: tuple[GateCap, ...]  # every gate blocking band_stars, lowest min_stars first
    levels: dict[str, int | None]  # every criterion, in rubric order
    category: str


def criterion_points(criterion: Criterion, level: int) -> Decimal:
    """Points for ``level``: weight × level ÷ 5, to 0.01."""
    return (Decimal(criterion.weight * level) / 5).quantize(CENT, ROUND_HALF_UP)


def star_band(rubric: Rubric, total: Decimal) -> StarBand:
    """The band a total (rounded to 0.01) falls in; ScoringError outside every band."""
    rounded = total.quantize(CENT, ROUND_HALF_UP)
    for band in rubric.bands:
        if band.min_total <= rounded <= band.max_total:
            return band
    low, high = rubric.bands[0].min_total, rubric.bands[-1].max_total
    raise ScoringError(
        f"Total {format_number_id(rounded, 2)} berada di luar pita bintang rubrik "
        f"({format_number_id(low, 2)}–{format_number_id(high, 2)}).",
        f"Total {rounded} is outside the rubric's star bands ({low}–{high}).",
    )


def score(rubric: Rubric, levels: Mapping[str, int | None], category: str) -> Score:
    """Score one product of ``category`` from its levels (criterion id → 1–5 or None)."""
    if category not in rubric.category_ids:
        raise ScoringError(
            f"Kategori produk '{category}' tidak ada dalam rubrik {rubric.name}.",
            f"Product category '{category}' is not in rubric {rubric.name}.",
        )
    checked = _checked_levels(rubric, levels)
    points: dict[str, Decimal | None] = {}
    subtotals = dict.fromkeys((group.id for group in rubric.groups), Decimal(0))
    assessed_groups: set[str] = set()
    for criterion in rubric.criteria:
        level = checked[criterion.id]
        if level is None:
            points[criterion.id] = None
        else:
            points[criterion.id] = earned = criterion_points(criterion, level)
            subtotals[criterion.group] += earned
            assessed_groups.add(criterion.group)
    missing = tuple(criterion_id for criterion_id, level in checked.items() if level is None)
    total = band_stars = stars = None
    caps: tuple[GateCap, ...] = ()
    if not missing:
        total = sum(subtotals.values(), Decimal(0)).quantize(CENT)
        band_stars = star_band(rubric, total).stars
        caps = _gate_caps(rubric, checked, category, band_stars)
        stars = caps[0].to_stars if caps else band_stars
    return Score(
        points=points,
        # A group none of whose criteria is assessed yet has no subtotal rather than 0.
        group_subtotals={g: sub for g, sub in subtotals.items() if g in assessed_groups},
        missing=missing,
        complete=not missing,
        total=total,
        band_stars=band_stars,
        stars=stars,
        capped_by=caps[0] if caps else None,
        gate_caps=caps,
        levels=checked,
        category=category,
    )


def _checked_levels(rubric: Rubric, levels: Mapping[str, int | None]) -> dict[str, int | None]:
    for criterion_id, level in levels.items():
        if criterion_id not in rubric.criterion_ids:
            raise ScoringError(
                f"Kriteria '{criterion_id}' tidak ada dalam rubrik {rubric.name}.",
                f"Criterion '{criterion_id}' is not in rubric {rubric.name}.",
            )
        if level is not None and (type(level) is not int or level not in LEVELS):
            raise ScoringError(
                f"Tingkat untuk {criterion_id} harus 1 sampai 5 atau kosong, bukan {level!r}.",
                f"The level for {criterion_id} must be 1 to 5 or empty, not {level!r}.",
            )
    return {criterion_id: levels.get(criterion_id) for criterion_id in rubric.criterion_ids}


def _gate_caps(
    rubric: Rubric, levels: Mapping[str, int | None], category: str, band_stars: int
) -> tuple[GateCap, ...]:
    """Every gate that blocks ``band_stars``, the one allowing the fewest stars first.

    The rating is the highest band whose gates all pass, so it is decided by the failing gate
    with the lowest ``min_stars`` (rubric order among equals).
    """
    caps = []
    for gate in rubric.gates:
        if gate.min_stars > band_stars or not gate.applies_to(category):
            continue
        unmet = tuple(
            UnmetRequirement(req.criterion, req.min_level, level)
            for req in gate.requirements
            if (level := levels[req.criterion] or 0) < req.min_level
        )
        if unmet:
            caps.append(GateCap(gate, band_stars, gate.min_stars - 1, unmet))
    return tuple(sorted(caps, key=lambda cap: cap.gate.min_stars))


@dataclass(frozen=True)
class CandidateInput:
    product_id: str
    name: str
    category: str
    levels: Mapping[str, int | None]


@dataclass(frozen=True)
class TieBreak:
    """Why a candidate sits where it does beside another with the same total."""

    other: CandidateInput
    total: Decimal
    decided_by: str  # a criterion id, "name" or "product_id"
    criterion: Criterion | None  # set when a criterion decided
    own_level: int | None
    other_level: int | None

    def describe_id(self) -> str:
        start = f"Total sama dengan {self.other.name} ({format_number_id(self.total, 2)})"
        if self.criterion is not None:
            return (
                f"{start}; diputuskan oleh {self.criterion.name_id} "
                f"({self.own_level} lawan {self.other_level})."
            )
        if self.decided_by == "name":
            return f"{start}; diputuskan menurut abjad nama produk."
        return f"{start} dan nama yang sama; diputuskan menurut kode produk."

    def describe_en(self) -> str:
        start = f"Same total as {self.other.name} ({format_number_en(self.total, 2)})"
        if self.criterion is not None:
            return (
                f"{start}; decided by {self.criterion.name_en} "
                f"({self.own_level} vs {self.other_level})."
            )
        if self.decided_by == "name":
            return f"{start}; decided by alphabetical order of product name."
        return f"{start} and the same name; decided by product code."


@dataclass(frozen=True)
class RankedCandidate:
    candidate: CandidateInput
    score: Score
    rank: int | None  # 1 = the recommended OVOP product; None while incomplete
    tie_break: TieBreak | None


def rank_candidates(rubric: Rubric, candidates: Iterable[CandidateInput]) -> list[RankedCandidate]:
    """Rank one village's candidates; the result never depends on the order given.

    Complete candidates by total (highest first), ties broken by the rubric's tie-break
    criteria (higher level first), then product name, then product id. Incomplete candidates
    follow, by name, without a rank.
    """
    scored = [(c, score(rubric, c.levels, c.category)) for c in candidates]
    seen: set[str] = set()
    for candidate, _ in scored:
        if candidate.product_id in seen:
            raise ScoringError(
                f"Produk '{candidate.product_id}' muncul dua kali dalam satu peringkat.",
                f"Product '{candidate.product_id}' appears twice in one ranking.",
            )
        seen.add(candidate.product_id)

    def rank_key(item: tuple[CandidateInput, Score]) -> tuple[object, ...]:
        candidate, result = item
        deciders = tuple(-(result.levels[c] or 0) for c in rubric.tie_break)
        return (-(result.total or 0), deciders, fold(candidate.name), candidate.product_id)

    complete = sorted((item for item in scored if item[1].complete), key=rank_key)
    incomplete = sorted(
        (item for item in scored if not item[1].complete),
        key=lambda item: (fold(item[0].name), item[0].product_id),
    )
    ranked = []
    for index, (candidate, result) in enumerate(complete):
        # Explain against the candidate just above if tied with it, else the one just below.
        neighbours = [complete[i] for i in (index - 1, index + 1) if 0 <= i < len(complete)]
        tied = [other for other in neighbours if other[1].total == result.total]
        tie = _tie_break(rubric, (candidate, result), tied[0]) if tied else None
        ranked.append(RankedCandidate(candidate, result, index + 1, tie))
    ranked.extend(
        RankedCandidate(candidate, result, None, None) for candidate, result in incomplete
    )
    return ranked


def _tie_break(
    rubric: Rubric, own: tuple[CandidateInput, Score], other: tuple[CandidateInput, Score]
) -> TieBreak:
    total = own[1].total or Decimal(0)
    for criterion_id in rubric.tie_break:
        own_level, other_level = own[1].levels[criterion_id], other[1].levels[criterion_id]
        if own_level != other_level:
            criterion = rubric.criterion(criterion_id)
            return TieBreak(other[0], total, criterion_id, criterion, own_level, other_level)
    decided_by = "name" if fold(own[0].name) != fold(other[0].name) else "product_id"
    return TieBreak(other[0], total, decided_by, None, None, None)


@dataclass(frozen=True)
class CriterionNote:
    criterion: Criterion
    level: int
    points: Decimal
    points_lost: Decimal  # weight × (5 − level) ÷ 5: what a higher level would add


@dataclass(frozen=True)
class Explanation:
    strongest: tuple[CriterionNote, ...]
    weakest: tuple[CriterionNote, ...]


def explain(rubric: Rubric, score: Score, n: int = 2) -> Explanation:
    """The ``n`` weakest criteria (coaching priorities) and ``n`` strongest others.

    Weakest: most points lost, then lower level, then rubric order; a criterion at level 5
    loses nothing and is never weakest. Strongest: highest level, then higher weight, then
    rubric order, among the criteria not already listed as weakest, so that one criterion is
    never advice and praise at once. Criteria not yet assessed are left out.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, not {n}")
    notes = []
    for position, criterion in enumerate(rubric.criteria):
        level = score.levels[criterion.id]
        if level is not None:
            points = criterion_points(criterion, level)
            lost = criterion_points(criterion, 5) - points
            notes.append((position, CriterionNote(criterion, level, points, lost)))
    weakest = sorted(
        (item for item in notes if item[1].points_lost > 0),
        key=lambda item: (-item[1].points_lost, item[1].level, item[0]),
    )[:n]
    strongest = sorted(
        (item for item in notes if item not in weakest),
        key=lambda item: (-item[1].level, -item[1].criterion.weight, item[0]),
    )[:n]
    return Explanation(
        strongest=tuple(note for _, note in strongest),
        weakest=tuple(note for _, note in weakest),
    )


@dataclass(frozen=True, slots=True)
class Standing:
    """What a ranking row shows of a complete candidate: the same total, band, stars and gate as
    `score`, without the per-criterion detail."""

    cents: int  # the total in hundredths: what ranks compare
    total: Decimal
    band_stars: int
    stars: int
    gate: str | None  # the gate that lowered the stars (Score.capped_by), if any


class ScoreTable:
    """A rubric compiled for scoring and ranking many candidates: the results of `score` and
    `rank_candidates` from integer arithmetic and lookups.

    Levels are tuples in rubric order (`rubric.criterion_ids`), each 1–5 or None; they are the
    database's, whose constraint keeps them in range, so they are not checked again here.
    """

    def __init__(self, rubric: Rubric) -> None:
        self.rubric = rubric
        # Points are weight × level ÷ 5 to 0.01: with an integer weight, exactly weight × level
        # × 20 hundredths, so a total in hundredths is a plain weighted sum.
        self._unit = tuple(criterion.weight * 20 for criterion in rubric.criteria)
        for criterion, unit in zip(rubric.criteria, self._unit, strict=True):
            if any(criterion_points(criterion, lv) * 100 != unit * lv for lv in LEVELS):
                raise ValueError(f"criterion {criterion.id} has a weight that is not whole")
        position = {criterion_id: i for i, criterion_id in enumerate(rubric.criterion_ids)}
        self.tie_positions = tuple(position[criterion_id] for criterion_id in rubric.tie_break)
        self._tie_levels = itemgetter(*self.tie_positions) if self.tie_positions else None
        # Per category, the gates that apply, fewest stars allowed first (rubric order among
        # equals), as _gate_caps orders them.
        ordered = sorted(rubric.gates, key=lambda gate: gate.min_stars)
        self._gates = {
            category: tuple(
                (
                    gate.min_stars,
                    gate.id,
                    tuple((position[req.criterion], req.min_level) for req in gate.requirements),
                )
                for gate in ordered
                if gate.applies_to(category)
            )
            for category in rubric.category_ids
        }
        # Per category, the fewest stars a gate for some categories only (one that applies to it)
        # starts at; and the gates that apply to it.
        self._own_gate_stars = {
            category: min(
                (g.min_stars for g in rubric.gates if g.categories and g.applies_to(category)),
                default=None,
            )
            for category in rubric.category_ids
        }
        self._applies = {
            category: frozenset(g.id for g in rubric.gates if g.applies_to(category))
            for category in rubric.category_ids
        }
        self._gate_stars = {gate.id: gate.min_stars - 1 for gate in rubric.gates}  # when unmet
        # One category per distinct set of gates: categories with the same gates score alike.
        self._gate_sets = tuple({gates: c for c, gates in self._gates.items()}.values())
        self._bands: dict[int, tuple[Decimal, int]] = {}
        self._standings: dict[tuple[int, str | None], Standing] = {}  # a few thousand at most

    def total_and_band(self, cents: int) -> tuple[Decimal, int]:
        """The total (to 0.01) of `cents` hundredths and the band it reaches."""
        found = self._bands.get(cents)
        if found is None:
            total = Decimal(cents).scaleb(-2)
            found = self._bands[cents] = (total, star_band(self.rubric, total).stars)
        return found

    @property
    def categories(self) -> Collection[str]:
        """The rubric's categories (those `knows`)."""
        return self._gates.keys()

    def knows(self, category: str) -> bool:
        return category in self._gates

    def standing(self, levels: Sequence[int | None], category: str) -> Standing | None:
        """The standing of a candidate of `category`; None while a criterion has no level.
        ScoringError for a category the rubric does not have, as `score`."""
        gates = self._gates.get(category)
        if gates is None:
            score(self.rubric, {}, category)  # raises the same ScoringError
        if None in levels:
            return None
        cents = sum(map(mul, self._unit, levels))
        gate = None
        band = self._bands.get(cents)
        band_stars = self.total_and_band(cents)[1] if band is None else band[1]
        for min_stars, gate_id, requirements in gates or ():
            if min_stars > band_stars:
                break
            for index, min_level in requirements:
                if levels[index] < min_level:  # type: ignore[operator]
                    gate = gate_id
                    break
            if gate is not None:
                break
        return self.standing_of(cents, gate)

    def standings(self, levels: Sequence[int]) -> Iterator[Standing]:
        """The standings complete `levels` have under the rubric's categories, one for each set
        of gates some categories share, scored as they are asked for."""
        for category in self._gate_sets:
            yield self.standing(levels, category)  # type: ignore[misc]  # complete

    def standing_of(self, cents: int, gate: str | None) -> Standing:
        """The standing of a total of `cents` hundredths lowered by `gate` (or not)."""
        found = self._standings.get((cents, gate))
        if found is None:
            total, band = self.total_and_band(cents)
            stars = band if gate is None else self._gate_stars[gate]
            found = self._standings[(cents, gate)] = Standing(cents, total, band, stars, gate)
        return found

    def has_gate(self, gate_id: str) -> bool:
        return gate_id in self._gate_stars

    def same_for(self, category: str, band_stars: int, gate: str | None) -> bool:
        """Whether stars and gate scored under some category (which one is not known) are those
        of `category` too, for a total in band `band_stars` that `gate` lowered (or not).

        They are when no gate of `category`'s own (one for some categories only) can apply at
        that band, and the gate found applies to `category`: the gates of `category` are then
        the rubric's general ones, which apply to every category, so the first unmet among them
        is the one found (or none was unmet).
        """
        own = self._own_gate_stars.get(category)
        if own is not None and band_stars >= own:
            return False
        return gate is None or gate in self._applies[category]

    def rank_key(
        self, standing: Standing, levels: Sequence[int | None] | None, name: str, key: object
    ) -> tuple[object, ...]:
        """The sort key `rank_candidates` orders complete candidates by. `levels` may be None
        for a candidate whose total no other candidate of its village shares: the tie-break
        criteria are then never compared."""
        if levels is None or self._tie_levels is None:
            deciders: tuple[int, ...] = ()
        elif len(self.tie_positions) == 1:
            deciders = (-(levels[self.tie_positions[0]] or 0),)
        else:
            # No level is read as 0, as rank_candidates reads it.
            deciders = tuple(-(level or 0) for level in self._tie_levels(levels))
        return (-standing.cents, deciders, fold(name), key)

    def rank(
        self, candidates: Iterable[tuple[str, str, str, Sequence[int | None]]]
    ) -> list[tuple[str, Standing, int]]:
        """Rank one village's candidates (product id, name, category, levels) as
        `rank_candidates` does: (product id, standing, rank) of the complete ones, best first."""
        complete = []
        for product_id, name, category, levels in candidates:
            standing = self.standing(levels, category)
            if standing is not None:
                complete.append((standing, levels, name, product_id))
        if len({item[0].cents for item in complete}) == len(complete):
            complete.sort(key=lambda item: -item[0].cents)  # no tie: the totals decide alone
        else:
            complete.sort(key=lambda item: self.rank_key(*item))
        return [(item[3], item[0], rank) for rank, item in enumerate(complete, 1)]
