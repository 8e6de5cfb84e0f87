"""Helpers the attest checks share (not a rule: it defines no RULE)."""

from __future__ import annotations

from collections.abc import Iterator

from generators.model import Model
from generators.model.attest import Ansvar, Attestforteckning, Attestreglemente, attest_model


def lists_with_reglemente(model: Model) -> Iterator[tuple[Attestforteckning, Attestreglemente]]:
    """Each förteckning with the reglemente in force when its period starts (none: the check has nothing to apply)."""
    attest = attest_model(model)
    for forteckning in attest.forteckningar:
        reglemente = attest.reglemente_on(forteckning.period_from)
        if reglemente is not None:
            yield forteckning, reglemente


def rows(model: Model) -> Iterator[tuple[Attestforteckning, Attestreglemente, Ansvar]]:
    for forteckning, reglemente in lists_with_reglemente(model):
        for ansvar in forteckning.ansvar:
            yield forteckning, reglemente, ansvar
