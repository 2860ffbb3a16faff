"""The NLU vocabulary (generated from src/stichat/knowledge/language/*.yaml by scripts/language.py;
edit the YAML, then `make vocabulary`).

Do not edit: `make run`, `make test` and `make lint` rebuild this file when a language file is newer,
and the knowledge loader refuses to start when it is out of date."""

from __future__ import annotations

NEG: str = r"(?:no|nunca|tampoco|ya no|todavia no|aun no|sigue sin|siguen sin|sin|doesnt|dont|wont|cant|cannot|isnt|didnt|not|never|still not|will not|does not|do not|can not|did not|is not|ni|arent|no longer)"

CLITIC: str = r"(?:(?:me|se|te|le|lo|la|les|nos|los|las|it|quiere|quiso|quieren|puedo|pude|puede|pueden|logro|logre|vuelve a|volvio a|want to|wants to|seem to|seems to|even|at all) ){0,3}"

GAP: str = r"(?:\S+ ){0,3}"

ART: str = r"(?:(?:el|la|los|las|mi|mis|un|una|al|del|de|su|sus|a|the|my|this|our|its) ){0,2}"

WORKS: str = r"(?:anda|andan|andar|funciona|funcionan|funciono|funcionar|funca|responde|responden|responder|sirve|work|works|working|worked|respond|responding|anduvo|funcan|funko)"

DEVICE_PATTERNS: dict[str, tuple[tuple[str, float], ...]] = {
    'pc': (
        (
            r"\S+ desktop|desktop \S+|(?:dell|hp|lenovo) (?:optiplex|prodesk|elitedesk|thinkcentre)",
            2.6,
        ),
        (
            r"gabinete|torre|desktop|all in one|pc|pcs|cpu|aio|imac",
            2.0,
        ),
        (
            r"(?:compu|computadora|computador|ordenador|maquina|computer|equipo) (?:de )?escritorio",
            3.0,
        ),
        (
            (
                r"de escritorio|"
                r"todo en uno|"
                r"pc armada|"
                r"la torre|"
                r"desktop (?:computer|pc)|"
                r"tower|"
                r"gaming rig|"
                r"custom built|"
                r"optiplex|"
                r"prodesk|"
                r"thinkcentre|"
                r"elitedesk|"
                r"pc gamer"
            ),
            2.5,
        ),
        (
            r"placa de video|tarjeta grafica|placa madre|tarjeta de video|graphics card|motherboard",
            1.8,
        ),
        (
            (
                r"(?:the )?box (?:one|thing)|"
                r"(?:compu|computadora|maquina|computer) (?:grande|de mesa)|"
                r"(?:caja|box|gabinete) (?:\S+ ){0,2}(?:abajo|debajo|bajo|under|below|beneath) (?:del|de la|the|my) (?:escritorio|mesa|desk|table)|"
                r"big box"
            ),
            2.6,
        ),
    ),
    'notebook': (
        (
            r"dell xps|surface (?:pro|laptop)|xps|zenbook|matebook",
            2.6,
        ),
        (
            r"surface|microsoft surface",
            1.9,
        ),
        (
            r"(?:la|el|the one) (?:que|q|that) (?:se cierra|se pliega|closes|folds)",
            2.2,
        ),
        (
            (
                r"portatil|"
                r"positivo|"
                r"(?<! a )(?<!^a )(?<! the )(?<!^the )(?<! ransom )(?<! this )note(?! (?:asking|saying|that|from|on|with))|"
                r"laptop|"
                r"notebook|"
                r"notebooks|"
                r"notbuk|"
                r"laptops|"
                r"netbook|"
                r"ultrabook|"
                r"macbook|"
                r"chromebook|"
                r"thinkpad|"
                r"ideapad|"
                r"vivobook|"
                r"zenbook|"
                r"aspire|"
                r"pavilion|"
                r"inspiron|"
                r"vostro|"
                r"latitude|"
                r"probook|"
                r"elitebook|"
                r"exo|"
                r"bangho|"
                r"bgh"
            ),
            2.0,
        ),
        (
            r"(?:compu|computadora|computer|maquina) (?:portatil|portable)",
            3.0,
        ),
        (
            (
                r"(?:llevo|uso|tengo) (?:\S+ ){0,4}(?:en la mochila|en la facu)|"
                r"la de la facu|"
                r"in my backpack"
            ),
            2.2,
        ),
    ),
    'monitor': (
        (
            (
                r"(?:screen|display) (?:\S+ ){0,3}plugged into|"
                r"pantalla (?:\S+ ){0,4}(?:enchufada|conectada) (?:a|al|en) (?:la|el)"
            ),
            3.0,
        ),
        (
            (
                r"pantalla externa|"
                r"segundo monitor|"
                r"segunda pantalla|"
                r"external (?:monitor|display|screen)|"
                r"second (?:monitor|screen)|"
                r"monitor|"
                r"monitores|"
                r"display externo"
            ),
            2.0,
        ),
    ),
    'printer': (
        (
            (
                r"impresora|"
                r"printer|"
                r"brother|"
                r"impresoras|"
                r"impre|"
                r"printers|"
                r"multifuncion|"
                r"multifuncional|"
                r"epson|"
                r"canon|"
                r"xerox|"
                r"kyocera|"
                r"ricoh|"
                r"lexmark|"
                r"laserjet|"
                r"deskjet|"
                r"officejet|"
                r"ecotank|"
                r"escaner|"
                r"scanner|"
                r"plotter"
            ),
            2.0,
        ),
        (
            (
                r"hp (?:laserjet|deskjet|officejet|ink tank|smart tank)|"
                r"brother dcp|"
                r"multifuncion \S+|"
                r"dcp \S+"
            ),
            3.0,
        ),
    ),
    'router': (
        (
            (
                r"nada de internet|"
                r"(?:internet|wifi)(?: \S+){0,4} (?:at home|en (?:la|mi) casa|de la casa)|"
                r"no internet at home|"
                r"internet (?:is |anda )?(?:slow|lento|lenta)"
            ),
            2.0,
        ),
        (
            (
                r"fibra optica|"
                r"movistar|"
                r"access point|"
                r"mesh|"
                r"router|"
                r"routers|"
                r"ruter|"
                r"rauter|"
                r"modem|"
                r"modems|"
                r"ont|"
                r"repetidor|"
                r"extensor|"
                r"decodificador|"
                r"telecentro|"
                r"fibertel|"
                r"tp ?link|"
                r"mercusys|"
                r"huawei hg\S*"
            ),
            2.0,
        ),
        (
            r"wifi|red|red wifi|wlan",
            0.5,
        ),
        (
            (
                r"(?:internet|wifi) (?:\S+ ){0,3}en casa|"
                r"(?:el |the |my )?internet (?:\S+ ){0,2}(?:keeps|se corta|se cae|se me corta|se me cae|anda cortandose|dropping|drops|cuts|is down|went down|se fue|anda para atras)"
            ),
            2.0,
        ),
    ),
    'smartphone': (
        (
            (
                r"(?:hackearon|robaron|hackeo|jaquearon) (?:el |mi |la )?(?:cuenta (?:de|del) )?(?:whatsapp|wasap|wsp|wpp)|"
                r"celular|"
                r"celulares|"
                r"celu|"
                r"tubo|"
                r"telefono|"
                r"movil|"
                r"poco|"
                r"cellular|"
                r"phone|"
                r"nokia|"
                r"pixel|"
                r"mobile|"
                r"selular|"
                r"selu|"
                r"celualr|"
                r"cel|"
                r"smartphone|"
                r"cellphone|"
                r"iphone|"
                r"android|"
                r"galaxy|"
                r"motorola|"
                r"moto [a-z]\d*|"
                r"xiaomi|"
                r"redmi|"
                r"huawei|"
                r"oppo|"
                r"realme|"
                r"fone|"
                r"samsung a\d+|"
                r"samsung s\d+|"
                r"galaxy [as]\d+"
            ),
            2.0,
        ),
        (
            (
                r"no me escuchan|"
                r"(?:on|en|durante) (?:las |the |my |mis )?(?:calls|llamadas)|"
                r"(?:people|they) cant hear me|"
                r"(?:hacer|recibir|make|receive) (?:\S+ )?(?:llamadas|calls)"
            ),
            1.2,
        ),
    ),
    'tablet': (
        (
            (
                r"tablet|"
                r"tablets|"
                r"fire (?:hd|tablet)|"
                r"tableta|"
                r"ipad|"
                r"ipads|"
                r"tab [as]\d*|"
                r"galaxy tab|"
                r"(?:samsung|lenovo|huawei|xiaomi|amazon) tab"
            ),
            2.5,
        ),
    ),
    'tv': (
        (
            (
                r"fire tv|"
                r"fire stick|"
                r"android tv|"
                r"tv box|"
                r"tvbox|"
                r"android tv box|"
                r"firestick|"
                r"chromecast|"
                r"roku|"
                r"apple tv|"
                r"google tv"
            ),
            2.6,
        ),
        (
            (
                r"\d+ pulgadas|"
                r"tele|"
                r"televisor|"
                r"\d+ inch|"
                r"smart tv|"
                r"smart|"
                r"fire ?tv|"
                r"fire stick|"
                r"tv|"
                r"television|"
                r"televisores|"
                r"smarttv|"
                r"chromecast|"
                r"firestick|"
                r"roku|"
                r"tv ?box|"
                r"android tv|"
                r"google tv|"
                r"apple tv|"
                r"tvbox|"
                r"tdt"
            ),
            2.0,
        ),
    ),
    'keyboard': (
        (
            r"teclado|keyboard|keys|teclados|keyboards|teclas",
            2.0,
        ),
    ),
    'mouse': (
        (
            r"raton|mouse|mouses|mause|mous",
            2.0,
        ),
    ),
    'storage': (
        (
            (
                r"disco (?:externo|rigido externo|solido externo)|"
                r"tarjeta (?:sd|micro sd|microsd|de memoria)|"
                r"memoria usb|"
                r"pen drive|"
                r"usb stick|"
                r"flash drive|"
                r"thumb drive|"
                r"memory stick|"
                r"external (?:hard )?drive|"
                r"external disk|"
                r"sd card|"
                r"pendrive|"
                r"pendraiv|"
                r"microsd|"
                r"micro sd"
            ),
            2.5,
        ),
        (
            r"memoria|hard drive|hard disk|disco|disco rigido|hdd|ssd|usb",
            0.7,
        ),
    ),
    'other': (
        (
            (
                r"camara|"
                r"auriculares|"
                r"microfono|"
                r"camera|"
                r"speakers?|"
                r"headphones|"
                r"microphone|"
                r"drone|"
                r"webcam|"
                r"parlantes?|"
                r"headset"
            ),
            0.9,
        ),
        (
            (
                r"lector de (?:libros|ebooks)|"
                r"robot (?:aspiradora|de limpieza)|"
                r"camaras? (?:de seguridad|ip|wifi)|"
                r"consola|"
                r"una ups|"
                r"el ups|"
                r"la play|"
                r"timbre|"
                r"kindle|"
                r"e ?reader|"
                r"robot vacuum|"
                r"security cam\w*|"
                r"console|"
                r"playstation|"
                r"nintendo switch|"
                r"smart watch|"
                r"ring doorbell|"
                r"bluetooth speaker|"
                r"smart speaker|"
                r"proyector|"
                r"proyectores|"
                r"projector|"
                r"kindles|"
                r"aspiradora robot|"
                r"roomba|"
                r"camarit[ao]s?|"
                r"dvr|"
                r"nvr|"
                r"consolas|"
                r"play ?[345]|"
                r"ps[345]|"
                r"xbox|"
                r"joystick|"
                r"joysticks|"
                r"gamepad|"
                r"gamepads|"
                r"joystic|"
                r"nintendo|"
                r"smartwatch|"
                r"reloj (?:inteligente|smart)|"
                r"galaxy watch|"
                r"apple watch|"
                r"mi band|"
                r"estabilizador|"
                r"alexa|"
                r"echo dot|"
                r"google home|"
                r"doorbell|"
                r"parlante (?:bluetooth|inteligente)|"
                r"airpods|"
                r"earbuds|"
                r"auriculares (?:bluetooth|inalambricos)|"
                r"galaxy buds"
            ),
            3.0,
        ),
    ),
}

AMBIGUOUS_DEVICE_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        (
            r"compu|"
            r"computadora|"
            r"computadoras|"
            r"ordenador|"
            r"maquina|"
            r"equipo|"
            r"pc portatil o de escritorio|"
            r"computer|"
            r"dell|"
            r"compus|"
            r"computador|"
            r"maquinita|"
            r"mac|"
            r"lenovo|"
            r"asus|"
            r"acer|"
            r"toshiba|"
            r"sony|"
            r"vaio|"
            r"msi"
        ),
        (
            r"pc",
            r"notebook",
        ),
    ),
    (
        r"hp",
        (
            r"notebook",
            r"pc",
            r"printer",
        ),
    ),
    (
        r"pantalla|pantallas|screen|display",
        (
            r"monitor",
            r"notebook",
            r"pc",
            r"smartphone",
            r"tv",
        ),
    ),
    (
        r"samsung|lg|philips",
        (
            r"smartphone",
            r"tv",
            r"monitor",
            r"tablet",
        ),
    ),
)

PERIPHERALS: tuple[str, ...] = (
    r"printer",
    r"monitor",
    r"keyboard",
    r"mouse",
    r"storage",
)

PART_OF: str = r"(?:teclado|touchpad|pantalla|cargador|bateria|disco|parlantes?|camara|puertos?|ventilador|bisagras?|microfono|keyboard|trackpad|screen|charger|battery|fan|speakers?|camera|ports?|hinges?|mic|microphone) (?:de|del|of) (?:la |el |mi |my |the |this )?(?P<host>notebook|note|laptop|netbook|ultrabook|macbook|celu|celular|telefono|phone|iphone|tablet|ipad|tele|tv)"

PART_OF_EN: str = r"(?P<host>laptop|notebook|macbook|thinkpad|ideapad|chromebook|phone|iphone|tablet|ipad|tv) (?:keyboard|trackpad|touchpad|screen|display|webcam|charger|battery|fan|speakers?|camera|ports?|hinges?|mic|microphone)"

PART_HOSTS: dict[str, str] = {
    'notebook': r"notebook",
    'note': r"notebook",
    'laptop': r"notebook",
    'netbook': r"notebook",
    'ultrabook': r"notebook",
    'macbook': r"notebook",
    'thinkpad': r"notebook",
    'ideapad': r"notebook",
    'chromebook': r"notebook",
    'celu': r"smartphone",
    'celular': r"smartphone",
    'telefono': r"smartphone",
    'phone': r"smartphone",
    'iphone': r"smartphone",
    'tablet': r"tablet",
    'ipad': r"tablet",
    'tele': r"tv",
    'tv': r"tv",
}

DEVICE_PROBLEMS: dict[str, frozenset[str]] = {
    'pc': frozenset("""
blue_screen freezes no_boot no_display no_power overheating slow
""".split()),
    'notebook': frozenset("""
battery blue_screen freezes no_boot no_power overheating slow
""".split()),
    'monitor': frozenset("""
no_display no_power physical_damage
""".split()),
    'printer': frozenset("""
no_internet no_power not_detected printing software
""".split()),
    'router': frozenset("""
no_internet no_power
""".split()),
    'smartphone': frozenset("""
account battery no_power physical_damage slow
""".split()),
    'tablet': frozenset("""
battery no_power physical_damage slow
""".split()),
    'tv': frozenset("""
no_display no_internet no_power no_sound
""".split()),
    'keyboard': frozenset("""
not_detected physical_damage
""".split()),
    'mouse': frozenset("""
not_detected physical_damage
""".split()),
    'storage': frozenset("""
data_recovery not_detected
""".split()),
}

DEVICE_DEFAULT_PROBLEM: dict[str, str] = {
    'keyboard': r"not_detected",
    'mouse': r"not_detected",
    'storage': r"not_detected",
    'printer': r"printing",
    'router': r"no_internet",
    'monitor': r"no_display",
}

