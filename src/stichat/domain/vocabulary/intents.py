"""Intent and dialogue-act patterns: yes and no, follow-ups, requests for a person, questions, shop topics."""

from __future__ import annotations

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
        r"(?:\S+ )*(?:ahora|ya) (?:va|anda) (?:mucho |re )?(?:mas )?(?:rapido|rapida|bien|normal)(?: \S+)*|"
        r"(?:\S+ )*ya responde(?: \S+)*|(?:its|it s) alive(?: \S+)*|(?:\S+ )*finally (?:started|booted|works|"
        r"turned on|connected|charges|printed)(?: \S+)*|(?:\S+ )*(?:ya|ahora si) se (?:escucha|ve|conecta|"
        r"carga)(?: \S+)*|(?:\S+ )*se instalo(?: \S+)*|(?:\S+ )*ya no (?:salio|salieron|aparecio|"
        r"volvio a salir) mas(?: \S+)*|(?:\S+ )*(?<!not )(?:printing|working|charging|booting) now(?: \S+)*|"
        r"(?:ahora|ya) (?:vuela|anda como nueva|anda como nuevo)|(?:\S+ )*(?<!no )dejo de (?:parpadear|fallar|"
        r"apagarse|calentar\w*|tildarse|trabarse|colgarse|cortarse|hacer ruido|reiniciarse)(?: \S+)*|"
        r"(?:\S+ )*stopped (?:flickering|crashing|freezing|dropping|restarting|overheating|beeping)(?: \S+)*|"
        r"(?:\S+ )*(?:its|it is|theyre|they are|\S+s are|\S+ is) (?:all )?gone(?: now)?(?: \S+)*|"
        r"(?:ya |ahi |ahora )?volvio a (?:andar|funcionar|funcar|prender|arrancar|conectar|cargar|imprimir|sonar|"
        r"encender)(?: \S+)*|"
        r"(?:ahi|ya|ahora) volvio(?! a\b)(?: \S+)*|(?:\S+ ){3,}listo$|"
        r"(?:\S+ )*(?:resulta que|turns out|el problema era|the problem was|the issue was|it was (?:just )?(?:the|a))"
        r"(?!(?: \S+)* (?:no|not|nunca|ni|doesnt|dont|wont|cant|isnt|didnt|sigue|still|todavia)(?!\S))(?: \S+)*|"
        r"(?:\S+ )*(?:ahora|now|ya) (?:\S+ ){0,4}(?:en un toque|rapidisimo|volando|de diez|"
        r"(?:senal|conexion|bateria) (?:completa|llena|al maximo)|in under a minute|in seconds|super fast|perfectly)"
        r"(?: \S+)*|(?:\S+ )*(?<!not )(?<!isnt )(?:smooth|quick|fast|quiet|stable|snappy) now(?: \S+)*|"
        r"(?:\S+ )*(?:everything|it|todo) (?:\S+ )?(?:types|works|prints|charges|boots|connects|loads|plays|scrolls|"
        r"clicks|moves|sounds|anda|funciona|carga|imprime) (?:again|de nuevo|otra vez)(?: \S+)*|"
        r"(?:\S+ )*(?:boots|starts|arranca|prende|inicia|carga|abre) (?:\S+ ){0,3}(?:in under|en menos de|en un toque|"
        r"rapidisimo|en segundos|in seconds)(?: \S+)*|(?:\S+ )*without (?:a single|any) (?:jam|error|crash|drop|"
        r"cut|problem|issue)s?(?: \S+)*|(?:\S+ )*(?:lleva|hace) (?:\S+ ){0,3}(?:prendid[oa]|andando|funcionando) "
        r"sin (?:apagarse|cortarse|colgarse|tildarse|reiniciarse)(?: \S+)*|(?:\S+ )*chau (?:pantallazos?|virus|"
        r"publicidad|publicidades|cartel|carteles|error|errores|problema|ruido|ventanitas)(?: \S+)*|"
        r"(?:ahi|ya) pude(?: \S+)*|(?:\S+ )*(?:ya|ahora) (?:\S+ ){0,5}tengo (?:\S+ )?(?:senal|internet|wifi|sonido|"
        r"imagen|conexion)(?: \S+)*|(?:\S+ )*(?:been|is|its) (?:stable|solid|"
        r"fine) (?:for|since|now)(?: \S+)*|"
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
        r"(?:works|working|prints|boots|charges|streams|connects) (?:fine|ok|okay|great|perfectly)(?: \S+)?(?: now)?|"
        r"got it (?:working|to work|going|running|fixed|sorted)(?: \S+)*|"
        r"(?:\S+ )*(?:ahora|ya) (?:arranca|inicia|carga|dura|prende|abre|va)(?: \S+){0,3} (?:rapido|mas|bien|normal|"
        r"un monton)(?: \S+)*|(?:\S+ )*(?:creo que |parece que )?ya esta$|(?:\S+ )*se fue todo(?: \S+)*|"
        r"(?:\S+ )*lasting (?:way |much |a lot )?longer(?: \S+)*|"
        r"(?:\S+ )*(?:now|and) (?:it )?(?:opens|works|loads|starts|runs|boots)(?: \S+){0,2}$|(?:\S+ )*all good$|"
        r"(?:\S+ )*(?<!todavia )no (?:me )?(?:salio|aparecio|se corto|se colgo|se tildo|fallo|se apago|se reinicio) "
        r"mas(?: \S+)*|^ahora si$|^ahora si (?:\S+ )?(?:anda|funciona|ya|gracias)(?: \S+)*|"
        r"(?:\S+ )*ya (?:me )?(?:aparece|aparecen|recupere|pude entrar|entre)(?: \S+)*|"
        r"(?:ahi|ya|ahora) (?:si )?(?:agarro|agarra|engancho|engancha|suena|suenan|se escucha|se ve|"
        r"se conecto)(?: \S+)*|"
        r"^(?:listo |ya |ahora )?(?:anda|funciona|funca|prendio|arranco|suena)(?: (?:era|gracias|genial|joya|"
        r"perfecto|che|man)\b.*)?$|(?:listo|anda|ya anda|ya esta|ahi esta|ahi anda)(?: \S+){0,2} era "
        r"(?:el|la|los|las|un|una|eso|por)\b.*|(?:\S+ )*(?:much |way |so |a lot )?(?:smoother|quicker|snappier) now"
        r"(?: \S+)*)"
    ),
    "persists": (
        r"(?:\S+ )*(?:hace|es|pasa) (?:exactamente |justo )?lo mismo(?: \S+)*|(?:\S+ )*(?<!da )lo mismo$|"
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
        r"(?:probe|hice|intente|segui) (?:\S+ ){0,4}(?:y|pero) (?:nada|sigue|igual|no(?! (?:me |se |le |lo |la )?"
        r"(?:salio|aparecio|paso|fallo|corto|colgo|tildo|reinicio|apago) mas))|no (?:paso|cambio) nada|"
        r"ninguno (?:\S+ ){0,3}(?:funciono|anduvo|sirvio|ayudo|resulto)|no (?:funciono|anduvo|sirvio) ninguno|"
        r"none of (?:\S+ ){0,3}(?:worked|helped|fixed it|did anything)|^nada (?!mas\b|que ver\b|gracias\b)\S+|"
        r"(?:rebooted|restarted|crashed|froze|frozen|died|shut (?:down|off)|turned off|disconnected|dropped|"
        r"failed|overheated|jammed|beeped|blue screened|reboots|restarts|crashes|freezes|dies|drops|loops|"
        r"looped|looping|fails|shuts (?:down|off)) "
        r"(?:\S+ )?again|"
        r"sin (?:cambios|suerte|resultado)|nada de nada|ni bola|sigo (?:igual|sin|con)|(?:\S+ )*(?:y|"
        r"pero) nada(?: \S+)?|"
        r"ni ahi(?: \S+){0,4}|ya fue|(?:\S+ )*(?:se )?(?:sigue|siguen|continua|continuan)(?: \S+)*|"
        r"(?:\S+ )*still(?: \S+)*|no (?:improvement|difference|luck)(?: \S+)*|none of (?:the|your|these) "
        r"(?:steps|things|tips|checks)(?: \S+)*|not (?:any )?better|same thing(?: \S+)*|nada mejoro|no mejoro|"
        r"no sale nada|(?:se )?sigue (?:cortando|apagando|tildando|trabando|colgando)|"
        r"(?:no|nope|nah) (?:still|same|nothing)|none of (?:them|those|these|it) (?:worked|helped|did anything)|"
        r"nothing (?:worked|happened|changed|helped)|(?:didnt|did not|doesnt|does not) (?:change|do) "
        r"(?:anything|a thing)|same as before|still the same|no difference|no dice|didnt do anything|"
        r"still (?:happening|doing it|there|dead|off|slow|hot|frozen|stuck|no)|"
        r"(?:\S+ ){2,}(?<!do )(?<!break )(?<!lose )(?<!cost )(?<!delete )(?<!erase )(?<!shows )(?<!showing )"
        r"(?<!say )nothing(?: (?:happened|at all|changed))?$|"
        r"(?:y|pero) (?:es |da |pasa |hace )?lo mismo|(?:\S+ )*(?:error|errores|falla|fallando|tira|sale|"
        r"aparece)(?: \S+){0,4} igual$|"
        r"(?:me |se |lo |la )?(?:volvio|vuelve) a (?!andar|funcionar|funcar|prender|arrancar|conectar|cargar|imprimir|"
        r"sonar|"
        r"encender|aparecer (?:el|la) (?:wifi|internet|imagen|sonido|senal))\S+|(?:comes|came|happens|"
        r"happened|appears|appeared|started|starts) (?:\S+ )?again|"
        r"went (?:right )?back to(?! normal)|(?:sigue|siguen) (?:\S+ ){0,2}(?:saliendo|apareciendo|igual|pasando)"
    ),
    "help": (
        r"no (?:se|entiendo|entendi|comprendo) (?:\S+ )?(?:hacer|como|el paso|ese paso|eso|esto|donde)|"
        r"no (?:lo |la )?(?:entiendo|entendi|comprendo)|como (?:hago|se hace|lo hago|hacer)|"
        r"explica\w*|que (?:significa|quiere decir)|donde (?:esta|encuentro|queda)|ayudame con|"
        r"(?:dont|do not|didnt) (?:understand|get it|know how)|how (?:do i|to|can i)|what does|explain|"
        r"help (?:with|me with)|what do you mean|no me sale"
    ),
    "show_steps": (
        r"(?:me )?(?:pasas|pasás|mandas|mostras|pones) (?:de nuevo |otra vez )?los pasos(?: \S+)*|"
        r"(?:me )?(?:los|las) (?:podes|podrias|pueden) (?:poner|pasar|mandar|mostrar|repetir)(?: \S+)*|"
        r"(?:poneme|pasame|mandame|mostrame) (?:los|las) (?:de nuevo|otra vez)(?: \S+)*|se me fue (?:el mensaje|"
        r"para arriba)(?: \S+)*|"
        r"(?:mostra|mostrar|ver|volver a|pasa|manda|repeti|repetir|decime)\w* (?:\S+ )?(?:los )?pasos|"
        r"pasos (?:de nuevo|otra vez)|volver (?:a los pasos|atras)|(?:mostrame|decime|pasame|repetime|mandame) "
        r"(?:otra vez|de nuevo)(?: \S+)*|(?:list|show|give|send) (?:me )?(?:the |those )?steps(?: \S+)*|one more time|"
        r"(?:show|see|repeat|back to|give me) (?:me )?(?:the )?steps|steps again|list of steps|"
        r"(?:show|give|send|tell) me (?:\S+ ){0,2}(?:instructions|steps|list) (?:again|once more)|once more|"
        r"(?:me )?(?:los|las) (?:pasas|mandas|mostras|pones|repetis|podes pasar|podes mandar) (?:de nuevo|otra vez)|"
        r"(?:me )?(?:los|las) (?:volves|podes volver|podrias volver) a (?:mostrar|pasar|mandar|poner)|"
        r"se me (?:borro|borraron|fue) (?:todo|el chat|lo de arriba|los pasos)"
    ),
    "advanced": (
        r"algo mas (?:tecnico|avanzado|dificil|complicado)|(?:anything|something) more (?:technical|advanced)|"
        r"pruebas? avanzad[oa]s?|mas pruebas|otras pruebas|(?:algo|cosas) mas (?:para|que) (?:probar|hacer)|"
        r"avanzad[oa]s?|advanced|more (?:tests|steps|things to try|options)|other tests|something else to try|"
        r"(?:pasos|pruebas|cosas) (?:mas )?(?:dificiles|complicad[oa]s|tecnic[oa]s|profund[oa]s)|"
        r"(?:las|los|unas|unos|otras|otros|con las|con los) (?:mas )?(?:tecnic[oa]s|complicad[oa]s|dificiles|"
        r"jodid[oa]s|pesad[oa]s|heavy|zarpad[oa]s|avanzad[oa]s|profund[oa]s)(?! \S+ (?:tecnico|persona))|"
        r"(?:mas|otras) (?:opciones|alternativas|cosas para probar)|"
        r"(?:pasame|mandame|dame|tirame) (?:las|los|otras|otros) "
        r"(?:siguientes|que siguen|otras|otros)|siguientes pasos|proximos pasos|"
        r"(?:harder|next|further|deeper|more technical|other) (?:ones|steps|checks|tests|things)|next level|"
        r"(?:what|anything) else (?:can|could) (?:i|we) (?:try|do)|(?:que|q) (?:otra cosa|otras cosas|mas|mas cosas) "
        r"(?:\S+ )?(?:puedo|podemos|podria|podriamos|hay para|se puede|me queda) (?:probar|hacer|intentar)?"
    ),
    "technician": (
        r"hablo con alguien|(?:que )?alguien me (?:llame|puede llamar|contacte)|"
        r"tecnic[oa]s?|una persona|persona real|humano|alguien real|operador|operadora|"
        r"(?:por|al|un|x|a|pasar a) (?:whatsapp|whats|wsp|wpp)|(?:pasenme|pasame|me pasas|me pasan|me comunicas|"
        r"me derivas) (?:con|a)|"
        r"no hay alguien|(?:no )?hay (?:alguien|nadie|algun tecnico|una persona)(?: \S+){0,2} que (?:me |lo |la |te )*"
        r"(?:pueda|puede|podria|quiera|sepa)|(?:conectar|comunicar|pasar|derivar)(?:me)? con (?:alguien|un tecnico|"
        r"una persona|soporte|ustedes)|(?:is there|theres|there is) (?:a |an |some |any )?(?:human|person|real person|"
        r"someone|somebody|tech|technician|agent)|(?:your|the) techs?|especialista|reach out|in person|(?:someone|"
        r"somebody|alguien) "
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
        r"support team|live (?:person|agent|support)|a tech|someone from (?:the shop|sti)|"
        r"(?:manda|mandame|mandenme|mandan|mandar|mandarme|envia|enviame|envien|enviar) (?:a )?(?:alguien|un tecnico|"
        r"una persona)|"
        r"alguien que (?:sepa|entienda|me ayude|lo vea|la vea|lo arregle|la arregle|lo revise|la revise)|"
        r"(?:lo|la|los|las) (?:vea|vean|mire|miren|revise|revisen|chequee|chequeen|arregle|arreglen|toque|toquen) "
        r"(?:alguno de |alguien de )?ustedes|(?:vea|mire|revise|arregle) alguno de ustedes|"
        r"alguien me (?:de|da|pueda dar|puede dar|podria dar) una mano|necesito (?:que )?alguien|"
        r"(?:lo|la) (?:alcanzo|acerco|traigo|paso a dejar)|(?:me )?(?:lo|la) (?:quieren|pueden|podrian) (?:ver|revisar|"
        r"mirar) ustedes|one of (?:your|you) (?:people|techs|guys|team)|your people|"
        r"(?:esto |ya |esto ya )?me (?:supera|queda grande|queda muy grande|excede)|beyond me|over my head|"
        r"(?:can|could) (?:someone|somebody|you guys|you) (?:\S+ ){0,3}(?:do it|take it|take over|handle it|fix it "
        r"for me|look at it)|take it from here|(?:a )?professional|un profesional|(?:someone|somebody) (?:who|"
        r"that) knows|"
        r"have (?:someone|somebody) (?:\S+ ){0,6}(?:handle|look at|fix|check) (?:this|it)|(?:someone|"
        r"somebody) (?:at|from|in) (?:the|your) (?:shop|store|"
        r"office|lab)"
    ),
    "not_solved": (
        r"(?:anda|funciona|va|andan|funcionan|works|working|runs|running) (?:\S+ )?(?:mal|peor|horrible|fatal|"
        r"badly|worse|terrible|awful)|(?:want|need) (?:it|this|them) (?:fixed|solved|sorted|repaired)|"
        r"quiero que (?:lo |la )?(?:arreglen|solucionen|reparen)|went (?:right )?back to(?! normal)"
    ),
    "close": (
        r"chau|chao|adios|nos vemos|hasta luego|hasta pronto|bye|goodbye|good bye|see you|cya|saludos|"
        r"un saludo|hasta la proxima|nos hablamos|abrazo|un abrazo|besos|beso grande|suerte"
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
        r"(?:doesnt|does not|wont) let me|theres no (?:such|button|option)|it wont let me|"
        r"(?:so |then )?i (?:cant|cannot|couldnt)$|(?:asi que|entonces) no (?:puedo|pude)$"
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
        r"picked up (?:my|the) \S+ (?:from you|from your)|after the (?:\S+ )?(?:replacement|repair|service)|"
        r"(?:que )?(?:les|le) (?:lleve|deje|traje)|(?:pague|pagamos) (?:\S+ ){0,3}(?:para nada|al pedo|y|pero)|"
        r"(?:pague|pagamos|cobraron) (?:\S+ ){0,3}(?:y|pero)|(?:deje|lleve|traje) (?:\S+ ){0,6}(?:y|"
        r"pero) (?:ya )?(?:no|sigue|otra vez|de nuevo)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:arreglaron|repararon|entregaron|arreglaste|reparaste|revisaron)|"
        r"(?:despues|luego|desde) (?:de )?(?:la|que) (?:reparacion|arreglo|service|me la arreglaron|la arreglaron|"
        r"lo arreglaron|la retire|lo retire)|(?:la|lo) (?:retire|busque) (?:\S+ ){0,3}(?:y|pero)|"
        r"(?:ustedes|uds|ustedes me|les) (?:la|lo|me la|me lo) (?:arreglaron|repararon|cambiaron)|"
        r"(?:me |nos )?(?:la |lo |las |los )?(?:cambiaron|arreglaron|repararon|pusieron) (?:\S+ )?(?:ustedes|uds)|"
        r"(?:you|u|you guys|they) (?:fixed|repaired|serviced|replaced) (?:it|my|the)|"
        r"(?:after|since) (?:the|your|you|my) (?:repair|fix|fixed|service)|(?:picked|got) it back|"
        r"brought it (?:to you|in) (?:\S+ ){0,4}(?:and|but)|paid (?:for|you) (?:\S+ ){0,4}(?:and|but)|"
        r"(?:les |le |se las |se la |se lo )?(?:lleve|deje|traje) (?:el|la|mi|esta|este)? ?(?:\S+ ){0,5}(?:para|a|por) "
        r"(?:cambiar|arreglar|reparar|formatear|que|esto)|(?:ya )?se (?:las|la|lo|los) lleve|me cobraron|"
        r"(?:your shop|you guys|your (?:tech|techs|technician)) (?:\S+ )?(?:fixed|replaced|repaired|changed)|"
        r"(?:ustedes|uds) me (?:cambiaron|arreglaron|repararon|pusieron|instalaron|formatearon)|"
        r"me (?:la|lo) devolvieron|vino un tecnico de ustedes|(?:you guys|you|your (?:shop|tech|techs)) "
        r"(?:cleaned|repasted|serviced|formatted|fixed|repaired|replaced|changed) (?:\S+ ){0,3}(?:in|last|on|a)"
    ),
    "complaint": (
        r"(?:quiero|voy a|vengo a) (?:hacer )?(?:un )?(?:reclamo|queja)|reclamo|queja|reclamar|mal (?:arreglad[oa]|"
        r"reparad[oa])|(?:i want to|id like to|i wanna) (?:complain|file a complaint|make a complaint)|complaint|"
        r"complain|falta de respeto|una verguenza|vergonzoso|impresentable|estafa|"
        r"(?:unacceptable|ripped off|a joke|ridiculous)"
    ),
    "negative": (
        r"not happy|unhappy|disappointed|angry|podrid[oa]|indignad[oa]|calient[ea]|enojad[oa]|now it|"
        r"ahora (?:tiene|hace|no)|para nada|al pedo|"
        r"me tienen cansad[oa]|un chiste|asi no se puede|"
        r"volvio a|vuelve a|otra vez|de nuevo|sigue|igual|peor|mal|falla|fallando|rompio|no (?:anda|funciona|"
        r"prende|carga|imprime)|again|still|worse|broke|broken|not working|doesnt work|stopped|same problem"
    ),
    "correction": (
        r"no es (?:el|la|mi|un|una) \S+|"
        r"me confundi|me confundo|i got (?:it )?wrong|my bad|"
        r"no es (?:el|la|mi|un|una) |no era (?:el|la)|me equivoque|perdon es|en realidad es|en realidad (?:el|la)|"
        r"quise decir|mejor dicho|no no es|(?:its|it is) (?:not|actually) (?:the|my|a)|i meant|"
        r"actually (?:its|it is|the|my)|"
        r"sorry (?:its|it is) (?:the|my|a)|not the \S+ (?:the|my|its)|me (?:explique|exprese) mal|"
        r"(?:i )?(?:explained|said) it wrong"
    ),
    "also": (
        r"(?:y )?(?:ademas|tambien|aparte|encima|de paso|otra cosa)|y (?:la|el|mi) \S+ (?:tambien|tampoco)|"
        r"(?:also|another thing|on top of that|besides|as well|too|btw|by the way|later|mas tarde|"
        r"despues (?:lo|la|vemos)|otro dia|(?:despues|luego|mas tarde) te (?:consulto|pregunto|cuento|paso)|"
        r"(?:ill|i will|i ll) ask (?:you )?(?:about|later)|(?:ask|check) (?:you )?about (?:\S+ ){1,3}later)"
    ),
}

