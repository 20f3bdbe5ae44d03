"""Word lists for ``pipelines.dates``: how our languages write months, units, "ago", "yesterday"...

Languages: English, German, French, Spanish, Italian, Portuguese, Dutch, Turkish, Polish,
Swedish, Norwegian, Danish, Japanese and Korean. Everything is lower case (the parser folds case)
and kept as data here so that adding a language is adding words, not code. The forms come from how
news pages of these languages write their datelines (and agree with dateparser's locale data).
"""

from __future__ import annotations

MINUTE = 60
HOUR = 3600
DAY = 86400
WEEK = 7 * DAY
MONTH = -1  # calendar units: counted in months, not seconds
YEAR = -12

# Month names, full and abbreviated, by month number.
MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro",
        "januari", "ocak", "oca", "stycznia", "styczeń", "sty", "jänner"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev",
        "februari", "şubat", "şub", "lutego", "luty", "lut"),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt", "mart", "marca",
        "marzec", "marts"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile", "nisan", "nis", "kwietnia", "kwiecień", "kwi"),
    5: ("may", "mai", "mayo", "maggio", "mag", "maio", "mei", "mayıs", "maja", "maj"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "haziran", "haz", "czerwca", "czerwiec",
        "cze"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "temmuz", "tem", "lipca",
        "lipiec", "lip"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "ağustos", "ağu", "sierpnia",
        "sierpień", "sie"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "eylül",
        "eyl", "września", "wrzesień", "wrz"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "ekim", "eki",
         "października", "październik", "paź"),
    11: ("november", "nov", "novembre", "noviembre", "novembro", "kasım", "kas", "listopada", "listopad", "lis"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre",
         "dezembro", "aralık", "ara", "grudnia", "grudzień", "gru", "desember", "des"),
}

# Units of "N units ago" → seconds (or MONTH / YEAR for calendar arithmetic).
UNITS: dict[str, int] = {}
for _seconds, _words in (
    (1, "second seconds sec secs s sekunde sekunden sek seconde secondes segundo segundos seg secondo secondi "
        "seconden saniye sn sekunda sekundy sekund sekundę sekunder 秒 초"),
    (MINUTE, "minute minutes min mins m minuten minuto minutos minuti minuut dakika dk dak minuta minuty minut minutę "
             "minuter minutt minutter mn 分 분"),
    (HOUR, "hour hours hr hrs h stunde stunden std heure heures hora horas ora ore uur u saat sa godzina godziny "
           "godzin godzinę godz timme timmar tim time timer t 時間 시간"),
    (DAY, "day days d tag tagen tage jour jours j día días dia dias giorno giorni dag dagen gün dzień dni dnia dagar "
          "dager dage 日 일"),
    (WEEK, "week weeks wk wks w woche wochen semaine semaines semana semanas settimana settimane weken hafta tydzień "
           "tygodnie tygodni vecka veckor uke uker uge uger 週間 週 주"),
    (MONTH, "month months mo mos monat monate monaten mois mes meses mese mesi mês maand maanden ay miesiąc miesiące "
            "miesięcy månad månader måned måneder か月 ヶ月 カ月 ヵ月 ケ月 개월 달"),
    (YEAR, "year years yr yrs y jahr jahre jahren an ans année années año años anno anni ano anos jaar jaren yıl sene "
           "rok lata lat år 年 년"),
):
    for _word in _words.split():
        UNITS[_word] = _seconds

# Words that stand for the number one ("an hour ago", "vor einer Stunde", "bir saat önce").
ONE = ("a an one ein eine einer einem einen un une una uno un' um uma een één bir en ett et ei jeden jedną jedna "
       "jedno").split()

# "… ago": words before and after the amount ("vor 3 Stunden", "3 hours ago", "för 3 timmar sedan").
AGO_BEFORE = ("vor", "il y a", "hace", "há", "ha", "desde hace", "för", "for")
AGO_AFTER = ("ago", "fa", "geleden", "önce", "evvel", "temu", "atrás", "zuvor", "前", "전", "以前")
AGO_BOTH = {"för": "sedan", "for": "siden"}  # the word before needs this one after