PROBLEM_PATTERNS: dict[str, tuple[tuple[str, float], ...]] = {
    'no_power': (
        (
            (
                r"ninguna luz|"
                r"(?:no (?:prende|enciende) )?ninguna (?:luz|lucecita)|"
                r"(?:lights?|luces|luz) (?:are |is )?(?:all )?(?:off|apagad[oa]s?)|"
                r"no (?:lights?|luces)"
            ),
            2.4,
        ),
        (
            r"(?:no (?:me )?(?:prende|enciende)|wont turn on|doesnt turn on) (?:\S+ ){0,4}(?:luz|led|lucecita|light) (?:roja|naranja|red|orange)",
            3.0,
        ),
        (
            (
                r"(?:wont|doesnt) (?:come back|turn back) on|"
                r"no (?:vuelve|volvio) a (?:prender|encender|arrancar)"
            ),
            2.9,
        ),
        (
            (
                r"(?:no tiene|sin) (?:ninguna )?(?:luz|luces)(?: \S+)?|"
                r"ninguna luz|"
                r"ni una luz|"
                r"no lights?(?: at all| on)?"
            ),
            2.8,
        ),
        (
            (
                r"ni (?:el )?ventilador (?:gira|arranca|se mueve)|"
                r"no (?:prende|enciende) mas|"
                r"no (?:prende|enciende)(?: \S+){0,3} aunque|"
                r"(?:no|nunca) (?:prende|enciende)(?: \S+)* boton|"
                r"(?:wont|doesnt) turn (?:back )?on"
            ),
            2.5,
        ),
        (
            r"{NEG} {CL}(?:prende|prenda|enciende|encender|turn on|turns on|power on|powers on|switch on|switches on|turn it on|turning on|powering on|prenden|prendio|prender|encienden|encendio|encienda)",
            1.6,
        ),
        (
            (
                r"no da (?:ni )?senales? de vida|"
                r"no hace nada|"
                r"ni (?:una )?(?:luz|lucecita|lucesita)|"
                r"no (?:tiene|le llega|hay) (?:corriente|energia)|"
                r"no power|"
                r"esta muert[oa]|"
                r"se murio|"
                r"murio|"
                r"quedo muert[oa]|"
                r"wont power|"
                r"completely dead|"
                r"is dead|"
                r"its dead|"
                r"died|"
                r"dead"
            ),
            1.3,
        ),
        (
            r"(?:apreto|aprieto|toco) {G}boton {G}(?:y )?(?:no pasa nada|nada)|nothing happens",
            1.8,
        ),
        (
            r"{NEG} {CL}(?:arranca|arrancan|arranco|arrancar|start|starts)",
            1.1,
        ),
        (
            r"no (?:lo|la) puedo (?:prender|encender)|(?:cant|cannot) (?:turn|power) (?:it )?on",
            1.8,
        ),
    ),
    'no_boot': (
        (
            r"no pasa (?:del|de la) (?:logo|marca|pantalla de inicio)",
            2.9,
        ),
        (
            (
                r"circulito de carga|"
                r"loading circle|"
                r"(?:stuck|clavad[oa]|se queda|queda) (?:on|at|en) (?:the |el |la |los )?(?:windows )?(?:loading|spinning|puntitos|circulo|circulito|rueda)(?: (?:circle|dots|wheel|screen))?"
            ),
            2.9,
        ),
        (
            (
                r"(?:restarts|reboots|restarting|rebooting) over and over|"
                r"(?:gets|goes|llega|pasa) (?:to|hasta|del?) (?:the )?(?:logo|marca|windows logo|apple logo|manzana)(?: \S+){0,4} (?:restarts|reboots|se reinicia|se apaga|shuts off|turns off|vuelve a empezar)"
            ),
            3.0,
        ),
        (
            (
                r"windows no (?:se )?(?:pudo|puede) (?:iniciar|arrancar|cargar)|"
                r"(?:windows|it) (?:could not|couldnt|failed to) (?:start|load|boot)(?: correctly| properly)?"
            ),
            2.8,
        ),
        (
            (
                r"no bootea|"
                r"(?:se )?reinicia (?:sol[oa] )?antes de (?:que )?(?:cargue|entre|arranque|inicie)|"
                r"(?:queda )?en (?:un )?bucle|"
                r"wont boot|"
                r"(?:restarts|restarting|reboots|rebooting) before (?:windows|it) (?:loads|starts)|"
                r"(?:restarts|reboots|restarting|rebooting) again and again"
            ),
            2.7,
        ),
        (
            r"carpeta con (?:un )?signo de pregunta|folder with a question mark|boot animation",
            2.9,
        ),
        (
            (
                r"pantalla negra con (?:letras|texto|un cursor)|"
                r"black screen with (?:white )?(?:text|letters|a cursor)"
            ),
            2.8,
        ),
        (
            (
                r"boot ?loop\w*|"
                r"loop|"
                r"never (?:reaches|gets to) (?:the )?(?:login|desktop|windows)|"
                r"(?:reinicia|reinician|reboot\w*|restart\w*) (?:\S+ ){0,3}(?:en el |on the |at the )?(?:logo|boot)|"
                r"loops|"
                r"looping"
            ),
            2.9,
        ),
        (
            (
                r"(?:logo|marca) (?:\S+ ){0,4}(?:y no (?:sigue|pasa|avanza)|no (?:sigue|pasa))|"
                r"(?:stuck|clavad[oa]|trabad[oa]|tildad[oa]|colgad[oa]|queda|se queda|frozen|hangs) (?:\S+ ){0,5}(?:logo|marca|manzanita|apple logo|inicio|boot|splash)"
            ),
            2.7,
        ),
        (
            r"{NEG} {CL}(?:(?:arranca|arranco|arrancar|inicia|iniciar|inicio|levanta|levantar|arrancan|bootea|bootear|booteo)|carga|cargar|entra|entrar|abre|boot|boots|load|loads|start|starts) {ART}(?:el sistema|sistema operativo|windows|win|ubuntu|linux|macos|os)",
            2.3,
        ),
        (
            r"(?:el sistema|sistema operativo|windows|win|ubuntu|linux|macos|os) {G}{NEG} {CL}(?:(?:arranca|arranco|arrancar|inicia|iniciar|inicio|levanta|levantar|arrancan|bootea|bootear|booteo)|carga|boot|boots|load|loads|start|starts)",
            2.3,
        ),
        (
            r"(?:se queda|queda|quedo|se clava|se traba|se tilda|se cuelga|stuck|freezes|hangs) (?:en|on|at)? ?(?:el |la |the )?(?:logo|inicio|arranque|pantalla de (?:inicio|carga)|bios|circulito|ruedita|cargando|preparando|reparando|loading|boot|startup|spinning|windows logo)",
            2.4,
        ),
        (
            r"(?:prende|prenda|enciende|encender|turn on|turns on|power on|powers on|switch on|switches on|turn it on|turning on|powering on|prenden|prendio|prender|encienden|encendio|encienda) (?:\S+ )?(?:pero|but) {G}(?:no|doesnt|wont|does not) (?:(?:arranca|arranco|arrancar|inicia|iniciar|inicio|levanta|levantar|arrancan|bootea|bootear|booteo)|carga|entra|boot|load|start)",
            2.5,
        ),
        (
            (
                r"reparacion automatica|"
                r"preparando reparacion|"
                r"dispositivo de arranque|"
                r"pantalla negra con (?:el )?cursor|"
                r"automatic repair|"
                r"boot ?loop|"
                r"boot loop|"
                r"boot device|"
                r"operating system not found|"
                r"wont boot|"
                r"fails to boot|"
                r"bootloop|"
                r"bootable|"
                r"bootmgr|"
                r"no boot|"
                r"cursor titilando"
            ),
            2.5,
        ),
        (
            r"(?:se )?reinicia\w* (?:en loop|una y otra vez|antes de (?:arrancar|cargar|iniciar)|sin parar y no)",
            2.3,
        ),
    ),
    'no_display': (
        (
            (
                r"(?:pantalla|display) (?:\S+ ){0,3}(?:se puso|quedo|se quedo) (?:toda )?(?:negra|en negro)|"
                r"(?:screen|display) (?:\S+ ){0,3}(?:went|goes|turned) (?:all )?black"
            ),
            2.7,
        ),
        (
            (
                r"no (?:da|tira|tiene|hay|sale) (?:\S+ )?(?:senal|video|imagen)|"
                r"(?:no sale|no se ve|no muestra) nada (?:x|por|en) (?:el |la )?(?:hdmi|pantalla|monitor|tele|tv)|"
                r"(?:en|on) (?:la|el|mi|my|the) (?:torre|pc|compu|desktop) no (?:sale|se ve|aparece) nada"
            ),
            2.7,
        ),
        (
            (
                r"(?:queda|se pone|esta|se ve) (?:\S+ )?(?:en )?negr[oa] (?:\S+ ){0,3}(?:pero|y) (?:se escucha|hay|tiene|anda) (?:el )?(?:audio|sonido)|"
                r"(?:has|hear|hay) (?:the )?(?:sound|audio|sonido) but (?:no|the screen|nothing)"
            ),
            3.0,
        ),
        (
            (
                r"tiene sonido (?:pero|y) no (?:tiene )?imagen|"
                r"(?:picture|image|imagen) (?:is )?(?:gone|se fue)|"
                r"has sound but (?:no|the) (?:picture|image)"
            ),
            2.8,
        ),
        (
            (
                r"no (?:aparece|sale|se ve|muestra) nada en (?:el monitor|la pantalla|la tele|el monitor ni)|"
                r"nothing (?:shows|appears|comes) (?:up )?on (?:the |my )?(?:screen|monitor|display)"
            ),
            2.9,
        ),
        (
            (
                r"sin senal|"
                r"(?:dice|muestra|says|shows) (?:\S+ )?(?:sin senal|no signal|no hay senal)|"
                r"no signal"
            ),
            2.8,
        ),
        (
            (
                r"no proyecta|"
                r"(?:la )?imagen no (?:aparece|sale)|"
                r"no (?:aparece|sale) (?:la )?imagen|"
                r"(?:shows|showing|displays) (?:nothing|no (?:image|picture|signal))|"
                r"monitor (?:\S+ ){0,3}(?:works|anda|funciona) (?:\S+ ){0,5}(?:but not|pero no|con esta no|not with|not on)"
            ),
            2.5,
        ),
        (
            (
                r"se pone (?:en )?negr[oa]|"
                r"se va la imagen|"
                r"goes black|"
                r"picture (?:\S+ ){0,4}(?:then|and) (?:goes|turns) black"
            ),
            2.6,
        ),
        (
            (
                r"no muestra (?:nada|imagen|video)|"
                r"lineas (?:de colores|en la pantalla)|"
                r"lines (?:all )?(?:over|on|across)|"
                r"rayas|"
                r"(?:pantalla|screen) (?:\S+ ){0,3}(?:negra|black|en negro)"
            ),
            2.3,
        ),
        (
            (
                r"no (?:me )?(?:da|tiene|muestra|hay|sale|aparece|tira) (?:ninguna )?(?:imagen|video|nada en (?:la )?pantalla)|"
                r"sin (?:imagen|video)|"
                r"no (?:display|image|picture|video)"
            ),
            2.3,
        ),
        (
            r"sin senal|no (?:hay|tiene|detecta|agarra) senal|no signal",
            1.8,
        ),
        (
            (
                r"pantalla (?:\S+ ){0,2}(?:negr[oa]|oscur[oa])|"
                r"pantalla oscura|"
                r"se ve (?:todo )?negro|"
                r"black screen|"
                r"blank screen|"
                r"screen (?:is|stays|goes|went|turns|turned|stays) (?:black|blank|dark)"
            ),
            2.1,
        ),
        (
            r"{NEG} {CL}(?:prende|enciende|ve|muestra|anda|funciona|turn on|turns on|show|shows|work|works) {ART}(?:pantalla|imagen|screen|display|monitor)",
            2.3,
        ),
        (
            r"(?:pantalla|imagen|screen|display) {G}{NEG} {CL}(?:prende|enciende|muestra|se ve|turn on|turns on|show|shows)",
            2.3,
        ),
        (
            r"no se ve (?:nada|la imagen)|no veo nada|nothing on (?:the )?screen|cant see anything",
            1.9,
        ),
        (
            r"(?:wont|doesnt|does not|will not|cant|isnt) (?:display|show|showing|displaying) (?:anything|nothing|an image|a picture|any image|any picture|video)",
            2.5,
        ),
        (
            r"(?:ventiladores?|fans?|coolers?|luces|lights) {G}(?:giran|gira|spin|spinning|prenden|on|andan) {G}(?:pero|but) {G}(?:no (?:hay|da|tiene|sale) (?:imagen|video|senal)|no (?:image|picture|display|signal))",
            3.0,
        ),
        (
            (
                r"lines on (?:the )?screen|"
                r"(?:pantalla|imagen|screen|display|monitor) {G}(?:parpadea|titila|tiembla|flicker\w*|rayas|lineas|franjas|se ve mal|manchas)|"
                r"(?:parpadea|titila|tiembla|rayas|lineas|franjas) {G}(?:pantalla|imagen|screen)|"
                r"flicker\w*"
            ),
            2.0,
        ),
        (
            r"parpadea|titila|flickers",
            0.8,
        ),
    ),
    'slow': (
        (
            (
                r"tortuga|"
                r"slow|"
                r"slowly|"
                r"slower|"
                r"lent[oa]s?|"
                r"lentisim[oa]s?|"
                r"lentitud|"
                r"lentisimo|"
                r"ralentiz\w*|"
                r"sluggish|"
                r"laggy|"
                r"lagging|"
                r"lags|"
                r"lag"
            ),
            1.6,
        ),
        (
            (
                r"(?:tarda|tarde|tardan|demora|demore) (?:\S+ ){0,2}(?:minutos|horas|siglos|una eternidad) en (?:prender|arrancar|iniciar|cargar|encender|abrir|bootear)|"
                r"takes (?:\S+ ){0,2}(?:minutes|ages|forever) to (?:boot|start|load|turn on)"
            ),
            2.4,
        ),
        (
            (
                r"tarda (?:mucho|una eternidad|anos|banda|siglos|demasiado|una banda|horas|un monton)|"
                r"(?:tarda|demora) {G}en (?:prender|arrancar|iniciar|abrir|cargar|encender|responder)|"
                r"demora mucho|"
                r"se pone pesad[oa]|"
                r"anda pesad[oa]|"
                r"muy pesad[oa]|"
                r"takes (?:forever|ages|a long time|so long|minutes)"
            ),
            1.9,
        ),
        (
            r"(?:take|takes|taking) (?:forever|ages|so long|too long|a long time) to (?:start|boot|load|open|turn on)",
            2.4,
        ),
    ),
    'freezes': (
        (
            r"(?:screen|pantalla) (?:is |esta |se quedo |queda )?(?:frozen|congelad[oa]|trabad[oa]|tildad[oa]|colgad[oa])",
            2.6,
        ),
        (
            (
                r"se apaga (?:sol[oa] )?(?:en medio|mientras|jugando)|"
                r"(?:keeps |se )?(?:switching|turning|shutting) (?:itself )?(?:off|down)(?: \S+){0,3} (?:in the middle|while|during|mid)"
            ),
            2.5,
        ),
        (
            r"(?:se )?(?:me )?(?:queda|quedo) (?:congelad[oa]|pegad[oa])|congelad[oa] (?:y|la)",
            2.5,
        ),
        (
            r"se (?:me |le )?(?:tilda|tildo|tildan|tildaba|tildea|cuelga|colgo|cuelgan|colgaba|congela|congelo|congelan|traba|trabo|traban|trababa|clava|clavo|clavan|frena|freno)",
            2.0,
        ),
        (
            (
                r"no responde nada|"
                r"pantalla congelada|"
                r"frozen|"
                r"hangs|"
                r"hanging|"
                r"not responding|"
                r"tildad[oa]s?|"
                r"colgad[oa]s?|"
                r"congelad[oa]s?|"
                r"trabad[oa]s?|"
                r"tildes|"
                r"cuelgues|"
                r"freez\w*|"
                r"crash\w*|"
                r"unresponsive"
            ),
            1.8,
        ),
        (
            r"se (?:me |le )?(?:reinicia|reinicio|reinician|apaga|apago|apagan|apagaba|reiniciaba) (?:\S+ )?(?:sol[oa]s?|de la nada|de golpe|cada (?:rato|tanto|\d+)|todo el tiempo|a cada rato|sin motivo|sin razon|aleatoriamente|de repente|random|cuando quiere|mientras)",
            2.2,
        ),
        (
            r"se (?:me |le )?(?:reinicia|reinicio|reinician|apaga|apago|apagan|apagaba|reiniciaba)",
            1.4,
        ),
        (
            (
                r"(?:restarts?|reboots?|shuts? (?:down|off)|turns? off|powers? off) (?:\S+ )?(?:itself|by itself|randomly|on its own|suddenly|out of nowhere|every)|"
                r"keeps (?:restarting|rebooting|shutting down|turning off|freezing|crashing|hanging)"
            ),
            2.2,
        ),
        (
            r"stuck|turns off|restarts|reboots|shuts down",
            1.0,
        ),
        (
            (
                r"se (?:me |le )?apaga sol[oa]|"
                r"(?:randomly |suddenly )?(?:shuts|turns|switches) (?:off|down) (?:randomly|without warning|on its own|by itself|out of nowhere)|"
                r"randomly (?:shuts|turns|restarts|reboots)"
            ),
            2.4,
        ),
    ),
    'blue_screen': (
        (
            (
                r"codigo de detencion|"
                r"carita triste|"
                r"pantalla de la muerte|"
                r"se pone (?:la pantalla )?azul|"
                r"todo azul|"
                r"blue screen|"
                r"stop code|"
                r"critical process died|"
                r"memory management|"
                r"0x0{4,}[0-9a-f]{2,4}|"
                r"0xc0000(?:21a|225|001|098|0e9|142|185|221)|"
                r"inaccessible boot device|"
                r"page fault in nonpaged area|"
                r"system service exception|"
                r"kmode exception|"
                r"pantall(?:a|azo|azos)s? azul(?:es)?|"
                r"pantallazos?|"
                r"bsod|"
                r"bluescreen|"
                r"irql|"
                r"kernel|"
                r"whea|"
                r"video tdr|"
                r"dpc watchdog"
            ),
            3.0,
        ),
    ),
    'no_internet': (
        (
            r"(?:wifi|wi fi) (?:\S+ )?(?:wont|doesnt|does not|no) (?:\S+ )?(?:turn on|switch on|prende|enciende|se activa|activa)",
            3.0,
        ),
        (
            (
                r"(?:pierde|pierden|perdio|perdieron) (?:el |la )?(?:wifi|internet|senal|conexion)|"
                r"(?:lose|loses|losing|lost|drop|drops|dropping) (?:the )?(?:wifi|wi fi|internet|connection|signal)"
            ),
            2.4,
        ),
        (
            (
                r"contrasena incorrecta (?:\S+ ){0,2}(?:wifi|red)|"
                r"(?:wifi|red) (?:\S+ ){0,3}contrasena incorrecta|"
                r"(?:wifi|red|network) (?:\S+ ){0,4}(?:wrong|incorrect) password|"
                r"(?:wrong|incorrect) password (?:\S+ ){0,5}(?:wifi|network)|"
                r"cant join (?:the |my )?(?:\S+ )?(?:wifi|network)"
            ),
            2.8,
        ),
        (
            (
                r"(?:cant|can not|cannot|wont|dont|doesnt|unable to) (?:get|connect|go|stay) (?:on|to|onto) (?:the )?(?:wifi|internet|network)|"
                r"none of (?:our|my|the) (?:devices|things) (?:\S+ ){0,2}(?:connect|get on|work on)"
            ),
            2.6,
        ),
        (
            (
                r"(?:tv|tele|smart|televisor) (?:\S+ ){0,3}(?:dice|says|shows|muestra) (?:sin conexion|no connection|no internet|error de (?:red|conexion))|"
                r"(?:ethernet|cable de red) (?:\S+ ){0,2}(?:not working|no anda|no funciona|doesnt work)"
            ),
            3.0,
        ),
        (
            (
                r"(?:wont|doesnt|cant|can not|cannot) (?:join|connect to) (?:it|the wifi|the network|this network|my wifi)|"
                r"cant connect to (?:this|the) network"
            ),
            2.4,
        ),
        (
            (
                r"ni (?:el|la|mi) \S+ ni (?:el|la|mi) \S+ (?:tienen|agarran|se conectan|conectan|tiene)|"
                r"ningun\w* (?:\S+ ){0,2}(?:tiene|agarra|se conecta|conecta) (?:internet|wifi|red)|"
                r"none of (?:my|the) devices"
            ),
            2.4,
        ),
        (
            (
                r"(?:lucecita|luz|led) (?:\S+ )?los|"
                r"los (?:en rojo|titila|titilando|prendida|roja)|"
                r"titila (?:\S+ )?(?:luz|lucecita) los|"
                r"red los|"
                r"went offline"
            ),
            2.9,
        ),
        (
            (
                r"se (?:desconecta|cae) (?:\S+ )?(?:de la red|del wifi|todo el tiempo)|"
                r"(?:keeps )?(?:going|goes) offline"
            ),
            2.6,
        ),
        (
            (
                r"luz (?:de )?(?:internet|wan|www)|"
                r"internet light|"
                r"(?:los(?:es|ing)?|pierde|perdiendo) (?:\S+ )?(?:connection|conexion|wifi|signal|senal)|"
                r"(?:wifi|internet) (?:\S+ ){0,4}(?:pero|but) (?:no|not)|"
                r"no (?:se )?conecta(?: \S+){0,2} (?:al |a la )?(?:wifi|internet|red)"
            ),
            2.4,
        ),
        (
            (
                r"(?:se (?:me |le )?corta|se cae|se desconecta|corta) (?:\S+ )?(?:el |la )?(?:wifi|internet|red|conexion|senal)|"
                r"(?:wifi|internet|red|conexion|senal) (?:\S+ )?se (?:me |le )?(?:corta|cae|desconecta|va)|"
                r"no tira (?:\S+ )?(?:wifi|internet|senal)|"
                r"no network|"
                r"keeps buffering|"
                r"(?:keeps|says) (?:saying )?no network|"
                r"buffering"
            ),
            2.4,
        ),
        (
            r"{NEG} {CL}(?:tengo|hay|ai|tiene|tenemos|anda|funciona|funca|agarra|agarro|agarran|engancha|conecta|conecto|conectan|reconoce|encuentra|detecta|carga|llega|entra|have|has|get|gets|find|finds|detect|detects|connect|connects) {ART}(?:a |al |to )?(?:internet|wifi|red|conexion|senal de wifi|senal de internet|senal|datos|network|connection|redes|signal)",
            2.3,
        ),
        (
            (
                r"sin (?:internet|wifi|conexion|red|datos)|"
                r"no internet|"
                r"no wifi|"
                r"red sin acceso|"
                r"no (?:tengo|hay|ai) (?:internet|wifi|conexion|red)|"
                r"no ai internet|"
                r"offline internet|"
                r"no connection|"
                r"sin acceso(?: a internet)?"
            ),
            2.3,
        ),
        (
            r"(?:internet|wifi|conexion|red|senal|connection|network) {G}(?:se corta|se cae|se desconecta|va y viene|intermitente|anda mal|falla|lent[oa]|anda como|drops|dropping|keeps dropping|cuts out|disconnects|disconnecting|is down|slow|unstable|keeps cutting|anda (?:pesimo|horrible|fatal|malisimo|re mal|para atras)|(?:\S+ ){0,3}se corta)",
            2.4,
        ),
        (
            r"se (?:me |nos )?(?:corta|cae|desconecta|corto|cayo|desconecto|cortan|caen) (?:a cada rato )?(?:el |la )?(?:internet|wifi|conexion|red|senal)",
            2.6,
        ),
        (
            (
                r"no (?:me )?(?:puedo|pude|deja) conectar(?:me)?|"
                r"no (?:se )?(?:me )?conecta|"
                r"se desconecta|"
                r"(?:cant|cannot|can not|unable to|wont|doesnt|does not|will not) (?:connect|get online|go online|access the internet|browse)|"
                r"lost connection|"
                r"connection (?:drops|keeps dropping|lost)|"
                r"dropping|"
                r"disconnects"
            ),
            1.7,
        ),
        (
            (
                r"no navega|"
                r"luz roja|"
                r"luces rojas|"
                r"led rojo|"
                r"luz (?:de )?(?:los|pon|internet) (?:en )?rojo|"
                r"luz (?:de )?los (?:prendida|encendida|titila\w*|roja)|"
                r"titila (?:en )?rojo|"
                r"pages (?:wont|dont) load|"
                r"red lights?|"
                r"lights? (?:are |is )?(?:all )?red|"
                r"nothing connects|"
                r"{NEG} {CL}(?:cargan?|abren?|load) {ART}(?:paginas|paginas web|videos|sitios|webs|pages|websites)|"
                r"los (?:light|led) (?:is )?(?:on|red|blinking)"
            ),
            2.0,
        ),
        (
            r"internet|wifi",
            0.6,
        ),
    ),
    'battery': (
        (
            r"(?:charges|carga) (?:fine|bien|perfecto) (?:\S+ ){0,5}(?:but|pero) (?:\S+ ){0,2}(?:doesnt|does not|wont|no)(?!\S)",
            2.2,
        ),
        (
            (
                r"(?:se (?:me )?quemo|quemado|burnt|burned out|fried) (?:\S+ )?(?:el |la |the |my )?(?:cargador|charger)|"
                r"(?:cargador|charger) (?:\S+ )?(?:quemado|burnt|fried)"
            ),
            2.5,
        ),
        (
            (
                r"(?:se muere|muere) (?:antes del|al) mediodia|"
                r"dies by (?:lunch|noon|midday|the afternoon)|"
                r"(?:charges|charging|carga) (?:super |really |very |so |re |muy |mega )?(?:slow|slowly|lento|despacio|lentisimo)"
            ),
            2.7,
        ),
        (
            (
                r"se (?:me |le )?apaga (?:sola )?(?:apenas|cuando|si) (?:la |lo )?desenchufo|"
                r"(?:dies|shuts off|turns off) (?:\S+ )?(?:when|as soon as) (?:i )?unplug"
            ),
            2.9,
        ),
        (
            (
                r"(?:charges|carga) (?:\S+ ){0,5}(?:but|pero) (?:not|no)|"
                r"(?:only|solo) (?:charges|carga) (?:con|with)"
            ),
            2.2,
        ),
        (
            r"{NEG} {CL}(?:carga|cargar|cargo|cargan|esta cargando|quiere cargar|charge|charges|charging|hold a charge|holds a charge|hold charge)",
            1.6,
        ),
        (
            (
                r"{NEG} {CL}(?:carga|cargar) {ART}(?:bateria|cel|celu|celular)|"
                r"(?:bateria|battery) {G}(?:no dura|dura poco|dura nada|no carga|se descarga|se agota|se gasta|hinchada|inflada|muerta|drains?|draining|dies|dying|dead|swollen|doesnt last|wont last|doesnt charge|wont charge|not charging)"
            ),
            2.4,
        ),
        (
            (
                r"se (?:me |le )?(?:descarga|descargo|agota|agoto|gasta) (?:muy |re |super )?(?:enseguida|rapido|rapidisimo|al toque|en (?:un|una|dos|\d+)|volando|en nada)|"
                r"dura (?:muy |re )?poco la bateria|"
                r"drains? (?:fast|quickly|so fast)|"
                r"dies (?:fast|quickly)|"
                r"battery life"
            ),
            2.4,
        ),
        (
            (
                r"se (?:me |le )?descarga|"
                r"no (?:me |le )?(?:toma|agarra|reconoce) (?:el )?cargador|"
                r"enchufad[oa] y no carga|"
                r"plugged in (?:and|but) not charging|"
                r"not charging|"
                r"(?:cargador|charger) {G}(?:no anda|no funciona|no carga|doesnt work|not working)"
            ),
            2.1,
        ),
        (
            (
                r"se (?:me |le )?(?:apaga|apago|apagan|corta) {G}(?:\S+ )?(?:\d+ (?:de )?(?:bateria|carga|por ciento)|bateria|carga)|"
                r"(?:shuts? (?:down|off)|turns? off|dies) {G}(?:\d+ ?(?:percent|battery)|battery)"
            ),
            2.6,
        ),
        (
            r"bateria|cargador|battery|charger",
            1.0,
        ),
    ),
    'overheating': (
        (
            r"(?:llega|llegan|sube|suben|pasa|pasan|marca|hits|reaches|gets to|goes to|over) (?:a |de |los |to |the )?\d{2,3} ?(?:grados|degrees|c)(?!\S)",
            2.6,
        ),
        (
            r"se (?:me |le )?(?:re |muy |super )?(?:calienta|calento|calientan|recalienta|recalento|calentaba|pone (?:muy |re |super )?caliente|pone hirviendo)",
            2.3,
        ),
        (
            (
                r"(?:muy |re |demasiado |super |bastante )?(?:caliente|hirviendo)|"
                r"calentamiento|"
                r"temperatura|"
                r"calor|"
                r"quema|"
                r"smells? (?:like )?burn\w*|"
                r"burning smell|"
                r"burning up|"
                r"too hot|"
                r"heat|"
                r"(?:get|gets|getting|runs|running|is|very|really|so|super) (?:very |really |so |too |super |this |that )?hot|"
                r"(?:gets|getting|runs|running|is) (?:this|that|so|very|really|too) (?:warm|hot)|"
                r"recalentamiento|"
                r"recalentad[oa]|"
                r"quemando|"
                r"olor a quemad[oa]|"
                r"huele a quemad[oa]|"
                r"overheat\w*"
            ),
            1.9,
        ),
        (
            (
                r"parece un avion|"
                r"(?:ventilador|cooler) trabad[oa]|"
                r"fan (?:is )?stuck|"
                r"loud fan|"
                r"noisy fan|"
                r"like a jet|"
                r"ruido {G}(?:de |del )?(?:ventilador|cooler|fan)|"
                r"(?:ventilador|ventiladores|cooler|coolers|fan|fans|ventilacion) {G}(?:hace (?:mucho )?ruido|suena|gira|a full|al palo|ruidos[oa]|no para|no gira|no anda|loud|noisy|constantly|always|spinning|making|running|sopla)|"
                r"(?:ruido|noise) (?:del|de el|de los|from the|of the) (?:ventilador|cooler|fan)"
            ),
            2.3,
        ),
        (
            r"hace (?:mucho )?ruido|ruido|cooler|noise|noisy|loud|ventilador|zumbido",
            1.0,
        ),
    ),
    'no_sound': (
        (
            r"(?:speakers?|sound|audio|parlantes?) (?:\S+ )?(?:crackle|crackles|crackling|buzz|buzzes|chisporrotea\w*)",
            2.7,
        ),
        (
            (
                r"no se (?:me |le )?(?:escucha|oye)|"
                r"(?:cant|can not|cannot) hear|"
                r"no (?:audio|sound) (?:in|on|during) calls?"
            ),
            2.3,
        ),
        (
            r"{NEG} {CL}(?:escucha|escuchan|escucho|oye|oyen|oigo|suena|suenan|sono|hear|sound|sale (?:el )?(?:sonido|audio|volumen))",
            2.3,
        ),
        (
            (
                r"sin (?:sonido|audio|volumen)|"
                r"no (?:hay|tiene|tengo|sale|anda el) (?:sonido|audio|volumen)|"
                r"(?:cant|cannot|can not) hear|"
                r"no (?:sound|audio|volume)"
            ),
            2.3,
        ),
        (
            (
                r"(?:sonido|audio) (?:se corta|entrecortado|bajo|distorsionado|se escucha mal|horrible|raro|feo)|"
                r"se escucha (?:mal|bajo|entrecortado|con ruido)|"
                r"sound (?:is )?(?:distorted|crackling|low)"
            ),
            2.1,
        ),
        (
            r"sonido|volumen|microfono|speakers?|sound|mute|audio|parlantes?|silenciad[oa]",
            1.0,
        ),
    ),
    'not_detected': (
        (
            (
                r"(?:teclado|keyboard) (?:\S+ ){0,10}(?:no escribe|dejo de escribir|doesnt type|wont type|stopped typing)|"
                r"(?:no escribe|dejo de escribir|stopped typing) (?:\S+ ){0,2}(?:el|la|mi|the|my)? ?(?:teclado|keyboard)"
            ),
            2.7,
        ),
        (
            r"error (?:de|en) (?:la )?tarjeta|cartucho no reconocido|no reconoce el cartucho|card error",
            2.6,
        ),
        (
            r"(?:keyboard|trackpad|touchpad|teclado|teclas) (?:\S+ ){0,3}(?:stopped responding|not responding|no responde|no responden|dejo de responder|dejaron de responder|dont respond|doesnt respond)",
            2.5,
        ),
        (
            r"(?:controller|control|joystick|mando|auriculares|headphones|headset|parlante|speaker) (?:\S+ ){0,4}(?:wont|doesnt|no|not) (?:\S+ )?(?:connect\w*|conecta|pair\w*|empareja|responde)",
            2.8,
        ),
        (
            (
                r"no (?:se )?sincroniza|"
                r"no (?:se )?(?:empareja|vincula)|"
                r"no (?:lo |la )?(?:detecta|reconoce|lee)|"
                r"(?:isnt|is not|not|never) (?:being )?(?:detected|recognized|recognised)|"
                r"wont pair|"
                r"(?:wont|doesnt|cant|does not|will not) sync"
            ),
            2.3,
        ),
        (
            r"{NEG} {CL}(?:reconoce|reconocen|reconocio|detecta|detectan|detecto|lee|leen|leyo|toma|toman|agarra|agarran|aparece|aparecen|muestra|recognize|recognise|recognizes|recognises|detect|detects|read|reads|see|sees|show up|shows up|find|finds|pick up)",
            1.7,
        ),
        (
            (
                r"dispositivo desconocido|"
                r"no (?:lo|la) (?:ve|encuentra)|"
                r"no aparece (?:en )?(?:mi pc|el explorador|equipo|este equipo)|"
                r"not (?:recogni[sz]ed|detected|showing up|being detected|being recogni[sz]ed)|"
                r"(?:isnt|is not|wont|doesnt|does not) (?:show(?:ing)? up|appear(?:ing)?)|"
                r"(?:cursor|pointer|mouse) {G}moves? (?:by itself|on its own)|"
                r"unknown device|"
                r"unrecogni[sz]ed|"
                r"(?:cursor|puntero|flechita|mouse|raton) {G}se mueve sol[oa]"
            ),
            2.2,
        ),
        (
            r"(?:teclado|keyboard|teclas?|keys|cursor|puntero|flechita|mouse|raton|touchpad|touch pad|clic|click) {G}(?:{NEG} {CL}(?:escribe|escriben|marca|marcan|mueve|se mueve|move|moves|type|types|hace click|hace clic|click|clicks)|escribe(?:n)? (?:otra|cualquier) cosa|se traba\w*|stuck|sticky|pegad[oa]s?)",
            2.2,
        ),
        (
            r"(?:escribe|escriben|typing|types|type) (?:\S+ )?(?:otras?|cualquier|wrong|other|random) (?:letras?|cosas?|caracteres|letters|characters|keys)",
            2.4,
        ),
        (
            r"{NEG} {CL}(?:escribe|escriben|marca|marcan|se mueve|mueve|hace click|hace clic|type|types) (?:\S+ )?(?:teclas?|letras?|cursor|puntero|flechita|mouse|raton)",
            2.2,
        ),
        (
            r"puertos usb|usb port|usb ports|bluetooth|puerto usb",
            1.2,
        ),
    ),
    'printing': (
        (
            (
                r"(?:me )?traba el papel|"
                r"se (?:me )?traba (?:el )?papel|"
                r"papel (?:\S+ )?(?:trabado|arrugado)|"
                r"sale (?:todo )?arrugado|"
                r"paper (?:keeps )?(?:jamming|crumpl\w*)"
            ),
            2.8,
        ),
        (
            (
                r"(?:saca|salen|sale|imprime) (?:\S+ ){0,2}(?:hojas|paginas|copias|impresiones) (?:\S+ ){0,2}(?:rayas|manchas|manchad\w*|borros\w*)|"
                r"(?:pages|prints|sheets) (?:\S+ ){0,2}(?:streaks|smudges|lines)"
            ),
            2.9,
        ),
        (
            (
                r"no (?:me )?(?:toma|agarra|tira|saca|carga) (?:\S+ )?(?:el |la |las )?(?:papel|hoja|hojas)|"
                r"(?:dice|figura|aparece|says|shows|sale) (?:\S+ )?(?:sin conexion|desconectada|offline)"
            ),
            2.8,
        ),
        (
            (
                r"(?:toner|cartridge|ink) (?:error|low|empty)|"
                r"(?:error|falta|sin|low|out of) (?:de )?(?:toner|tinta|cartuchos?|ink|cartridges?)"
            ),
            2.7,
        ),
        (
            r"(?:shows|says|appears|aparece|figura|dice|sale) (?:as |como )?(?:offline|fuera de linea|desconectad[oa])",
            2.6,
        ),
        (
            (
                r"no me deja imprimir|"
                r"(?:cant|cannot|wont|doesnt) print|"
                r"(?:imprime|prints|printing|salen|come out) (?:\S+ ){0,3}(?:rayas|lines|blank|en blanco|manchad\w*|borros\w*|streaks|faded|lavad[oa]s)"
            ),
            2.8,
        ),
        (
            (
                r"(?:se traba|atasca|se atasca|trabado|atascado) (?:\S+ ){0,3}(?:papel|hoja|hojas)|"
                r"(?:papel|hoja|hojas) (?:\S+ ){0,2}(?:se traba|atasca|trabad[oa])|"
                r"(?:cartuchos?|tinta|toner|cartridges?|ink)(?: \S+){0,5} (?:no )?(?:los |lo )?(?:reconoce|detecta|recognize\w*|detect\w*)|"
                r"(?:no )?(?:reconoce|detecta) (?:\S+ ){0,2}(?:cartuchos?|tinta|toner)"
            ),
            2.7,
        ),
        (
            r"(?:send|sent|mando|mande|envio|envie) (?:a |un |el |the )?(?:document|documento|archivo|file|pdf|hoja)s? (?:\S+ ){0,2}(?:nothing|no pasa nada|no sale|nada|doesnt|it doesnt|no imprime)",
            2.6,
        ),
        (
            (
                r"no (?:saca|tira|larga|agarra|toma) (?:\S+ )?(?:hojas?|papel|copias?|impresiones)|"
                r"mancha\w* (?:\S+ ){0,2}hojas|"
                r"(?:wont|doesnt|does not) (?:print|feed|take paper)|"
                r"paper jam|"
                r"atasc\w*"
            ),
            2.4,
        ),
        (
            r"{NEG} {CL}(?:imprime|imprimen|imprimio|imprimir|imprima|saca copias|escanea|escanear|fotocopia|print|prints|printing|scan|scans)",
            2.5,
        ),
        (
            (
                r"(?:papel|hoja|hojas) (?:trabad[oa]s?|atascad[oa]s?|atorad[oa]s?)|"
                r"se (?:traba|atora|atasca) (?:el |la )?(?:papel|hoja)|"
                r"no (?:agarra|toma|tira|levanta) (?:el |la |las )?(?:papel|hoja|hojas)|"
                r"traga (?:el )?papel|"
                r"(?:sin|falta|no tiene|se quedo sin) (?:tinta|toner)|"
                r"paper jam|"
                r"out of (?:ink|toner)|"
                r"atasc\w*|"
                r"jammed|"
                r"jam|"
                r"jams|"
                r"jamming"
            ),
            2.5,
        ),
        (
            (
                r"imprime (?:en blanco|con rayas|manchado|borroso|cualquier cosa|raro|mal|feo|corrido|rayado|hojas en blanco|solo|todo)|"
                r"hojas en blanco|"
                r"cola de impresion|"
                r"fuera de linea|"
                r"impresion|"
                r"imprimir|"
                r"imprime|"
                r"print queue|"
                r"offline|"
                r"printer (?:is )?offline|"
                r"prints? (?:blank|streaks|faded|smudged|garbage)|"
                r"printing|"
                r"print|"
                r"imprimio"
            ),
            1.8,
        ),
        (
            r"tinta|sistema continuo|toner|cartucho|cartuchos|cabezal|ink|cartridge|cartridges",
            1.6,
        ),
        (
            (
                r"no (?:sale|saca|salen) (?:nada|ninguna hoja|la hoja|las hojas|hojas|el papel|nada impreso)(?! (?:de |del |por )?(?:el |los )?(?:sonido|audio|parlantes?|volumen|imagen|video))|"
                r"nothing (?:comes out|prints)"
            ),
            1.9,
        ),
    ),
    'malware': (
        (
            (
                r"pag\w* (?:\S+ ){0,2}para (?:recuperar|desbloquear|liberar)|"
                r"rescate|"
                r"(?:pay|paid) (?:\S+ ){0,3}to (?:get|recover|unlock|decrypt)|"
                r"bitcoin|"
                r"locked files|"
                r"\.locked|"
                r"ransom\w*|"
                r"encriptad[oa]s|"
                r"encrypted"
            ),
            3.0,
        ),
        (
            (
                r"rescate|"
                r"(?:renamed|renombrad\w*) (?:\S+ ){0,3}locked|"
                r"bitcoin|"
                r"encrypt\w*|"
                r"encriptad\w*|"
                r"ransom\w*"
            ),
            2.6,
        ),
        (
            (
                r"me (?:encriptaron|secuestraron)|"
                r"rescate|"
                r"minero|"
                r"infected|"
                r"ransom|"
                r"browser hijack\w*|"
                r"virus|"
                r"malware|"
                r"troyano|"
                r"troyanos|"
                r"spyware|"
                r"adware|"
                r"ransomware|"
                r"trojan|"
                r"infectad[oa]|"
                r"encriptad[oa]s|"
                r"secuestrad[oa]s|"
                r"keylogger|"
                r"minando|"
                r"cryptominer"
            ),
            2.6,
        ),
        (
            (
                r"publicidad(?:es)?|"
                r"anuncios?|"
                r"se abren (?:solas|paginas|ventanas)|"
                r"paginas raras|"
                r"extension(?:es)? rara|"
                r"cambio (?:el |mi )?buscador|"
                r"buscador raro|"
                r"alerta de (?:virus|seguridad)|"
                r"ads everywhere|"
                r"ads (?:keep|popping)|"
                r"suspicious|"
                r"propagandas?|"
                r"ventan(?:a|ita)s? (?:que )?(?:se abren|emergentes|raras)|"
                r"pop ?ups?|"
                r"popups?|"
                r"redirect\w*"
            ),
            2.2,
        ),
        (
            (
                r"me robaron (?:datos|informacion)|"
                r"hacked|"
                r"hacker|"
                r"hackearon|"
                r"hackeo|"
                r"hackeada?o?|"
                r"hackead[oa]|"
                r"jaquearon|"
                r"hakearon|"
                r"antivirus|"
                r"hackeando"
            ),
            1.6,
        ),
    ),
    'software': (
        (
            r"(?:whatsapp|wsp|wpp|wasap) web",
            2.2,
        ),
        (
            r"(?:netflix|youtube|spotify|disney|prime video|hbo|paramount|flow|la app|una app|the app|an app) (?:\S+ ){0,4}(?:no abre|no anda|no carga|no funciona|se cierra|se queda cargando|doesnt open|wont open|keeps crashing|crashes|wont load|doesnt load)",
            2.5,
        ),
        (
            (
                r"no (?:carga|abre|anda|funciona) (?:\S+ )?(?:las |la )?(?:apps?|aplicaciones|programas?)|"
                r"apps? (?:\S+ ){0,2}(?:no abren|se cierran|crash\w*)"
            ),
            2.6,
        ),
        (
            (
                r"(?:app|application|program) (?:keeps )?(?:crashing|closing)|"
                r"(?:la |el )?(?:app|aplicacion|programa|whatsapp|instagram|chrome|word|excel|juego) (?:\S+ ){0,3}se (?:me |le )?(?:cierra|cerro|traba|cuelga|tilda) (?:sol[oa]|de golpe)?"
            ),
            2.4,
        ),
        (
            r"(?:programa|aplicacion|app|office|word|excel|powerpoint|outlook|zoom|teams|meet|chrome|navegador|firefox|photoshop|autocad|juego|steam|spotify|whatsapp web|program|application|browser|game) {G}(?:crash\w*|se (?:me )?(?:cierra|cerro|cuelga|colgo|tilda|tildo)|no (?:abre|arranca|inicia)|(?:wont|doesnt|does not|will not) (?:open|start|launch)|keeps (?:closing|crashing|freezing)|closes|freezes)",
            2.6,
        ),
        (
            (
                r"actualizar|"
                r"setup|"
                r"instal\w*|"
                r"desinstal\w*|"
                r"reinstal\w*|"
                r"uninstall\w*|"
                r"install\w*|"
                r"actualizacion\w*|"
                r"update\w*|"
                r"upgrade\w*|"
                r"configur\w*|"
                r"set up"
            ),
            1.6,
        ),
        (
            (
                r"programa|"
                r"programas|"
                r"aplicacion(?:es)?|"
                r"controlador(?:es)?|"
                r"navegador|"
                r"juegos?|"
                r"licencia|"
                r"activar windows|"
                r"word|"
                r"excel|"
                r"outlook|"
                r"zoom|"
                r"meet|"
                r"teams|"
                r"drivers?|"
                r"chrome|"
                r"photoshop|"
                r"steam|"
                r"program|"
                r"application|"
                r"browser|"
                r"games|"
                r"license|"
                r"app|"
                r"apps|"
                r"office|"
                r"powerpoint|"
                r"anydesk|"
                r"teamviewer|"
                r"firefox|"
                r"autocad|"
                r"activacion|"
                r"software|"
                r"game|"
                r"pdf|"
                r"acrobat|"
                r"java|"
                r"netflix|"
                r"spotify|"
                r"youtube"
            ),
            1.2,
        ),
        (
            (
                r"(?:me )?(?:tira|sale|aparece|da|salta) (?:un |una )?(?:error|cartel|mensaje|aviso)|"
                r"error message|"
                r"(?:wont|doesnt|cant) (?:open|launch|install)|"
                r"keeps crashing|"
                r"no (?:me )?(?:abre|abren|anda|funciona) (?:el |la |los )?(?:programa|aplicacion|app|word|excel|office|juego|navegador|chrome)|"
                r"se (?:me )?cierra(?:n)? (?:el |la |los |las )?(?:programas?|aplicacion(?:es)?|apps?|juegos?|word|excel|chrome)"
            ),
            2.2,
        ),
        (
            r"errores|format|error|formatear|formateo|formatearla|formatearlo",
            1.1,
        ),
    ),
    'account': (
        (
            (
                r"(?:me )?hackearon|"
                r"hacked|"
                r"hackead[oa]|"
                r"(?:wasap|whatsapp|instagram|facebook|mail|gmail|cuenta) (?:\S+ ){0,3}(?:robad[oa]|hackead[oa]|stolen|hacked)|"
                r"(?:pidiendo|piden) plata a mis contactos"
            ),
            3.1,
        ),
        (
            (
                r"se (?:me )?bloqueo (?:el |mi )?(?:iphone|celu|celular|telefono)|"
                r"codigo (?:\S+ ){0,3}muchas veces|"
                r"(?:iphone|phone|ipad) (?:is )?disabled|"
                r"connect to itunes"
            ),
            2.8,
        ),
        (
            r"(?:olvid\w*|no me acuerdo|no recuerdo|perdi|forgot|forget|lost|cambiar|recuperar|reset\w*|reestablecer|restablecer|change|recover) {G}(?:contrasena|clave|claves|usuario|password|pass|contrasenas|passwords|pin|patron|passcode)",
            2.7,
        ),
        (
            r"(?:contrasena|clave|claves|usuario|password|pass|contrasenas|passwords|pin|patron|passcode) {G}(?:incorrect[oa]|no (?:es|funciona|anda)|olvid\w*|wrong|doesnt work|not working|no me la acuerdo|no la recuerdo)",
            2.6,
        ),
        (
            (
                r"(?:hackearon|robaron|hackeo|jaquearon|hakearon|hackeada|hackeado|hacked|stole|stolen|entraron a) {G}(?:cuenta|cuentas|correo|whatsapp|banco|outlook|whats|account|home banking|face|facebook|fb|instagram|insta|ig|mail|email|gmail|hotmail|wsp|wpp|tiktok|twitter|icloud|apple id|netflix|spotify)|"
                r"(?:cuenta|cuentas|correo|whatsapp|banco|outlook|whats|account|home banking|face|facebook|fb|instagram|insta|ig|mail|email|gmail|hotmail|wsp|wpp|tiktok|twitter|icloud|apple id|netflix|spotify) {G}(?:hackead[oa]|robad[oa]|hacked|compromised|stolen)"
            ),
            3.0,
        ),
        (
            (
                r"(?:recuperar|recupero|recover|recovering|restore|reactivar) {G}(?:cuenta|account|perfil|profile|usuario|user)|"
                r"(?:cuenta|cuentas|correo|whatsapp|banco|outlook|whats|account|home banking|face|facebook|fb|instagram|insta|ig|mail|email|gmail|hotmail|wsp|wpp|tiktok|twitter|icloud|apple id|netflix|spotify) {G}(?:no (?:puedo|me deja) (?:entrar|recuperar))"
            ),
            3.1,
        ),
        (
            (
                r"bloqueo de (?:la )?cuenta|"
                r"no (?:puedo|me deja) (?:entrar|ingresar|acceder|loguear\w*|iniciar sesion)|"
                r"iniciar sesion|"
                r"inicio de sesion|"
                r"verificacion en dos pasos|"
                r"codigo de verificacion|"
                r"cuenta de (?:google|microsoft|apple)|"
                r"locked out|"
                r"(?:cant|cannot|unable to) (?:log ?in|sign in|access my)|"
                r"verification code|"
                r"(?:cuenta|cuentas|correo|whatsapp|banco|outlook|whats|account|home banking|face|facebook|fb|instagram|insta|ig|mail|email|gmail|hotmail|wsp|wpp|tiktok|twitter|icloud|apple id|netflix|spotify) {G}(?:bloquead[oa]|suspendid[oa]|deshabilitad[oa]|locked|suspended|disabled)|"
                r"(?:cant|cannot|unable to|wont let me|no puedo|no me deja) (?:log ?into|sign into|log ?in|sign in|loguearme|entrar|iniciar sesion) (?:to |into |a |en |)(?:netflix|spotify|youtube|disney|hbo|max|prime|paramount|flow|instagram|facebook|gmail|mi cuenta|my account)|"
                r"2fa|"
                r"two factor|"
                r"apple id|"
                r"icloud"
            ),
            2.0,
        ),
        (
            (
                r"cuenta|"
                r"log in|"
                r"sign in|"
                r"account|"
                r"(?:contrasena|clave|claves|usuario|password|pass|contrasenas|passwords|pin|patron|passcode)|"
                r"login"
            ),
            1.3,
        ),
    ),
    'data_recovery': (
        (
            r"(?:ahi|alli|where|donde) (?:tenia|tengo|had|have|estaban|guardaba) (?:\S+ ){0,3}(?:fotos|archivos|documentos|datos|photos|files|pictures|documents)",
            2.8,
        ),
        (
            (
                r"(?:tengo|tenia|estan|tiene|had|has|have) (?:\S+ ){0,3}(?:fotos|archivos|documentos|videos|photos|files|pictures) (?:ahi|adentro|on it|in it)|"
                r"(?:photos|files|pictures|fotos|archivos) (?:\S+ ){0,4}(?:are |se )?(?:gone|lost|perdieron|borraron)"
            ),
            2.7,
        ),
        (
            (
                r"(?:me )?pide (?:que lo )?formatear|"
                r"quiere formatear|"
                r"no (?:me )?monta|"
                r"wont mount|"
                r"doesnt mount|"
                r"asks? (?:me )?to format|"
                r"wants me to format"
            ),
            2.6,
        ),
        (
            (
                r"(?:tengo|tenia|hay) (?:\S+ ){0,3}(?:el laburo|el trabajo|mis fotos|mis archivos|cosas importantes|todo mi)|"
                r"cosas importantes|"
                r"important (?:files|stuff|documents|photos)"
            ),
            2.7,
        ),
        (
            (
                r"se (?:me )?formateo|"
                r"borre sin querer|"
                r"(?:got |was )?formatted(?: \S+){0,5} (?:fotos|files|photos|work|tp)"
            ),
            2.8,
        ),
        (
            (
                r"(?:formatear\w*|format\w*)(?: \S+){0,6} (?:fotos|archivos|datos|photos|pictures|files|data)|"
                r"(?:fotos|archivos|photos|files) (?:\S+ ){0,4}(?:formatear\w*|format\w*)"
            ),
            2.7,
        ),
        (
            (
                r"recuperar (?:las |mis )?(?:fotos|archivos|datos)|"
                r"need (?:the|my) (?:pictures|photos|files|data)|"
                r"(?:corrupt\w*|danada|corrupta|corrompio)(?: \S+){0,6} (?:fotos|pictures|photos|files|archivos|datos|data)"
            ),
            2.4,
        ),
        (
            r"(?:borre|borro|borraron|borramos|borro|elimine|eliminaron|se (?:me )?(?:borr|elimin|perd)\w*|perdi|perdimos|desaparecieron|no encuentro|formatee|formatearon|se formate\w*|deleted|lost|erased|missing|recover\w*|restore|rescue|salvar|recuperar|rescatar|sacar) {G}(?:fotos?|archivos?|documentos?|datos|informacion|trabajos?|tesis|musica|contactos|files?|photos?|pictures?|documents?|docs|carpetas?|videos?|info|planillas?|data|folders?|chats)",
            2.7,
        ),
        (
            r"(?:fotos?|archivos?|documentos?|datos|informacion|trabajos?|tesis|musica|contactos|files?|photos?|pictures?|documents?|docs|carpetas?|videos?|info|planillas?|data|folders?|chats) {G}(?:se borraron|se borro|desaparecieron|desaparecio|perdid[oa]s|borrad[oa]s|eliminad[oa]s|gone|deleted|disappeared|missing|lost)",
            2.7,
        ),
        (
            (
                r"copia de seguridad|"
                r"respaldo|"
                r"formatee sin querer|"
                r"data recovery|"
                r"recover|"
                r"backup|"
                r"recuper\w*|"
                r"papelera"
            ),
            2.0,
        ),
        (
            (
                r"clicking noise|"
                r"(?:disco|disk|drive|hdd) {G}(?:hace ruidos?|hace ruidos raros|suena|hace clic|hace click|clickea|hace tic|muriendo|fallando|danad[oa]|clicking|clicks|failing|dying|making noise|(?:wont|doesnt|will not) mount)"
            ),
            2.5,
        ),
        (
            r"borrado|deleted|borre|borrados|elimine|erased|formatee|formatearon|formateado|formatted",
            1.3,
        ),
    ),
    'other': (
        (
            (
                r"fotos? (?:\S+ ){0,2}borros[oa]s?|"
                r"camara (?:\S+ ){0,4}borros|"
                r"blurry (?:photos|pictures|pics)|"
                r"camera (?:\S+ ){0,4}blurry"
            ),
            2.6,
        ),
        (
            (
                r"(?:que|q|which|what) (?:\S+ ){0,2}(?:me conviene|conviene comprar|should i (?:buy|get))|"
                r"(?:me )?(?:recomendas|recomiendan|recommend) (?:una|un|a|an) "
            ),
            2.4,
        ),
        (
            (
                r"ubicacion|"
                r"me ubica|"
                r"rotacion|"
                r"no gira la pantalla|"
                r"location is wrong|"
                r"rotation|"
                r"gps|"
                r"auto ?rotate"
            ),
            2.2,
        ),
        (
            r"vibra|vibrate|vibrates|vibration|vibracion",
            2.0,
        ),
        (
            (
                r"(?:ampliar|agregar|sumar|poner mas) (?:\S+ )?(?:ram|memoria)|"
                r"(?:upgrade|add|put (?:in )?more|more|extra) ram"
            ),
            2.8,
        ),
    ),
    'physical_damage': (
        (
            (
                r"(?:se )?(?:toca|presiona) sol[oa]|"
                r"ghost touch\w*|"
                r"(?:touches|toques|clicks|taps) (?:\S+ )?(?:by itself|on its own|sol[oa]s?)"
            ),
            2.6,
        ),
        (
            r"(?:hizo|tiro|saco|largo|salieron) chispas|sparks|chispazo|sparked|sparking",
            2.6,
        ),
        (
            (
                r"(?<!gracias )(?<!sos un )(?<!sos una )(?<!genio )(?<!capo )(?<!mil )crack(?!l)\w*|"
                r"partid[oa]|"
                r"rajad[oa]|"
                r"rajadura|"
                r"astillad[oa]"
            ),
            2.6,
        ),
        (
            r"se (?:me )?cayo al (?:agua|inodoro|pileta)|washing machine|lavarropas|lavarropa",
            2.6,
        ),
        (
            (
                r"se (?:me |le |nos )?(?:cayo|cayeron|golpeo|golpearon|mojo|mojaron|rompio|rajo|partio|quebro|doblo|hincho|quemo|fisuro|estrello)|"
                r"me (?:la |lo )?(?:pisaron|tiraron|golpearon|rompieron)|"
                r"(?:la |lo )?(?:pise|aplaste|tire|golpee|rompi|moje)"
            ),
            2.3,
        ),
        (
            (
                r"mojad[oa]|"
                r"liquido|"
                r"water damage|"
                r"spill|"
                r"fell in (?:the )?(?:water|pool|toilet)|"
                r"(?:le |me |se )?(?:cayo|tire|tiro|derrame|derramo|volque|volco|se volco|se derramo|spilled|spill) (?:\S+ ){0,3}(?:agua|jugo|cerveza|vino|liquido|leche|te|coca|water|coffee|soda|juice|beer|wine|cafe|mate|gaseosa|fernet|tea)|"
                r"(?:agua|jugo|cerveza|vino|liquido|leche|te|coca|water|coffee|soda|juice|beer|wine|cafe|mate|gaseosa|fernet|tea) {G}(?:encima|arriba|sobre|on)|"
                r"got wet|"
                r"spilled"
            ),
            2.6,
        ),
        (
            (
                r"(?:pantalla|vidrio|display|screen|glass|carcasa|tapa|bisagra|ficha|pin|puerto|enchufe) (?:\S+ )?(?:rot[oa]|partid[oa]|rajad[oa]|astillad[oa]|quebrad[oa]|estallad[oa]|trizad[oa]|destruid[oa]|cracked|broken|shattered|smashed|bent|doblad[oa]|floja|suelt[oa])|"
                r"(?:rot[oa]|partid[oa]|rajad[oa]|cracked|broken|shattered|smashed) (?:la |el |the |my )?(?:pantalla|vidrio|display|screen|glass|bisagra|hinge)|"
                r"bisagras?|"
                r"hinge"
            ),
            2.5,
        ),
        (
            (
                r"cayo|"
                r"(?<!de )golpe|"
                r"roto|"
                r"rota|"
                r"dropped|"
                r"fell|"
                r"cracked|"
                r"shattered|"
                r"smashed|"
                r"broken|"
                r"golpeada?o?|"
                r"fisura|"
                r"abollad[oa]|"
                r"rompi"
            ),
            1.4,
        ),
    ),
}

