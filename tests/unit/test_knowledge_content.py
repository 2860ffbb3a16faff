"""The knowledge base content: every problem has valid steps, in es-AR (voseo) and English, and safe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import stichat
from stichat.domain.knowledge import LEVELS, LOCALES, MIN_STEPS, KnowledgeBase, Step, build_knowledge

KNOWLEDGE = Path(stichat.__file__).parent / "knowledge"
STEPS = KNOWLEDGE / "steps"


def load_docs() -> dict[str, Any]:
    docs: dict[str, Any] = {"taxonomy.yaml": yaml.safe_load((KNOWLEDGE / "taxonomy.yaml").read_text("utf-8"))}
    docs.update({p.name: yaml.safe_load(p.read_text("utf-8")) for p in sorted(STEPS.glob("*.yaml"))})
    return docs


@pytest.fixture(scope="module")
def docs() -> dict[str, Any]:
    return load_docs()


@pytest.fixture(scope="module")
def kb(docs: dict[str, Any]) -> KnowledgeBase:
    return build_knowledge(docs)


def every_step(kb: KnowledgeBase) -> Iterator[tuple[str, Step]]:
    """Every step of every set, with a label naming where it lives."""
    for (problem, level), steps in kb.generic.items():
        for i, step in enumerate(steps, start=1):
            yield f"{problem}.generic.{level}[{i}]", step
    for (device, problem, level), steps in kb.specific.items():
        for i, step in enumerate(steps, start=1):
            yield f"{problem}.specific.{device}.{level}[{i}]", step


def problem_steps(kb: KnowledgeBase, problem: str) -> Iterator[tuple[str, Step]]:
    return ((where, step) for where, step in every_step(kb) if where.split(".")[0] == problem)


def both(step: Step, locale: str) -> str:
    return f"{step.text_in(locale)} {step.help_in(locale)}"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[¿¡(\"'A-ZÁÉÍÓÚÑ])", text) if s.strip()]


# --- structure ------------------------------------------------------------------------------------


def test_every_problem_has_a_steps_file_that_validates(docs: dict[str, Any], kb: KnowledgeBase) -> None:
    files = {p.stem for p in STEPS.glob("*.yaml")}
    assert files == set(kb.problems)
    for name, doc in docs.items():
        if name != "taxonomy.yaml":
            assert doc["problem"] == Path(name).stem, f"{name} declares problem {doc['problem']!r}"


def test_every_problem_applies_to_at_least_one_device_without_repeats(kb: KnowledgeBase) -> None:
    for problem, devices in kb.applies.items():
        assert devices, f"{problem}: empty devices list"
        assert len(set(devices)) == len(devices), f"{problem}: repeated device"


def test_every_pair_has_three_basic_and_three_advanced_steps_in_both_languages(kb: KnowledgeBase) -> None:
    assert kb.pairs()
    for device, problem in kb.pairs():
        for level in LEVELS:
            steps = kb.steps(device, problem, level)
            assert len(steps) >= MIN_STEPS, f"{device}/{problem}/{level}"
            for step in steps:
                for locale in LOCALES:
                    assert step.text_in(locale).strip() and step.help_in(locale).strip()


def test_specific_sets_are_only_for_devices_the_problem_applies_to(kb: KnowledgeBase) -> None:
    for device, problem, _level in kb.specific:
        assert device in kb.applies[problem], f"specific {device}/{problem} but {device} is not listed"


def test_printing_is_only_about_printers_and_battery_only_about_battery_powered_devices(
    kb: KnowledgeBase,
) -> None:
    assert kb.applies["printing"] == ("printer",)
    assert set(kb.applies["battery"]) <= {"notebook", "smartphone", "tablet", "mouse", "keyboard", "other"}


def test_no_step_is_repeated_within_a_set(kb: KnowledgeBase) -> None:
    sets = list(kb.generic.items()) + list(kb.specific.items())
    for key, steps in sets:
        for locale in LOCALES:
            texts = [s.text_in(locale) for s in steps]
            assert len(texts) == len(set(texts)), f"{key}: repeated step"


def test_step_texts_are_short_and_helps_explain_in_two_to_five_sentences(kb: KnowledgeBase) -> None:
    for where, step in every_step(kb):
        for locale in LOCALES:
            text, help_ = step.text_in(locale), step.help_in(locale)
            assert len(text) <= 180, f"{where} {locale}: text too long ({len(text)})"
            assert 1 <= len(sentences(text)) <= 2, f"{where} {locale}: text {sentences(text)}"
            assert 2 <= len(sentences(help_)) <= 5, f"{where} {locale}: help {sentences(help_)}"


def test_spanish_and_english_are_different_texts(kb: KnowledgeBase) -> None:
    for where, step in every_step(kb):
        assert step.text_in("es-AR") != step.text_in("en"), where
        assert step.help_in("es-AR") != step.help_in("en"), where


# --- language -------------------------------------------------------------------------------------

SPANISH_IN_ENGLISH = re.compile(
    r"[áéíóúñ¿¡]"
    r"|\b(el|la|los|las|que|con|para|por|una|del|pero|si|es|tu|vos|usted|equipo|celular|notebook"
    r"|fijate|probá|desenchufá|enchufá|podés|tenés|técnico|taller|cargador|pantalla)\b",
    re.IGNORECASE,
)


def test_english_texts_contain_no_spanish_words(kb: KnowledgeBase) -> None:
    for where, step in every_step(kb):
        for part in (step.text_in("en"), step.help_in("en")):
            found = SPANISH_IN_ENGLISH.search(re.sub(r"\b[A-Z]{2,}\b", "", part))  # acronyms: LOS, PON
            assert found is None, f"{where}: {found.group(0)!r} in {part!r}"


TUTEO_ANYWHERE = re.compile(
    r"\b(puedes|tienes|quieres|sabes|debes|necesitas|tú|haz|fíjate|asegúrate|mira|enciéndelo|apágalo)\b",
    re.IGNORECASE,
)
TUTEO_IMPERATIVES = {
    "prueba", "intenta", "revisa", "verifica", "reinicia", "apaga", "enciende", "desconecta", "conecta",
    "abre", "cierra", "espera", "elige", "busca", "descarga", "instala", "deja", "toca", "anota", "limpia",
    "usa", "pon", "ve", "sal", "ten", "desenchufa", "enchufa", "actualiza", "borra", "guarda", "llama",
}


def test_spanish_texts_use_voseo_not_tuteo(kb: KnowledgeBase) -> None:
    for where, step in every_step(kb):
        for part in (step.text_in("es-AR"), step.help_in("es-AR")):
            found = TUTEO_ANYWHERE.search(part)
            assert found is None, f"{where}: tuteo {found.group(0)!r} in {part!r}"
            for sentence in sentences(part):
                first = re.sub(r"^[¿¡(\"']+", "", sentence).split(" ")[0].strip(",.").lower()
                assert first not in TUTEO_IMPERATIVES, f"{where}: tuteo imperative {first!r} in {part!r}"


def test_spanish_texts_are_written_in_spanish(kb: KnowledgeBase) -> None:
    spanish = re.compile(r"\b(el|la|los|las|que|de|con|en|y|no|si|un|una)\b", re.IGNORECASE)
    for where, step in every_step(kb):
        assert spanish.search(step.help_in("es-AR")), where


# --- safety ---------------------------------------------------------------------------------------

DESTRUCTIVE = {
    "es-AR": re.compile(r"\bformat|restablec\w* de fábrica|restablecimiento de fábrica|valores de fábrica"),
    "en": re.compile(r"\bformat|factory reset|factory settings"),
}
ERASES = {"es-AR": re.compile(r"borra"), "en": re.compile(r"erase")}
BACKUP = {"es-AR": re.compile(r"copia|respaldo"), "en": re.compile(r"back(ed)? ?up|copy")}
NEGATION = {
    "es-AR": re.compile(r"\b(no|nunca|ni|tampoco|sin|cancelar|cancelá|evitá)\b", re.IGNORECASE),
    "en": re.compile(r"\b(no|never|not|don't|without|cancel|avoid)\b", re.IGNORECASE),
}


def test_factory_reset_and_format_steps_warn_about_backups(kb: KnowledgeBase) -> None:
    for where, step in every_step(kb):
        for locale in LOCALES:
            whole = both(step, locale)
            if not DESTRUCTIVE[locale].search(whole.lower()):
                continue
            assert ERASES[locale].search(whole.lower()), f"{where} {locale}: must say it erases everything"
            recommends = [
                s for s in sentences(whole) if DESTRUCTIVE[locale].search(s.lower()) and not NEGATION[locale].search(s)
            ]
            if recommends:
                assert BACKUP[locale].search(whole.lower()), f"{where} {locale}: must say to back up first"


WRITES_TO_DISK = {
    "es-AR": re.compile(r"\bformat|instal|chkdsk|\bescrib|descarg|guard[aá]|copi[aá]\b.* en (ese|el) disco",
                        re.IGNORECASE),
    "en": re.compile(r"\bformat|install|chkdsk|\bwrite|download|save to", re.IGNORECASE),
}


def test_data_recovery_never_suggests_writing_to_the_disk(kb: KnowledgeBase) -> None:
    found_any = False
    for where, step in problem_steps(kb, "data_recovery"):
        found_any = True
        for locale in LOCALES:
            for sentence in sentences(both(step, locale)):
                if WRITES_TO_DISK[locale].search(sentence):
                    assert NEGATION[locale].search(sentence), (
                        f"{where} {locale}: suggests writing to the disk: {sentence!r}"
                    )
    assert found_any


def test_data_recovery_tells_the_customer_to_stop_using_the_disk(kb: KnowledgeBase) -> None:
    for (problem, level), steps in kb.generic.items():
        if problem == "data_recovery" and level == "basic":
            assert "Dejá de usar" in steps[0].text_in("es-AR")
            assert "Stop using" in steps[0].text_in("en")


def test_liquid_spills_say_unplug_no_power_on_and_no_hair_dryer(kb: KnowledgeBase) -> None:
    for locale, unplug, dryer in (("es-AR", "desenchuf", "secador"), ("en", "unplug", "hair dryer")):
        whole = " ".join(both(s, locale) for _, s in problem_steps(kb, "physical_damage")).lower()
        assert unplug in whole and dryer in whole


def test_swollen_batteries_say_stop_using_it(kb: KnowledgeBase) -> None:
    for where, step in problem_steps(kb, "battery"):
        en = both(step, "en").lower()
        if "swollen" in en:
            assert "stop using" in en or "don't charge" in en, where


def test_no_step_suggests_flashing_the_bios_or_firmware(kb: KnowledgeBase) -> None:
    flashing = re.compile(
        r"\bflash(ing)?\b|flashe|actualiz\w* (el|la) (bios|firmware)|update the (bios|firmware)", re.IGNORECASE
    )
    for where, step in every_step(kb):
        for locale in LOCALES:
            whole = both(step, locale)
            found = flashing.search(whole)
            assert found is None, f"{where} {locale}: {found.group(0)!r}"


def test_steps_that_mention_opening_a_device_warn_about_warranty_or_power(kb: KnowledgeBase) -> None:
    opening = re.compile(r"\b(open|opening) (it|the (device|case|laptop|computer|phone))\b(?! again)")
    for where, step in every_step(kb):
        whole = both(step, "en").lower()
        for sentence in sentences(both(step, "en")):
            if opening.search(sentence.lower()) and not NEGATION["en"].search(sentence):
                assert "warranty" in whole or "unplug" in whole, f"{where}: {sentence!r}"