# What a shop question is about: the answer comes from the shop-facts file.
SHOP_TOPICS: dict[str, str] = {
    "hours": (
        r"(?:los )?(?:sabados|domingos|feriados) (?:abren|atienden|estan|trabajan)|(?:abren|atienden) (?:los )?"
        r"(?:sabados|domingos|feriados)|horarios?|(?:a que|que) hora (?:abren|cierran|atienden|estan)|(?:abren|"
        r"atienden|estan abiertos|trabajan) "
        r"(?:hoy|manana|el|los|sabado|sabados|domingo|domingos|feriados?|de)|(?:cuando|que dias) (?:abren|atienden)|"
        r"(?:what|which) (?:time|hours|days)|your hours|(?:what|when) are (?:your|the) (?:hours|opening)|"
        r"opening hours|(?:are you|r u) open|when do you (?:open|close)|"
        r"(?:open|closed) (?:on|today|tomorrow|saturday|sunday)|business hours|"
        r"(?:el |los )?(?:lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|feriados?) (?:abren|atienden|"
        r"trabajan|estan)|(?:open|opened) (?:on )?(?:saturdays?|sundays?|weekends?|holidays?)"
    ),
    "address": (
        r"where (?:exactly )?is (?:the|your) (?:store|shop)|wheres (?:the|your) (?:store|shop)|"
        r"donde (?:quedan|estan|queda|esta el local|los encuentro|atienden)|direccion|ubicacion|(?:como|por donde) "
        r"llego|estaciona\w*|estacionamiento|cochera|mapa (?:del local|de como llegar)|"
        r"(?:pasame|mandame|tenes|tienen) (?:el |un )?mapa|(?:where|wheres) (?:are you|is the shop|is your|do i go|"
        r"can i find)|address|location|parking|park (?:nearby|there|my car)|directions|how do i get there"
    ),
    "prices": (
        r"cuanto (?:sale|cuesta|cobran|me cobran|me cobrarian|cobrarian|vale|saldria|costaria|seria)|precios?|"
        r"presupuesto|tarifa|"
        r"(?:cobran|sale) (?:el|la) (?:diagnostico|revision|visita)|diagnostico (?:cuesta|sale|tiene costo|es gratis)|"
        r"how much|price|prices|pricing|cost|costs|fee|fees|quote|estimate|charge for|charges for"
    ),
    "warranty": (
        r"garantia|garantias|garantizan|(?:tienen|tiene|dan) garantia|warranty|guarantee|guaranteed|"
        r"(?:is|would|will) (?:that|it|this) (?:be )?covered|(?:lo )?cubre la garantia"
    ),
    "services": (
        r"(?:in|at) the (?:store|shop)|en el local|"
        r"(?:ustedes |uds )?(?:arreglan|reparan|cambian|revisan|venden|instalan|configuran|recuperan) \S+|"
        r"(?:ustedes|uds) (?:hacen|tienen|venden|trabajan)|do you (?:guys )?(?:even )?(?:repair|fix) (?:those|"
        r"them|these)|"
        r"(?:do|can) you (?:guys )?(?:replace|recover|fix|repair|change) \S+|"
        r"do you (?:guys )?(?:even )?(?:fix|repair|service|work on|sell|install|offer|do) \S+|(?:pickup|pick up|"
        r"delivery)|"
        r"(?:trabajan con|laburan con|hacen|atienden|arreglan) (?:\S+ ){0,3}"
        r"(?:consolas?|celulares|celus|tablets?|impresoras?|notebooks?|macs?|iphones?|tvs?|teles?|televisores|"
        r"playstation|xbox|redes|camaras|equipos|pcs|computadoras|placas?|software|a domicilio|domicilio)|"
        r"(?:ustedes|uds) (?:\S+ ){0,6}(?:o solo|o solamente|o nomas|o nada mas) (?:a |con )?\S+|"
        r"(?:le )?meten mano (?:a|con)|(?:trabajan|laburan|trabajas) con (?:la |las |el |los )?(?:play|plays|"
        r"ps\d|nintendo|switch|drones?|proyectores|macs?)|"
        r"(?:que|cuales) servicios|servicio a domicilio|van a domicilio|hacen service|service a empresas|"
        r"(?:ustedes|uds) (?:ven|miran|atienden|reparan|arreglan|trabajan con) (?:estas cosas|esto|eso|este tipo)|"
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
        r"(?:is|are) (?:my|the) (?:\S+ ){0,6}(?:ready|done|fixed yet)|status of (?:my|the) (?:repair|order|laptop|"
        r"phone|computer|pc|printer)|when (?:will|can) (?:i|my) (?:\S+ ){0,3}(?:be ready|pick|collect|get it)|"
        r"(?:left|dropped off|brought) (?:my|the|an|a|our) (?:\S+ ){0,3}(?:with you|at the shop|last|on|yesterday)|"
        r"(?:left|dropped off|brought in|dropped) (?:\S+ ){0,9}(?:any )?(?:update|news|status)|"
        r"(?:deje|traje|lleve) (?:\S+ ){0,6}(?:novedades|noticias|como va|como viene)"
    ),
}