TOPICS: dict[str, str] = {
    'no_internet': r"(?:conexion|datos moviles|senal de wifi|connection|internet|wifi|red|4g|network|online)",
    'no_sound': r"(?:sonido|auriculares|volumen|microfono|speakers?|sound|headphones|audio|parlantes?|mic)",
    'battery': r"(?:bateria|cargador|battery|charger)",
    'no_display': r"(?:pantalla|imagen|screen|display|picture|video|monitor)",
    'not_detected': r"(?:teclado|raton|puertos?|lector|camara|mouse|touch pad|keyboard|keys|bluetooth|teclas|tecla|touchpad|panel tactil|usb|pendrive|trackpad|lectora|webcam|joystick)",
    'printing': r"(?:impresion|impresora|printer|impre|scanner|escaner)",
}

GENERIC_MALFUNCTION: tuple[str, ...] = (
    r"{NEG} {CL}(?:anda|andan|andar|funciona|funcionan|funciono|funcionar|funca|responde|responden|responder|sirve|work|works|working|worked|respond|responding|anduvo|funcan|funko)",
    (
        r"dejo de (?:andar|funcionar|funcar|responder)|"
        r"anda mal|"
        r"funciona mal|"
        r"anda como (?:el|la) (?:orto|culo|tuje|traste|mona)|"
        r"anda para (?:atras|el orto|el culo)|"
        r"(?:anda|esta|funciona) (?:\S+ )?(?:rar[oa]|rarisim[oa]|raros|raras)"
    ),
    (
        r"falla|"
        r"fallas|"
        r"problema|"
        r"problemas|"
        r"(?:hace|tiene) (?:algo|cosas) rar[oa]s?|"
        r"ruido raro|"
        r"fallando|"
        r"problemita|"
        r"problemitas"
    ),
    (
        r"stopped working|"
        r"broken|"
        r"acting (?:up|weird|strange)|"
        r"problem|"
        r"problems|"
        r"issue|"
        r"issues|"
        r"trouble|"
        r"not working"
    ),
    r"se rompio|rompio|roto|rota",
    (
        r"algo le pasa|"
        r"no se que (?:le pasa|tiene)|"
        r"something (?:is )?(?:wrong|up|off)|"
        r"somethings (?:wrong|up|off)"
    ),
    r"^(?:help|help me|help please|please help|i need help|need help|ayuda|ayudame|necesito ayuda|socorro|auxilio|sos)(?: (?:porfa|por favor|please|pls|plis|urgente))?$",
)

