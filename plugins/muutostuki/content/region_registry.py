"""The 22 regions fixed by law 616/2021 § 7 (21 wellbeing services counties + City of Helsinki).

Ids and names follow Statistics Finland's boundary data (see data/LICENSE-DATA.md), so the
map, the region pages and every `regions:` field speak of the same 22 ids.
"""
from __future__ import annotations

# id, code, official Finnish name, Swedish name, short Finnish name
REGIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("ita-uusimaa", "01", "Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde", "Itä-Uusimaa"),
    ("keski-uusimaa", "02", "Keski-Uudenmaan hyvinvointialue", "Mellersta Nylands välfärdsområde", "Keski-Uusimaa"),
    ("lansi-uusimaa", "03", "Länsi-Uudenmaan hyvinvointialue", "Västra Nylands välfärdsområde", "Länsi-Uusimaa"),
    ("vantaa-kerava", "04", "Vantaan ja Keravan hyvinvointialue", "Vanda och Kervo välfärdsområde", "Vantaa ja Kerava"),
    ("varsinais-suomi", "05", "Varsinais-Suomen hyvinvointialue", "Egentliga Finlands välfärdsområde", "Varsinais-Suomi"),
    ("satakunta", "06", "Satakunnan hyvinvointialue", "Satakunta välfärdsområde", "Satakunta"),
    ("kanta-hame", "07", "Kanta-Hämeen hyvinvointialue", "Egentliga Tavastlands välfärdsområde", "Kanta-Häme"),
    ("pirkanmaa", "08", "Pirkanmaan hyvinvointialue", "Birkalands välfärdsområde", "Pirkanmaa"),
    ("paijat-hame", "09", "Päijät-Hämeen hyvinvointialue", "Päijänne-Tavastlands välfärdsområde", "Päijät-Häme"),
    ("kymenlaakso", "10", "Kymenlaakson hyvinvointialue", "Kymmenedalens välfärdsområde", "Kymenlaakso"),
    ("etela-karjala", "11", "Etelä-Karjalan hyvinvointialue", "Södra Karelens välfärdsområde", "Etelä-Karjala"),
    ("etela-savo", "12", "Etelä-Savon hyvinvointialue", "Södra Savolax välfärdsområde", "Etelä-Savo"),
    ("pohjois-savo", "13", "Pohjois-Savon hyvinvointialue", "Norra Savolax välfärdsområde", "Pohjois-Savo"),
    ("pohjois-karjala", "14", "Pohjois-Karjalan hyvinvointialue", "Norra Karelens välfärdsområde", "Pohjois-Karjala"),
    ("keski-suomi", "15", "Keski-Suomen hyvinvointialue", "Mellersta Finlands välfärdsområde", "Keski-Suomi"),
    ("etela-pohjanmaa", "16", "Etelä-Pohjanmaan hyvinvointialue", "Södra Österbottens välfärdsområde", "Etelä-Pohjanmaa"),
    ("pohjanmaa", "17", "Pohjanmaan hyvinvointialue", "Österbottens välfärdsområde", "Pohjanmaa"),
    ("keski-pohjanmaa", "18", "Keski-Pohjanmaan hyvinvointialue", "Mellersta Österbottens välfärdsområde", "Keski-Pohjanmaa"),
    ("pohjois-pohjanmaa", "19", "Pohjois-Pohjanmaan hyvinvointialue", "Norra Österbottens välfärdsområde", "Pohjois-Pohjanmaa"),
    ("kainuu", "20", "Kainuun hyvinvointialue", "Kajanalands välfärdsområde", "Kainuu"),
    ("lappi", "21", "Lapin hyvinvointialue", "Lapplands välfärdsområde", "Lappi"),
    ("helsinki", "90", "Helsingin kaupunki", "Helsingfors stad", "Helsinki"),
)

REGION_IDS: tuple[str, ...] = tuple(r[0] for r in REGIONS)


