"""Word lists and phrase patterns that ``stichat.domain.nlu`` uses to understand customers.

Everything here is data. Patterns are regular expressions over *normalised* text (lower case, no
accents, ``ñ`` → ``n``, single spaces, no punctuation) and always match whole words. Macros in
braces are expanded by nlu before compiling:

``{NEG}``  a negation ("no", "nunca", "ya no", "sigue sin", English "doesnt"/"wont"/…)
``{CL}``   optional clitics after the negation ("no *se me* prende")
``{G}``    a gap of up to three arbitrary words
``{ART}``  optional articles/possessives ("el", "la", "mi", "the", "my"…)

Weights say how specific a phrase is: ~1 a vague hint, ~2 a clear description, ~3 unmistakable.
The heaviest problem wins; a suppressor cancels that problem's *weak* hits (weight < 2), so
"carga bien pero se calienta" is not a battery problem while "carga bien pero la batería dura
poco" still is.
"""

from __future__ import annotations

Pattern = tuple[str, float]

NEG = (
    r"(?:no|nunca|ni|tampoco|ya no|todavia no|aun no|sigue sin|siguen sin|sin|doesnt|dont|wont|cant|"
    r"cannot|isnt|arent|didnt|not|never|still not|will not|does not|do not|can not|did not|is not|no longer)"
)
CLITIC = (
    r"(?:(?:me|se|te|le|lo|la|les|nos|los|las|it|quiere|quiso|quieren|puedo|pude|puede|pueden|logro|logre|"
    r"vuelve a|volvio a|want to|wants to|seem to|seems to|even|at all) ){0,3}"
)
GAP = r"(?:\S+ ){0,3}"
ART = r"(?:(?:el|la|los|las|mi|mis|un|una|al|del|de|su|sus|a|the|my|this|our|its) ){0,2}"

# ---------------------------------------------------------------------------------------------
# Devices
# ---------------------------------------------------------------------------------------------

DEVICE_PATTERNS: dict[str, tuple[Pattern, ...]] = {
    "pc": (
        (r"pc|pcs|desktop|gabinete|torre|cpu|all in one|aio|imac", 2.0),
        (r"(?:compu|computadora|computador|ordenador|maquina|computer|equipo) (?:de )?escritorio", 3.0),
        (r"desktop (?:computer|pc)|tower|optiplex|prodesk|thinkcentre|elitedesk|de escritorio|todo en uno|"
         r"gaming rig|custom built|pc gamer|pc armada|la torre", 2.5),
    ),
    "notebook": (
        (r"notebook|notebooks|note|notbuk|laptop|laptops|netbook|ultrabook|portatil|macbook|"
         r"chromebook|thinkpad|ideapad|vivobook|zenbook|aspire|pavilion|inspiron|vostro|latitude|"
         r"probook|elitebook|exo|bangho|bgh|positivo", 2.0),
        (r"(?:compu|computadora|computer|maquina) (?:portatil|portable)", 3.0),
        (r"(?:llevo|uso|tengo) (?:\S+ ){0,4}(?:en la mochila|en la facu)|in my backpack|la de la facu", 2.2),
    ),
    "monitor": (
        (r"monitor|monitores|pantalla externa|segundo monitor|segunda pantalla|display externo|"
         r"external (?:monitor|display|screen)|second (?:monitor|screen)", 2.0),
    ),
    "printer": (
        (r"impresora|impresoras|impre|printer|printers|multifuncion|multifuncional|epson|brother|"
         r"canon|xerox|kyocera|ricoh|lexmark|laserjet|deskjet|officejet|ecotank|escaner|scanner|"
         r"plotter", 2.0),
        (r"hp (?:laserjet|deskjet|officejet|ink tank|smart tank)|multifuncion \S+|brother dcp|dcp \S+", 3.0),
    ),
    "router": (
        (r"router|routers|ruter|rauter|modem|modems|ont|repetidor|extensor|access point|mesh|"
         r"decodificador|fibra optica|telecentro|fibertel|tp ?link|mercusys|huawei hg\S*|movistar", 2.0),
        (r"wifi|red|red wifi|wlan", 0.5),
    ),
    "smartphone": (
        (r"celular|celulares|celu|cel|telefono|movil|smartphone|phone|cellphone|iphone|android|"
         r"galaxy|motorola|moto [a-z]\d*|xiaomi|redmi|huawei|poco|oppo|realme|nokia|pixel|mobile|fone|"
         r"samsung a\d+|samsung s\d+|galaxy [as]\d+", 2.0),
    ),
    "tablet": (
        (r"tablet|tablets|tableta|ipad|ipads|tab [as]\d*|galaxy tab", 2.5),
    ),
    "tv": (
        (r"\d+ pulgadas|\d+ inch|tv|tele|televisor|television|televisores|smart tv|smarttv|smart|chromecast|fire ?tv|"
         r"firestick|fire stick|roku|tv ?box|android tv|google tv|apple tv|tvbox|tdt", 2.0),
    ),
    "keyboard": ((r"teclado|teclados|keyboard|keyboards|teclas|keys", 2.0),),
    "mouse": ((r"mouse|mouses|raton|mause|mous", 2.0),),
    "storage": (
        (r"pendrive|pen drive|pendraiv|usb stick|flash drive|thumb drive|memory stick|"
         r"disco (?:externo|rigido externo|solido externo)|external (?:hard )?drive|external disk|"
         r"tarjeta (?:sd|micro sd|microsd|de memoria)|sd card|microsd|micro sd|memoria usb", 2.5),
        (r"disco|disco rigido|hdd|ssd|hard drive|hard disk|usb|memoria", 0.7),
    ),
    "other": (
        (r"webcam|camara|camera|parlantes?|speakers?|auriculares|headphones|headset|joystick|microfono|"
         r"microphone|drone", 0.9),
        # Devices outside the taxonomy, named outright: they are "other" even beside a brand
        # ("un proyector epson"), and never get a laptop's or a phone's steps.
        (r"proyector|proyectores|projector|kindle|kindles|e ?reader|lector de (?:libros|ebooks)|"
         r"robot (?:aspiradora|de limpieza)|aspiradora robot|robot vacuum|roomba|camaras? (?:de seguridad|ip|wifi)|"
         r"security cam\w*|dvr|nvr|consola|consolas|console|playstation|play ?[345]|ps[345]|xbox|nintendo|"
         r"nintendo switch|"
         r"smartwatch|smart watch|reloj (?:inteligente|smart)|galaxy watch|apple watch|mi band|estabilizador|"
         r"una ups|el ups|"
         r"alexa|echo dot|google home|parlante (?:bluetooth|inteligente)|bluetooth speaker|smart speaker", 3.0),
    ),
}

# Words that name a device without saying which one; the engine must ask.
AMBIGUOUS_DEVICE_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"compu|compus|computadora|computadoras|computador|computer|ordenador|maquina|maquinita|"
     r"equipo|pc portatil o de escritorio|mac|lenovo|dell|asus|acer|toshiba|sony|vaio|msi", ("pc", "notebook")),
    (r"hp", ("notebook", "pc", "printer")),
    (r"pantalla|pantallas|screen|display", ("monitor", "notebook", "pc", "smartphone", "tv")),
    (r"samsung|lg|philips", ("smartphone", "tv", "monitor", "tablet")),
)

PERIPHERALS = ("printer", "monitor", "keyboard", "mouse", "storage")

# A part named "of" a device that has it built in is that device: "el teclado de la notebook" is a
# notebook, "la pantalla del celu" a phone. (The keyboard "of the PC" stays a keyboard: it plugs in.)
PART_OF = (
    r"(?:teclado|touchpad|pantalla|cargador|bateria|disco|parlantes?|camara|puertos?|ventilador|bisagras?|"
    r"microfono|keyboard|trackpad|screen|charger|battery|fan|speakers?|camera|ports?|hinges?|mic|microphone) "
    r"(?:de|del|of) (?:la |el |mi |my |the |this )?(?P<host>notebook|note|laptop|netbook|ultrabook|macbook|"
    r"celu|celular|telefono|phone|iphone|tablet|ipad|tele|tv)"
)
# English puts the device first: "my laptop keyboard", "the phone screen".
PART_OF_EN = (
    r"(?P<host>laptop|notebook|macbook|phone|iphone|tablet|ipad|tv) (?:keyboard|trackpad|touchpad|screen|display|"
    r"charger|battery|fan|speakers?|camera|ports?|hinges?|mic|microphone)"
)
PART_HOSTS = {
    "notebook": "notebook", "note": "notebook", "laptop": "notebook", "netbook": "notebook",
    "ultrabook": "notebook", "macbook": "notebook", "celu": "smartphone", "celular": "smartphone",
    "telefono": "smartphone", "phone": "smartphone", "iphone": "smartphone", "tablet": "tablet",
    "ipad": "tablet", "tele": "tv", "tv": "tv",
}