PROBLEM_SUPPRESSORS: dict[str, tuple[str, ...]] = {
    'no_power': (
        (
            r"(?:prende|prenda|enciende|encender|turn on|turns on|power on|powers on|switch on|switches on|turn it on|turning on|powering on|prenden|prendio|prender|encienden|encendio|encienda) (?:\S+ )?(?:pero|bien|fine|ok|but|normal|y (?:se|despues|luego|al rato))|"
            r"si (?:prende|prenda|enciende|encender|turn on|turns on|power on|powers on|switch on|switches on|turn it on|turning on|powering on|prenden|prendio|prender|encienden|encendio|encienda)|"
            r"(?:arranca|starts) (?:\S+ )?(?:pero|bien|but|y)"
        ),
    ),
    'battery': (
        (
            r"(?:si|ya) carga|"
            r"carga pero|"
            r"charges but|"
            r"(?:carga|cargando|charges|charging|cargar) (?:\S+ )?(?:bien|fine|ok|normal|perfect\w*|sin problema)"
        ),
    ),
    'no_internet': (
        r"(?:internet|wifi|conexion|red) (?:\S+ )?(?:anda|funciona|works) (?:bien|perfect\w*|fine|ok)",
    ),
    'no_sound': (
        r"(?:sonido|audio|sound) (?:\S+ )?(?:anda|funciona|works) (?:bien|fine|ok)",
    ),
    'no_display': (
        r"(?:imagen|pantalla|screen|display) (?:\S+ )?(?:anda|funciona|se ve|works|is) (?:bien|fine|ok)",
    ),
}