# Finnish case forms of each region's short name, for running text and titles: genitive ("Etelä-Savon
# tapahtumat"), where ("Etelä-Savossa", "Pirkanmaalla": inessive or adessive, as the name takes), where
# from ("Etelä-Savosta", "Pirkanmaalta") and where to ("Etelä-Savoon", "Pirkanmaalle"). The local cases
# of place names are not guessable from their spelling (Savossa but Pirkanmaalla), so they are listed.
NAME_FORMS: dict[str, tuple[str, str, str, str]] = {
    "ita-uusimaa": ("Itä-Uudenmaan", "Itä-Uudellamaalla", "Itä-Uudeltamaalta", "Itä-Uudellemaalle"),
    "keski-uusimaa": ("Keski-Uudenmaan", "Keski-Uudellamaalla", "Keski-Uudeltamaalta", "Keski-Uudellemaalle"),
    "lansi-uusimaa": ("Länsi-Uudenmaan", "Länsi-Uudellamaalla", "Länsi-Uudeltamaalta", "Länsi-Uudellemaalle"),
    "vantaa-kerava": ("Vantaan ja Keravan", "Vantaalla ja Keravalla", "Vantaalta ja Keravalta",
                      "Vantaalle ja Keravalle"),
    "varsinais-suomi": ("Varsinais-Suomen", "Varsinais-Suomessa", "Varsinais-Suomesta", "Varsinais-Suomeen"),
    "satakunta": ("Satakunnan", "Satakunnassa", "Satakunnasta", "Satakuntaan"),
    "kanta-hame": ("Kanta-Hämeen", "Kanta-Hämeessä", "Kanta-Hämeestä", "Kanta-Hämeeseen"),
    "pirkanmaa": ("Pirkanmaan", "Pirkanmaalla", "Pirkanmaalta", "Pirkanmaalle"),
    "paijat-hame": ("Päijät-Hämeen", "Päijät-Hämeessä", "Päijät-Hämeestä", "Päijät-Hämeeseen"),
    "kymenlaakso": ("Kymenlaakson", "Kymenlaaksossa", "Kymenlaaksosta", "Kymenlaaksoon"),
    "etela-karjala": ("Etelä-Karjalan", "Etelä-Karjalassa", "Etelä-Karjalasta", "Etelä-Karjalaan"),
    "etela-savo": ("Etelä-Savon", "Etelä-Savossa", "Etelä-Savosta", "Etelä-Savoon"),
    "pohjois-savo": ("Pohjois-Savon", "Pohjois-Savossa", "Pohjois-Savosta", "Pohjois-Savoon"),
    "pohjois-karjala": ("Pohjois-Karjalan", "Pohjois-Karjalassa", "Pohjois-Karjalasta", "Pohjois-Karjalaan"),
    "keski-suomi": ("Keski-Suomen", "Keski-Suomessa", "Keski-Suomesta", "Keski-Suomeen"),
    "etela-pohjanmaa": ("Etelä-Pohjanmaan", "Etelä-Pohjanmaalla", "Etelä-Pohjanmaalta", "Etelä-Pohjanmaalle"),
    "pohjanmaa": ("Pohjanmaan", "Pohjanmaalla", "Pohjanmaalta", "Pohjanmaalle"),
    "keski-pohjanmaa": ("Keski-Pohjanmaan", "Keski-Pohjanmaalla", "Keski-Pohjanmaalta", "Keski-Pohjanmaalle"),
    "pohjois-pohjanmaa": ("Pohjois-Pohjanmaan", "Pohjois-Pohjanmaalla", "Pohjois-Pohjanmaalta",
                          "Pohjois-Pohjanmaalle"),
    "kainuu": ("Kainuun", "Kainuussa", "Kainuusta", "Kainuuseen"),
    "lappi": ("Lapin", "Lapissa", "Lapista", "Lappiin"),
    "helsinki": ("Helsingin", "Helsingissä", "Helsingistä", "Helsinkiin"),
}