# Problems that make sense for a device: a small bonus breaks ties between readings.
DEVICE_PROBLEMS: dict[str, frozenset[str]] = {
    "pc": frozenset({"no_power", "no_boot", "no_display", "slow", "freezes", "blue_screen", "overheating"}),
    "notebook": frozenset({"no_power", "no_boot", "battery", "slow", "freezes", "blue_screen", "overheating"}),
    "monitor": frozenset({"no_display", "no_power", "physical_damage"}),
    "printer": frozenset({"printing", "no_power", "not_detected", "no_internet"}),
    "router": frozenset({"no_internet", "no_power"}),
    "smartphone": frozenset({"battery", "account", "physical_damage", "slow", "no_power"}),
    "tablet": frozenset({"battery", "slow", "physical_damage", "no_power"}),
    "tv": frozenset({"no_display", "no_internet", "no_sound", "no_power"}),
    "keyboard": frozenset({"not_detected"}),
    "mouse": frozenset({"not_detected"}),
    "storage": frozenset({"not_detected", "data_recovery"}),
}

# What a vague "no anda" means for each device.
DEVICE_DEFAULT_PROBLEM: dict[str, str] = {
    "keyboard": "not_detected",
    "mouse": "not_detected",
    "storage": "not_detected",
    "printer": "printing",
    "router": "no_internet",
    "monitor": "no_display",
}

# ---------------------------------------------------------------------------------------------
# Problems
# ---------------------------------------------------------------------------------------------

_TURN_ON = (
    r"(?:prende|prenden|prendio|prender|prenda|enciende|encienden|encendio|encender|encienda|"
    r"turn on|turns on|power on|powers on|switch on|switches on|turn it on|turning on|powering on)"
)
_START = r"(?:arranca|arrancan|arranco|arrancar|inicia|iniciar|inicio|levanta|levantar|bootea|bootear|booteo)"
_OS = r"(?:windows|win|el sistema|sistema operativo|ubuntu|linux|macos|os)"
WORKS = (
    r"(?:anda|andan|anduvo|andar|funciona|funcionan|funciono|funcionar|funca|funcan|funko|responde|"
    r"responden|responder|sirve|work|works|working|worked|respond|responding)"
)
_MEDIA = (
    r"(?:fotos?|archivos?|documentos?|docs|carpetas?|videos?|datos|informacion|info|trabajos?|tesis|"
    r"planillas?|musica|files?|photos?|pictures?|documents?|data|folders?|videos?|contactos|chats)"
)
_LIQUID = (
    r"(?:agua|cafe|mate|gaseosa|jugo|cerveza|vino|liquido|leche|te|coca|fernet|water|coffee|tea|soda|juice|"
    r"beer|wine)"
)
_ACCOUNT = (
    r"(?:cuenta|cuentas|face|facebook|fb|instagram|insta|ig|mail|email|correo|gmail|hotmail|outlook|"
    r"whatsapp|whats|wsp|wpp|tiktok|twitter|icloud|apple id|account|netflix|spotify|home banking|banco)"
)
_PASSWORD = r"(?:contrasena|contrasenas|clave|claves|password|passwords|pass|pin|patron|passcode|usuario)"  # noqa: S105

# Nouns that tie a vague "no anda" to a problem ("no anda el wifi" → no_internet).
TOPICS: dict[str, str] = {
    "no_internet": r"(?:internet|wifi|red|conexion|datos moviles|4g|connection|network|online|senal de wifi)",
    "no_sound": r"(?:sonido|audio|parlantes?|auriculares|volumen|microfono|speakers?|sound|headphones|mic)",
    "battery": r"(?:bateria|cargador|battery|charger)",
    "no_display": r"(?:pantalla|imagen|video|monitor|screen|display|picture)",
    "not_detected": (
        r"(?:teclado|teclas|tecla|mouse|raton|touchpad|touch pad|panel tactil|usb|puertos?|pendrive|"
        r"keyboard|keys|trackpad|bluetooth|lectora|lector|webcam|camara|joystick)"
    ),
    "printing": r"(?:impresion|impresora|impre|printer|scanner|escaner)",
}

GENERIC_MALFUNCTION: tuple[str, ...] = (
    rf"{{NEG}} {{CL}}{WORKS}",
    r"dejo de (?:andar|funcionar|funcar|responder)|anda mal|funciona mal|anda como el (?:orto|culo|tuje)",
    r"falla|fallando|fallas|problema|problemas|(?:hace|tiene) (?:algo|cosas) rar[oa]s?|ruido raro",
    r"stopped working|broken|acting (?:up|weird|strange)|problem|problems|issue|issues|trouble|not working",
    r"se rompio|rompio|roto|rota",
    r"algo le pasa|no se que (?:le pasa|tiene)|something (?:is )?(?:wrong|up|off)|somethings (?:wrong|up|off)",
)

