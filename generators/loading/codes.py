"""The loader's and the schema validator's rule codes (L1xx, S2xx), with their published docs.

These problems are found while reading a file, not by a check module, so their documentation lives
here. The texts are Swedish: they become the rule pages policy owners look up from CI.
"""

from __future__ import annotations


def _doc(what: str, why: str, passing: str, failing: str, law: str = "Ingen; en regel för att filerna ska läsas exakt som de är skrivna.") -> str:
    return (
        f"## Vad kontrolleras\n\n{what}\n\n## Varför\n\n{why}\n\n## Lagrum\n\n{law}\n\n"
        f"## Exempel som godkänns\n\n```yaml\n{passing}\n```\n\n## Exempel som underkänns\n\n```yaml\n{failing}\n```"
    )


_ENTRIES: list[tuple[str, str, str, str]] = [
    ("L101", "yaml-syntax", "Filen måste vara giltig YAML.", _doc(
        "Att filen följer YAML:s syntax: indrag med mellanslag, kolon efter nycklar, avslutade citattecken och parenteser.",
        "En fil som inte går att tolka kan inte kontrolleras alls; felet pekas ut på raden där tolkningen stannade.",
        "title: Delegationsordning för socialnämnden",
        "title: Delegationsordning: socialnämnden: 2026")),
    ("L102", "utf8", "Filen måste vara sparad som UTF-8.", _doc(
        "Att filen är kodad som UTF-8.",
        "Å, ä och ö blir annars fel, och två redigerare kan läsa samma fil olika.",
        "title: Delegationsordning för socialnämnden   # sparad som UTF-8",
        "title: Delegationsordning f\\xf6r socialn\\xe4mnden   # sparad som Latin-1")),
    ("L103", "file-size", "Filen får inte vara orimligt stor.", _doc(
        "Att filen är mindre än gränsen (8 MiB).",
        "En mycket stor fil är nästan alltid ett misstag (en inklistrad export) och skulle göra kontrollen långsam för alla.",
        "# en delegationsordning på några hundra rader",
        "# en fil på 20 MiB")),
    ("L104", "nesting-depth", "Strukturen får inte vara för djupt nästlad.", _doc(
        "Att listor och mappningar inte är nästlade djupare än 40 nivåer.",
        "Inget styrdokument behöver det, och extremt djup nästling kan krascha YAML-läsare.",
        "sections:\n  - matters:\n      - delegate: {position: socialchef}",
        "a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")),
    ("L105", "duplicate-key", "Samma nyckel får inte förekomma två gånger i en mappning.", _doc(
        "Att ingen nyckel förekommer två gånger i samma mappning.",
        "Vanliga YAML-läsare behåller tyst det sista värdet; då försvinner en regel utan att någon märker det.",
        "delegate: {position: socialchef}\nsubstitute: {position: avdelningschef_ifo}",
        "delegate: {position: socialchef}\ndelegate: {position: avdelningschef_ifo}")),
    ("L106", "anchor-alias", "Ankare (&) och alias (*) används inte.", _doc(
        "Att filen inte använder YAML-ankare och alias.",
        "Ett alias gör att en ändring på ett ställe tyst ändrar regler på andra ställen, och granskaren ser det inte i diffen.",
        "delegate: {position: socialchef}\nsubstitute: {position: socialchef}",
        "delegate: &chef {position: socialchef}\nsubstitute: *chef")),
    ("L107", "explicit-tag", "Explicita taggar (!!str, !!int …) används inte.", _doc(
        "Att inga explicita YAML-taggar används.",
        "Schemat avgör varje värdes typ; en tagg skulle låta filen åsidosätta det.",
        "number: \"3.10\"",
        "number: !!float 3.10")),
    ("L108", "merge-key", "Sammanslagningsnycklar (<<) används inte.", _doc(
        "Att filen inte använder YAML 1.1:s sammanslagningsnyckel <<.",
        "Sammanslagning döljer vilka värden en rad faktiskt har.",
        "delegate: {position: socialchef}",
        "<<: {delegate: {position: socialchef}}")),
    ("L109", "key-not-text", "Varje nyckel är en enkel text.", _doc(
        "Att varje nyckel i en mappning är en text och inte tom.",
        "Nycklarna är fältnamn i schemat; en lista som nyckel eller en tom nyckel betyder ett skrivfel.",
        "title: Anställning",
        "[title]: Anställning")),
    ("L110", "single-document", "En fil innehåller ett YAML-dokument.", _doc(
        "Att filen bara innehåller ett dokument (ingen andra ---).",
        "Ett andra dokument i samma fil skulle annars tyst ignoreras.",
        "document:\n  id: delegation-socialnamnden",
        "document:\n  id: a\n---\ndocument:\n  id: b")),
    ("L111", "empty-file", "En fil under policies/ får inte vara tom.", _doc(
        "Att filen har innehåll.",
        "En tom fil betyder inte \"inga regler\"; den är nästan alltid ett misstag vid en sammanslagning eller ett namnbyte.",
        "document:\n  id: delegation-socialnamnden",
        "# (bara en kommentar)")),
    ("L112", "unclaimed-file", "Varje fil under policies/ hör till ett styrdokument med ett schema.", _doc(
        "Att varje fil under policies/ ligger på en plats där ett schema gäller (organisation.yaml, delegation/*.yaml, reference/*.yaml, travel.yaml, whistleblowing.yaml, procurement.yaml, personal-data-allowlist.yaml).",
        "En felplacerad eller felstavad fil (t.ex. .yml) skulle annars aldrig kontrolleras och aldrig publiceras.",
        "policies/delegation/socialnamnden.yaml",
        "policies/delegation/socialnamnden.yml")),
    ("L113", "unreadable-file", "Filen måste gå att läsa.", _doc(
        "Att filen går att öppna.",
        "En fil som inte går att läsa kan inte kontrolleras.",
        "# en vanlig fil med läsrättighet",
        "# en fil utan läsrättighet")),
    ("L114", "regular-file", "Varje post under policies/ är en vanlig fil.", _doc(
        "Att varje fil under policies/ är en vanlig fil: inte en symbolisk länk (inte heller en trasig eller en till en mapp), en namngiven pipe (FIFO), en enhetsfil eller en socket.",
        "En länk kan peka på en fil utanför styrdokumenten, vars innehåll då skulle visas i felmeddelanden, eller på /dev/zero; en FIFO kan få kontrollen att vänta för evigt. Sådana poster hoppades tidigare tyst över, och då kontrollerades filen aldrig.",
        "# policies/travel.yaml är en vanlig fil",
        "# policies/travel.yaml är en symbolisk länk till /home/nagon/annan-fil.yaml")),
    ("L115", "forbidden-character", "Filen innehåller inga kontrolltecken eller tvetydiga radbrytningar.", _doc(
        "Att filen inte innehåller kontrolltecken (tabb, radbrytning och vagnretur undantagna), tecknen U+2028, U+2029 och NEL (U+0085) eller icke-tecknen U+FFFE och U+FFFF. Varje sådant tecken pekas ut på sin rad och kolumn.",
        "YAML förbjuder kontrolltecken. U+2028 och U+2029 är radbrytningar för äldre YAML-läsare men vanliga tecken för YAML 1.2 och för redigerare: en nyckel som ser ut att stå i en kommentar skulle annars läsas in.",
        "title: Resepolicy   # bara vanliga tecken",
        "# title: Resepolicy   # kommentar, tecknet U+2028 och sedan approver: {position: kommundirektor}")),
    ("L116", "bidi-override", "Texten innehåller inga tecken som vänder textriktningen.", _doc(
        "Att filen inte innehåller riktningsöverskrivningar och riktningsisoleringar (U+202A–U+202E, U+2066–U+2069). Arabisk, persisk och hebreisk text och markeringarna LRM och RLM godkänns.",
        "Tecknen får texten att visas i en annan ordning än den lagras (\"Trojan Source\"): en granskare kan se en annan regel än den som gäller, och tecknen skulle nå webbplatsen.",
        "title: 'سياسة السفر'",
        "# title: 'Gräns 1000', tecknet U+202E och sedan '00 kr'")),
    ("S200", "schema", "Värdet uppfyller schemat.", _doc(
        "Övriga krav i schemat som inte har en egen kod.", "Schemat beskriver vad ett styrdokument får innehålla.",
        "kind: personal", "kind: 17")),
    ("S201", "required", "Obligatoriska fält finns och har ett värde.", _doc(
        "Att alla obligatoriska fält finns och inte är tomma.",
        "Ett ärende utan till exempel lagrum eller uppgift om vidaredelegation är inte en fullständig regel.",
        "further_delegation: false", "further_delegation:")),
    ("S202", "unknown-key", "Okända fält är inte tillåtna.", _doc(
        "Att varje fält är ett fält som schemat känner till.",
        "Ett felstavat fält (delgat: i stället för delegate:) skulle annars tyst ignoreras, och regeln skulle sakna sin delegat.",
        "delegate: {position: socialchef}", "delgat: {position: socialchef}")),
    ("S203", "type", "Värdet har den typ schemat kräver.", _doc(
        "Att varje värde är text, tal, sant/falskt, lista eller mappning enligt schemat.",
        "Ett tal inom citattecken eller en lista där en mappning väntas är ett skrivfel som ändrar regelns betydelse.",
        "limit: {amount: 3, unit: prisbasbelopp}", "limit: {amount: \"3\", unit: prisbasbelopp}")),
    ("S204", "enum", "Värdet är ett av de tillåtna.", _doc(
        "Att värden ur kontrollerade listor (ärendetyp, status, enhet …) är ett av de tillåtna.",
        "Kontrollerna bygger på de kontrollerade listorna, till exempel vilka ärendetyper som inte får delegeras.",
        "status: antagen", "status: antaget")),
    ("S205", "format", "Datum, länkar och koder har rätt form.", _doc(
        "Att datum är verkliga kalenderdatum (ÅÅÅÅ-MM-DD), att länkar är https-länkar och att id och koder har rätt form.",
        "Ett datum som 2025-02-30 finns inte; en länk som inte börjar med https:// publiceras inte.",
        "valid_from: \"2026-01-01\"", "valid_from: \"2026-02-30\"")),
    ("S206", "number", "Tal skrivs som vanliga decimaltal.", _doc(
        "Att ett tal är skrivet med siffror, eventuellt med decimalpunkt: inga inledande nollor, ingen exponent, inga kolon och inga specialvärden som .inf eller .nan.",
        "YAML 1.1 läser 0700 som 448 och 12:30 som 750. Ett belopp ska betyda exakt det som står.",
        "amount: 700000", "amount: 0700")),
    ("S207", "boolean", "Sanningsvärden skrivs true eller false.", _doc(
        "Att ja/nej-fält är skrivna true eller false.",
        "YAML 1.1 läser yes, on och NO som sanningsvärden; ja och nej läses inte alls. Bara true och false är entydiga.",
        "further_delegation: false", "further_delegation: nej")),
    ("S208", "limits", "Listor och texter har rimlig längd och tal ligger inom gränserna.", _doc(
        "Att listor har minst (och högst) så många element som schemat kräver, att texter inte är tomma eller för långa och att tal ligger inom tillåtna gränser.",
        "En tom lista med ärenden eller ett negativt antal ledamöter är ett skrivfel.",
        "matters:\n  - id: soc-1-1", "matters: []")),
    ("S210", "number-size", "Tal har högst 15 siffror.", _doc(
        "Att ett tal har högst 15 värdesiffror (heltalssiffror och decimaler tillsammans).",
        "Inget belopp eller antal i ett styrdokument behöver fler; längre tal kan inte räknas med exakt, ett mycket långt decimaltal blev tidigare oändligheten och ett heltal med tusentals siffror fick verktyget att krascha.",
        "amount: 700000", "amount: 99999999999999999999")),
    ("S211", "date-year", "Datum ligger år 1900 eller senare.", _doc(
        "Att årtalet i ett datum är 1900 eller senare.",
        "Ett styrdokument gäller inte före 1900; år 0000 är ett skrivfel som annars inte går att räkna med.",
        "valid_from: \"2026-01-01\"", "valid_from: \"0000-01-01\"")),
    ("S212", "thousands-separator", "Ett belopp i kronor har högst två decimaler.", _doc(
        "Att ett belopp i kronor (unit: sek) inte är skrivet med tre decimaler, som 50.000.",
        "I YAML är punkten decimaltecken: 50.000 är femtio kronor, inte femtiotusen. Den som skriver tusentalsavgränsare som i en tabell får en gräns som är tusen gånger för låg, och inget annat fel syns. Kronor har högst två decimaler (öre).",
        "limit: {amount: 50000, unit: sek}", "limit: {amount: 50.000, unit: sek}")),
    ("S209", "alternatives", "Värdet passar ett av de tillåtna alternativen.", _doc(
        "Att värden som kan skrivas på flera sätt (till exempel en aktör: position, body, seat + body …) är skrivna på precis ett av dem.",
        "En aktör som både är en befattning och ett organ är tvetydig: vem beslutar?",
        "delegate: {position: socialchef}", "delegate: {position: socialchef, body: socialnamnden}")),
]

# (code, name, summary, documentation). Plain data: the checks layer wraps them into rules
# (`generators.checks.registry`), so loading does not depend on the layer above it.
LOADER_CODES: tuple[tuple[str, str, str, str], ...] = tuple(_ENTRIES)