# Calendar days: how many days back the word names ("yesterday" → 1). Longest forms first where one
# contains another, since the pattern is an alternation.
DAY_WORDS: dict[str, int] = {
    "today": 0, "yesterday": 1, "day before yesterday": 2,
    "heute": 0, "gestern": 1, "vorgestern": 2,
    "aujourd'hui": 0, "aujourd’hui": 0, "hier": 1, "avant-hier": 2,
    "hoy": 0, "ayer": 1, "anteayer": 2, "antier": 2,
    "oggi": 0, "ieri": 1, "l'altro ieri": 2, "altroieri": 2,
    "hoje": 0, "ontem": 1, "anteontem": 2,
    "vandaag": 0, "gisteren": 1, "eergisteren": 2,
    "bugün": 0, "dün": 1, "evvelsi gün": 2,
    "dzisiaj": 0, "dziś": 0, "wczoraj": 1, "przedwczoraj": 2,
    "idag": 0, "i dag": 0, "igår": 1, "i går": 1, "i förrgår": 2, "i forgårs": 2, "i forgaars": 2,
    "本日": 0, "今日": 0, "昨日": 1, "一昨日": 2, "오늘": 0, "어제": 1, "그저께": 2, "그제": 2,
}

# Now.
NOW_WORDS = (
    "just now", "right now", "now", "moments ago", "a moment ago", "seconds ago", "gerade eben", "soeben", "jetzt",
    "gerade", "à l'instant", "à l’instant", "maintenant", "ahora mismo", "ahora", "hace un momento", "proprio ora",
    "adesso", "poco fa", "agora mesmo", "agora", "há pouco", "zojuist", "zonet", "net", "nu", "az önce", "şimdi",
    "şu anda", "przed chwilą", "teraz", "just nu", "nyss", "akkurat nå", "nå nettopp", "nå", "lige nu", "netop nu",
    "たった今", "ただいま", "今", "방금 전", "방금", "지금",
)

# "last week", "le mois dernier" → calendar units back.
LAST_WORDS: dict[str, int] = {
    "last week": WEEK, "last month": MONTH, "last year": YEAR,
    "letzte woche": WEEK, "vergangene woche": WEEK, "letzten monat": MONTH, "vergangenen monat": MONTH,
    "letztes jahr": YEAR, "vergangenes jahr": YEAR,
    "la semaine dernière": WEEK, "semaine dernière": WEEK, "le mois dernier": MONTH, "mois dernier": MONTH,
    "l'année dernière": YEAR, "l'an dernier": YEAR, "l’année dernière": YEAR, "l’an dernier": YEAR,
    "la semana pasada": WEEK, "semana pasada": WEEK, "el mes pasado": MONTH, "mes pasado": MONTH,
    "el año pasado": YEAR, "año pasado": YEAR,
    "la settimana scorsa": WEEK, "settimana scorsa": WEEK, "il mese scorso": MONTH, "mese scorso": MONTH,
    "l'anno scorso": YEAR, "l’anno scorso": YEAR, "anno scorso": YEAR,
    "a semana passada": WEEK, "semana passada": WEEK, "o mês passado": MONTH, "mês passado": MONTH,
    "o ano passado": YEAR, "ano passado": YEAR,
    "vorige week": WEEK, "vorige maand": MONTH, "vorig jaar": YEAR,
    "geçen hafta": WEEK, "geçen ay": MONTH, "geçen yıl": YEAR, "geçen sene": YEAR,
    "w zeszłym tygodniu": WEEK, "w zeszłym miesiącu": MONTH, "w zeszłym roku": YEAR,
    "w ubiegłym tygodniu": WEEK, "w ubiegłym miesiącu": MONTH, "w ubiegłym roku": YEAR,
    "förra veckan": WEEK, "förra månaden": MONTH, "förra året": YEAR, "i fjol": YEAR,
    "forrige uke": WEEK, "forrige måned": MONTH, "i fjor": YEAR,
    "sidste uge": WEEK, "sidste måned": MONTH, "sidste år": YEAR, "sidste måneden": MONTH,
    "先週": WEEK, "先月": MONTH, "去年": YEAR, "昨年": YEAR,
    "지난주": WEEK, "지난 주": WEEK, "지난달": MONTH, "지난 달": MONTH, "작년": YEAR, "지난해": YEAR,
}