PROBLEM_PATTERNS: dict[str, tuple[Pattern, ...]] = {
    "no_power": (
        (r"ni (?:el )?ventilador (?:gira|arranca|se mueve)|no (?:prende|enciende) mas|(?:wont|"
          r"doesnt) turn (?:back )?on|"
         r"no (?:prende|enciende)(?: \S+){0,3} aunque|(?:no|nunca) (?:prende|enciende)(?: \S+)* boton", 2.5),
        (rf"{{NEG}} {{CL}}{_TURN_ON}", 1.6),
        (r"no da (?:ni )?senales? de vida|no hace nada|ni (?:una )?(?:luz|lucecita|lucesita)|"
         r"no (?:tiene|le llega|hay) (?:corriente|energia)|no power|wont power|completely dead|"
         r"esta muert[oa]|se murio|murio|quedo muert[oa]|is dead|its dead|dead|died", 1.3),
        (r"(?:apreto|aprieto|toco) {G}boton {G}(?:y )?(?:no pasa nada|nada)|nothing happens", 1.8),
        (r"{NEG} {CL}(?:arranca|arrancan|arranco|arrancar|start|starts)", 1.1),
        (r"no (?:lo|la) puedo (?:prender|encender)|(?:cant|cannot) (?:turn|power) (?:it )?on", 1.8),
    ),
    "no_boot": (
        (r"(?:reinicia|reinician|reboot\w*|restart\w*) (?:\S+ ){0,3}(?:en el |on the |at the )?(?:logo|boot)|"
         r"boot ?loop\w*|loop|never (?:reaches|gets to) (?:the )?(?:login|desktop|windows)", 2.9),
        (r"(?:stuck|clavad[oa]|trabad[oa]|tildad[oa]|colgad[oa]|queda|se queda|frozen|"
          r"hangs) (?:\S+ ){0,4}(?:logo|marca|"
         r"manzanita|apple logo|inicio|boot|splash)|(?:logo|marca) (?:\S+ ){0,4}(?:y no (?:sigue|pasa|avanza)|"
         r"no (?:sigue|pasa))", 2.7),
        (rf"{{NEG}} {{CL}}(?:{_START}|carga|cargar|entra|entrar|abre|boot|boots|load|loads|start|starts) "
         rf"{{ART}}{_OS}", 2.3),
        (rf"{_OS} {{G}}{{NEG}} {{CL}}(?:{_START}|carga|boot|boots|load|loads|start|starts)", 2.3),
        (r"(?:se queda|queda|quedo|se clava|se traba|se tilda|se cuelga|stuck|freezes|hangs) (?:en|on|at)? ?"
         r"(?:el |la |the )?(?:logo|inicio|arranque|pantalla de (?:inicio|carga)|bios|circulito|ruedita|"
         r"cargando|preparando|reparando|loading|boot|startup|spinning|windows logo)", 2.4),
        (rf"{_TURN_ON} (?:\S+ )?(?:pero|but) {{G}}(?:no|doesnt|wont|does not) "
         rf"(?:{_START}|carga|entra|boot|load|start)", 2.5),
        (r"reparacion automatica|preparando reparacion|automatic repair|boot ?loop|bootloop|boot loop|"
         r"dispositivo de arranque|boot device|bootable|operating system not found|bootmgr|no boot|"
         r"wont boot|fails to boot|cursor titilando|pantalla negra con (?:el )?cursor", 2.5),
        (r"(?:se )?reinicia\w* (?:en loop|una y otra vez|antes de (?:arrancar|cargar|iniciar)|sin parar y no)", 2.3),
    ),
    "no_display": (
        (r"goes black|se pone (?:en )?negr[oa]|se va la imagen|picture (?:\S+ ){0,4}(?:then|and) (?:goes|"
          r"turns) black", 2.6),
        (r"no muestra (?:nada|imagen|video)|rayas|lineas (?:de colores|en la pantalla)|lines (?:all )?(?:over|"
          r"on|across)|"
         r"(?:pantalla|screen) (?:\S+ ){0,3}(?:negra|black|en negro)", 2.3),
        (r"no (?:me )?(?:da|tiene|muestra|hay|sale|aparece|tira) (?:ninguna )?(?:imagen|video|nada en "
         r"(?:la )?pantalla)|sin (?:imagen|video)|no (?:display|image|picture|video)", 2.3),
        (r"sin senal|no (?:hay|tiene|detecta|agarra) senal|no signal", 1.8),
        (r"pantalla (?:\S+ ){0,2}(?:negr[oa]|oscur[oa])|"
         r"pantalla oscura|se ve (?:todo )?negro|black screen|blank screen|screen (?:is|stays|goes|went|turns|"
         r"turned|stays) (?:black|blank|dark)", 2.1),
        (r"{NEG} {CL}(?:prende|enciende|ve|muestra|anda|funciona|turn on|turns on|show|shows|work|works) "
         r"{ART}(?:pantalla|imagen|screen|display|monitor)", 2.3),
        (r"(?:pantalla|imagen|screen|display) {G}{NEG} {CL}(?:prende|enciende|muestra|se ve|"
         r"turn on|turns on|show|shows)", 2.3),
        (r"no se ve (?:nada|la imagen)|no veo nada|nothing on (?:the )?screen|cant see anything", 1.9),
        (r"(?:pantalla|imagen|screen|display|monitor) {G}(?:parpadea|titila|tiembla|flicker\w*|rayas|lineas|"
         r"franjas|se ve mal|manchas)|(?:parpadea|titila|tiembla|rayas|lineas|franjas) {G}"
         r"(?:pantalla|imagen|screen)|flicker\w*|lines on (?:the )?screen", 2.0),
        (r"parpadea|titila|flickers", 0.8),
    ),
    "slow": (
        (r"lent[oa]s?|lentisim[oa]s?|lentitud|lentisimo|ralentiz\w*|tortuga|anda para atras|"
         r"slow|slowly|slower|sluggish|laggy|lagging|lags|lag", 1.6),
        (r"tarda (?:mucho|una eternidad|anos|banda|siglos|demasiado|una banda|horas|un monton)|"
         r"(?:tarda|demora) {G}en (?:prender|arrancar|iniciar|abrir|cargar|encender|responder)|demora mucho|"
         r"takes (?:forever|ages|a long time|so long|minutes)|se pone pesad[oa]|anda pesad[oa]|muy pesad[oa]", 1.9),
    ),
    "freezes": (
        (r"(?:se )?(?:queda|quedo) congelad[oa]|congelad[oa] (?:y|la)", 2.5),
        (r"se (?:me |le )?(?:tilda|tildo|tildan|tildaba|tildea|cuelga|colgo|cuelgan|colgaba|congela|congelo|"
         r"congelan|traba|trabo|traban|trababa|clava|clavo|clavan|frena|freno)", 2.0),
        (r"tildad[oa]s?|colgad[oa]s?|congelad[oa]s?|trabad[oa]s?|tildes|cuelgues|freez\w*|frozen|hangs|"
         r"hanging|crash\w*|not responding|unresponsive|no responde nada|pantalla congelada", 1.8),
        (r"se (?:me |le )?(?:reinicia|reinicio|reinician|apaga|apago|apagan|apagaba|reiniciaba) "
         r"(?:\S+ )?(?:sol[oa]s?|de la nada|de golpe|cada (?:rato|tanto|\d+)|todo el tiempo|a cada rato|"
         r"sin motivo|sin razon|aleatoriamente|de repente|random|cuando quiere|mientras)", 2.2),
        (r"se (?:me |le )?(?:reinicia|reinicio|reinician|apaga|apago|apagan|apagaba|reiniciaba)", 1.4),
        (r"(?:restarts?|reboots?|shuts? (?:down|off)|turns? off|powers? off) (?:\S+ )?(?:itself|by itself|"
         r"randomly|on its own|suddenly|out of nowhere|every)|keeps (?:restarting|rebooting|shutting down|"
         r"turning off|freezing|crashing|hanging)", 2.2),
        (r"stuck|restarts|reboots|shuts down|turns off", 1.0),
        (r"se (?:me |le )?apaga sol[oa]|(?:randomly |suddenly )?(?:shuts|turns|switches) (?:off|down) "
         r"(?:randomly|without warning|on its own|by itself|out of nowhere)|randomly (?:shuts|turns|restarts|reboots)",
         2.4),
    ),
    "blue_screen": (
        (r"pantall(?:a|azo|azos)s? azul(?:es)?|pantallazos?|bsod|blue screen|bluescreen|stop code|"
         r"codigo de detencion|critical process died|carita triste|pantalla de la muerte|"
         r"se pone (?:la pantalla )?azul|todo azul|irql|kernel|memory management|whea|"
         # Windows stop codes: 0x0000007B-style and the NT status codes a blue screen shows.
         r"0x0{4,}[0-9a-f]{2,4}|0xc0000(?:21a|225|001|098|0e9|142|185|221)|inaccessible boot device|"
         r"page fault in nonpaged area|system service exception|kmode exception|video tdr|dpc watchdog", 3.0),
    ),
    "no_internet": (
        (r"luz (?:de )?(?:internet|wan|www)|internet light|(?:los(?:es|ing)?|pierde|perdiendo) (?:\S+ )?(?:connection|"
         r"conexion|wifi|signal|senal)|(?:wifi|internet) (?:\S+ ){0,4}(?:pero|but) (?:no|not)|"
         r"no (?:se )?conecta(?: \S+){0,2} "
         r"(?:al |a la )?(?:wifi|internet|red)", 2.4),
        (r"(?:se (?:me |le )?corta|se cae|se desconecta|corta) (?:\S+ )?(?:el |la )?"
         r"(?:wifi|internet|red|conexion|senal)|"
         r"(?:wifi|internet|red|conexion|senal) (?:\S+ )?se (?:me |le )?(?:corta|cae|desconecta|va)|"
         r"no tira (?:\S+ )?(?:wifi|internet|senal)|"
         r"(?:keeps|says) (?:saying )?no network|no network|keeps buffering|buffering", 2.4),
        (r"{NEG} {CL}(?:tengo|hay|ai|tiene|tenemos|anda|funciona|funca|agarra|agarro|agarran|engancha|"
         r"conecta|conecto|conectan|reconoce|encuentra|detecta|carga|llega|entra|have|has|get|gets|find|"
         r"finds|detect|detects|connect|connects) {ART}(?:a |al |to )?(?:internet|wifi|red|conexion|"
         r"senal de wifi|senal de internet|senal|datos|network|connection|redes|signal)", 2.3),
        (r"sin (?:internet|wifi|conexion|red|datos)|no internet|no wifi|no connection|offline internet|"
         r"red sin acceso|sin acceso(?: a internet)?|no (?:tengo|hay|ai) (?:internet|wifi|conexion|red)|"
         r"no ai internet", 2.3),
        (r"(?:internet|wifi|conexion|red|senal|connection|network) {G}(?:se corta|se cae|se desconecta|"
         r"va y viene|intermitente|anda mal|falla|lent[oa]|anda como|drops|dropping|keeps dropping|cuts out|"
         r"disconnects|disconnecting|is down|slow|unstable|keeps cutting|anda (?:pesimo|horrible|fatal|"
         r"malisimo|re mal|para atras)|(?:\S+ ){0,3}se corta)", 2.4),
        (r"se (?:me |nos )?(?:corta|cae|desconecta|corto|cayo|desconecto|cortan|caen) (?:a cada rato )?"
         r"(?:el |la )?(?:internet|wifi|conexion|red|senal)", 2.6),
        (r"no (?:me )?(?:puedo|pude|deja) conectar(?:me)?|no (?:se )?(?:me )?conecta|se desconecta|"
         r"(?:cant|cannot|can not|unable to|wont|doesnt|does not|will not) (?:connect|get online|go online|"
         r"access the internet|browse)|disconnects|lost connection|connection (?:drops|keeps dropping|lost)|"
         r"dropping", 1.7),
        (r"{NEG} {CL}(?:cargan?|abren?|load) {ART}(?:paginas|paginas web|videos|sitios|webs|pages|websites)|"
         r"no navega|pages (?:wont|dont) load|luz roja|luces rojas|led rojo|red lights?|lights? (?:are |is )?"
         r"(?:all )?red|nothing connects|"
         r"luz (?:de )?(?:los|pon|internet) (?:en )?rojo|luz (?:de )?los (?:prendida|encendida|titila\w*|"
         r"roja)|los (?:light|led) (?:is )?(?:on|red|blinking)|"
         r"titila (?:en )?rojo", 2.0),
        (r"internet|wifi", 0.6),
    ),
    "battery": (
        (r"(?:charges|carga) (?:\S+ ){0,5}(?:but|pero) (?:not|no)|(?:only|solo) (?:charges|carga) (?:con|with)", 2.2),
        (r"{NEG} {CL}(?:carga|cargar|cargo|cargan|esta cargando|quiere cargar|charge|charges|charging|"
         r"hold a charge|holds a charge|hold charge)", 1.6),
        (r"{NEG} {CL}(?:carga|cargar) {ART}(?:bateria|cel|celu|celular)|"
         r"(?:bateria|battery) {G}(?:no dura|dura poco|dura nada|no carga|se descarga|se agota|se gasta|"
         r"hinchada|inflada|muerta|drains?|draining|dies|dying|dead|swollen|doesnt last|wont last|"
         r"doesnt charge|wont charge|not charging)", 2.4),
        (r"se (?:me |le )?(?:descarga|descargo|agota|agoto|gasta) (?:muy |re |super )?(?:enseguida|rapido|"
         r"rapidisimo|al toque|en (?:un|una|dos|\d+)|volando|en nada)|dura (?:muy |re )?poco la bateria|"
         r"drains? (?:fast|quickly|so fast)|dies (?:fast|quickly)|battery life", 2.4),
        (r"se (?:me |le )?descarga|no (?:me |le )?(?:toma|agarra|reconoce) (?:el )?cargador|"
         r"(?:cargador|charger) {G}(?:no anda|no funciona|no carga|doesnt work|not working)|"
         r"enchufad[oa] y no carga|plugged in (?:and|but) not charging|not charging", 2.1),
        # Shutting down with charge left is a battery fault, not a freeze: "se apaga con 30% de batería".
        (r"se (?:me |le )?(?:apaga|apago|apagan|corta) {G}(?:\S+ )?(?:\d+ (?:de )?(?:bateria|carga|por ciento)|"
         r"bateria|carga)|(?:shuts? (?:down|off)|turns? off|dies) {G}(?:\d+ ?(?:percent|battery)|battery)", 2.6),
        (r"bateria|battery|cargador|charger", 1.0),
    ),
    "overheating": (
        (r"se (?:me |le )?(?:calienta|calento|calientan|recalienta|recalento|calentaba|pone (?:muy |re |super )?"
         r"caliente|pone hirviendo)", 2.3),
        (r"(?:muy |re |demasiado |super |bastante )?(?:caliente|hirviendo)|recalentamiento|recalentad[oa]|"
         r"calentamiento|temperatura|calor|quema|quemando|overheat\w*|burning up|too hot|heat|"
         r"(?:gets|getting|runs|running|is|very|really|so|super) (?:very |really |so |too |super )?hot", 1.9),
        (r"ruido {G}(?:de |del )?(?:ventilador|cooler|fan)|(?:ventilador|cooler) trabad[oa]|fan (?:is )?stuck|"
         r"(?:ventilador|ventiladores|cooler|coolers|fan|fans|ventilacion) {G}(?:hace (?:mucho )?ruido|"
         r"suena|gira|a full|al palo|ruidos[oa]|no para|no gira|no anda|loud|noisy|constantly|always|"
         r"spinning|making|running|sopla)|(?:ruido|noise) (?:del|de el|de los|from the|of the) "
         r"(?:ventilador|cooler|fan)|loud fan|noisy fan|parece un avion|like a jet", 2.3),
        (r"ventilador|cooler|hace (?:mucho )?ruido|zumbido|ruido|noise|noisy|loud", 1.0),
    ),
    "no_sound": (
        (r"no se (?:me |le )?(?:escucha|oye)|(?:cant|can not|cannot) hear|no (?:audio|sound) (?:in|on|"
          r"during) calls?", 2.3),
        (r"{NEG} {CL}(?:escucha|escuchan|escucho|oye|oyen|oigo|suena|suenan|sono|hear|sound|"
         r"sale (?:el )?(?:sonido|audio|volumen))", 2.3),
        (r"sin (?:sonido|audio|volumen)|no (?:hay|tiene|tengo|sale|anda el) (?:sonido|audio|volumen)|"
         r"no (?:sound|audio|volume)|(?:cant|cannot|can not) hear", 2.3),
        (r"(?:sonido|audio) (?:se corta|entrecortado|bajo|distorsionado|se escucha mal|horrible|raro|feo)|"
         r"se escucha (?:mal|bajo|entrecortado|con ruido)|sound (?:is )?(?:distorted|crackling|low)", 2.1),
        (r"sonido|audio|parlantes?|volumen|microfono|speakers?|sound|mute|silenciad[oa]", 1.0),
    ),
    "not_detected": (
        (r"(?:isnt|is not|not|never) (?:being )?(?:detected|recognized|recognised)|wont pair|"
          r"no (?:se )?(?:empareja|vincula)|"
         r"no (?:lo |la )?(?:detecta|reconoce|lee)", 2.3),
        (r"{NEG} {CL}(?:reconoce|reconocen|reconocio|detecta|detectan|detecto|lee|leen|leyo|toma|"
         r"toman|agarra|agarran|aparece|aparecen|muestra|recognize|recognise|recognizes|recognises|"
         r"detect|detects|read|reads|see|sees|show up|shows up|find|finds|pick up)", 1.7),
        (r"not (?:recogni[sz]ed|detected|showing up|being detected|being recogni[sz]ed)|unrecogni[sz]ed|"
         r"(?:isnt|is not|wont|doesnt|does not) (?:show(?:ing)? up|appear(?:ing)?)|"
         r"(?:cursor|puntero|flechita|mouse|raton) {G}se mueve sol[oa]|(?:cursor|pointer|mouse) {G}moves? "
         r"(?:by itself|on its own)|"
         r"dispositivo desconocido|unknown device|no (?:lo|la) (?:ve|encuentra)|"
         r"no aparece (?:en )?(?:mi pc|el explorador|equipo|este equipo)", 2.2),
        (r"(?:teclado|keyboard|teclas?|keys|cursor|puntero|flechita|mouse|raton|touchpad|touch pad|clic|click) "
         r"{G}(?:{NEG} {CL}(?:escribe|escriben|marca|marcan|mueve|se mueve|move|moves|type|types|"
         r"hace click|hace clic|click|clicks)|escribe(?:n)? (?:otra|cualquier) cosa|se traba\w*|"
         r"stuck|sticky|pegad[oa]s?)", 2.2),
        (r"(?:escribe|escriben|typing|types|type) (?:\S+ )?(?:otras?|cualquier|wrong|other|random) "
         r"(?:letras?|cosas?|caracteres|letters|characters|keys)", 2.4),
        (r"{NEG} {CL}(?:escribe|escriben|marca|marcan|se mueve|mueve|hace click|hace clic|type|types) "
         r"(?:\S+ )?(?:teclas?|letras?|cursor|puntero|flechita|mouse|raton)", 2.2),
        (r"puerto usb|puertos usb|usb port|usb ports|bluetooth", 1.2),
    ),
    "printing": (
        (r"(?:error|falta|sin|low|out of) (?:de )?(?:toner|tinta|cartuchos?|ink|cartridges?)|(?:toner|cartridge|ink) "
         r"(?:error|low|empty)", 2.7),
        (r"(?:imprime|prints|printing|salen|come out) (?:\S+ ){0,3}(?:rayas|lines|blank|en blanco|manchad\w*|borros\w*|"
         r"streaks|faded|lavad[oa]s)|no me deja imprimir|(?:cant|cannot|wont|doesnt) print", 2.8),
        (r"(?:se traba|atasca|se atasca|trabado|atascado) (?:\S+ ){0,3}(?:papel|hoja|hojas)|(?:papel|hoja|"
          r"hojas) (?:\S+ ){0,2}"
         r"(?:se traba|atasca|trabad[oa])|(?:cartuchos?|tinta|toner|cartridges?|ink)(?: \S+){0,5} (?:no )?(?:los |lo )?"
         r"(?:reconoce|detecta|recognize\w*|detect\w*)|(?:no )?(?:reconoce|detecta) (?:\S+ ){0,2}(?:cartuchos?|"
         r"tinta|toner)", 2.7),
        (r"no (?:saca|tira|larga|agarra|toma) (?:\S+ )?(?:hojas?|papel|copias?|impresiones)|(?:wont|doesnt|does not) "
         r"(?:print|feed|take paper)|paper jam|atasc\w*|mancha\w* (?:las )?hojas", 2.4),
        (r"{NEG} {CL}(?:imprime|imprimen|imprimio|imprimir|imprima|saca copias|escanea|escanear|"
         r"fotocopia|print|prints|printing|scan|scans)", 2.5),
        (r"atasc\w*|(?:papel|hoja|hojas) (?:trabad[oa]s?|atascad[oa]s?|atorad[oa]s?)|se (?:traba|atora|atasca) "
         r"(?:el |la )?(?:papel|hoja)|no (?:agarra|toma|tira|levanta) (?:el |la |las )?(?:papel|hoja|hojas)|"
         r"traga (?:el )?papel|paper jam|jammed|jam|jams|jamming|(?:sin|falta|no tiene|se quedo sin) (?:tinta|toner)|"
         r"out of (?:ink|toner)", 2.5),
        (r"imprime (?:en blanco|con rayas|manchado|borroso|cualquier cosa|raro|mal|feo|corrido|rayado|"
         r"hojas en blanco|solo|todo)|hojas en blanco|cola de impresion|print queue|fuera de linea|offline|"
         r"printer (?:is )?offline|prints? (?:blank|streaks|faded|smudged|garbage)|impresion|imprimir|"
         r"printing|print|imprime|imprimio", 1.8),
        (r"tinta|toner|cartucho|cartuchos|cabezal|ink|cartridge|cartridges|sistema continuo", 1.6),
        (r"no (?:sale|saca|salen) (?:nada|ninguna hoja|la hoja|las hojas|hojas|el papel|nada impreso)"
         r"(?! (?:de |del |por )?(?:el |los )?(?:sonido|audio|parlantes?|volumen|imagen|video))|"
         r"nothing (?:comes out|prints)", 1.9),
    ),
    "malware": (
        (r"(?:renamed|renombrad\w*) (?:\S+ ){0,3}locked|encrypt\w*|encriptad\w*|bitcoin|rescate|ransom\w*", 2.6),
        (r"virus|malware|troyano|troyanos|spyware|adware|ransomware|trojan|infectad[oa]|infected|"
         r"me (?:encriptaron|secuestraron)|encriptad[oa]s|secuestrad[oa]s|rescate|ransom|keylogger|"
         r"minero|minando|cryptominer|browser hijack\w*", 2.6),
        (r"publicidad(?:es)?|propagandas?|anuncios?|ventan(?:a|ita)s? (?:que )?(?:se abren|emergentes|raras)|"
         r"pop ?ups?|popups?|se abren (?:solas|paginas|ventanas)|paginas raras|extension(?:es)? rara|"
         r"cambio (?:el |mi )?buscador|buscador raro|alerta de (?:virus|seguridad)|ads everywhere|"
         r"ads (?:keep|popping)|redirect\w*|suspicious", 2.2),
        (r"hackearon|hackeo|hackeada?o?|hackead[oa]|jaquearon|hakearon|hacked|hacker|antivirus|"
         r"hackeando|me robaron (?:datos|informacion)", 1.6),
    ),
    "software": (
        (r"(?:la |el )?(?:app|aplicacion|programa|whatsapp|instagram|chrome|word|excel|"
          r"juego) (?:\S+ ){0,3}se (?:me |le )?"
         r"(?:cierra|cerro|traba|cuelga|tilda) (?:sol[oa]|de golpe)?|(?:app|application|"
         r"program) (?:keeps )?(?:crashing|closing)", 2.4),
        # One program failing is a software problem even when it "freezes" or "crashes".
        (r"(?:programa|aplicacion|app|office|word|excel|powerpoint|outlook|zoom|teams|meet|chrome|navegador|"
         r"firefox|photoshop|autocad|juego|steam|spotify|whatsapp web|program|application|browser|game) "
         r"{G}(?:crash\w*|se (?:me )?(?:cierra|cerro|cuelga|colgo|tilda|tildo)|no (?:abre|arranca|inicia)|"
         r"(?:wont|doesnt|does not|will not) (?:open|start|launch)|keeps (?:closing|crashing|freezing)|"
         r"closes|freezes)", 2.6),
        (r"instal\w*|desinstal\w*|reinstal\w*|uninstall\w*|install\w*|actualizacion\w*|actualizar|"
         r"update\w*|upgrade\w*|configur\w*|setup|set up", 1.6),
        (r"programa|programas|aplicacion(?:es)?|app|apps|office|word|excel|powerpoint|outlook|anydesk|"
         r"teamviewer|zoom|meet|teams|drivers?|controlador(?:es)?|chrome|navegador|firefox|photoshop|"
         r"autocad|juegos?|steam|licencia|activar windows|activacion|software|program|application|"
         r"browser|game|games|license|pdf|acrobat|java|netflix|spotify|youtube", 1.2),
        (r"no (?:me )?(?:abre|abren|anda|funciona) (?:el |la |los )?(?:programa|aplicacion|app|word|excel|"
         r"office|juego|navegador|chrome)|se (?:me )?cierra(?:n)? (?:el |la |los |las )?(?:programas?|"
         r"aplicacion(?:es)?|apps?|juegos?|word|excel|chrome)|(?:me )?(?:tira|sale|aparece|da|salta) "
         r"(?:un |una )?(?:error|cartel|mensaje|aviso)|error message|(?:wont|doesnt|cant) (?:open|launch|install)|"
         r"keeps crashing", 2.2),
        (r"error|errores|formatear|formateo|formatearla|formatearlo|format", 1.1),
    ),
    "account": (
        (rf"(?:olvid\w*|no me acuerdo|no recuerdo|perdi|forgot|forget|lost|cambiar|recuperar|reset\w*|"
         rf"reestablecer|restablecer|change|recover) {{G}}{_PASSWORD}", 2.7),
        (rf"{_PASSWORD} {{G}}(?:incorrect[oa]|no (?:es|funciona|anda)|olvid\w*|wrong|doesnt work|not working|"
         r"no me la acuerdo|no la recuerdo)", 2.6),
        (rf"(?:hackearon|robaron|hackeo|jaquearon|hakearon|hackeada|hackeado|hacked|stole|stolen|"
         rf"entraron a) {{G}}{_ACCOUNT}|{_ACCOUNT} {{G}}(?:hackead[oa]|robad[oa]|hacked|compromised|stolen)", 3.0),
        (rf"(?:recuperar|recupero|recover|recovering|restore|reactivar) {{G}}(?:cuenta|account|perfil|profile|"
         rf"usuario|user)|{_ACCOUNT} {{G}}(?:no (?:puedo|me deja) (?:entrar|recuperar))", 3.1),
        (rf"{_ACCOUNT} {{G}}(?:bloquead[oa]|suspendid[oa]|deshabilitad[oa]|locked|suspended|disabled)|"
         r"locked out|bloqueo de (?:la )?cuenta|no (?:puedo|me deja) (?:entrar|ingresar|acceder|loguear\w*|"
         r"iniciar sesion)|(?:cant|cannot|unable to) (?:log ?in|sign in|access my)|iniciar sesion|"
         r"inicio de sesion|verificacion en dos pasos|codigo de verificacion|verification code|2fa|"
         r"two factor|cuenta de (?:google|microsoft|apple)|apple id|icloud", 2.0),
        (rf"{_PASSWORD}|login|log in|sign in|cuenta|account", 1.3),
    ),
    "data_recovery": (
        (r"(?:formatear\w*|format\w*)(?: \S+){0,6} (?:fotos|archivos|datos|photos|pictures|files|data)|"
         r"(?:fotos|archivos|photos|files) (?:\S+ ){0,4}(?:formatear\w*|format\w*)", 2.7),
        (r"(?:corrupt\w*|danada|corrupta|corrompio)(?: \S+){0,6} (?:fotos|pictures|photos|files|archivos|datos|data)|"
         r"need (?:the|my) (?:pictures|photos|files|data)|recuperar (?:las |mis )?(?:fotos|archivos|datos)", 2.4),
        (rf"(?:borre|borro|borraron|borramos|borro|elimine|eliminaron|se (?:me )?(?:borr|elimin|perd)\w*|perdi|"
         rf"perdimos|desaparecieron|no encuentro|formatee|formatearon|se formate\w*|deleted|lost|erased|"
         rf"missing|recover\w*|restore|rescue|salvar|recuperar|rescatar|sacar) {{G}}{_MEDIA}", 2.7),
        (rf"{_MEDIA} {{G}}(?:se borraron|se borro|desaparecieron|desaparecio|perdid[oa]s|borrad[oa]s|"
         r"eliminad[oa]s|gone|deleted|disappeared|missing|lost)", 2.7),
        (r"recuper\w*|data recovery|recover|papelera|backup|copia de seguridad|respaldo|formatee sin querer", 2.0),
        (r"(?:disco|disk|drive|hdd) {G}(?:hace ruidos?|hace ruidos raros|suena|hace clic|hace click|clickea|"
         r"hace tic|muriendo|fallando|danad[oa]|clicking|clicks|failing|dying|making noise|"
         r"(?:wont|doesnt|will not) mount)|clicking noise", 2.5),
        (r"borre|borrado|borrados|elimine|deleted|erased|formatee|formatearon|formateado|formatted", 1.3),
    ),
    "physical_damage": (
        (r"washing machine|lavarropas|lavarropa|se (?:me )?cayo al (?:agua|inodoro|pileta)", 2.6),
        (r"se (?:me |le |nos )?(?:cayo|cayeron|golpeo|golpearon|mojo|mojaron|rompio|rajo|partio|quebro|"
         r"doblo|hincho|quemo|fisuro|estrello)|me (?:la |lo )?(?:pisaron|tiraron|golpearon|rompieron)|"
         r"(?:la |lo )?(?:pise|aplaste|tire|golpee|rompi|moje)", 2.3),
        (rf"(?:le |me |se )?(?:cayo|tire|tiro|derrame|derramo|volque|volco|se volco|se derramo|spilled|spill) "
         rf"(?:\S+ ){{0,3}}{_LIQUID}|{_LIQUID} {{G}}(?:encima|arriba|sobre|on)|mojad[oa]|liquido|water damage|"
         r"got wet|spilled|spill|fell in (?:the )?(?:water|pool|toilet)", 2.6),
        (r"(?:pantalla|vidrio|display|screen|glass|carcasa|tapa|bisagra|ficha|pin|puerto|enchufe) "
         r"(?:\S+ )?(?:rot[oa]|partid[oa]|rajad[oa]|astillad[oa]|quebrad[oa]|estallad[oa]|trizad[oa]|destruid[oa]|"
         r"cracked|broken|shattered|smashed|bent|doblad[oa]|floja|suelt[oa])|"
         r"(?:rot[oa]|partid[oa]|rajad[oa]|cracked|broken|shattered|smashed) (?:la |el |the |my )?"
         r"(?:pantalla|vidrio|display|screen|glass|bisagra|hinge)|bisagras?|hinge", 2.5),
        (r"dropped|fell|cayo|golpe|golpeada?o?|fisura|abollad[oa]|cracked|shattered|smashed|"
         r"roto|rota|rompi|broken", 1.4),
    ),
}

