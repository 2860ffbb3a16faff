"""Problem patterns: weighted phrases per problem (the words they are built from are in `symptoms`)."""

from __future__ import annotations

from stichat.domain.vocabulary.macros import Pattern
from stichat.domain.vocabulary.software import SOFTWARE_PROBLEM_PATTERNS
from stichat.domain.vocabulary.symptoms import LIQUID, OS, START, TURN_ON

_BEFORE_SOFTWARE: dict[str, tuple[Pattern, ...]] = {
    "no_power": (
        (r"(?:lights?|luces|luz) (?:are |is )?(?:all )?(?:off|apagad[oa]s?)|no (?:lights?|luces)|ninguna luz|"
         r"(?:no (?:prende|enciende) )?ninguna (?:luz|lucecita)", 2.4),
        (r"(?:no (?:me )?(?:prende|enciende)|wont turn on|doesnt turn on) (?:\S+ ){0,4}(?:luz|led|lucecita|light) "
         r"(?:roja|naranja|red|orange)", 3.0),
        (r"no (?:vuelve|volvio) a (?:prender|encender|arrancar)|(?:wont|doesnt) (?:come back|turn back) on", 2.9),
        (r"(?:no tiene|sin) (?:ninguna )?(?:luz|luces)(?: \S+)?|ninguna luz|ni una luz|no lights?(?: at all|"
          r" on)?", 2.8),
        (r"ni (?:el )?ventilador (?:gira|arranca|se mueve)|no (?:prende|enciende) mas|(?:wont|"
          r"doesnt) turn (?:back )?on|"
         r"no (?:prende|enciende)(?: \S+){0,3} aunque|(?:no|nunca) (?:prende|enciende)(?: \S+)* boton", 2.5),
        (rf"{{NEG}} {{CL}}{TURN_ON}", 1.6),
        (r"no da (?:ni )?senales? de vida|no hace nada|ni (?:una )?(?:luz|lucecita|lucesita)|"
         r"no (?:tiene|le llega|hay) (?:corriente|energia)|no power|wont power|completely dead|"
         r"esta muert[oa]|se murio|murio|quedo muert[oa]|is dead|its dead|dead|died", 1.3),
        (r"(?:apreto|aprieto|toco) {G}boton {G}(?:y )?(?:no pasa nada|nada)|nothing happens", 1.8),
        (r"{NEG} {CL}(?:arranca|arrancan|arranco|arrancar|start|starts)", 1.1),
        (r"no (?:lo|la) puedo (?:prender|encender)|(?:cant|cannot) (?:turn|power) (?:it )?on", 1.8),
    ),
    "no_boot": (
        (r"(?:stuck|clavad[oa]|se queda|queda) (?:on|at|en) (?:the |el |la |los )?(?:windows )?(?:loading|spinning|"
         r"puntitos|circulo|circulito|rueda)(?: (?:circle|dots|wheel|screen))?|loading circle|circulito de carga", 2.9),
        (r"(?:gets|goes|llega|pasa) (?:to|hasta|del?) (?:the )?(?:logo|marca|windows logo|apple logo|"
         r"manzana)(?: \S+){0,4} "
         r"(?:restarts|reboots|se reinicia|se apaga|shuts off|turns off|vuelve a empezar)|(?:restarts|reboots|"
         r"restarting|"
         r"rebooting) over and over", 3.0),
        (r"windows no (?:se )?(?:pudo|puede) (?:iniciar|arrancar|cargar)|"
         r"(?:windows|it) (?:could not|couldnt|failed to) "
         r"(?:start|load|boot)(?: correctly| properly)?", 2.8),
        (r"no bootea|wont boot|(?:se )?reinicia (?:sol[oa] )?antes de (?:que )?(?:cargue|entre|arranque|inicie)|"
         r"(?:queda )?en (?:un )?bucle|"
         r"(?:restarts|restarting|reboots|rebooting) before (?:windows|it) (?:loads|starts)|(?:restarts|reboots|"
         r"restarting|rebooting) again and again", 2.7),
        (r"folder with a question mark|carpeta con (?:un )?signo de pregunta|boot animation", 2.9),
        (r"pantalla negra con (?:letras|texto|un cursor)|black screen with (?:white )?(?:text|letters|a cursor)", 2.8),
        (r"(?:reinicia|reinician|reboot\w*|restart\w*) (?:\S+ ){0,3}(?:en el |on the |at the )?(?:logo|boot)|"
         r"boot ?loop\w*|loop|loops|looping|never (?:reaches|gets to) (?:the )?(?:login|desktop|windows)", 2.9),
        (r"(?:stuck|clavad[oa]|trabad[oa]|tildad[oa]|colgad[oa]|queda|se queda|frozen|"
          r"hangs) (?:\S+ ){0,5}(?:logo|marca|"
         r"manzanita|apple logo|inicio|boot|splash)|(?:logo|marca) (?:\S+ ){0,4}(?:y no (?:sigue|pasa|avanza)|"
         r"no (?:sigue|pasa))", 2.7),
        (rf"{{NEG}} {{CL}}(?:{START}|carga|cargar|entra|entrar|abre|boot|boots|load|loads|start|starts) "
         rf"{{ART}}{OS}", 2.3),
        (rf"{OS} {{G}}{{NEG}} {{CL}}(?:{START}|carga|boot|boots|load|loads|start|starts)", 2.3),
        (r"(?:se queda|queda|quedo|se clava|se traba|se tilda|se cuelga|stuck|freezes|hangs) (?:en|on|at)? ?"
         r"(?:el |la |the )?(?:logo|inicio|arranque|pantalla de (?:inicio|carga)|bios|circulito|ruedita|"
         r"cargando|preparando|reparando|loading|boot|startup|spinning|windows logo)", 2.4),
        (rf"{TURN_ON} (?:\S+ )?(?:pero|but) {{G}}(?:no|doesnt|wont|does not) "
         rf"(?:{START}|carga|entra|boot|load|start)", 2.5),
        (r"reparacion automatica|preparando reparacion|automatic repair|boot ?loop|bootloop|boot loop|"
         r"dispositivo de arranque|boot device|bootable|operating system not found|bootmgr|no boot|"
         r"wont boot|fails to boot|cursor titilando|pantalla negra con (?:el )?cursor", 2.5),
        (r"(?:se )?reinicia\w* (?:en loop|una y otra vez|antes de (?:arrancar|cargar|iniciar)|sin parar y no)", 2.3),
    ),
    "no_display": (
        (r"no (?:da|tira|tiene|hay|sale) (?:\S+ )?(?:senal|video|imagen)|(?:no sale|no se ve|no muestra) nada (?:x|"
         r"por|en) "
         r"(?:el |la )?(?:hdmi|pantalla|monitor|tele|tv)|(?:en|on) (?:la|el|mi|my|the) (?:torre|pc|compu|desktop) "
         r"no (?:sale|se ve|aparece) nada", 2.7),
        (r"(?:queda|se pone|esta|se ve) (?:\S+ )?(?:en )?negr[oa] (?:\S+ ){0,3}(?:pero|y) (?:se escucha|hay|tiene|"
         r"anda) "
         r"(?:el )?(?:audio|sonido)|(?:has|hear|hay) (?:the )?(?:sound|audio|sonido) but (?:no|the screen|"
         r"nothing)", 3.0),
        (r"(?:picture|image|imagen) (?:is )?(?:gone|se fue)|has sound but (?:no|the) (?:picture|image)|"
         r"tiene sonido (?:pero|y) no (?:tiene )?imagen", 2.8),
        (r"no (?:aparece|sale|se ve|muestra) nada en (?:el monitor|la pantalla|la tele|el monitor ni)|nothing (?:shows|"
         r"appears|comes) (?:up )?on (?:the |my )?(?:screen|monitor|display)", 2.9),
        (r"(?:dice|muestra|says|shows) (?:\S+ )?(?:sin senal|no signal|no hay senal)|sin senal|no signal", 2.8),
        (r"(?:shows|showing|displays) (?:nothing|no (?:image|picture|signal))|no proyecta|(?:la )?imagen no "
         r"(?:aparece|sale)|no (?:aparece|sale) (?:la )?imagen|monitor (?:\S+ ){0,3}(?:works|anda|funciona) "
         r"(?:\S+ ){0,5}(?:but not|pero no|con esta no|not with|not on)", 2.5),
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
        (r"(?:wont|doesnt|does not|will not|cant|isnt) (?:display|show|showing|displaying) (?:anything|nothing|"
         r"an image|a picture|any image|any picture|video)", 2.5),
        (r"(?:ventiladores?|fans?|coolers?|luces|lights) {G}(?:giran|gira|spin|spinning|prenden|on|andan) {G}"
         r"(?:pero|but) {G}(?:no (?:hay|da|tiene|sale) (?:imagen|video|senal)|no (?:image|picture|display|signal))",
         3.0),
        (r"(?:pantalla|imagen|screen|display|monitor) {G}(?:parpadea|titila|tiembla|flicker\w*|rayas|lineas|"
         r"franjas|se ve mal|manchas)|(?:parpadea|titila|tiembla|rayas|lineas|franjas) {G}"
         r"(?:pantalla|imagen|screen)|flicker\w*|lines on (?:the )?screen", 2.0),
        (r"parpadea|titila|flickers", 0.8),
    ),
    "slow": (
        (r"lent[oa]s?|lentisim[oa]s?|lentitud|lentisimo|ralentiz\w*|tortuga|"
         r"slow|slowly|slower|sluggish|laggy|lagging|lags|lag", 1.6),
        (r"(?:tarda|tarde|tardan|demora|demore) (?:\S+ ){0,2}(?:minutos|horas|siglos|una eternidad) en (?:prender|"
         r"arrancar|iniciar|cargar|encender|abrir|bootear)|takes (?:\S+ ){0,2}(?:minutes|ages|forever) to (?:boot|"
         r"start|"
         r"load|turn on)", 2.4),
        (r"tarda (?:mucho|una eternidad|anos|banda|siglos|demasiado|una banda|horas|un monton)|"
         r"(?:tarda|demora) {G}en (?:prender|arrancar|iniciar|abrir|cargar|encender|responder)|demora mucho|"
         r"takes (?:forever|ages|a long time|so long|minutes)|se pone pesad[oa]|anda pesad[oa]|muy pesad[oa]", 1.9),
        (r"(?:take|takes|taking) (?:forever|ages|so long|too long|a long time) to "
         r"(?:start|boot|load|open|turn on)", 2.4),
    ),
    "freezes": (
        (r"(?:screen|pantalla) (?:is |esta |se quedo |queda )?(?:frozen|congelad[oa]|trabad[oa]|tildad[oa]|"
         r"colgad[oa])", 2.6),
        (r"(?:keeps |se )?(?:switching|turning|shutting) (?:itself )?(?:off|down)(?: \S+){0,3} (?:in the middle|while|"
         r"during|mid)|se apaga (?:sol[oa] )?(?:en medio|mientras|jugando)", 2.5),
        (r"(?:se )?(?:me )?(?:queda|quedo) (?:congelad[oa]|pegad[oa])|congelad[oa] (?:y|la)", 2.5),
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
        (r"(?:wifi|wi fi) (?:\S+ )?(?:wont|doesnt|does not|no) (?:\S+ )?(?:turn on|switch on|prende|enciende|"
         r"se activa|activa)",
         3.0),
        (r"(?:lose|loses|losing|lost|drop|drops|dropping) (?:the )?(?:wifi|wi fi|internet|connection|signal)|"
         r"(?:pierde|pierden|"
         r"perdio|perdieron) (?:el |la )?(?:wifi|internet|senal|conexion)", 2.4),
        (r"(?:wifi|red|network) (?:\S+ ){0,4}(?:wrong|incorrect) password|(?:wrong|incorrect) password (?:\S+ ){0,5}"
         r"(?:wifi|network)|cant join (?:the |my )?(?:\S+ )?(?:wifi|network)|"
         r"contrasena incorrecta (?:\S+ ){0,2}(?:wifi|red)|"
         r"(?:wifi|red) (?:\S+ ){0,3}contrasena incorrecta", 2.8),
        (r"(?:cant|can not|cannot|wont|dont|doesnt|unable to) (?:get|connect|go|stay) (?:on|to|onto) (?:the )?"
         r"(?:wifi|internet|network)|none of (?:our|my|the) (?:devices|things) (?:\S+ ){0,2}(?:connect|get on|"
         r"work on)", 2.6),
        (r"(?:tv|tele|smart|televisor) (?:\S+ ){0,3}(?:dice|says|shows|muestra) (?:sin conexion|no connection|"
         r"no internet|error de (?:red|conexion))|(?:ethernet|cable de red) (?:\S+ ){0,2}(?:not working|no anda|"
         r"no funciona|doesnt work)", 3.0),
        (r"(?:wont|doesnt|cant|can not|cannot) (?:join|connect to) (?:it|the wifi|the network|this network|my wifi)|"
         r"cant connect to (?:this|the) network", 2.4),
        (r"ni (?:el|la|mi) \S+ ni (?:el|la|mi) \S+ (?:tienen|agarran|se conectan|conectan|tiene)|ningun\w* "
         r"(?:\S+ ){0,2}(?:tiene|agarra|se conecta|conecta) (?:internet|wifi|red)|none of (?:my|the) devices", 2.4),
        (r"(?:lucecita|luz|led) (?:\S+ )?los|los (?:en rojo|titila|titilando|prendida|roja)|"
          r"titila (?:\S+ )?(?:luz|lucecita) los|"
         r"went offline|red los", 2.9),
        (r"(?:keeps )?(?:going|goes) offline|se (?:desconecta|cae) (?:\S+ )?(?:de la red|del wifi|"
          r"todo el tiempo)", 2.6),
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
        (r"(?:charges|carga) (?:fine|bien|perfecto) (?:\S+ ){0,5}(?:but|pero) (?:\S+ ){0,2}(?:doesnt|does not|wont|"
         r"no)(?!\S)",
         2.2),
        (r"(?:se (?:me )?quemo|quemado|burnt|burned out|fried) (?:\S+ )?(?:el |la |the |my )?(?:cargador|charger)|"
         r"(?:cargador|charger) (?:\S+ )?(?:quemado|burnt|fried)", 2.5),
        (r"(?:charges|charging|carga) (?:super |really |very |so |re |muy |mega )?(?:slow|slowly|lento|despacio|"
         r"lentisimo)|"
         r"dies by (?:lunch|noon|midday|the afternoon)|(?:se muere|muere) (?:antes del|al) mediodia", 2.7),
        (r"se (?:me |le )?apaga (?:sola )?(?:apenas|cuando|si) (?:la |lo )?desenchufo|(?:dies|shuts off|turns off) "
         r"(?:\S+ )?(?:when|as soon as) (?:i )?unplug", 2.9),
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
        (r"(?:llega|llegan|sube|suben|pasa|pasan|marca|hits|reaches|gets to|goes to|over) (?:a |de |los |to |the )?"
         r"\d{2,3} ?(?:grados|degrees|c)(?!\S)", 2.6),
        (r"se (?:me |le )?(?:re |muy |super )?(?:calienta|calento|calientan|recalienta|recalento|calentaba|"
         r"pone (?:muy |re |super )?"
         r"caliente|pone hirviendo)", 2.3),
        (r"(?:muy |re |demasiado |super |bastante )?(?:caliente|hirviendo)|recalentamiento|recalentad[oa]|"
         r"calentamiento|temperatura|calor|quema|quemando|olor a quemad[oa]|huele a quemad[oa]|"
         r"smells? (?:like )?burn\w*|burning smell|overheat\w*|burning up|too hot|heat|"
         r"(?:get|gets|getting|runs|running|is|very|really|so|super) (?:very |really |so |too |super |this |that )?hot|"
         r"(?:gets|getting|runs|running|is) (?:this|that|so|very|really|too) (?:warm|hot)",
         1.9),
        (r"ruido {G}(?:de |del )?(?:ventilador|cooler|fan)|(?:ventilador|cooler) trabad[oa]|fan (?:is )?stuck|"
         r"(?:ventilador|ventiladores|cooler|coolers|fan|fans|ventilacion) {G}(?:hace (?:mucho )?ruido|"
         r"suena|gira|a full|al palo|ruidos[oa]|no para|no gira|no anda|loud|noisy|constantly|always|"
         r"spinning|making|running|sopla)|(?:ruido|noise) (?:del|de el|de los|from the|of the) "
         r"(?:ventilador|cooler|fan)|loud fan|noisy fan|parece un avion|like a jet", 2.3),
        (r"ventilador|cooler|hace (?:mucho )?ruido|zumbido|ruido|noise|noisy|loud", 1.0),
    ),
    "no_sound": (
        (r"(?:speakers?|sound|audio|parlantes?) (?:\S+ )?(?:crackle|crackles|crackling|buzz|buzzes|"
         r"chisporrotea\w*)", 2.7),
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
        (r"(?:teclado|keyboard) (?:\S+ ){0,10}(?:no escribe|dejo de escribir|doesnt type|wont type|stopped typing)|"
         r"(?:no escribe|dejo de escribir|stopped typing) (?:\S+ ){0,2}(?:el|la|mi|the|my)? ?(?:teclado|"
         r"keyboard)", 2.7),
        (r"card error|error (?:de|en) (?:la )?tarjeta|cartucho no reconocido|no reconoce el cartucho", 2.6),
        (r"(?:keyboard|trackpad|touchpad|teclado|teclas) (?:\S+ ){0,3}(?:stopped responding|not responding|"
         r"no responde|no responden|dejo de responder|dejaron de responder|dont respond|doesnt respond)", 2.5),
        (r"(?:controller|control|joystick|mando|auriculares|headphones|headset|parlante|speaker) (?:\S+ ){0,4}"
         r"(?:wont|doesnt|no|not) (?:\S+ )?(?:connect\w*|"
          r"conecta|pair\w*|"
         r"empareja|responde)", 2.8),
        (r"(?:isnt|is not|not|never) (?:being )?(?:detected|recognized|recognised)|wont pair|(?:wont|doesnt|cant|"
         r"does not|will not) sync|no (?:se )?sincroniza|"
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
        (r"(?:me )?traba el papel|se (?:me )?traba (?:el )?papel|papel (?:\S+ )?(?:trabado|arrugado)|sale (?:todo )?"
         r"arrugado|paper (?:keeps )?(?:jamming|crumpl\w*)", 2.8),
        (r"(?:saca|salen|sale|imprime) (?:\S+ ){0,2}(?:hojas|paginas|copias|impresiones) (?:\S+ ){0,2}(?:rayas|manchas|"
         r"manchad\w*|borros\w*)|(?:pages|prints|sheets) (?:\S+ ){0,2}(?:streaks|smudges|lines)", 2.9),
        (r"(?:dice|figura|aparece|says|shows|sale) (?:\S+ )?(?:sin conexion|desconectada|offline)|"
          r"no (?:me )?(?:toma|agarra|"
         r"tira|saca|carga) (?:\S+ )?(?:el |la |las )?(?:papel|hoja|hojas)", 2.8),
        (r"(?:error|falta|sin|low|out of) (?:de )?(?:toner|tinta|cartuchos?|ink|cartridges?)|(?:toner|cartridge|ink) "
         r"(?:error|low|empty)", 2.7),
        (r"(?:shows|says|appears|aparece|figura|dice|sale) (?:as |como )?(?:offline|fuera de linea|desconectad[oa])",
         2.6),
        (r"(?:imprime|prints|printing|salen|come out) (?:\S+ ){0,3}(?:rayas|lines|blank|en blanco|manchad\w*|borros\w*|"
         r"streaks|faded|lavad[oa]s)|no me deja imprimir|(?:cant|cannot|wont|doesnt) print", 2.8),
        (r"(?:se traba|atasca|se atasca|trabado|atascado) (?:\S+ ){0,3}(?:papel|hoja|hojas)|(?:papel|hoja|"
          r"hojas) (?:\S+ ){0,2}"
         r"(?:se traba|atasca|trabad[oa])|(?:cartuchos?|tinta|toner|cartridges?|ink)(?: \S+){0,5} (?:no )?(?:los |lo )?"
         r"(?:reconoce|detecta|recognize\w*|detect\w*)|(?:no )?(?:reconoce|detecta) (?:\S+ ){0,2}(?:cartuchos?|"
         r"tinta|toner)", 2.7),
        (r"(?:send|sent|mando|mande|envio|envie) (?:a |un |el |the )?(?:document|documento|archivo|file|pdf|hoja)s? "
         r"(?:\S+ ){0,2}(?:nothing|no pasa nada|no sale|nada|doesnt|it doesnt|no imprime)", 2.6),
        (r"no (?:saca|tira|larga|agarra|toma) (?:\S+ )?(?:hojas?|papel|copias?|impresiones)|(?:wont|doesnt|does not) "
         r"(?:print|feed|take paper)|paper jam|atasc\w*|mancha\w* (?:\S+ ){0,2}hojas", 2.4),
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
}

_AFTER_SOFTWARE: dict[str, tuple[Pattern, ...]] = {
    "other": (
        (r"(?:que|q|which|what) (?:\S+ ){0,2}(?:me conviene|conviene comprar|should i (?:buy|get))|"
         r"(?:me )?(?:recomendas|recomiendan|recommend) (?:una|un|a|an) ", 2.4),
        (r"gps|ubicacion|me ubica|location is wrong|rotation|auto ?rotate|rotacion|no gira la pantalla", 2.2),
        (r"vibra|vibrate|vibrates|vibration|vibracion", 2.0),
        (r"(?:upgrade|add|put (?:in )?more|more|extra) ram|(?:ampliar|agregar|sumar|poner mas) (?:\S+ )?"
         r"(?:ram|memoria)", 2.8),
    ),
    "physical_damage": (
        (r"(?:touches|toques|clicks|taps) (?:\S+ )?(?:by itself|on its own|sol[oa]s?)|ghost touch\w*|"
         r"(?:se )?(?:toca|presiona) sol[oa]", 2.6),
        (r"(?:hizo|tiro|saco|largo|salieron) chispas|chispazo|sparks|sparked|sparking", 2.6),
        (r"(?<!gracias )(?<!sos un )(?<!sos una )(?<!genio )(?<!capo )(?<!mil )crack(?!l)\w*|rajad[oa]|rajadura|"
         r"partid[oa]|"
         r"astillad[oa]", 2.6),
        (r"washing machine|lavarropas|lavarropa|se (?:me )?cayo al (?:agua|inodoro|pileta)", 2.6),
        (r"se (?:me |le |nos )?(?:cayo|cayeron|golpeo|golpearon|mojo|mojaron|rompio|rajo|partio|quebro|"
         r"doblo|hincho|quemo|fisuro|estrello)|me (?:la |lo )?(?:pisaron|tiraron|golpearon|rompieron)|"
         r"(?:la |lo )?(?:pise|aplaste|tire|golpee|rompi|moje)", 2.3),
        (rf"(?:le |me |se )?(?:cayo|tire|tiro|derrame|derramo|volque|volco|se volco|se derramo|spilled|spill) "
         rf"(?:\S+ ){{0,3}}{LIQUID}|{LIQUID} {{G}}(?:encima|arriba|sobre|on)|mojad[oa]|liquido|water damage|"
         r"got wet|spilled|spill|fell in (?:the )?(?:water|pool|toilet)", 2.6),
        (r"(?:pantalla|vidrio|display|screen|glass|carcasa|tapa|bisagra|ficha|pin|puerto|enchufe) "
         r"(?:\S+ )?(?:rot[oa]|partid[oa]|rajad[oa]|astillad[oa]|quebrad[oa]|estallad[oa]|trizad[oa]|destruid[oa]|"
         r"cracked|broken|shattered|smashed|bent|doblad[oa]|floja|suelt[oa])|"
         r"(?:rot[oa]|partid[oa]|rajad[oa]|cracked|broken|shattered|smashed) (?:la |el |the |my )?"
         r"(?:pantalla|vidrio|display|screen|glass|bisagra|hinge)|bisagras?|hinge", 2.5),
        (r"dropped|fell|cayo|(?<!de )golpe|golpeada?o?|fisura|abollad[oa]|cracked|shattered|smashed|"
         r"roto|rota|rompi|broken", 1.4),
    ),
}

#: Every problem's patterns, in the order the rules are tried.
PROBLEM_PATTERNS: dict[str, tuple[Pattern, ...]] = {**_BEFORE_SOFTWARE, **SOFTWARE_PROBLEM_PATTERNS, **_AFTER_SOFTWARE}