# Named zones → minutes east of UTC. ET/CT/MT/PT follow US daylight saving time (see dates._us_offset).
ZONES: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60, "mez": 60, "cest": 120, "mesz": 120,
    "eet": 120, "eest": 180, "msk": 180, "ist": 330, "pkt": 300, "ict": 420, "wib": 420, "hkt": 480, "sgt": 480,
    "awst": 480, "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "acst": 570, "acdt": 630, "nzst": 720,
    "nzdt": 780, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480,
    "pdt": -420, "akst": -540, "akdt": -480, "hst": -600, "ast": -240, "adt": -180, "nst": -210, "ndt": -150,
    "brt": -180, "art": -180, "trt": 180,
}
US_ZONES: dict[str, int] = {"et": -300, "ct": -360, "mt": -420, "pt": -480}  # standard offsets; +60 in summer

# Words a dateline may hold around the date itself: labels ("Published", "Stand:", "입력"),
# connectors ("at", "um", "à", "a las"), weekdays and "o'clock" words. A string whose words are not
# all in here (after the date, time and zone are taken out) is left to dateparser.
LABELS = (
    "published publication posted updated update last modified created first date dated on "
    "veröffentlicht veroeffentlicht aktualisiert zuletzt erstellt erschienen stand datum am "
    "publié publiée publie mis à jour le modifié créé "
    "publicado publicada actualizado actualizada actualización fecha el "
    "pubblicato pubblicata aggiornato aggiornata il "
    "atualizado atualizada atualização em "
    "gepubliceerd geplaatst bijgewerkt laatst gewijzigd op "
    "yayınlanma yayınlandı yayın güncellenme güncelleme güncellendi tarihi oluşturulma "
    "opublikowano aktualizacja zaktualizowano data publikacji "
    "publicerad publicerat uppdaterad uppdaterat publisert oppdatert sist udgivet opdateret offentliggjort "
    "公開 公開日 更新 更新日 配信 投稿 投稿日 입력 수정 등록 기사입력 최종수정 업데이트 게재"
).split()
CONNECTORS = (
    "at the of on um gegen à a las alle ore às as om saat o kl klockan klokken klo de del di da le la uhr h t "
    "godz godzina o'clock hs hrs et"
).split()
WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so "
    "lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica "
    "segunda terça terca quarta quinta sexta feira "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar "
    "poniedziałek wtorek środa czwartek piątek sobota niedziela "
    "måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag "
    "月 火 水 木 金 土 日 曜日 月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日 "
    "월 화 수 목 금 토 일 요일 월요일 화요일 수요일 목요일 금요일 토요일 일요일"
).split()
FILLER = frozenset(LABELS) | frozenset(CONNECTORS) | frozenset(WEEKDAYS)

# A weekday standing for a date ("Monday", "Mittwoch, 18:30 Uhr"): Monday is 0. Full names only.
WEEKDAY_NUMBERS: dict[str, int] = {}
for _number, _names in enumerate((
    "monday montag lundi lunes lunedì lunedi segunda maandag pazartesi poniedziałek måndag mandag 月曜日 월요일",
    "tuesday dienstag mardi martes martedì martedi terça dinsdag salı wtorek tisdag tirsdag 火曜日 화요일",
    "wednesday mittwoch mercredi miércoles miercoles mercoledì mercoledi quarta woensdag çarşamba środa onsdag "
    "水曜日 수요일",
    "thursday donnerstag jeudi jueves giovedì giovedi quinta donderdag perşembe czwartek torsdag 木曜日 목요일",
    "friday freitag vendredi viernes venerdì venerdi sexta vrijdag cuma piątek fredag 金曜日 금요일",
    "saturday samstag sonnabend samedi sábado sabado sabato zaterdag cumartesi sobota lördag lørdag 土曜日 토요일",
    "sunday sonntag dimanche domingo domenica zondag pazar niedziela söndag søndag 日曜日 일요일",
)):
    for _name in _names.split():
        WEEKDAY_NUMBERS[_name] = _number

# Vague amounts ("a few minutes ago", "vor wenigen Minuten"): no number to count back, so no date.
VAGUE = ("few several some wenigen einigen paar quelques unos unas algunos algunas alcuni alcune pochi alguns "
         "algumas enkele birkaç kilka kilku några noen nogle 数 몇").split()

# Morning / afternoon markers written before the time in Japanese and Korean ("오후 6:30").
AM_WORDS = ("am", "a.m.", "a.m", "a. m.", "午前", "오전", "vorm.")  # "a.m" where a sentence's stop was trimmed
PM_WORDS = ("pm", "p.m.", "p.m", "p. m.", "午後", "오후", "nachm.")