# Hits that cancel a problem's weak readings.
PROBLEM_SUPPRESSORS: dict[str, tuple[str, ...]] = {
    "no_power": (
        rf"{_TURN_ON} (?:\S+ )?(?:pero|bien|fine|ok|but|normal|y (?:se|despues|luego|al rato))|si {_TURN_ON}|"
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

# ---------------------------------------------------------------------------------------------
# Intents
# ---------------------------------------------------------------------------------------------

YES_WORDS = frozenset({
    "si", "sii", "sip", "sis", "sisi", "dale", "ok", "oka", "okay", "okey", "oki", "okis", "bueno", "claro",
    "acepto", "yes", "sure", "yep", "yeah", "yea", "obvio", "perfecto", "joya", "buenisimo",
    "afirmativo", "listo", "vamos", "genial", "bien", "k", "ofc", "absolutely", "agree", "accept",
    "alright", "fine", "correcto", "exacto", "seguro",
})
YES_PHRASES = (
    r"de una|por supuesto|of course|claro que si|esta bien|i agree|i accept|go ahead|sounds good|"
    r"me parece bien|(?:si|ok|dale) de una|de acuerdo|estoy de acuerdo|va bien|me va|todo bien|sigamos|"
    r"adelante|(?:thats|that is|its) (?:fine|ok|okay)|fine by me|sure thing|no problem|works for me|"
    r"lets go|lets do it|go for it|ok with (?:it|that|me)|im ok|i am ok|"
    r"(?<!no )acepto|(?<!dont )accept"
)
NO_WORDS = frozenset({
    "no", "nop", "nope", "nah", "noo", "nou", "negativo", "nones", "n", "nada", "never", "nunca", "jamas",
})
# A message that starts with "no" is a refusal only when what follows is one of these.
NO_FOLLOWERS = frozenset({
    "acepto", "gracias", "quiero", "thanks", "thank", "you", "way", "no", "nop", "che", "por", "ahora",
    "todavia", "aun", "sigue", "funciono", "anduvo", "sirvio", "i", "accept", "agree", "dont",
    "tampoco", "para", "nada", "gracia", "graciad", "thx", "mucho", "perdon", "disculpa", "sorry", "yet",
})
NO_PHRASES = (
    r"no acepto|no quiero|no estoy de acuerdo|i dont (?:accept|agree|want)|dont accept|i decline|decline|"
    r"rechazo"
)

INTENT_PATTERNS: dict[str, str] = {
    "solved": (
        r"(?:its|it is|its back|it s) (?:on|back|working) now(?: \S+)*|(?:\S+ )*(?<!not )(?<!nt )(?:types|"
        r"prints|works|charges|boots|connects|loads|plays|shows|reads|detects) now(?: \S+)*|(?:\S+ )*(?:sound|"
        r"wifi|internet|picture|signal|audio)s? (?:is )?back(?: \S+)*|no (?:drops|more drops|cuts)(?: \S+)*|"
        r"(?:\S+ )*(?<!no )(?:lo |la )?reconocio(?: \S+)*|"
        r"(?<!no )(?<!no se )(?<!no me )(?<!no lo )(?<!todavia no )(?<!aun no )(?<!not )"
        r"(?:se (?:me )?(?:soluciono|arreglo|resolvio|compuso|destrabo)|ya (?:me )?(?:anda|funciona|funca|"
        r"prende|carga|imprime|conecta|esta|quedo|se arreglo|se soluciono)|ahora (?:si )?(?:me )?(?:anda|funciona|"
        r"funca|prende|carga|imprime)|(?:me )?(?:funciono|anduvo|sirvio|resulto)|lo (?:pude|pudimos) "
        r"(?:solucionar|arreglar|resolver)|(?:quedo|esta|ya esta) (?:solucionado|arreglado|resuelto|funcionando)|"
        r"solucionado|resuelto|arreglado|listo ya|anda (?:perfecto|joya|barbaro|de diez|10 puntos)|"
        r"funciona (?:perfecto|bien ahora)|it works|its working|works now|working now|fixed|solved|"
        r"that (?:did it|worked|helped)|it worked|resolved|all good now|problem solved|"
        r"volvio (?:el |la )?(?:internet|wifi|senal|sonido|imagen|audio|conexion)|ya (?:me )?(?:prendio|arranco|"
        r"salio|sale|salen|conecto|cargo|anda bien|se ve|se escucha|entra|enciende|encendio)|"
        r"ya no (?:\S+ ){0,2}(?:se corta|se apaga|se tilda|se calienta|se cuelga|sale|salen|aparece|aparecen|pasa|"
        r"hace|molesta)(?: \S+){0,2}|ahi (?:salio|anduvo|anda|funciona|prendio|arranco|imprimio|imprime)|"
        r"(?:it |its )?(?:prints|works|boots|turns on|charges|connects) (?:now|again|fine now)|"
        r"(?:much )?(?:faster|better) now|did it|fixed now|back to normal|good as new|sorted|"
        r"(?:\S+ )*(?<!no )(?<!ni )(?<!nunca )(?:prendio|arranco|conecto|conectaron|imprimio|funciono|anduvo|encendio|"
        r"aparecieron|booteo|se conecto|se conectaron|se prendio|salio la hoja|"
        r"salieron las hojas)(?! pero)(?: \S+){0,4}|"
        r"(?:\S+ )*(?<!not )(?<!never )(?:finally )?(?:booted|worked|connected|printed|came back|turned on)"
        r"(?! but)(?: \S+){0,4}|no more \S+(?: \S+)?|(?:way|much|a lot|so much) (?:better|cooler|faster|quieter) "
        r"(?:now)?|(?:sorted|fixed) it|"
        r"ya tengo (?:\S+ )?(?:sonido|internet|wifi|imagen|senal|conexion|audio|acceso)|ya no se \S+ mas(?: \S+)*|"
        r"(?:y|ahora|ahi) (?:ya )?(?:anda|funciona|prende|carga|imprime)(?: \S+){0,2}|(?:pude|"
        r"pudimos) (?:recuperar|entrar|"
        r"arreglar|solucionar|conectar|imprimir|acceder)(?: \S+){0,3}|era eso|(?:it |its )?\S+ fine now|works fine|"
        r"(?:works|working|prints|boots|charges|streams|connects) (?:fine|ok|okay|great|perfectly)(?: \S+)?(?: now)?)"
    ),
    "persists": (
        r"none of (?:that|it|those|this)(?: \S+)*|(?:\S+ )*(?:y|and|,)? ?same$|no (?:encontro|detecto|llega|"
        r"llego) nada|(?:\S+ )*no me llega(?: \S+)*|"
        r"sigue (?:igual|sin|mal|con|fallando|pasando|haciendo|apagad[oa])|siguen igual|igual que antes|"
        r"(?:no|tampoco) (?:me )?(?:funciono|anduvo|sirvio|resulto|se (?:soluciono|arreglo|resolvio))|"
        r"(?:no|todavia no|aun no) (?:me )?(?:anda|funciona|funca|prende) (?:todavia|aun)|"
        r"todavia no (?:anda|funciona|funca|prende)|sigue sin (?:andar|funcionar)|nada que ver|no cambio nada|"
        r"^nada$|^tampoco$|^igual$|mismo problema|persiste|still (?:not|doesnt|wont|the same|broken|nothing|"
        r"no)|didnt (?:work|help|fix)|did not (?:work|help)|doesnt work either|same (?:problem|issue|thing)|"
        r"no luck|not fixed|not solved|nothing changed|no change|"
        r"sigue (?:sin|igual|mal)\b.*|tampoco(?: \S+){0,4}|no hubo caso|ni (?:asi|con eso)|nada cambio|"
        r"(?:probe|hice|intente|segui) (?:\S+ ){0,4}(?:y|pero) (?:nada|sigue|igual|no)|no (?:paso|cambio) nada|"
        r"ninguno (?:\S+ )?(?:funciono|anduvo|sirvio)|no (?:funciono|anduvo|sirvio) ninguno|"
        r"sin (?:cambios|suerte|resultado)|nada de nada|ni bola|sigo (?:igual|sin|con)|(?:\S+ )*(?:y|"
        r"pero) nada(?: \S+)?|"
        r"ni ahi(?: \S+){0,4}|ya fue|(?:\S+ )*(?:se )?(?:sigue|siguen|continua|continuan)(?: \S+)*|"
        r"(?:\S+ )*still(?: \S+)*|no (?:improvement|difference|luck)(?: \S+)*|none of (?:the|your|these) "
        r"(?:steps|things|tips|checks)(?: \S+)*|not (?:any )?better|same thing(?: \S+)*|nada mejoro|no mejoro|"
        r"no sale nada|(?:se )?sigue (?:cortando|apagando|tildando|trabando|colgando)|"
        r"(?:no|nope|nah) (?:still|same|nothing)|none of (?:them|those|these|it) (?:worked|helped|did anything)|"
        r"nothing (?:worked|happened|changed|helped)|(?:didnt|did not|doesnt|does not) (?:change|do) "
        r"(?:anything|a thing)|same as before|still the same|no difference|no dice|didnt do anything|"
        r"still (?:happening|doing it|there|dead|off|slow|hot|frozen|stuck|no)"
    ),
    "help": (
        r"no (?:se|entiendo|entendi|comprendo) (?:\S+ )?(?:hacer|como|el paso|ese paso|eso|esto|donde)|"
        r"no (?:lo |la )?(?:entiendo|entendi|comprendo)|como (?:hago|se hace|lo hago|hacer)|"
        r"explica\w*|que (?:significa|quiere decir)|donde (?:esta|encuentro|queda)|ayudame con|"
        r"(?:dont|do not|didnt) (?:understand|get it|know how)|how (?:do i|to|can i)|what does|explain|"
        r"help (?:with|me with)|what do you mean|no me sale"
    ),
    "show_steps": (
        r"(?:mostra|mostrar|ver|volver a|pasa|manda|repeti|repetir|decime)\w* (?:\S+ )?(?:los )?pasos|"
        r"pasos (?:de nuevo|otra vez)|volver (?:a los pasos|atras)|(?:mostrame|decime|pasame|repetime|mandame) "
        r"(?:otra vez|de nuevo)(?: \S+)*|(?:list|show|give|send) (?:me )?(?:the |those )?steps(?: \S+)*|one more time|"
        r"(?:show|see|repeat|back to|give me) (?:me )?(?:the )?steps|steps again|list of steps"
    ),
    "advanced": (
        r"pruebas? avanzad[oa]s?|mas pruebas|otras pruebas|(?:algo|cosas) mas (?:para|que) (?:probar|hacer)|"
        r"avanzad[oa]s?|advanced|more (?:tests|steps|things to try|options)|other tests|something else to try|"
        r"(?:pasos|pruebas|cosas) (?:mas )?(?:dificiles|complicad[oa]s|tecnic[oa]s|profund[oa]s)|"
        r"(?:mas|otras) (?:opciones|alternativas|cosas para probar)|"
        r"(?:pasame|mandame|dame|tirame) (?:las|los|otras|otros) "
        r"(?:siguientes|que siguen|otras|otros)|siguientes pasos|proximos pasos|"
        r"(?:harder|next|further|deeper|more technical|other) (?:ones|steps|checks|tests|things)|next level|"
        r"(?:what|anything) else (?:can|could) (?:i|we) (?:try|do)"
    ),
    "technician": (
        r"tecnic[oa]s?|una persona|persona real|humano|alguien real|operador|operadora|"
        r"(?:por|al|un|x|a|pasar a) (?:whatsapp|whats|wsp|wpp)|(?:pasenme|pasame|me pasas|me pasan|me comunicas|"
        r"me derivas) (?:con|a)|"
        r"no hay alguien|(?:your|the) techs?|especialista|reach out|in person|(?:someone|somebody|alguien) "
        r"(?:available|disponible|from your|de ustedes)|"
        r"(?:need|want) (?:a person|someone|somebody|a human|a tech)|(?:a person|someone) to (?:look|check|see)|"
        r"hablar con (?:alguien|ustedes|una persona|un tecnico)|(?:que )?me llamen|llamenme|llamame|"
        r"(?:me )?(?:pueden|podes|podrian) llamar|servicio tecnico|que (?:la |lo )?(?:revise|vea|mire|arregle|"
        r"chequee) alguien|(?:que )?venga alguien|alguien de (?:ustedes|ahi|el local|sti)|get someone|"
        r"someone (?:to )?(?:contact|call|look at|check|come)|someone from (?:your|the) (?:team|shop|store)|"
        r"llevarla|llevarlo|llevar (?:la|lo) al (?:local|taller)|sacar (?:un )?turno|"
        r"technician|human|real person|agent|representative|talk to (?:a |an )?(?:person|human|"
        r"someone|agent)|call me|phone call|repair shop|"
        r"(?:pasame|comunicame|contactame|derivame|conectame) con (?:alguien|soporte|ustedes|el local)|"
        r"(?:que|quiero que) (?:me )?(?:atienda|ayude|llame|contacte|vea|revise) (?:alguien|una persona|un tecnico)|"
        r"(?:hablar|chatear|comunicarme|contactarme) con (?:alguien|ustedes|soporte|el local|una persona)|"
        r"lo (?:llevo|puedo llevar)|(?:la|lo) (?:llevo|puedo llevar)|llevar(?:la|lo)? al (?:local|taller|service)|"
        r"mandar(?:la|lo)? a (?:revisar|arreglar)|que (?:la|lo) vean|atencion (?:personal|humana)|"
        r"(?:speak|talk|chat) (?:to|with) (?:someone|somebody|a person|support|staff|a tech|you guys)|"
        r"(?:can|could) (?:someone|somebody|a person|a tech) (?:help|call|look|check|contact)|"
        r"(?:get|connect|put) me (?:to|through to|in touch with) (?:someone|a person|support|a tech)|"
        r"bring it (?:in|to you|to the shop)|drop it off|book (?:a|an) (?:repair|appointment)|tech support|"
        r"support team|live (?:person|agent|support)|a tech|someone from (?:the shop|sti)"
    ),
    "close": (
        r"chau|chao|adios|nos vemos|hasta luego|hasta pronto|bye|goodbye|good bye|see you|cya|saludos|"
        r"un saludo|hasta la proxima|nos hablamos"
    ),
    "close_short": (
        r"terminar|termina|terminamos|cerrar|cerra|salir|fin|finalizar|eso es todo|nada mas|es todo|"
        r"close|exit|quit|end|end chat|stop|thats all|im done|done|nothing else"
    ),
    "rephrase": (
        r"otra (?:cosa|consulta|pregunta|duda)|otro (?:problema|tema|equipo|dispositivo)|cambiar de tema|"
        r"me equivoque|empezar de nuevo|empezar otra vez|(?:de nuevo|otra vez) desde el principio|"
        r"(?:another|different|other) (?:problem|issue|question|device|thing)|something else|start over|"
        r"new problem|wrong (?:problem|device)|not (?:that|my) problem|reiniciar (?:el )?chat|"
        r"quiero (?:preguntar|consultar) (?:otra|algo)"
    ),
    "greeting": (
        r"hola|holis|holas|ola|buenas|buen dia|buenos dias|buenas tardes|buenas noches|que tal|como va|"
        r"como andas|hi|hello|hey|helo|hii|good (?:morning|afternoon|evening)|greetings"
    ),
    "thanks": (
        r"gracias|gracia|grax|graciass|muchas gracias|mil gracias|te agradezco|agradecid[oa]|"
        r"thanks|thank you|thank u|thx|ty|tysm|cheers|much appreciated|appreciate it"
    ),
    "frustration": (
        r"no (?:me )?sirve(?:s|n)? (?:para )?(?:nada|un carajo|un pomo|un choto)|esto no sirve|no servis|"
        r"ya (?:probe|hice|intente) (?:todo|de todo)|no me (?:estas |esta )?(?:ayudando|ayudas|ayuda) "
        r"(?:en )?(?:nada)?|que bronca|bronca|harto|harta|podrido|podrida|cansad[oa] de|me tiene (?:harto|"
        r"podrido|cansado)|inutil|una mierda|mierda|la puta|puta madre|carajo|la concha|que garcha|garcha|"
        r"porqueria|no entendes nada|no entendes|me estas jodiendo|dios mio|por favor ya|"
        r"useless|(?:youre|you are|ur) (?:not helping|useless|stupid)|not helping|waste of time|"
        r"stupid|ridiculous|fed up|sick of|tried everything|already tried|wtf|ffs|damn|fuck\w*|shit|"
        r"doesnt help|no help|pointless"
    ),
}

# Dialogue acts read beside the intents above (Conversation v2).
DIALOGUE_PATTERNS: dict[str, str] = {
    "cant_do": (
        r"no (?:lo |la )?(?:pude|puedo|pudimos|logre|logro) (?:\S+ ){0,2}(?:hacer|probar|encontrar|sacar|"
        r"abrir|entrar|hacerlo|probarlo|encontrarlo|hacer eso|seguir)|no (?:encuentro|encontre|veo|ubico) "
        r"(?:el|la|los|las|ese|esa|donde)|no (?:tengo|tenemos) (?:otro|otra|otros|otras|un|una|donde|como|el|la)|"
        r"no (?:lo |la |los |las )?(?:encuentro|encontre|veo|ubico)|no me (?:deja|dejo|sale|salio|aparece|"
        r"aparecio)|no (?:hay|tiene) (?:ningun|ninguna|tal|ese|esa) |"
        r"(?:es )?(?:imposible|impossible)|(?:i )?(?:dont|do not|cant|cannot) (?:see|find) (?:\S+ ){0,3}"
        r"(?:anywhere|menu|option|button)|"
        r"(?:couldnt|could not|cant|cannot|can not|wasnt able to|unable to) (?:\S+ ){0,2}(?:do|find|try|open|get|"
        r"reach|access|see|locate|follow)|(?:dont|do not) (?:have|see|find) (?:a|an|another|the|any|that|one)|"
        r"(?:doesnt|does not|wont) let me|theres no (?:such|button|option)|it wont let me"
    ),
    "question": (
        r"(?:es|sera|seria) (?:seguro|peligroso|riesgoso|normal|grave)|(?:puedo|podria|conviene|hay que|tengo que|"
        r"debo|deberia|se puede|me conviene) (?:\S+ ){0,4}(?:abrir|destapar|desarmar|usar|seguir|dejar|limpiar|"
        r"mojar|cargar|sacar|enchufar|desenchufar|apagar|prender|tocar|soplar|lavar|secar|cambiar|actualizar|"
        r"formatear|reinstalar|borrar|resetear)|hay (?:peligro|riesgo)|que (?:es|son|significa|quiere decir) |"
        r"para que sirve|como (?:se|hago|hacemos|hacer|entro|abro|saco|veo|busco|reseteo|reinicio|actualizo)|"
        r"donde (?:esta|queda|encuentro|se ve|veo)|"
        r"(?:is it|is that|would it be|will it be) (?:safe|ok|okay|dangerous|normal|bad|risky)|"
        r"(?:can|could|should|may|do) i (?:\S+ ){0,3}(?:open|use|keep|leave|clean|charge|remove|unplug|plug|"
        r"turn|touch|blow|wash|dry|replace|update|format|reinstall|delete|reset)|"
        r"what (?:is|are|does|do you mean)|whats (?:a|an|the)|how (?:do|can|should) (?:i|you|we)|"
        r"where (?:is|do i|can i)|what (?:does|do) (?:\S+ ){0,3}mean"
    ),
    # A repair done by the shop, mentioned: with something wrong after it, it is a complaint.
    "past_repair": (
        r"(?:pague|pagamos|cobraron) (?:\S+ ){0,3}(?:y|pero)|(?:deje|lleve|traje) (?:\S+ ){0,6}(?:y|"
        r"pero) (?:ya )?(?:no|sigue|otra vez|de nuevo)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:arreglaron|repararon|entregaron|arreglaste|reparaste|revisaron)|"
        r"(?:despues|luego|desde) (?:de )?(?:la|que) (?:reparacion|arreglo|service|me la arreglaron|la arreglaron|"
        r"lo arreglaron|la retire|lo retire)|(?:la|lo) (?:retire|busque) (?:\S+ ){0,3}(?:y|pero)|"
        r"(?:ustedes|uds|ustedes me|les) (?:la|lo|me la|me lo) (?:arreglaron|repararon|cambiaron)|"
        r"(?:you|u|you guys|they) (?:fixed|repaired|serviced|replaced) (?:it|my|the)|"
        r"(?:after|since) (?:the|your|you|my) (?:repair|fix|fixed|service)|(?:picked|got) it back|"
        r"brought it (?:to you|in) (?:\S+ ){0,4}(?:and|but)|paid (?:for|you) (?:\S+ ){0,4}(?:and|but)|"
        r"(?:les |le |se las |se la |se lo )?(?:lleve|deje|traje) (?:el|la|mi|esta|este)? ?(?:\S+ ){0,5}(?:para|a|por) "
        r"(?:cambiar|arreglar|reparar|formatear|que|esto)|(?:ya )?se (?:las|la|lo|los) lleve|me cobraron|"
        r"(?:your shop|you guys|your (?:tech|techs|technician)) (?:\S+ )?(?:fixed|replaced|repaired|changed)"
    ),
    "complaint": (
        r"(?:quiero|voy a|vengo a) (?:hacer )?(?:un )?(?:reclamo|queja)|reclamo|queja|reclamar|mal (?:arreglad[oa]|"
        r"reparad[oa])|(?:i want to|id like to|i wanna) (?:complain|file a complaint|make a complaint)|complaint|"
        r"complain"
    ),
    "negative": (
        r"volvio a|vuelve a|otra vez|de nuevo|sigue|igual|peor|mal|falla|fallando|rompio|no (?:anda|funciona|"
        r"prende|carga|imprime)|again|still|worse|broke|broken|not working|doesnt work|stopped|same problem"
    ),
    "correction": (
        r"me confundi|me confundo|i got (?:it )?wrong|my bad|"
        r"no es (?:el|la|mi|un|una) |no era (?:el|la)|me equivoque|perdon es|en realidad es|en realidad (?:el|la)|"
        r"quise decir|mejor dicho|no no es|(?:its|it is) (?:not|actually) (?:the|my|a)|i meant|"
        r"actually (?:its|it is|the|my)|"
        r"sorry (?:its|it is) (?:the|my|a)|not the \S+ (?:the|my|its)"
    ),
    "also": (
        r"(?:y )?(?:ademas|tambien|aparte|encima|de paso|otra cosa)|y (?:la|el|mi) \S+ (?:tambien|tampoco)|"
        r"(?:also|another thing|on top of that|besides|as well|too)"
    ),
}

# What a shop question is about: the answer comes from the shop-facts file.
SHOP_TOPICS: dict[str, str] = {
    "hours": (
        r"horarios?|(?:a que|que) hora (?:abren|cierran|atienden|estan)|(?:abren|atienden|estan abiertos|trabajan) "
        r"(?:hoy|manana|el|los|sabado|sabados|domingo|domingos|feriados?|de)|(?:cuando|que dias) (?:abren|atienden)|"
        r"(?:what|which) (?:time|hours|days)|your hours|(?:what|when) are (?:your|the) (?:hours|opening)|"
        r"opening hours|(?:are you|r u) open|when do you (?:open|close)|"
        r"(?:open|closed) (?:on|today|tomorrow|saturday|sunday)|business hours"
    ),
    "address": (
        r"donde (?:quedan|estan|queda|esta el local|los encuentro|atienden)|direccion|ubicacion|(?:como|por donde) "
        r"llego|estaciona\w*|estacionamiento|cochera|mapa|(?:where|wheres) (?:are you|is the shop|is your|do i go|"
        r"can i find)|address|location|parking|park (?:nearby|there|my car)|directions|how do i get there"
    ),
    "prices": (
        r"cuanto (?:sale|cuesta|cobran|me cobran|me cobrarian|cobrarian|vale|saldria|costaria|seria)|precios?|"
        r"presupuesto|tarifa|"
        r"(?:cobran|sale) (?:el|la) (?:diagnostico|revision|visita)|diagnostico (?:cuesta|sale|tiene costo|es gratis)|"
        r"how much|price|prices|pricing|cost|costs|fee|fees|quote|estimate|charge for"
    ),
    "warranty": (
        r"garantia|garantias|garantizan|(?:tienen|tiene|dan) garantia|warranty|guarantee|guaranteed"
    ),
    "services": (
        r"(?:ustedes |uds )?(?:arreglan|reparan|cambian|revisan|venden|instalan|configuran|recuperan) \S+|"
        r"(?:ustedes|uds) (?:hacen|tienen|venden|trabajan)|do you (?:guys )?(?:even )?(?:repair|fix) (?:those|"
        r"them|these)|"
        r"(?:do|can) you (?:guys )?(?:replace|recover|fix|repair|change) \S+|"
        r"do you (?:guys )?(?:even )?(?:fix|repair|service|work on|sell|install|offer|do) \S+|(?:pickup|pick up|"
        r"delivery)|"
        r"(?:trabajan con|hacen|atienden) (?:\S+ ){0,3}"
        r"(?:consolas?|celulares|celus|tablets?|impresoras?|notebooks?|macs?|iphones?|tvs?|teles?|televisores|"
        r"playstation|xbox|redes|camaras|equipos|pcs|computadoras|placas?|software|a domicilio|domicilio)|"
        r"(?:que|cuales) servicios|servicio a domicilio|van a domicilio|"
        r"do you (?:guys )?(?:fix|repair|service|work on|do|sell|install|come)|services|home visits?|house calls?"
    ),
    "repair_status": (
        r"(?:ya )?esta (?:lista|listo|arreglad[oa]|terminad[oa])|(?:como va|estado de|novedades de|noticias de) "
        r"(?:la|mi|el) (?:reparacion|arreglo|equipo|note|notebook|compu|pc|celu|celular|impresora|orden)|"
        r"(?:cuando|para cuando) (?:esta|estara|me la dan|me lo dan|la puedo retirar|lo puedo retirar|puedo "
        r"(?:pasar|ir) a buscar)|(?:deje|traje|lleve) (?:mi|la|el) (?:\S+ ){0,3}(?:el|hace|la semana|ayer|"
        r"para arreglar|para reparar|en el local)|orden de (?:servicio|reparacion)|"
        r"que (?:les )?(?:deje|traje|lleve) (?:\S+ ){0,4}ya (?:esta|la|lo)|(?:saben|sabes|me dicen|me podes decir) si "
        r"(?:ya )?(?:esta|estaria)|(?:les |le )?deje (?:\S+ ){0,3}(?:ya|para)|"
        r"(?:is|are) (?:my|the) (?:\S+ ){0,2}(?:ready|done|fixed yet)|status of (?:my|the) (?:repair|order|laptop|"
        r"phone|computer|pc|printer)|when (?:will|can) (?:i|my) (?:\S+ ){0,3}(?:be ready|pick|collect|get it)|"
        r"(?:left|dropped off|brought) (?:my|the) (?:\S+ ){0,3}(?:with you|at the shop|last|on|yesterday)"
    ),
}

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
    r"me llamo|mi nombre es|mi nombre|soy|me dicen|decime|llamame|habla|te habla|le habla|aca|aqui|"
    r"my name is|my names|my name|im|i am|i m|this is|call me|its|it s|name is|nombre"
)
NAME_STOPWORDS = frozenset("""
y e o u pero and but or with con que porque because tengo have has mi my el la the desde from of
de? tel telefono phone mail email necesito need quiero want mi ayuda help y
""".replace("de?", "").split())
NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "van", "von", "da", "dos", "di", "le", "mc"})