YES_WORDS: frozenset[str] = frozenset("""
absolutely accept acepto afirmativo agree alright bien buenisimo bueno claro correcto dale exacto
fine genial joya k listo obvio ofc ok oka okay okey oki okis perfecto seguro si sii sip sis sisi
sure vamos yea yeah yep yes
""".split())

YES_PHRASES: str = (
    r"de una|"
    r"por supuesto|"
    r"claro que si|"
    r"esta bien|"
    r"me parece bien|"
    r"(?:si|ok|dale) de una|"
    r"de acuerdo|"
    r"estoy de acuerdo|"
    r"va bien|"
    r"me va|"
    r"todo bien|"
    r"sigamos|"
    r"adelante|"
    r"(?<!no )acepto|"
    r"of course|"
    r"i agree|"
    r"i accept|"
    r"go ahead|"
    r"sounds good|"
    r"(?:thats|that is|its) (?:fine|ok|okay)|"
    r"sure thing|"
    r"lets go|"
    r"lets do it|"
    r"go for it|"
    r"im ok|"
    r"i am ok|"
    r"(?<!dont )accept|"
    r"fine by me|"
    r"no problem|"
    r"works for me|"
    r"ok with (?:it|that|me)"
)

NO_WORDS: frozenset[str] = frozenset("""
jamas n nada nah negativo never no nones noo nop nope nou nunca
""".split())

NO_FOLLOWERS: frozenset[str] = frozenset("""
accept acepto agree ahora anduvo aun che disculpa dont funciono gracia graciad gracias i mucho nada
no nop para perdon por quiero sigue sirvio sorry tampoco thank thanks thx todavia way yet you
""".split())

NO_PHRASES: str = (
    r"no acepto|"
    r"no quiero|"
    r"no estoy de acuerdo|"
    r"rechazo|"
    r"i dont (?:accept|agree|want)|"
    r"dont accept|"
    r"i decline|"
    r"decline"
)