# Things a customer says they already did ("ya cambié el cable"), and the steps that would repeat them:
# a step whose text (normalised, es-AR or English) matches the second pattern is left out.
ALREADY_DONE: dict[str, tuple[str, str]] = {
    "cable": (
        r"(?:ya )?(?:cambie|probe (?:con )?otro|probe otro|use otro) (?:el )?cable(?: \S+)?|"
        r"(?:already )?(?:tried|changed|swapped|used) (?:a |another |a different |the )?(?:\S+ )?cable",
        r"otro cable|another cable|a different cable|cambia el cable|swap the cable",
    ),
    "outlet": (
        r"(?:ya )?(?:probe|cambie|use) (?:en |con )?otro (?:enchufe|toma|tomacorriente)|"
        r"(?:tried|used) (?:another|a different) "
        r"(?:outlet|socket|plug)",
        r"otro tomacorriente|otro enchufe|otro toma|another outlet|a different outlet",
    ),
    "charger": (
        r"(?:ya )?(?:probe|cambie|use) (?:con )?otro cargador|(?:tried|used) (?:another|a different) charger",
        r"otro cargador|another charger|a different charger",
    ),
    "restart": (
        r"ya (?:lo |la )?(?:reinicie|resetee|apague y (?:lo |la )?prendi)|(?:already )?(?:restarted|rebooted) "
        r"(?:it|the \S+)? ?(?:already|twice|again)?",
        r"^reinicia|^reinicialo|^reiniciala|^restart|^reboot",
    ),
}
