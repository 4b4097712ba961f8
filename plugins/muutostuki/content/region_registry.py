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