INTENT_PATTERNS: dict[str, str] = {
    'solved': (
        r"anda de 10|"
        r"era (?:el|la) \S+ (?:nomas|nada mas)|"
        r"ahora si (?:se )?(?:mueve|escribe|anda|funciona|prende|carga|imprime|conecta|suena|ve)|"
        r"(?:\S+ )*(?:ahora|ya) (?:va|anda) (?:mucho |re )?(?:mas )?(?:rapido|rapida|bien|normal)(?: \S+)*|"
        r"(?:\S+ )*ya responde(?: \S+)*|"
        r"(?:\S+ )*(?:ya|ahora si) se (?:escucha|ve|conecta|carga)(?: \S+)*|"
        r"(?:\S+ )*se instalo(?: \S+)*|"
        r"(?:ahora|ya) (?:vuela|anda como nueva|anda como nuevo)|"
        r"(?:\S+ )*(?<!no )dejo de (?:parpadear|fallar|apagarse|calentar\w*|tildarse|trabarse|colgarse|cortarse|hacer ruido|reiniciarse)(?: \S+)*|"
        r"(?:ahi|ya|ahora) volvio(?! a\b)(?: \S+)*|"
        r"(?:\S+ ){3,}listo$|"
        r"(?:\S+ )*(?:lleva|hace) (?:\S+ ){0,3}(?:prendid[oa]|andando|funcionando) sin (?:apagarse|cortarse|colgarse|tildarse|reiniciarse)(?: \S+)*|"
        r"(?:\S+ )*chau (?:pantallazos?|virus|publicidad|publicidades|cartel|carteles|error|errores|problema|ruido|ventanitas)(?: \S+)*|"
        r"(?:ahi|ya) pude(?: \S+)*|"
        r"(?:\S+ )*(?:ya|ahora) (?:\S+ ){0,5}tengo (?:\S+ )?(?:senal|internet|wifi|sonido|imagen|conexion)(?: \S+)*|"
        r"(?:\S+ )*(?<!no )(?:lo |la )?reconocio(?: \S+)*|"
        r"(?:its|it s) alive(?: \S+)*|"
        r"(?:\S+ )*finally (?:started|booted|works|turned on|connected|charges|printed)(?: \S+)*|"
        r"(?:\S+ )*(?<!not )(?:printing|working|charging|booting) now(?: \S+)*|"
        r"(?:\S+ )*stopped (?:flickering|crashing|freezing|dropping|restarting|overheating|beeping)(?: \S+)*|"
        r"(?:\S+ )*(?:its|it is|theyre|they are|\S+s are|\S+ is) (?:all )?gone(?: now)?(?: \S+)*|"
        r"(?:\S+ )*(?<!not )(?<!isnt )(?:smooth|quick|fast|quiet|stable|snappy) now(?: \S+)*|"
        r"(?:\S+ )*without (?:a single|any) (?:jam|error|crash|drop|cut|problem|issue)s?(?: \S+)*|"
        r"(?:\S+ )*(?:been|is|its) (?:stable|solid|fine) (?:for|since|now)(?: \S+)*|"
        r"(?:its|it is|its back|it s) (?:on|back|working) now(?: \S+)*|"
        r"(?:\S+ )*(?<!not )(?<!nt )(?:types|prints|works|charges|boots|connects|loads|plays|shows|reads|detects) now(?: \S+)*|"
        r"(?:\S+ )*(?:sound|wifi|internet|picture|signal|audio)s? (?:is )?back(?: \S+)*|"
        r"(?:\S+ )*ya no (?:salio|salieron|aparecio|volvio a salir) mas(?: \S+)*|"
        r"(?:ya |ahi |ahora )?volvio a (?:andar|funcionar|funcar|prender|arrancar|conectar|cargar|imprimir|sonar|encender)(?: \S+)*|"
        r"(?:\S+ )*(?:resulta que|turns out|el problema era|the problem was|the issue was|it was (?:just )?(?:the|a))(?!(?: \S+)* (?:no|not|nunca|ni|doesnt|dont|wont|cant|isnt|didnt|sigue|still|todavia)(?!\S))(?: \S+)*|"
        r"(?:\S+ )*(?:ahora|now|ya) (?:\S+ ){0,4}(?:en un toque|rapidisimo|volando|de diez|(?:senal|conexion|bateria) (?:completa|llena|al maximo)|in under a minute|in seconds|super fast|perfectly)(?: \S+)*|"
        r"(?:\S+ )*(?:everything|it|todo) (?:\S+ )?(?:types|works|prints|charges|boots|connects|loads|plays|scrolls|clicks|moves|sounds|anda|funciona|carga|imprime) (?:again|de nuevo|otra vez)(?: \S+)*|"
        r"(?:\S+ )*(?:boots|starts|arranca|prende|inicia|carga|abre) (?:\S+ ){0,3}(?:in under|en menos de|en un toque|rapidisimo|en segundos|in seconds)(?: \S+)*|"
        r"no (?:drops|more drops|cuts)(?: \S+)*|"
        r"(?<!no )(?<!no se )(?<!no me )(?<!no lo )(?<!todavia no )(?<!aun no )(?<!not )(?:se (?:me )?(?:soluciono|arreglo|resolvio|compuso|destrabo)|ya (?:me )?(?:anda|funciona|funca|prende|carga|imprime|conecta|esta|quedo|se arreglo|se soluciono)|ahora (?:si )?(?:me )?(?:anda|funciona|funca|prende|carga|imprime)|(?:me )?(?:funciono|anduvo|sirvio|resulto)|lo (?:pude|pudimos) (?:solucionar|arreglar|resolver)|(?:quedo|esta|ya esta) (?:solucionado|arreglado|resuelto|funcionando)|solucionado|resuelto|arreglado|listo ya|anda (?:perfecto|joya|barbaro|de diez|10 puntos)|funciona (?:perfecto|bien ahora)|it works|its working|works now|working now|fixed|solved|that (?:did it|worked|helped)|it worked|resolved|all good now|problem solved|(?:that |this )?(?:did the trick|was it)|(?:that|this) (?:fixed|solved|sorted) it|hace (?:\S+ ){1,3}que no (?:se )?(?:corta|apaga|tilda|cuelga|reinicia|traba|calienta|desconecta|cae)|(?:its|it s|is|are) (?:printing|working|charging|booting|connecting|playing|loading|typing|running) (?:\S+ )?again|(?:has|have|got) (?:sound|picture|signal|internet|wifi|audio|image|video) (?:back|again)|no (?:more )?(?:freeze|freezes|freezing|crash|crashes|drops|errors?|lag) (?:anymore|since)|(?:ahora |ya )(?:\S+ ){0,4}(?:entro|navego|puedo entrar|abre|abro) (?:a |en )?(?:youtube|internet|google|netflix|todo|facebook)|luces (?:\S+ )?verdes|(?:ahora|ya) (?:ya |si )?(?:veo|se ve) (?:el escritorio|la pantalla|windows|todo|la imagen)|empezo a (?:escribir|andar|funcionar|cargar|imprimir|sonar)|(?:ahora|ya) (?:\S+ )?(?:navega|anda|va|funciona|carga|imprime|suena) (?:perfecto|joya|barbaro|de diez|normal|rapidisimo)|(?:ya )?(?:van|lleva|llevo|llevamos) (?:\S+ ){0,2}(?:horas|hora|dias|dia|minutos|un rato) sin (?:cortes|cortarse|problemas|fallas|apagarse|colgarse|tildarse|reiniciarse)|(?:y |ahora |ya )(?:\S+ )?(?:abre|entra|escribe|reproduce|agarra|se conecta) (?:\S+ )?(?:netflix|youtube|todo|bien|perfecto|joya|normal)|ahora ni se (?:escucha|siente|nota|calienta)|(?:screen|display|image|picture|desktop|menu|signal|connection|home screen) (?:is |are )?back|now i (?:can )?see (?:my|the|everything)|(?:its |it s |is )?working again|works again|(?:flickering|crashing|freezing|noise|beeping|buzzing|clicking|ads|popups|pop ups|error|errors|lag) (?:has |have |is |are )?(?:stopped|went away|gone|disappeared)|now (?:its|it is|it s) (?:\S+ )?(?:activated|working|fine|fixed|connected|charging|back|on)(?!\S)|(?:hasnt|has not|havent|have not) (?:shut|turned|switched|died|crashed|frozen|restarted|dropped|disconnected|overheated|cut)(?: off| down| out)? (?:since|in|for)|now (?:the |my )?(?:\S+ )?(?:connect|connects|work|works|print|prints|charge|charges|boot|boots|load|loads)(?!\S)|(?:desaparecio|desaparecieron|se fue|se fueron) (?:el |la |los |las |todo |toda |todas |todos )?(?:\S+ )?(?:publicidad|publicidades|cartel|carteles|cartelito|virus|error|errores|ventanitas|ventanas|pop ?ups|anuncios|mensaje|mensajes|aviso|avisos|ruido|rayas|manchas|pantallazos?|parpadeo|lineas)(?!\S)|volvio (?:el |la )?(?:internet|wifi|senal|sonido|imagen|audio|conexion)|ya (?:me )?(?:prendio|arranco|salio|sale|salen|conecto|cargo|anda bien|se ve|se escucha|entra|enciende|encendio)|ya no (?:\S+ ){0,2}(?:se corta|se apaga|se tilda|se calienta|se cuelga|sale|salen|aparece|aparecen|pasa|hace|molesta)(?: \S+){0,2}|ahi (?:salio|anduvo|anda|funciona|prendio|arranco|imprimio|imprime)|(?:it |its )?(?:prints|works|boots|turns on|charges|connects) (?:now|again|fine now)|(?:much )?(?:faster|better) now|did it|fixed now|back to normal|good as new|sorted|(?:\S+ )*(?<!no )(?<!ni )(?<!nunca )(?:prendio|arranco|conecto|conectaron|imprimio|funciono|anduvo|encendio|aparecieron|booteo|se conecto|se conectaron|se prendio|salio la hoja|salieron las hojas)(?! pero)(?: \S+){0,4}|(?:\S+ )*(?<!not )(?<!never )(?:finally )?(?:booted|worked|connected|printed|came back|turned on)(?! but)(?: \S+){0,4}|no more \S+(?: \S+)?|(?:way|much|a lot|so much) (?:better|cooler|faster|quieter) (?:now)?|(?:sorted|fixed) it|ya tengo (?:\S+ )?(?:sonido|internet|wifi|imagen|senal|conexion|audio|acceso)|ya no se \S+ mas(?: \S+)*|(?:y|ahora|ahi) (?:ya )?(?:anda|funciona|prende|carga|imprime)(?: \S+){0,2}|(?:pude|pudimos) (?:recuperar|entrar|arreglar|solucionar|conectar|imprimir|acceder)(?: \S+){0,3}|era eso|(?:it |its )?\S+ fine now|works fine|(?:works|working|prints|boots|charges|streams|connects) (?:fine|ok|okay|great|perfectly)(?: \S+)?(?: now)?|got it (?:working|to work|going|running|fixed|sorted)(?: \S+)*|(?:\S+ )*(?:ahora|ya) (?:arranca|inicia|carga|dura|prende|abre|va)(?: \S+){0,3} (?:rapido|mas|bien|normal|un monton)(?: \S+)*|(?:\S+ )*(?:creo que |parece que )?ya esta$|(?:\S+ )*se fue todo(?: \S+)*|(?:\S+ )*lasting (?:way |much |a lot )?longer(?: \S+)*|(?:\S+ )*(?:now|and) (?:it )?(?:opens|works|loads|starts|runs|boots)(?: \S+){0,2}$|(?:\S+ )*all good$|(?:\S+ )*(?<!todavia )no (?:me )?(?:salio|aparecio|se corto|se colgo|se tildo|fallo|se apago|se reinicio) mas(?: \S+)*|^ahora si$|^ahora si (?:\S+ )?(?:anda|funciona|ya|gracias)(?: \S+)*|(?:\S+ )*ya (?:me )?(?:aparece|aparecen|recupere|pude entrar|entre)(?: \S+)*|(?:ahi|ya|ahora) (?:si )?(?:agarro|agarra|engancho|engancha|suena|suenan|se escucha|se ve|se conecto)(?: \S+)*|^(?:listo |ya |ahora )?(?:anda|funciona|funca|prendio|arranco|suena)(?: (?:era|gracias|genial|joya|perfecto|che|man)\b.*)?$|(?:listo|anda|ya anda|ya esta|ahi esta|ahi anda)(?: \S+){0,2} era (?:el|la|los|las|un|una|eso|por)\b.*|(?:\S+ )*(?:much |way |so |a lot )?(?:smoother|quicker|snappier) now(?: \S+)*)"
    ),
    'persists': (
        r"ni a palos|"
        r"^ya (?:hice|probe|intente) todo(?: eso| lo que (?:me )?(?:dijiste|pasaste))?$|"
        r"(?:\S+ )*(?:hace|es|pasa) (?:exactamente |justo )?lo mismo(?: \S+)*|"
        r"(?:\S+ )*(?<!da )lo mismo$|"
        r"no (?:encontro|detecto|llega|llego) nada|"
        r"(?:\S+ )*no me llega(?: \S+)*|"
        r"sigue (?:igual|sin|mal|con|fallando|pasando|haciendo|apagad[oa])|"
        r"siguen igual|"
        r"igual que antes|"
        r"(?:no|tampoco) (?:me )?(?:funciono|anduvo|sirvio|resulto|se (?:soluciono|arreglo|resolvio))|"
        r"(?:no|todavia no|aun no) (?:me )?(?:anda|funciona|funca|prende) (?:todavia|aun)|"
        r"todavia no (?:anda|funciona|funca|prende)|"
        r"sigue sin (?:andar|funcionar)|"
        r"nada que ver|"
        r"no cambio nada|"
        r"^nada$|"
        r"^tampoco$|"
        r"^igual$|"
        r"mismo problema|"
        r"ninguna mejora|"
        r"no (?:veo|noto|hay|hubo) (?:ninguna |ningun )?(?:mejora|diferencia|cambio)|"
        r"sigue siendo|"
        r"ni un tiro|"
        r"sigue tirando|"
        r"como antes|"
        r"ni se (?:inmuta|mosquea|mueve)|"
        r"no reacciona|"
        r"nada de nada|"
        r"sigue (?:sin|igual|mal)\b.*|"
        r"no (?:hubo|hay) caso|"
        r"ni (?:asi|con eso)|"
        r"nada cambio|"
        r"no (?:paso|cambio) nada|"
        r"ninguno (?:\S+ ){0,3}(?:funciono|anduvo|sirvio|ayudo|resulto)|"
        r"no (?:funciono|anduvo|sirvio) ninguno|"
        r"^nada (?!mas\b|que ver\b|gracias\b)\S+|"
        r"sin (?:cambios|suerte|resultado)|"
        r"ni bola|"
        r"sigo (?:igual|sin|con)|"
        r"(?:\S+ )*(?:y|pero) nada(?: \S+)?|"
        r"ya fue|"
        r"(?:\S+ )*(?:se )?(?:sigue|siguen|continua|continuan)(?: \S+)*|"
        r"nada mejoro|"
        r"no mejoro|"
        r"no sale nada|"
        r"(?:se )?sigue (?:cortando|apagando|tildando|trabando|colgando)|"
        r"no dice|"
        r"(?:y|pero) (?:es |da |pasa |hace )?lo mismo|"
        r"(?:\S+ )*(?:error|errores|falla|fallando|tira|sale|aparece)(?: \S+){0,4} igual$|"
        r"(?:sigue|siguen) (?:\S+ ){0,2}(?:saliendo|apareciendo|igual|pasando)|"
        r"(?:i )?(?:did|tried|done) all (?:of )?(?:that|those|these|it)(?: already| before)?$|"
        r"already did all (?:of )?(?:that|those)|"
        r"none of (?:that|it|those|this)(?: \S+)*|"
        r"didnt (?:work|help|fix)|"
        r"did not (?:work|help)|"
        r"doesnt work either|"
        r"same (?:problem|issue|thing)|"
        r"nothing at all|"
        r"not even (?:the|a|one)|"
        r"(?:is|its|it s|still) (?:the )?same(?: \S+)?$|"
        r"same (?:\S+ ){0,2}(?:message|error|screen|thing|problem|issue)|"
        r"not fixed|"
        r"not solved|"
        r"nothing changed|"
        r"nothing (?:changes|happens|happened|helps|works|worked|made a difference|makes a difference)|"
        r"none of (?:\S+ ){0,3}(?:worked|helped|fixed it|did anything)|"
        r"(?:rebooted|restarted|crashed|froze|frozen|died|shut (?:down|off)|turned off|disconnected|dropped|failed|overheated|jammed|beeped|blue screened|reboots|restarts|crashes|freezes|dies|drops|loops|looped|looping|fails|shuts (?:down|off)) (?!(?:working|works|fine|ok|normally) )(?:\S+ )?again|"
        r"(?:\S+ )*(?<!was )(?<!were )still(?! (?:connected|plugged|paired|linked))(?: \S+)*|"
        r"none of (?:the|your|these) (?:steps|things|tips|checks)(?: \S+)*|"
        r"not (?:any )?better|"
        r"same thing(?: \S+)*|"
        r"none of (?:them|those|these|it) (?:worked|helped|did anything)|"
        r"nothing (?:worked|happened|changed|helped)|"
        r"(?:didnt|did not|doesnt|does not) (?:change|do) (?:anything|a thing)|"
        r"same as before|"
        r"still the same|"
        r"didnt do anything|"
        r"(?:\S+ ){2,}(?<!do )(?<!break )(?<!lose )(?<!cost )(?<!delete )(?<!erase )(?<!shows )(?<!showing )(?<!say )nothing(?: (?:happened|at all|changed))?$|"
        r"(?:comes|came|happens|happened|appears|appeared|started|starts) (?:\S+ )?again|"
        r"went (?:right )?back to(?! normal)|"
        r"(?:\S+ )*(?:y|and|,)? ?same$|"
        r"persiste|"
        r"still (?:not|doesnt|wont|the same|broken|nothing|no)|"
        r"(?:even|incluso|ni siquiera) (?:in|en) (?:safe mode|modo seguro)|"
        r"no luck|"
        r"no change|"
        r"tampoco(?: \S+){0,4}|"
        r"(?:probe|hice|intente|segui) (?:\S+ ){0,4}(?:y|pero) (?:nada|sigue|igual|no(?! (?:me |se |le |lo |la )?(?:salio|aparecio|paso|fallo|corto|colgo|tildo|reinicio|apago) mas))|"
        r"ni ahi(?: \S+){0,4}|"
        r"no (?:improvement|difference|luck)(?: \S+)*|"
        r"(?:no|nope|nah) (?:still|same|nothing)|"
        r"no difference|"
        r"still (?:happening|doing it|there|dead|off|slow|hot|frozen|stuck|no)|"
        r"(?:me |se |lo |la )?(?:volvio|vuelve) a (?!andar|funcionar|funcar|prender|arrancar|conectar|cargar|imprimir|sonar|encender|aparecer (?:el|la) (?:wifi|internet|imagen|sonido|senal))\S+"
    ),
    'help': (
        r"no (?:se|entiendo|entendi|comprendo) (?:\S+ )?(?:hacer|como|el paso|ese paso|eso|esto|donde)|"
        r"no (?:lo |la )?(?:entiendo|entendi|comprendo)|"
        r"como (?:hago|se hace|lo hago|hacer)|"
        r"que (?:significa|quiere decir)|"
        r"donde (?:esta|encuentro|queda)|"
        r"ayudame con|"
        r"no me sale|"
        r"(?:dont|do not|didnt) (?:understand|get it|know how)|"
        r"how (?:do i|to|can i)|"
        r"what does|"
        r"explain|"
        r"what do you mean|"
        r"explica\w*|"
        r"help (?:with|me with)"
    ),
    'show_steps': (
        r"(?:me )?(?:pasas|pasás|mandas|mostras|pones) (?:de nuevo |otra vez )?los pasos(?: \S+)*|"
        r"(?:me )?(?:los|las) (?:podes|podrias|pueden) (?:poner|pasar|mandar|mostrar|repetir)(?: \S+)*|"
        r"(?:poneme|pasame|mandame|mostrame) (?:los|las) (?:de nuevo|otra vez)(?: \S+)*|"
        r"se me fue (?:el mensaje|para arriba)(?: \S+)*|"
        r"pasos (?:de nuevo|otra vez)|"
        r"(?:mostrame|decime|pasame|repetime|mandame) (?:otra vez|de nuevo)(?: \S+)*|"
        r"(?:me )?(?:los|las) (?:pasas|mandas|mostras|pones|repetis|podes pasar|podes mandar) (?:de nuevo|otra vez)|"
        r"(?:me )?(?:pasas|pasarias|mandas|mostras|repetis|das|podes pasar|podes mandar) (?:de nuevo|otra vez) (?:la lista|los pasos|las instrucciones|lo que me dijiste)|"
        r"se me (?:borro|borraron|fue) (?:todo|el chat|lo de arriba|los pasos)|"
        r"steps again|"
        r"list of steps|"
        r"(?:mostra|mostrar|ver|volver a|pasa|manda|repeti|repetir|decime)\w* (?:\S+ )?(?:los )?pasos|"
        r"volver (?:a los pasos|atras)|"
        r"(?:list|show|give|send) (?:me )?(?:the |those )?steps(?: \S+)*|"
        r"one more time|"
        r"(?:show|see|repeat|back to|give me) (?:me )?(?:the )?steps|"
        r"(?:show|give|send|tell) me (?:\S+ ){0,2}(?:instructions|steps|list) (?:again|once more)|"
        r"once more|"
        r"(?:me )?(?:los|las) (?:volves|podes volver|podrias volver) a (?:mostrar|pasar|mandar|poner)|"
        r"volve a (?:pasarme|mandarme|mostrarme|ponerme) (?:la lista|los pasos)|"
        r"volveme a (?:pasar|mandar) (?:la lista|los pasos)|"
        r"(?:paste|send|post|show|give) (?:me )?(?:that|the) (?:list|steps) again"
    ),
    'advanced': (
        r"(?:no hay )?mas pasos(?: no hay)?|"
        r"otros pasos|"
        r"(?:pasos|pruebas) para expertos|"
        r"segunda tanda|"
        r"(?:proba|probemos) con los (?:pasos|mas) (?:mas )?(?:complicad|dificil|avanzad)\w*|"
        r"(?:algo|lo) mas (?:tecnico|avanzado|dificil|complicado|profundo)|"
        r"pruebas? avanzad[oa]s?|"
        r"mas pruebas|"
        r"otras pruebas|"
        r"(?:algo|cosas) mas (?:para|que) (?:probar|hacer)|"
        r"avanzad[oa]s?|"
        r"(?:pasos|pruebas|cosas) (?:mas )?(?:dificiles|complicad[oa]s|tecnic[oa]s|profund[oa]s)|"
        r"(?:las|los|unas|unos|otras|otros|con las|con los) (?:mas )?(?:tecnic[oa]s|complicad[oa]s|dificiles|jodid[oa]s|pesad[oa]s|heavy|zarpad[oa]s|avanzad[oa]s|profund[oa]s)(?! \S+ (?:tecnico|persona))|"
        r"(?:mas|otras) (?:opciones|alternativas|cosas para probar)|"
        r"(?:pasame|mandame|dame|tirame) (?:las|los|otras|otros) (?:siguientes|que siguen|otras|otros)|"
        r"siguientes pasos|"
        r"proximos pasos|"
        r"(?:que|q) (?:otra cosa|otras cosas|mas|mas cosas) (?:\S+ )?(?:puedo|podemos|podria|podriamos|hay para|se puede|me queda) (?:probar|hacer|intentar)?|"
        r"second (?:round|batch|set)|"
        r"next (?:round|batch|set)|"
        r"(?:anything|something) more (?:technical|advanced)|"
        r"advanced|"
        r"more (?:tests|steps|things to try|options)|"
        r"other tests|"
        r"something else to try|"
        r"(?:harder|next|further|deeper|more technical|other) (?:ones|steps|checks|tests|things)|"
        r"next level|"
        r"(?:what|anything) else (?:can|could) (?:i|we) (?:try|do)|"
        r"(?:pasemos|vamos|pasamos) a lo (?:dificil|complicado|avanzado|tecnico)"
    ),
    'technician': (
        r"me atiende alguien|"
        r"alguien (?:que )?me atienda|"
        r"hablo con alguien|"
        r"(?:que )?alguien me (?:llame|puede llamar|contacte)|"
        r"tecnic[oa]s?|"
        r"una persona|"
        r"humano|"
        r"alguien real|"
        r"operador|"
        r"no hay alguien|"
        r"(?:no )?hay (?:alguien|nadie|algun tecnico|una persona)(?: \S+){0,2} que (?:me |lo |la |te )*(?:pueda|puede|podria|quiera|sepa)|"
        r"(?:conectar|comunicar|pasar|derivar)(?:me)? con (?:alguien|un tecnico|una persona|soporte|ustedes)|"
        r"especialista|"
        r"hablar con (?:alguien|ustedes|una persona|un tecnico)|"
        r"(?:que )?me llamen|"
        r"(?:me )?(?:pueden|podes|podrian) llamar|"
        r"servicio tecnico|"
        r"que (?:la |lo )?(?:revise|vea|mire|arregle|chequee) alguien|"
        r"(?:que )?venga alguien|"
        r"alguien de (?:ustedes|ahi|el local|sti)|"
        r"llevarla|"
        r"llevarlo|"
        r"llevar (?:la|lo) al (?:local|taller)|"
        r"sacar (?:un )?turno|"
        r"call me|"
        r"(?:pasame|comunicame|contactame|derivame|conectame) con (?:alguien|soporte|ustedes|el local)|"
        r"(?:que|quiero que) (?:me )?(?:atienda|ayude|llame|contacte|vea|revise) (?:alguien|una persona|un tecnico)|"
        r"(?:hablar|chatear|comunicarme|contactarme) con (?:alguien|ustedes|soporte|el local|una persona)|"
        r"lo (?:llevo|puedo llevar)|"
        r"(?:la|lo) (?:llevo|puedo llevar)|"
        r"que (?:la|lo) vean|"
        r"atencion (?:personal|humana)|"
        r"con quien (?:hablo|me comunico|puedo hablar|tengo que hablar)|"
        r"(?:no )?(?:habra|habria) alguien|"
        r"en persona|"
        r"alguien (?:que |q )?(?:la|lo|me la|me lo) (?:revise|vea|mire|arregle|chequee)|"
        r"(?:por|via|con) (?:anydesk|teamviewer|acceso remoto)|"
        r"alguien que (?:sepa|entienda|me ayude|lo vea|la vea|lo arregle|la arregle|lo revise|la revise)|"
        r"(?:lo|la|los|las) (?:vea|vean|mire|miren|revise|revisen|chequee|chequeen|arregle|arreglen|toque|toquen) (?:alguno de |alguien de )?ustedes|"
        r"(?:vea|mire|revise|arregle) alguno de ustedes|"
        r"alguien me (?:de|da|pueda dar|puede dar|podria dar) una mano|"
        r"necesito (?:que )?alguien|"
        r"(?:me )?(?:lo|la) (?:quieren|pueden|podrian) (?:ver|revisar|mirar) ustedes|"
        r"(?:esto |ya |esto ya )?me (?:supera|queda grande|queda muy grande|excede)|"
        r"un profesional|"
        r"send (?:someone|somebody|a tech|a technician|help|a person)|"
        r"(?:im|i am) done (?:troubleshooting|trying|with this)|"
        r"(?:is there|theres|there is) (?:a |an |some |any )?(?:human|person|real person|someone|somebody|tech|technician|agent)|"
        r"(?:your|the) techs?|"
        r"reach out|"
        r"in person|"
        r"(?:need|want) (?:a person|someone|somebody|a human|a tech)|"
        r"(?:a person|someone) to (?:look|check|see)|"
        r"get someone|"
        r"someone (?:to )?(?:contact|call|look at|check|come)|"
        r"someone from (?:your|the) (?:team|shop|store)|"
        r"technician|"
        r"human|"
        r"real person|"
        r"agent|"
        r"representative|"
        r"talk to (?:a |an )?(?:person|human|someone|agent)|"
        r"phone call|"
        r"repair shop|"
        r"(?:speak|talk|chat) (?:to|with) (?:someone|somebody|a person|support|staff|a tech|you guys)|"
        r"(?:can|could) (?:someone|somebody|a person|a tech) (?:help|call|look|check|contact)|"
        r"support staff|"
        r"(?:an? )?(?:actual|real|live) (?:person|human|agent|tech)|"
        r"who (?:do|can|should) i (?:talk|speak) to|"
        r"remote(?:ly)? (?:access|session)|"
        r"bring it (?:in|to you|to the shop)|"
        r"drop it off|"
        r"book (?:a|an) (?:repair|appointment)|"
        r"tech support|"
        r"support team|"
        r"live (?:person|agent|support)|"
        r"a tech|"
        r"someone from (?:the shop|sti)|"
        r"one of (?:your|you) (?:people|techs|guys|team)|"
        r"over my head|"
        r"take it from here|"
        r"(?:a )?professional|"
        r"(?:someone|somebody) (?:who|that) knows|"
        r"have (?:someone|somebody) (?:\S+ ){0,6}(?:handle|look at|fix|check) (?:this|it)|"
        r"(?:someone|somebody) (?:at|from|in) (?:the|your) (?:shop|store|office|lab)|"
        r"persona real|"
        r"operadora|"
        r"(?:por|al|un|x|a|pasar a) (?:whatsapp|whats|wsp|wpp)|"
        r"(?:pasenme|pasame|me pasas|me pasan|me comunicas|me derivas) (?:con|a)|"
        r"(?:someone|somebody|alguien) (?:available|disponible|from your|de ustedes)|"
        r"llamenme|"
        r"llamame|"
        r"llevar(?:la|lo)? al (?:local|taller|service)|"
        r"mandar(?:la|lo)? a (?:revisar|arreglar)|"
        r"(?:get|connect|put) me (?:to|with|through to|in touch with) (?:someone|somebody|a person|support|a tech)|"
        r"escalate (?:this|it|me|my)|"
        r"remotamente|"
        r"(?:manda|mandame|mandenme|mandan|mandar|mandarme|envia|enviame|envien|enviar) (?:a )?(?:alguien|un tecnico|una persona)|"
        r"(?:lo|la) (?:alcanzo|acerco|traigo|paso a dejar)|"
        r"your people|"
        r"beyond me|"
        r"(?:can|could) (?:someone|somebody|you guys|you) (?:\S+ ){0,3}(?:do it|take it|take over|handle it|fix it for me|look at it)"
    ),
    'not_solved': (
        r"quiero que (?:lo |la )?(?:arreglen|solucionen|reparen)|"
        r"(?:want|need) (?:it|this|them) (?:fixed|solved|sorted|repaired)|"
        r"went (?:right )?back to(?! normal)|"
        r"(?:anda|funciona|va|andan|funcionan|works|working|runs|running) (?:\S+ )?(?:mal|peor|horrible|fatal|badly|worse|terrible|awful)"
    ),
    'close': (
        r"chau|"
        r"adios|"
        r"nos vemos|"
        r"hasta luego|"
        r"hasta pronto|"
        r"saludos|"
        r"un saludo|"
        r"hasta la proxima|"
        r"nos hablamos|"
        r"abrazo|"
        r"un abrazo|"
        r"besos|"
        r"beso grande|"
        r"suerte|"
        r"goodbye|"
        r"see you|"
        r"chao|"
        r"bye|"
        r"good bye|"
        r"cya"
    ),
    'close_short': (
        r"terminar|"
        r"termina|"
        r"terminamos|"
        r"cerrar|"
        r"salir|"
        r"finalizar|"
        r"eso es todo|"
        r"nada mas|"
        r"es todo|"
        r"close|"
        r"exit|"
        r"quit|"
        r"thats all|"
        r"im done|"
        r"done|"
        r"nothing else|"
        r"cerra|"
        r"fin|"
        r"end|"
        r"end chat|"
        r"stop"
    ),
    'rephrase': (
        r"otra (?:cosa|consulta|pregunta|duda)|"
        r"otro (?:problema|tema|equipo|dispositivo)|"
        r"cambiar de tema|"
        r"me equivoque|"
        r"empezar de nuevo|"
        r"empezar otra vez|"
        r"(?:de nuevo|otra vez) desde el principio|"
        r"reiniciar (?:el )?chat|"
        r"quiero (?:preguntar|consultar) (?:otra|algo)|"
        r"(?:another|different|other) (?:problem|issue|question|device|thing)|"
        r"something else|"
        r"start over|"
        r"new problem|"
        r"wrong (?:problem|device)|"
        r"not (?:that|my) problem"
    ),
    'greeting': (
        r"hola|"
        r"buenas|"
        r"buen dia|"
        r"buenos dias|"
        r"buenas tardes|"
        r"buenas noches|"
        r"que tal|"
        r"como va|"
        r"como andas|"
        r"hi|"
        r"hello|"
        r"good (?:morning|afternoon|evening)|"
        r"greetings|"
        r"holis|"
        r"holas|"
        r"ola|"
        r"hey|"
        r"helo|"
        r"hii"
    ),
    'thanks': (
        r"gracias|"
        r"gracia|"
        r"muchas gracias|"
        r"mil gracias|"
        r"te agradezco|"
        r"agradecid[oa]|"
        r"thanks|"
        r"thank you|"
        r"thank u|"
        r"cheers|"
        r"much appreciated|"
        r"appreciate it|"
        r"grax|"
        r"graciass|"
        r"thx|"
        r"ty|"
        r"tysm"
    ),
    'frustration': (
        r"no (?:me )?sirve(?:s|n)? (?:para )?(?:nada|un carajo|un pomo|un choto)|"
        r"esto no sirve|"
        r"no servis|"
        r"no me (?:estas |esta )?(?:ayudando|ayudas|ayuda) (?:en )?(?:nada)?|"
        r"que bronca|"
        r"bronca|"
        r"harto|"
        r"harta|"
        r"cansad[oa] de|"
        r"me tiene (?:harto|podrido|cansado)|"
        r"inutil|"
        r"una mierda|"
        r"mierda|"
        r"la puta|"
        r"puta madre|"
        r"carajo|"
        r"la concha|"
        r"que garcha|"
        r"porqueria|"
        r"no entendes nada|"
        r"no entendes|"
        r"me estas jodiendo|"
        r"dios mio|"
        r"por favor ya|"
        r"useless|"
        r"(?:youre|you are|ur) (?:not helping|useless|stupid)|"
        r"not helping|"
        r"waste of time|"
        r"stupid|"
        r"ridiculous|"
        r"sick of|"
        r"tried everything|"
        r"already tried|"
        r"damn|"
        r"shit|"
        r"doesnt help|"
        r"pointless|"
        r"ya (?:probe|hice|intente) (?:todo|de todo)|"
        r"podrido|"
        r"podrida|"
        r"garcha|"
        r"fed up|"
        r"wtf|"
        r"ffs|"
        r"fuck\w*|"
        r"no help"
    ),
}

