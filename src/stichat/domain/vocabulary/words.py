"""Word lists: numbers, language markers, common words never corrected, profanity, name introductions."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "uno": 1, "primero": 1, "primer": 1, "primera": 1, "one": 1, "first": 1,
    "dos": 2, "segundo": 2, "segunda": 2, "two": 2, "second": 2,
    "tres": 3, "tercero": 3, "tercer": 3, "tercera": 3, "three": 3, "third": 3,
    "cuatro": 4, "cuarto": 4, "cuarta": 4, "four": 4, "fourth": 4,
    "cinco": 5, "quinto": 5, "quinta": 5, "five": 5, "fifth": 5,
    "seis": 6, "sexto": 6, "sexta": 6, "six": 6, "sixth": 6,
    "siete": 7, "septimo": 7, "seven": 7, "seventh": 7,
    "ocho": 8, "octavo": 8, "eight": 8, "eighth": 8,
    "nueve": 9, "noveno": 9, "nine": 9, "ninth": 9,
    "diez": 10, "decimo": 10, "ten": 10, "tenth": 10,
}

# Words that clearly signal a language (function words and frequent verbs).
SPANISH_WORDS = frozenset("""
el la los las de del que y en un una mi mis se me lo le por para con sin es esta estoy tengo tiene
anda funciona prende hola buenas gracias pero cuando como porque muy re ya sigue hace nada todo
compu celu notebook impresora pantalla internet no si dale quiero puedo necesito ayuda sos soy llamo
ahora todavia tampoco al su nos te vos tenes podes andas este esto eso hay ai cuando despues antes
mas menos bien mal algo otra otro favor problema carga imprime calienta anda funca tildo colgo
""".split())
ENGLISH_WORDS = frozenset("""
the a an my is it its to and of on in with not doesnt dont wont cant isnt im i you your it this that
what how when please help hi hello thanks thank yes phone computer laptop printer screen turn turns
wont working work works wifi keeps keep wont get gets have has been was were be can could would should
stuck slow hot charge charging broken from at for but just still again anymore anything something
""".split())

# Common words that are never corrected by typo matching and are never read as a name.
COMMON_WORDS = frozenset("""
instalo instale instalaron
perdon perdona disculpa disculpas confundi confundo project projects proyecto proyectos school work job
someone somebody available person people shop store whatsapp lol
hermano hermana hermanos primo prima tio tia vecino vecina esposo esposa novio novia marido mujer amigo amiga
cunado cunada suegro suegra sobrino sobrina facu mochila cuartito living comedor pieza dormitorio
arreglaron repararon arreglaste reparaste arreglar reparar revisaron revisar revisaste cambiaron cambiar
pasada pasado pasadas fallar fallo volvio volver vuelve trajeron deje traje lleve retire retiraron entregaron
cobraron cobrar garantia garantias presupuesto horario horarios direccion ubicados estacionar
clases clase escuela facultad trabajo oficina juego juegos partido pelicula peliculas serie series
hola buenas buen buenos dia dias tardes noches gracias chau si no ok dale bueno claro nada todo todos
algo alguien nadie cosa cosas mucho mucha muy re mas menos bien mal mejor peor siempre nunca ahora
antes despues luego hoy ayer manana tarde noche semana mes ano anos vez veces hora horas minuto rato
yo vos tu usted el ella nosotros ellos mi mis tu tus su sus me te se le lo la los las les nos un una
unos unas de del al a en con sin por para entre sobre hasta desde que quien cual como cuando donde
porque pero y o u e ni tambien tampoco solo sola ya todavia aun este esta esto ese esa eso aquel
es son era fue ser estar estoy estas esta estan estaba tengo tenes tiene tienen tenia hay habia
hago hace hacen hice hizo puedo podes puede pueden pude quiero queres quiere necesito necesita
anda ando andas andan funciona sigue siguen probe probamos intente paso pasos mismo misma igual
nuevo nueva viejo vieja casa trabajo oficina local cliente clientes urgente ayuda favor hijo hija
senor senora che boludo loco posta bueno barbaro genial perfecto joya listo dale sisi nono jaja jajaja
the a an and or but if then so to of in on at by for with without from up down out over under again
i me my you your he she it we they them their this that these those what which who whom is are was
were be been being have has had do does did not no yes ok please thanks thank hello hi hey bye good
bad new old day night today yesterday tomorrow time work home office help need want can could would
should will just still also very really too much many more most some any all none nothing something
""".split())

PROFANITY = frozenset("""
boludo boluda pelotudo pelotuda idiota forro forra tarado tarada puto puta mierda concha culo orto
choto chota pija verga garcha gil gila imbecil estupido estupida mogolico mogolica trolo hdp ptm
conchudo conchuda sorete pajero pajera cornudo bobo boba tonto tonta fuck fucking fucker shit bitch
asshole stupid idiot dumb moron bastard damn cunt dick retard wtf
""".split())
PROFANE_PHRASES = (
    r"la concha|hijo de puta|hija de puta|la puta|chupame|andate a la|son of a|go to hell|screw you"
)

# Words that introduce a name.
NAME_INTROS = (
    r"me llamo|mi nombre es|mi nombre|soy|soi|me dicen|decime|llamame|habla|te habla|le habla|aca|aqui|"
    r"my name is|my names|my name|im|i am|i m|this is|call me|its|it s|name is|nombre|myself"
)
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "der", "den", "ter", "da", "dos", "di", "du",
                            "della", "le", "mc"})
