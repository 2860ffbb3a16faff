"""What a model may add is narrowed in the pure domain: only safe, short steps; only known keys."""

from __future__ import annotations

from stichat.domain.nlu import Understanding
from stichat.domain.replies import Catalog
from stichat.domain.smart import photo_analysis, safe_suggestions, with_photo

DEVICES, PROBLEMS = ("pc", "notebook", "other"), ("no_power", "blue_screen", "other")
#: The photo sentences as a locale file would give them (the real files are checked in test_knowledge_validation).
TEXTS = Catalog(texts={"es-AR": {"photo_device": "Veo tu {device}", "photo_looked": "Miré la foto",
                                 "photo_problem": "parece que: {problem}", "photo_text": "en pantalla dice «{text}»"}})


def test_destructive_firmware_and_opening_steps_are_dropped_in_both_languages() -> None:
    kept = safe_suggestions([
        "Formateá la notebook", "Hacé un reset de fábrica", "Actualizá la BIOS", "Flash the firmware",
        "Abrí el gabinete", "Open the case and reseat the RAM", "Unscrew the back cover", "Borrá la carpeta temp",
        "Editá el registro con regedit", "Revisá que el cable esté bien enchufado",
        "Check that the power strip is switched on", "Probá con otro enchufe", "Otro más",
    ])
    assert kept == ["Revisá que el cable esté bien enchufado", "Check that the power strip is switched on",
                    "Probá con otro enchufe"]


def test_markdown_and_numbering_are_stripped_and_long_steps_dropped() -> None:
    assert safe_suggestions(["1. **Probá** otro cable", "- `Reiniciá` el router", "x" * 300]) == [
        "Probá otro cable", "Reiniciá el router"]


def test_a_photo_reading_keeps_only_known_keys() -> None:
    analysis = photo_analysis(device="toaster", problem="blue_screen", text_seen=None, error_code="0xc000021a",
                              suggestion=None, devices=DEVICES, problems=PROBLEMS, device_label=None,
                              problem_label="pantalla azul", locale="es-AR", texts=TEXTS)
    assert analysis is not None
    assert analysis["device"] is None and analysis["problem"] == "blue_screen"
    assert analysis["summary"] == "Miré la foto; parece que: pantalla azul; en pantalla dice «0xc000021a»."


def test_a_photo_fills_only_what_the_rules_missed() -> None:
    photo = {"device": "notebook", "problem": "blue_screen"}
    sure = Understanding(device="pc", device_confidence=1.0, problem="no_power", problem_confidence=1.0)
    assert with_photo(sure, photo) == sure
    filled = with_photo(Understanding(), photo)
    assert (filled.device, filled.problem, filled.extra["via"]) == ("notebook", "blue_screen", "photo")