DIALOGUE_PATTERNS: dict[str, str] = {
    'cant_do': (
        r"no me (?:animo|atrevo) a|"
        r"me pide (?:una |la )?(?:contrasena|clave) (?:que|q) no (?:se|tengo|recuerdo|me acuerdo)|"
        r"no (?:lo |la )?(?:pude|puedo|pudimos|logre|logro) (?:\S+ ){0,2}(?:hacer|probar|encontrar|sacar|abrir|entrar|hacerlo|probarlo|encontrarlo|hacer eso|seguir)|"
        r"no (?:encuentro|encontre|veo|ubico) (?:el|la|los|las|ese|esa|donde)|"
        r"no (?:tengo|tenemos) (?:otro|otra|otros|otras|un|una|donde|como|el|la)|"
        r"no (?:lo |la |le |los |las )?(?:encuentro|encontre|veo|ubico)(?! (?:ninguna |ningun )?(?:mejora|cambio|diferencia))|"
        r"(?:lo de|eso de|el de) (?:\S+ ){0,4}no se puede|"
        r"no se (?:puede|pudo) (?:hacer|sacar|abrir)|"
        r"no tiene (?:tapa|tornillos)|"
        r"no tengo (?:\S+ ){1,3}(?:como|que) (?:dice|decis|pide)|"
        r"no me (?:deja|dejo|sale|salio|aparece|aparecio)|"
        r"no (?:hay|tiene) (?:ningun|ninguna|tal|ese|esa) |"
        r"(?:asi que|entonces) no (?:puedo|pude)$|"
        r"(?:el |lo del )?paso \d (?:no )?(?:no me sirve|no aplica|no corresponde|no va)|"
        r"(?:i )?(?:dont|do not) dare|"
        r"(?:im|i am) (?:scared|afraid) to|"
        r"(?:i )?(?:cannot|cant|can not) change (?:it|that)|"
        r"(?:i )?(?:dont|do not|cant|cannot) (?:see|find) (?:\S+ ){0,3}(?:anywhere|menu|option|button)|"
        r"(?:couldnt|could not|cant|cannot|can not|wasnt able to|unable to) (?:\S+ ){0,2}(?:do|find|try|open|get|reach|access|see|locate|follow)|"
        r"(?:dont|do not) (?:have|see|find) (?:a|an|another|the|any|that|one)|"
        r"(?:so |then )?i (?:cant|cannot|couldnt)$|"
        r"(?:step \d|that step) (?:doesnt|does not) (?:apply|exist)|"
        r"(?:is|its|esta) (?:gr[ae]y|greyed out|grayed out|bloquead[oa])|"
        r"(?:es )?(?:imposible|impossible)|"
        r"(?:doesnt|does not|wont) let me|"
        r"theres no (?:such|button|option)|"
        r"it wont let me|"
        r"no (?:existe|aparece|figura|esta) (?:ese|esa|el|la|tal|ningun|ninguna) (?:\S+ )?(?:menu|opcion|boton|pestana|seccion|ajuste|configuracion|parte|cosa|item)"
    ),
    'question': (
        r"tendra (?:que|q) ver|"
        r"(?:puede|podra|podria) ser (?:por )?eso|"
        r"(?:es|sera|seria) (?:seguro|peligroso|riesgoso|normal|grave)|"
        r"(?:puedo|podria|conviene|hay que|tengo que|debo|deberia|se puede|me conviene) (?:\S+ ){0,4}(?:abrir|destapar|desarmar|usar|seguir|dejar|limpiar|mojar|cargar|sacar|enchufar|desenchufar|apagar|prender|tocar|soplar|lavar|secar|cambiar|actualizar|formatear|reinstalar|borrar|resetear)|"
        r"hay (?:peligro|riesgo)|"
        r"que (?:es|son|significa|quiere decir) |"
        r"para que sirve|"
        r"como (?:se|hago|hacemos|hacer|entro|abro|saco|veo|busco|reseteo|reinicio|actualizo)|"
        r"donde (?:esta|queda|encuentro|se ve|veo)|"
        r"could (?:that|it) be (?:the reason|why|it)|"
        r"is that (?:why|the reason)|"
        r"(?:is it|is that|would it be|will it be) (?:safe|ok|okay|dangerous|normal|bad|risky)|"
        r"(?:can|could|should|may|do) i (?:\S+ ){0,3}(?:open|use|keep|leave|clean|charge|remove|unplug|plug|turn|touch|blow|wash|dry|replace|update|format|reinstall|delete|reset)|"
        r"what (?:is|are|does|do you mean)|"
        r"whats (?:a|an|the)|"
        r"how (?:do|can|should) (?:i|you|we)|"
        r"where (?:is|do i|can i)|"
        r"what (?:does|do) (?:\S+ ){0,3}mean"
    ),
    'past_repair': (
        r"(?:que )?(?:les|le) (?:lleve|deje|traje)|"
        r"(?:pague|pagamos) (?:\S+ ){0,3}(?:para nada|al pedo|y|pero)|"
        r"(?:pague|pagamos|cobraron) (?:\S+ ){0,3}(?:y|pero)|"
        r"(?:deje|lleve|traje) (?:\S+ ){0,6}(?:y|pero) (?:ya )?(?:no|sigue|otra vez|de nuevo)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:arreglaron|repararon|entregaron|arreglaste|reparaste|revisaron)|"
        r"(?:ustedes|uds|ustedes me|les) (?:la|lo|me la|me lo) (?:arreglaron|repararon|cambiaron)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:cambiaron|arreglaron|repararon|pusieron) (?:\S+ )?(?:ustedes|uds)|"
        r"(?:ya )?se (?:las|la|lo|los) lleve|"
        r"me cobraron|"
        r"(?:ustedes|uds) me (?:cambiaron|arreglaron|repararon|pusieron|instalaron|formatearon)|"
        r"me (?:la|lo) devolvieron|"
        r"vino un tecnico de ustedes|"
        r"picked up (?:my|the) \S+ (?:from you|from your)|"
        r"after the (?:\S+ )?(?:replacement|repair|service)|"
        r"(?:you|u|you guys|they) (?:fixed|repaired|serviced|replaced) (?:it|my|the|this|that|these)|"
        r"(?:after|since) (?:the|your|you|my) (?:repair|fix|fixed|service)|"
        r"(?:picked|got) it back|"
        r"brought it (?:to you|in) (?:\S+ ){0,4}(?:and|but)|"
        r"paid (?:for|you) (?:\S+ ){0,4}(?:and|but)|"
        r"(?:your shop|you guys|your (?:tech|techs|technician)) (?:\S+ )?(?:fixed|replaced|repaired|changed)|"
        r"(?:you guys|you|your (?:shop|tech|techs)) (?:cleaned|repasted|serviced|formatted|fixed|repaired|replaced|changed) (?:\S+ ){0,3}(?:in|last|on|a)|"
        r"(?:despues|luego|desde) (?:de )?(?:la|que) (?:reparacion|arreglo|service|me la arreglaron|la arreglaron|lo arreglaron|la retire|lo retire)|"
        r"(?:la|lo) (?:retire|busque) (?:\S+ ){0,3}(?:y|pero)|"
        r"(?:les |le |se las |se la |se lo )?(?:lleve|deje|traje) (?:el|la|mi|esta|este)? ?(?:\S+ ){0,5}(?:para|a|por) (?:cambiar|arreglar|reparar|formatear|que|esto)"
    ),
    'complaint': (
        r"reclamo|"
        r"queja|"
        r"reclamar|"
        r"mal (?:arreglad[oa]|reparad[oa])|"
        r"falta de respeto|"
        r"una verguenza|"
        r"vergonzoso|"
        r"estafa|"
        r"(?:i want to|id like to|i wanna) (?:complain|file a complaint|make a complaint)|"
        r"complaint|"
        r"complain|"
        r"(?:unacceptable|ripped off|a joke|ridiculous)|"
        r"(?:quiero|voy a|vengo a) (?:hacer )?(?:un )?(?:reclamo|queja)|"
        r"impresentable"
    ),
    'negative': (
        r"calient[ea]|"
        r"enojad[oa]|"
        r"ahora (?:tiene|hace|no)|"
        r"para nada|"
        r"al pedo|"
        r"me tienen cansad[oa]|"
        r"un chiste|"
        r"asi no se puede|"
        r"otra vez|"
        r"de nuevo|"
        r"sigue|"
        r"igual|"
        r"peor|"
        r"mal|"
        r"falla|"
        r"rompio|"
        r"no (?:anda|funciona|prende|carga|imprime)|"
        r"not happy|"
        r"unhappy|"
        r"disappointed|"
        r"angry|"
        r"now it|"
        r"again|"
        r"still|"
        r"worse|"
        r"broke|"
        r"broken|"
        r"not working|"
        r"doesnt work|"
        r"stopped|"
        r"same problem|"
        r"podrid[oa]|"
        r"indignad[oa]|"
        r"volvio a|"
        r"vuelve a|"
        r"fallando"
    ),
    'correction': (
        r"no es (?:el|la|mi|un|una) \S+|"
        r"me confundi|"
        r"me confundo|"
        r"no es (?:el|la|mi|un|una) |"
        r"no era (?:el|la)|"
        r"me equivoque|"
        r"perdon es|"
        r"en realidad es|"
        r"en realidad (?:el|la)|"
        r"quise decir|"
        r"mejor dicho|"
        r"no no es|"
        r"me (?:explique|exprese) mal|"
        r"i got (?:it )?wrong|"
        r"my bad|"
        r"(?:its|it is) (?:not|actually) (?:the|my|a)|"
        r"i meant|"
        r"actually (?:its|it is|the|my)|"
        r"sorry (?:its|it is) (?:the|my|a)|"
        r"not the \S+ (?:the|my|its)|"
        r"(?:i )?(?:explained|said) it wrong|"
        r"^(?:ah |eh |uh )?no (?:para|pera|espera|wait|hold on) (?:\S+ )?es"
    ),
    'also': (
        r"(?:y )?(?:ademas|tambien|aparte|encima|de paso|otra cosa)|"
        r"y (?:la|el|mi) \S+ (?:tambien|tampoco)|"
        r"(?:also|another thing|on top of that|besides|as well|too|btw|by the way|later|mas tarde|despues (?:lo|la|vemos)|otro dia|(?:despues|luego|mas tarde) te (?:consulto|pregunto|cuento|paso)|(?:ill|i will|i ll) ask (?:you )?(?:about|later)|(?:ask|check) (?:you )?about (?:\S+ ){1,3}later|unrelated|another day|otro tema|(?:para|en) otro momento|nada que ver con esto|no tiene que ver|despues quiero|pero primero (?:esto|lo otro|terminemos)|first this)"
    ),
}

