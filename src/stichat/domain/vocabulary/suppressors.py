"""Suppressors: phrases that cancel a problem's weak readings ("carga bien pero se calienta" is not a
battery problem, while "carga bien pero la batería dura poco" still is)."""

from __future__ import annotations

from stichat.domain.vocabulary.symptoms import TURN_ON

# Hits that cancel a problem's weak readings.
PROBLEM_SUPPRESSORS: dict[str, tuple[str, ...]] = {
    "no_power": (
        rf"{TURN_ON} (?:\S+ )?(?:pero|bien|fine|ok|but|normal|y (?:se|despues|luego|al rato))|si {TURN_ON}|"
        rf"(?:arranca|starts) (?:\S+ )?(?:pero|bien|but|y)",
    ),
    "battery": (
        r"(?:carga|cargando|charges|charging|cargar) (?:\S+ )?(?:bien|fine|ok|normal|perfect\w*|sin problema)|"
        r"(?:si|ya) carga|carga pero|charges but",
    ),
    "no_internet": (
        r"(?:internet|wifi|conexion|red) (?:\S+ )?(?:anda|funciona|works) (?:bien|perfect\w*|fine|ok)",
    ),
    "no_sound": (
        r"(?:sonido|audio|sound) (?:\S+ )?(?:anda|funciona|works) (?:bien|fine|ok)",
    ),
    "no_display": (
        r"(?:imagen|pantalla|screen|display) (?:\S+ )?(?:anda|funciona|se ve|works|is) (?:bien|fine|ok)",
    ),
}
