"""Behaviour of the understanding module (stichat.domain.nlu)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stichat.domain import subjects
from stichat.domain.nlu import Intent, extract_name, normalise, understand
from stichat.domain.patterns import Index, compile_rule, compile_test, word_starts

DEVICES = {"pc", "notebook", "monitor", "printer", "router", "smartphone", "tablet", "tv", "keyboard",
           "mouse", "storage", "other"}
PROBLEMS = {"no_power", "no_boot", "no_display", "slow", "freezes", "blue_screen", "no_internet", "battery",
            "overheating", "no_sound", "not_detected", "printing", "malware", "software", "account",
            "data_recovery", "physical_damage", "other"}


def test_normalise_strips_case_accents_punctuation_and_stretched_letters() -> None:
    assert normalise("¡Holaaaa!!  ¿Cómo   andás?") == "hola como andas"
    assert normalise("Me LLAMO Ñandú") == "me llamo nandu"
    assert normalise("correr") == "correr"
    assert normalise("siiii nooo") == "si no"


def test_typed_no_acepto_is_a_refusal_not_consent() -> None:
    got = understand("no acepto")
    assert Intent.NO in got.intents
    assert Intent.YES not in got.intents


def test_consent_words_in_both_languages_are_yes() -> None:
    for text in ("sí", "dale", "ok", "de una", "acepto", "yes", "sure", "Siii"):
        assert Intent.YES in understand(text).intents, text


def test_no_prende_is_a_problem_not_a_refusal() -> None:
    got = understand("no prende")
    assert Intent.NO not in got.intents
    assert got.problem == "no_power"


def test_conditional_si_is_not_consent() -> None:
    assert Intent.YES not in understand("si lo enchufo no carga la bateria").intents


def test_compu_alone_asks_between_pc_and_notebook() -> None:
    got = understand("mi compu no prende")
    assert got.device is None
    assert set(got.device_candidates) == {"pc", "notebook"}
    assert got.problem == "no_power"


def test_pantalla_alone_is_ambiguous() -> None:
    got = understand("la pantalla no da imagen")
    assert got.device is None
    assert {"monitor", "notebook", "tv"} <= set(got.device_candidates)


def test_brands_point_to_devices_but_hp_alone_does_not() -> None:
    assert understand("Epson").device == "printer"
    assert understand("la impresora HP no imprime").device == "printer"
    assert understand("iPhone").device == "smartphone"
    assert understand("el iPad").device == "tablet"
    assert understand("el Chromecast").device == "tv"
    assert understand("HP Pavilion").device != "printer"


def test_wifi_of_a_notebook_is_a_notebook_problem_but_wifi_alone_is_the_router() -> None:
    got = understand("la notebook no se conecta al wifi")
    assert (got.device, got.problem) == ("notebook", "no_internet")
    assert understand("el wifi se corta").device == "router"


def test_no_carga_is_battery_but_carga_bien_is_not() -> None:
    assert understand("la notebook no carga").problem == "battery"
    assert understand("carga bien pero se calienta mucho").problem == "overheating"


def test_prende_pero_no_arranca_windows_is_no_boot() -> None:
    assert understand("prende pero no arranca windows").problem == "no_boot"
    assert understand("no prende").problem == "no_power"


def test_slang_and_english_phrases_map_to_problems() -> None:
    cases = {
        "no funca el mouse": "not_detected",
        "se tildó todo": "freezes",
        "se me colgó la pc": "freezes",
        "no ai internet": "no_internet",
        "won't turn on": "no_power",
        "pantallazo azul": "blue_screen",
        "no me da imagen": "no_display",
        "se calienta": "overheating",
        "anda re lento": "slow",
        "el wifi se corta": "no_internet",
        "no me reconoce el pendrive": "not_detected",
        "se me mojó": "physical_damage",
        "me hackearon el face": "account",
        "olvidé la contraseña": "account",
        "borré unas fotos": "data_recovery",
    }
    for text, problem in cases.items():
        assert understand(text).problem == problem, text


def test_typos_are_tolerated() -> None:
    got = understand("la imprsora no imprme")
    assert (got.device, got.problem) == ("printer", "printing")
    assert understand("my laptpo wont trun on").problem == "no_power"


def test_short_words_are_not_fuzzy_matched_into_devices() -> None:
    assert understand("nota").device is None
    assert understand("hola").device is None


def test_device_without_problem_has_no_problem() -> None:
    got = understand("mi notebook")
    assert got.device == "notebook"
    assert got.problem is None


def test_problem_without_device_leaves_the_device_to_the_engine() -> None:
    got = understand("no tengo sonido")
    assert got.problem == "no_sound"
    assert got.device is None
    assert got.device_candidates == ()


def test_help_intent_carries_step_number() -> None:
    for text, step in (("no sé hacer el paso 2", 2), ("cómo hago el 3", 3), ("explicame el paso 1", 1),
                       ("help with step 2", 2), ("what does step 3 mean", 3), ("el 2 no lo entiendo", 2),
                       ("no entiendo el paso dos", 2)):
        got = understand(text)
        assert Intent.HELP in got.intents, text
        assert got.step == step, text
        assert Intent.NO not in got.intents, text


def test_solved_and_persists_are_told_apart_by_negation() -> None:
    for text in ("se solucionó", "ya anda!", "funcionó", "lo pude solucionar", "listo ya funciona", "it works",
                 "fixed"):
        got = understand(text).intents
        assert Intent.SOLVED in got and Intent.PERSISTS not in got, text
    for text in ("sigue igual", "no funcionó", "no anda todavía", "still not working", "didn't work"):
        got = understand(text).intents
        assert Intent.PERSISTS in got and Intent.SOLVED not in got, text


def test_conversation_intents_in_both_languages() -> None:
    cases = {
        "mostrame los pasos de nuevo": Intent.SHOW_STEPS,
        "show steps again": Intent.SHOW_STEPS,
        "quiero pruebas avanzadas": Intent.ADVANCED,
        "quiero hablar con un técnico": Intent.TECHNICIAN,
        "pasame con una persona": Intent.TECHNICIAN,
        "talk to a human": Intent.TECHNICIAN,
        "chau": Intent.CLOSE,
        "cerrar": Intent.CLOSE,
        "bye": Intent.CLOSE,
        "quiero consultar otra cosa": Intent.REPHRASE,
        "another problem": Intent.REPHRASE,
        "buen día": Intent.GREETING,
        "hello": Intent.GREETING,
        "genial gracias": Intent.THANKS,
        "thanks!": Intent.THANKS,
        "esto no sirve": Intent.FRUSTRATION,
        "ya probé todo": Intent.FRUSTRATION,
        "qué bronca": Intent.FRUSTRATION,
        "you're not helping": Intent.FRUSTRATION,
    }
    for text, intent in cases.items():
        assert intent in understand(text).intents, text


def test_cerrar_inside_a_problem_is_not_closing_the_chat() -> None:
    assert Intent.CLOSE not in understand("no puedo cerrar sesion en el correo").intents


def test_language_guess() -> None:
    assert understand("mi compu no prende").language == "es"
    assert understand("my computer won't turn on").language == "en"



@pytest.mark.parametrize(("text", "name"), [
    ("Hola, soy la señora Nélida Ortiz", "Nélida Ortiz"), ("Good day, I am Dr. Klaus Becker", "Klaus Becker"),
    ("Hello sir, myself Rahul", "Rahul"), ("buen dia, Ramón de Reconquista", "Ramón"),
    ("soy Ana María del Valle", "Ana María del Valle"), ("Juan de la Torre", "Juan de la Torre"),
    ("Hi, Mark here", "Mark"), ("hola q tal, soy la lic. carla benitez", "Carla Benitez"),
    ("Name: Lucas Moreau", "Lucas Moreau"), ("hiya, I'm Zoe", "Zoe"), ("Anneke van der Berg", "Anneke van der Berg"),
])
def test_titles_greetings_and_where_someone_writes_from_are_not_part_of_the_name(text: str, name: str) -> None:
    assert extract_name(text) == name

def test_name_after_an_introduction() -> None:
    assert extract_name("me llamo Lucía") == "Lucía"
    assert extract_name("mi nombre es Juan Pablo") == "Juan Pablo"
    assert extract_name("I'm Tati") == "Tati"
    assert extract_name("my name is John Smith") == "John Smith"
    assert extract_name("Soy Ana y mi notebook no prende") == "Ana"


def test_bare_names_and_nicknames_are_accepted() -> None:
    assert extract_name("Lucía") == "Lucía"
    assert extract_name("María José Pérez") == "María José Pérez"
    assert extract_name("Pepe") == "Pepe"
    assert extract_name("lucia") == "Lucia"


def test_name_keeps_apostrophe_as_typed() -> None:
    assert extract_name("O'Connor") == "O'Connor"
    assert extract_name("Jean-Luc") == "Jean-Luc"
    assert extract_name("McDonald") == "McDonald"


def test_insult_is_not_a_name() -> None:
    for text in ("boludo", "pelotudo", "idiota", "la concha de tu madre", "fuck you", "stupid"):
        assert extract_name(text) is None, text


def test_greetings_problems_answers_and_junk_are_not_names() -> None:
    for text in ("hola", "buenas", "mi compu no prende", "no tengo internet", "si", "no", "dale", "Juan123",
                 "ana@mail.com", "uno dos tres cuatro cinco", "soy de Rosario", ""):
        assert extract_name(text) is None, text


def test_word_gating_never_changes_a_match() -> None:
    sentences = ["la compu no prende", "se me cayo el celu al agua", "wifi keeps dropping on my laptop",
                 "no me cargan las paginas", "la impresora hp no imprime", "pantalla azul en la pc"]
    rules = [r for _, r, _ in subjects.PROBLEM_RULES] + [r for _, r, _ in subjects.DEVICE_RULES]
    for text in sentences:
        canon = normalise(text)
        prefixes = word_starts(canon.split())
        for rule in rules:
            assert bool(rule.search(canon, prefixes)) == bool(rule.regex.search(canon)), rule.regex.pattern
        for table in (subjects.PROBLEM_RULES, subjects.DEVICE_RULES):  # the index finds what trying all finds
            every = [(key, w) for key, r, w in table if r.regex.search(canon)]
            assert [(key, w) for key, _, w in Index(table).matches(canon, prefixes)] == every, text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=5000))
def test_understand_and_extract_name_never_raise_and_return_known_keys(text: str) -> None:
    got = understand(text)
    assert got.device is None or got.device in DEVICES
    assert set(got.device_candidates) <= DEVICES
    assert got.problem is None or got.problem in PROBLEMS
    assert 0.0 <= got.device_confidence <= 1.0 and 0.0 <= got.problem_confidence <= 1.0
    assert got.language in (None, "es", "en")
    name = extract_name(text)
    assert name is None or (name.strip() and not any(c.isdigit() for c in name))


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200).map(lambda s: s + "🤖\x00\x07"))
def test_emoji_and_control_characters_are_harmless(text: str) -> None:
    understand(text)
    extract_name(text)


@pytest.mark.parametrize(("text", "device"), [
    ("se me volcó café en el teclado de la notebook", "notebook"),
    ("se rompió la pantalla del celu", "smartphone"),
    ("my laptop keyboard is broken", "notebook"),
    ("the phone screen is cracked", "smartphone"),
    ("el teclado de la pc no anda", "keyboard"),
])
def test_a_built_in_part_of_a_device_is_that_device_but_a_pc_keyboard_is_a_keyboard(text: str, device: str) -> None:
    assert understand(text).device == device


@pytest.mark.parametrize("text", [
    "el celu se me apaga solo cuando tiene 30% de batería",
    "se apaga cuando tiene 40 por ciento",
    "my phone shuts down at 20% battery",
])
def test_shutting_down_with_charge_left_is_a_battery_problem(text: str) -> None:
    assert understand(text).problem == "battery"


def test_shutting_down_at_random_is_still_a_freeze() -> None:
    assert understand("la notebook se apaga sola cada rato").problem == "freezes"


@pytest.mark.parametrize(("text", "problem"), [
    ("zoom keeps crashing on my laptop", "software"),
    ("el chrome se cierra solo", "software"),
    ("my laptop keeps freezing", "freezes"),
    ("la impresora hace ruido pero no sale nada", "printing"),
    ("no sale nada de sonido", "no_sound"),
    ("el teclado escribe otras letras", "not_detected"),
])
def test_one_program_failing_is_software_and_what_comes_out_decides_the_problem(text: str, problem: str) -> None:
    assert understand(text).problem == problem


def test_real_words_are_not_corrected_into_vocabulary_words() -> None:
    assert Intent.SOLVED not in understand("me parece una falta de respeto").intents  # not "resuelto"
    assert understand("moved it to a table").device is None  # not "tablet"
    assert understand("both phones are dead").device == "smartphone"  # a plural still reads as its singular


@pytest.mark.parametrize(("text", "device"), [
    ("el celu agarra el wifi joya pero la notebook no se conecta", "notebook"),
    ("my computer can't connect to the internet but my phone can", None),
    ("the monitor works with my laptop but shows nothing with my desktop", "pc"),
    ("ni el celu ni la tele tienen internet", "router"),
    ("se desconecta del wifi a cada rato", None),
])
def test_of_two_devices_the_one_with_the_problem_is_picked(text: str, device: str | None) -> None:
    assert understand(text).device == device


@pytest.mark.parametrize(("text", "problem"), [
    ("el teclado inalambrico no conecta", "not_detected"),
    ("el disco externo me pide formatear", "data_recovery"),
    ("la tele no prende, queda la luz roja", "no_power"),
    ("la torre no bootea, se reinicia antes de que cargue windows", "no_boot"),
])
def test_symptoms_map_to_the_problem_a_technician_would_name(text: str, problem: str) -> None:
    assert understand(text).problem == problem


def test_a_surname_after_a_particle_is_kept_even_when_it_is_also_a_word() -> None:
    assert extract_name("me llamo Juan Cruz de la Torre") == "Juan Cruz de la Torre"


@pytest.mark.parametrize(("text", "name"), [
    ("Osvaldo, de la ferretería", "Osvaldo"), ("Hola, soy Graciela del almacén", "Graciela"),
    ("Good evening, myself Priya Raghavan", "Priya Raghavan"), ("soy la juli", "Juli"),
    ("Hey, Carlos Mendoza here, cell 341 555 0199", "Carlos Mendoza"),
    ("Dan Whitaker - office manager at Kessler & Co", "Dan Whitaker"),
])
def test_a_name_followed_by_who_the_person_is_keeps_only_the_name(text: str, name: str) -> None:
    assert extract_name(text) == name


def test_one_subject_spread_over_a_sentence_is_not_split_into_two() -> None:
    heard = understand("se me volcó el mate encima del teclado de la notebook")
    assert (heard.device, heard.problem) == ("notebook", "physical_damage")
    assert "second" not in heard.extra


@pytest.mark.parametrize(("text", "device", "problem"), [
    ("la notebook me tira pantalla azul cuando la enchufo al monitor", "notebook", "blue_screen"),
    ("the tower under my desk at work won't boot, it's an hp elitedesk", "pc", "no_boot"),
    ("la tele dice sin conexion y el resto de la casa tiene internet", "tv", "no_internet"),
    ("my tv has sound but the picture is gone", "tv", "no_display"),
    ("la impresora saca las hojas con manchas", "printer", "printing"),
    ("can I add more ram to my laptop?", "notebook", "other"),
    ("me salio un cartel que dice que pague para recuperar mis archivos", None, "malware"),
])
def test_more_symptoms_name_the_device_and_problem_a_technician_would(
        text: str, device: str | None, problem: str) -> None:
    heard = understand(text)
    assert (heard.device, heard.problem) == (device, problem)


@pytest.mark.parametrize(("text", "name"), [("Mark Thompson", "Mark Thompson"), ("call me Sam", "Sam"),
                                            ("soy thiago tengo 15", "Thiago"), ("Prof. Liliana Ortiz", "Liliana Ortiz"),
                                            ("soy Don Osvaldo, jubilado", "Osvaldo")])
def test_titles_ages_and_capitalised_words_around_a_name_are_handled(text: str, name: str) -> None:
    assert extract_name(text) == name


@pytest.mark.parametrize(("text", "problem"), [("me hackearon el whatsapp", "account"),
                                               ("la impresora me traba el papel", "printing"),
                                               ("all my files end in .locked and they want bitcoin", "malware")])
def test_hacked_accounts_paper_jams_and_ransom_are_named(text: str, problem: str) -> None:
    assert understand(text).problem == problem


@pytest.mark.parametrize(("text", "name"), [
    ("Buenas, habla la Dra. Silvia Marchetti", "Silvia Marchetti"), ("This is Dr. Priya Raman", "Priya Raman"),
    ("soy el ingeniero Héctor Gallardo", "Héctor Gallardo"), ("I'm Father Tom O'Brien", "Tom O'Brien"),
    ("Profe Silvina, de la escuela 512", "Silvina"), ("hla soy agus", "Agus"), ("ola soi jime", "Jime"),
    ("acá Facu", "Facu"), ("Hi there, Anna-Marie here", "Anna-Marie"),
    ("Hey, Kevin here. my android is soooo slow", "Kevin")])
def test_names_come_without_titles_greetings_or_typos_around_them(text: str, name: str) -> None:
    assert extract_name(text) == name


@pytest.mark.parametrize("text", ["soy Estudiante", "acá la facu", "soy de la facu"])
def test_what_someone_is_is_not_taken_as_their_name(text: str) -> None:
    assert extract_name(text) is None


@pytest.mark.parametrize("text", ["ya anda", "listo ya anda perfecto gracias", "no ya anda", "anda", "ya andaba mal"])
def test_a_tested_pattern_answers_as_the_pattern_written_with_word_wrappers_does(text: str) -> None:
    written = r"(?:\S+ )*(?<!no )ya anda(?: \S+)*|^anda$|(?:x|y) z"
    prefixes = word_starts(text.split())
    assert bool(compile_test(written).search(text, prefixes)) == bool(compile_rule(written).search(text, prefixes))


def test_only_top_level_alternatives_lose_their_word_wrappers() -> None:
    rule = compile_test(r"(?:a|(?:\S+ )*b)|[|] c|(?:\S+ )*d(?: \S+)*")
    assert rule.regex.pattern.count(r"(?:\S+ )*") == 1  # the one inside a group stays
    assert rule.search("x d y", frozenset({"x", "d", "y"})) and not rule.search("dd", frozenset({"d", "dd"}))


@pytest.mark.parametrize(("text", "name"), [("Mirta de la inmobiliaria", "Mirta"),
                                            ("Tom from the dental office", "Tom"),
                                            ("Graciela del almacen", "Graciela"),
                                            ("Juan de la Torre", "Juan de la Torre")])
def test_where_someone_writes_from_is_not_part_of_the_name(text: str, name: str) -> None:
    assert extract_name(text) == name


@pytest.mark.parametrize(("text", "name"), [("Hola querido soy Nelida", "Nelida"), ("ah ok, soy Fer", "Fer"),
                                            ("Jen from accounting", "Jen"), ("Cra. Silvia Paz", "Silvia Paz")])
def test_names_after_a_friendly_lead_or_a_professional_title(text: str, name: str) -> None:
    assert extract_name(text) == name