SHOP_TOPICS: dict[str, str] = {
    'hours': (
        r"(?:los )?(?:sabados|domingos|feriados) (?:abren|atienden|estan|trabajan)|"
        r"(?:abren|atienden) (?:los )?(?:sabados|domingos|feriados)|"
        r"horarios?|"
        r"(?:abren|atienden|estan abiertos|trabajan) (?:hoy|manana|el|los|sabado|sabados|domingo|domingos|feriados?|de)|"
        r"(?:cuando|que dias) (?:abren|atienden)|"
        r"(?:el |los )?(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|feriados?) (?:abren|atienden|trabajan|estan)|"
        r"(?:what|which) (?:time|hours|days)|"
        r"your hours|"
        r"(?:what|when) are (?:your|the) (?:hours|opening)|"
        r"opening hours|"
        r"(?:are you|r u) open|"
        r"when do you (?:open|close)|"
        r"(?:open|closed) (?:on|today|tomorrow|saturday|sunday)|"
        r"business hours|"
        r"(?:open|opened) (?:on )?(?:saturdays?|sundays?|weekends?|holidays?)|"
        r"(?:a que|que) hora (?:abren|cierran|atienden|estan)"
    ),
    'address': (
        r"donde (?:quedan|estan|queda(?! (?:el|la|los|las) (?!local|negocio|taller)\S+)|esta el local|los encuentro|atienden)|"
        r"direccion(?! (?:mac|ip|de correo|de mail|de email|del router))|"
        r"ubicacion|"
        r"(?:como|por donde) llego|"
        r"estacionamiento|"
        r"mapa (?:del local|de como llegar)|"
        r"(?:pasame|mandame|tenes|tienen) (?:el |un )?mapa|"
        r"where (?:exactly )?is (?:the|your) (?:store|shop)|"
        r"wheres (?:the|your) (?:store|shop)|"
        r"(?:where|wheres) (?:are you|is the shop|is your|do i go|can i find)|"
        r"address|"
        r"location|"
        r"parking|"
        r"park (?:nearby|there|my car)|"
        r"directions|"
        r"how do i get there|"
        r"estaciona\w*|"
        r"cochera"
    ),
    'prices': (
        r"cuanto (?:me |nos |te )?(?:sale|saldria|cuesta|costaria|cobran|cobrarian|cobras)|"
        r"cuanto (?:sale|cuesta|cobran|me cobran|me cobrarian|cobrarian|vale|saldria|costaria|seria)|"
        r"precios?|"
        r"presupuesto|"
        r"tarifa|"
        r"(?:cobran|sale) (?:el|la) (?:diagnostico|revision|visita)|"
        r"diagnostico (?:cuesta|sale|tiene costo|es gratis)|"
        r"what (?:do|would|will) (?:you|u) charge|"
        r"how much(?! (?:free |disk |storage )?(?:space|memory|storage|ram|battery|data|time|longer))|"
        r"price|"
        r"prices|"
        r"pricing|"
        r"cost|"
        r"costs|"
        r"fees|"
        r"quote|"
        r"estimate|"
        r"charge for|"
        r"charges for|"
        r"fee"
    ),
    'warranty': (
        r"garantia|"
        r"garantias|"
        r"(?:tienen|tiene|dan) garantia|"
        r"(?:lo )?cubre la garantia|"
        r"warranty|"
        r"guarantee|"
        r"guaranteed|"
        r"(?:is|would|will) (?:that|it|this) (?:be )?covered|"
        r"garantizan"
    ),
    'services': (
        r"en el local|"
        r"(?:ustedes |uds )?(?:arreglan|reparan|cambian|revisan|venden|instalan|configuran|recuperan) \S+|"
        r"(?:ustedes|uds) (?:hacen|tienen|venden|trabajan)|"
        r"(?:que|cuales) servicios|"
        r"(?:ustedes|uds) (?:ven|miran|atienden|reparan|arreglan|trabajan con) (?:estas cosas|esto|eso|este tipo)|"
        r"(?:home|house|on ?site) (?:visits?|calls?|service)|"
        r"(?:do you|can you) come (?:to|over)|"
        r"(?:in|at) the (?:store|shop)|"
        r"do you (?:guys )?(?:even )?(?:repair|fix) (?:those|them|these)|"
        r"(?:do|can) you (?:guys )?(?:replace|recover|fix|repair|change) \S+|"
        r"do you (?:guys )?(?:even )?(?:fix|repair|service|work on|sell|install|offer|do) \S+|"
        r"(?:pickup|pick up|delivery)|"
        r"do you (?:guys )?(?:fix|repair|service|work on|do|sell|install|come)|"
        r"services|"
        r"home visits?|"
        r"house calls?|"
        r"(?:hacen|tienen|hay) (?:visitas|servicio a domicilio|atencion a domicilio)|"
        r"a domicilio|"
        r"(?:trabajan con|laburan con|hacen|atienden|arreglan) (?:\S+ ){0,3}(?:consolas?|celulares|celus|tablets?|impresoras?|notebooks?|macs?|iphones?|tvs?|teles?|televisores|playstation|xbox|redes|camaras|equipos|pcs|computadoras|placas?|software|a domicilio|domicilio)|"
        r"(?:ustedes|uds) (?:\S+ ){0,6}(?:o solo|o solamente|o nomas|o nada mas) (?:a |con )?\S+|"
        r"(?:le )?meten mano (?:a|con)|"
        r"(?:trabajan|laburan|trabajas) con (?:la |las |el |los )?(?:play|plays|ps\d|nintendo|switch|drones?|proyectores|macs?)|"
        r"servicio a domicilio|"
        r"van a domicilio|"
        r"hacen service|"
        r"service a empresas"
    ),
    'repair_status': (
        r"(?:ya )?esta (?:lista|listo|arreglad[oa]|terminad[oa])|"
        r"(?:como va|estado de|novedades de|noticias de) (?:la|mi|el) (?:reparacion|arreglo|equipo|note|notebook|compu|pc|celu|celular|impresora|orden)|"
        r"(?:deje|traje|lleve) (?:mi|la|el) (?:\S+ ){0,3}(?:el|hace|la semana|ayer|para arreglar|para reparar|en el local)|"
        r"orden de (?:servicio|reparacion)|"
        r"que (?:les )?(?:deje|traje|lleve) (?:\S+ ){0,4}ya (?:esta|la|lo)|"
        r"(?:saben|sabes|me dicen|me podes decir) si (?:ya )?(?:esta|estaria)|"
        r"(?:les |le )?deje (?:\S+ ){0,3}(?:ya|para)|"
        r"(?:deje|traje|lleve) (?:\S+ ){0,6}(?:novedades|noticias|como va|como viene)|"
        r"(?:is|are) (?:\S+ ){1,10}ready (?:yet|for pick ?up)|"
        r"dropped (?:it )?off (?:\S+ ){0,2}(?:for repair|last)|"
        r"(?:is|are) (?:my|the) (?:\S+ ){0,6}(?:ready|done|fixed yet)|"
        r"status of (?:my|the) (?:repair|order|laptop|phone|computer|pc|printer)|"
        r"when (?:will|can) (?:i|my) (?:\S+ ){0,3}(?:be ready|pick|collect|get it)|"
        r"(?:left|dropped off|brought) (?:my|the|an|a|our) (?:\S+ ){0,3}(?:with you|at the shop|last|on|yesterday)|"
        r"(?:left|dropped off|brought in|dropped) (?:\S+ ){0,9}(?:any )?(?:update|news|status)|"
        r"(?:is it|esta|is my \S+) (?:finish|finished|done|ready|lista|listo|terminad[oa])|"
        r"(?:order|orden|ticket) (?:nro |no |#)?\d{3,}|"
        r"(?:cuando|para cuando) (?:esta|estara|me la dan|me lo dan|la puedo retirar|lo puedo retirar|puedo (?:pasar|ir) a buscar)"
    ),
}

ALREADY_DONE: dict[str, tuple[str, str]] = {
    'cable': (
        (
            r"(?:already )?(?:tried|changed|swapped|used) (?:a |another |a different |the )?(?:\S+ )?cable|"
            r"(?:ya )?(?:cambie|probe (?:con )?otro|probe otro|use otro) (?:el )?cable(?: \S+)?"
        ),
        r"otro cable|cambia el cable|another cable|a different cable|swap the cable",
    ),
    'outlet': (
        (
            r"(?:tried|used) (?:another|a different) (?:outlet|socket|plug)|"
            r"(?:ya )?(?:probe|cambie|use) (?:en |con )?otro (?:enchufe|toma|tomacorriente)"
        ),
        r"otro tomacorriente|otro enchufe|otro toma|another outlet|a different outlet",
    ),
    'charger': (
        (
            r"(?:tried|used) (?:another|a different) charger|"
            r"(?:ya )?(?:probe|cambie|use) (?:con )?otro cargador"
        ),
        r"otro cargador|another charger|a different charger",
    ),
    'restart': (
        (
            r"ya (?:lo |la )?(?:reinicie|resetee|apague y (?:lo |la )?prendi)|"
            r"(?:already )?(?:restarted|rebooted) (?:it|the \S+)? ?(?:already|twice|again)?"
        ),
        r"^restart|^reinicia|^reinicialo|^reiniciala|^reboot",
    ),
}

NUMBER_WORDS: dict[str, int] = {
    'uno': 1,
    'primero': 1,
    'primer': 1,
    'primera': 1,
    'one': 1,
    'first': 1,
    'dos': 2,
    'segundo': 2,
    'segunda': 2,
    'two': 2,
    'second': 2,
    'tres': 3,
    'tercero': 3,
    'tercer': 3,
    'tercera': 3,
    'three': 3,
    'third': 3,
    'cuatro': 4,
    'cuarto': 4,
    'cuarta': 4,
    'four': 4,
    'fourth': 4,
    'cinco': 5,
    'quinto': 5,
    'quinta': 5,
    'five': 5,
    'fifth': 5,
    'seis': 6,
    'sexto': 6,
    'sexta': 6,
    'six': 6,
    'sixth': 6,
    'siete': 7,
    'septimo': 7,
    'seven': 7,
    'seventh': 7,
    'ocho': 8,
    'octavo': 8,
    'eight': 8,
    'eighth': 8,
    'nueve': 9,
    'noveno': 9,
    'nine': 9,
    'ninth': 9,
    'diez': 10,
    'decimo': 10,
    'ten': 10,
    'tenth': 10,
}

SPANISH_WORDS: frozenset[str] = frozenset("""
ahora ai al algo anda andas antes ayuda bien buenas calienta carga celu colgo como compu con cuando
dale de del despues el en es eso esta este esto estoy favor funca funciona gracias hace hay hola
impresora imprime internet la las le llamo lo los mal mas me menos mi mis muy nada necesito no nos
notebook otra otro pantalla para pero podes por porque prende problema puedo que quiero re se si
sigue sin sos soy su tampoco te tenes tengo tiene tildo todavia todo un una vos y ya
""".split())

ENGLISH_WORDS: frozenset[str] = frozenset("""
a again an and anymore anything at be been broken but can cant charge charging computer could doesnt
dont for from get gets has have hello help hi hot how i im in is isnt it its just keep keeps laptop
my not of on phone please printer screen should slow something still stuck thank thanks that the
this to turn turns was were what when wifi with wont work working works would yes you your
""".split())

COMMON_WORDS: frozenset[str] = frozenset("""
a again ahora al algo alguien all also amiga amigo an and anda andan andas ando ano anos antes any
aquel are arreglar arreglaron arreglaste at aun available ayer ayuda bad barbaro be been being bien
boludo buen buenas bueno buenos but by bye cambiar cambiaron can casa chau che claro clase clases
cliente clientes cobrar cobraron comedor como con confundi confundo cosa cosas could cual cuando
cuartito cunada cunado dale day de deje del desde despues dia dias did direccion disculpa disculpas
do does donde dormitorio down e el ella ellos en entre entregaron era es esa escuela ese eso esposa
esposo esta estaba estacionar estan estar estas este esto estoy facu facultad fallar fallo favor for
from fue funciona garantia garantias genial good gracias habia hace hacen had hago has hasta have
hay he hello help hermana hermano hermanos hey hi hice hija hijo hizo hola home hora horario
horarios horas hoy i if igual in instalaron instale instalo intente is it jaja jajaja job joya juego
juegos just la las le les listo living lleve lo local loco lol los luego mal manana many marido mas
me mejor menos mes mi minuto mis misma mismo mochila more most much mucha mucho mujer muy my nada
nadie necesita necesito need new ni night no noche noches none nono nos nosotros not nothing novia
novio nueva nuevo nunca o of office oficina ok old on or out over para partido pasada pasadas pasado
paso pasos pelicula peliculas people peor perdon perdona perfecto pero person pieza please podes por
porque posta presupuesto prima primo probamos probe project projects proyecto proyectos pude puede
pueden puedo que queres quien quiere quiero rato re really reparar repararon reparaste retiraron
retire revisar revisaron revisaste school se semana senor senora ser serie series she shop should si
siempre sigue siguen sin sisi so sobre sobrina sobrino sola solo some somebody someone something son
still store su suegra suegro sus tambien tampoco tarde tardes te tenes tengo tenia thank thanks that
the their them then these they this those tia tiene tienen time tio to todavia today todo todos
tomorrow too trabajo traje trajeron tu tus u ubicados un una unas under unos up urgente usted veces
vecina vecino very vez vieja viejo volver volvio vos vuelve want was we were what whatsapp which who
whom will with without work would y ya yes yesterday yo you your
""".split())

PROFANITY: frozenset[str] = frozenset("""
asshole bastard bitch boba bobo boluda boludo chota choto concha conchuda conchudo cornudo culo cunt
damn dick dumb estupida estupido forra forro fuck fucker fucking garcha gil gila hdp idiot idiota
imbecil mierda mogolica mogolico moron orto pajera pajero pelotuda pelotudo pija ptm puta puto
retard shit sorete stupid tarada tarado tonta tonto trolo verga wtf
""".split())

PROFANE_PHRASES: str = (
    r"la concha|"
    r"hijo de puta|"
    r"hija de puta|"
    r"la puta|"
    r"son of a|"
    r"go to hell|"
    r"screw you|"
    r"chupame|"
    r"andate a la"
)

NAME_INTROS: str = (
    r"me llamo|"
    r"mi nombre es|"
    r"mi nombre|"
    r"soy|"
    r"soi|"
    r"me dicen|"
    r"decime|"
    r"llamame|"
    r"habla|"
    r"te habla|"
    r"le habla|"
    r"aca|"
    r"aqui|"
    r"my name is|"
    r"my names|"
    r"my name|"
    r"im|"
    r"i am|"
    r"i m|"
    r"this is|"
    r"call me|"
    r"its|"
    r"it s|"
    r"name is|"
    r"nombre|"
    r"myself"
)

NAME_PARTICLES: frozenset[str] = frozenset("""
da de del della den der di dos du la las le los mc ter van von
""".split())
