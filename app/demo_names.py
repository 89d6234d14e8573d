"""Names for demo guests that look like a European guest book, not a test fixture.

Given names and surnames of the Netherlands and Flanders (with tussenvoegsels:
"van den Berg", "de Vries", "van 't Hof"), Germany, the United Kingdom and
Ireland, France, and of guests from elsewhere in Europe and beyond (Italian,
Spanish, Portuguese, Polish, Scandinavian, Turkish, Moroccan, …), with their
diacritics. Each list is ordered roughly by how common the name is; picks follow
a gently falling (Zipf-like) curve, so "Jansen" and "de Jong" are frequent and
"Ruysdael" is rare, as in a real guest book. Most guests get a given name and a
surname of one origin, some a second given name, some a double surname
("Jansen-de Vries"), some a mix of origins. With these lists a million guests
hold well over 200,000 distinct full names (``bench/search_quality.py`` prints
the count), so search quality and speed are measured on something like reality.
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass

_NL_GIVEN = """Daan Sem Lucas Levi Finn Noah Liam Milan Jesse Bram Luuk Thijs Lars Ruben Thomas
Tim Jan Pieter Willem Hendrik Kees Gerrit Joost Bas Niels Jeroen Wouter Sander Maarten Rik
Koen Stijn Teun Siem Gijs Mees Jasper Job Olivier Hugo Floris Ties Jens Max Guus Joris Arjen
Erik Henk Piet Klaas Cor Dirk Wim Ton Frank Marco Rob Hans Michiel Ruud Arie Johan Dennis
Emma Julia Mila Tess Sophie Zoë Sara Anna Evi Saar Nora Fenna Lotte Eva Lieke Fleur Noor
Sanne Isa Femke Roos Iris Anouk Maud Elin Yara Jasmijn Lisa Linda Marieke Ingrid Annelies
Petra Monique Wilma Henriëtte Gerda Ria Truus Anneke Marloes Esther Inge Mirjam Willemijn
Hanneke Janneke Floor Merel Lieve Liv Nina Lynn Romy Suze Jet Bo Hanna Elise Sofie Carlijn
Maartje Geertje Aaltje Jantine Joke Els Griet Mieke Dieuwke Sjoukje Wietske Tjitske Hylke
Sytze Wybren Jelle Douwe Folkert Sjoerd Gert-Jan Jan-Willem Jan-Peter Anne-Marie Marie-José"""
_NL_SURNAME = """de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer
|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|Dijkstra
|Smits|de Graaf|van der Meer|van der Linden|Kok|Jacobs|de Haan|Vermeulen|van den Heuvel
|van der Veen|van den Broek|de Bruijn|de Bruin|van der Heijden|Schouten|van Beek|Willems
|van Vliet|van de Ven|Hoekstra|Maas|Verhoeven|Koster|van Dam|van der Wal|Prins|Blom|Huisman
|Peeters|de Lange|Kuipers|van Wijk|Post|Kuiper|Veenstra|Kramer|van den Brink|Scholten
|van Wijngaarden|Martens|Vink|Vermeer|van der Laan|Boer|Wouters|Jonker|van Es|Postma|de Ruiter
|Sanders|Hermans|van Loon|Koning|van der Velden|Driessen|van Rijn|Kalb|Evers|Gerritsen
|Verbeek|Timmermans|Groen|Bosman|Lammers|van Doorn|Leenders|Boersma|van Dongen|Jongeneel
|Thomassen|Tomassen|Bosch|Wijnands|Brands|van Veen|Rutten|Claassen|Pauwels|Hoogendoorn
|Koopman|Kroon|Ruiter|Molenaar|Zwart|Wolters|Goossens|van der Steen|Hofman|van Rooij
|Teunissen|Veldhuis|Wijnen|Dijkman|van 't Hof|van 't Veer|ter Horst|ten Brink|op den Akker
|in 't Veld|van der Kooij|van Ommen|Bijl|Kooistra|Wiersma|Zijlstra|Terpstra|Bergsma|Hoekman
|van Gogh|Rijkaard|Ruysdael|Steenbergen|Vlaming|Ypma|Yntema|Haverkamp|Wolff|Lubbers
|van Bommel|Brinkman|Nijhuis|Oosterhuis|Huizinga|Tjeerdsma|Zuidema|Noordhuis|Westerhof
|Oosterveld|Kamphuis|Ten Hove|Nieuwenhuis|Elzinga|Hoogeveen|Mertens|Claes|Goethals
|Van Damme|De Smet|Desmet|Verstraeten|Vandenberghe|Lambrechts|Dubois|Vanderlinden|Jacobs
|Coppens|Aerts|Verheyen|Van Acker|Wuyts|Cools|Segers|Michiels|Dewulf|Vandamme|Maes
|Verschueren|Van den Bossche|Bogaerts|Declercq|Vercammen|Van Hoof|Geerts|Vanhove
|Schepers|van Aalst|van Houten|Krijgsman|Meulenbelt|de Kruijf|van Eijk|Meeuwsen|Heemskerk
|van Dalen|Mol|van Zanten|Stam|Boon|Spijkerman|de Waal|van der Ploeg|Hoogland|Roelofs
|Beekman|Verschoor|van Schaik|Slot|Appelman|van den Bosch|de Koning|Rietveld|van Kampen"""
_DE_GIVEN = """Lukas Leon Finn Jonas Paul Felix Maximilian Elias Ben Noah Luis Tim Moritz Jan
Tobias Stefan Andreas Michael Thomas Markus Christian Sebastian Florian Matthias Jürgen Klaus
Uwe Wolfgang Dieter Günther Horst Manfred Helmut Rainer Jörg Karl-Heinz Hans-Peter Sven
Mia Emma Hannah Sofia Lena Lea Leonie Marie Anna Lina Laura Sarah Julia Katharina Johanna
Sabine Petra Ursula Monika Brigitte Renate Gisela Heike Birgit Claudia Susanne Stefanie
Andrea Nicole Jana Jessica Franziska Theresa Friederike Mareike Annegret Käthe Jörn Bärbel"""
_DE_SURNAME = """Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann
|Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger
|Hofmann|Hartmann|Lange|Schmitt|Werner|Schmitz|Krause|Meier|Lehmann|Schmid|Schulze|Maier
|Köhler|Herrmann|König|Walter|Mayer|Huber|Kaiser|Fuchs|Peters|Lang|Scholz|Möller|Weiß
|Jung|Hahn|Schubert|Vogel|Friedrich|Keller|Günther|Frank|Berger|Winkler|Roth|Beck|Lorenz
|Baumann|Franke|Albrecht|Schuster|Simon|Ludwig|Böhm|Winter|Kraus|Martin|Schumacher|Krämer
|Vogt|Stein|Jäger|Otto|Sommer|Groß|Seidel|Heinrich|Brandt|Haas|Schreiber|Graf|Schulte
|Dietrich|Ziegler|Kuhn|Kühn|Pohl|Engel|Horn|Busch|Bergmann|Thomas|Voigt|Sauer|Arnold
|Wolff|Pfeiffer|von Bülow|von Arnim|zu Salm|Oberhauser|Eichhorn|Straßburger|Großmann
|Nußbaum|Weißenborn|Dürr|Fröhlich|Gärtner|Kühne|Lübke|Mühlbauer|Söhnlein|Thiele|Ebert"""
_EN_GIVEN = """Oliver George Harry Jack Jacob Charlie Thomas Oscar William James Henry Leo
Alfie Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Daniel David Michael
Christopher Andrew Richard Robert Peter Paul Mark Stephen Steven Philip Phillip Anthony
Matthew Benjamin Patrick Sean Seán Ciarán Liam Conor Eoin Niall Declan Callum Hamish Angus
Olivia Amelia Isla Ava Emily Isabella Mia Poppy Ella Lily Sophie Grace Charlotte Evie Jessica
Chloe Ruby Lucy Alice Florence Hannah Sarah Emma Rebecca Rachel Laura Catherine Kathryn
Katherine Caitlin Siobhan Niamh Aoife Saoirse Róisín Sinéad Fiona Eilidh Morag Margaret
Elizabeth Helen Susan Karen Deborah Claire Victoria Jennifer Nicola Gemma Harriet Imogen"""
_EN_SURNAME = """Smith|Jones|Williams|Taylor|Brown|Davies|Evans|Wilson|Thomas|Johnson|Roberts
|Robinson|Thompson|Wright|Walker|White|Edwards|Hughes|Green|Hall|Lewis|Harris|Clarke|Patel
|Jackson|Wood|Turner|Martin|Cooper|Hill|Ward|Morris|Moore|Clark|Lee|King|Baker|Harrison
|Morgan|Allen|James|Scott|Phillips|Watson|Davis|Parker|Price|Bennett|Young|Griffiths
|Mitchell|Kelly|Cook|Carter|Richardson|Bailey|Collins|Bell|Shaw|Murphy|Miller|Cox
|Richards|Khan|Marshall|Anderson|Simpson|Ellis|Adams|Singh|Begum|Wilkinson|Foster|Chapman
|Powell|Webb|Rogers|Gray|Mason|Ali|Hunt|Hussain|Campbell|Matthews|Owen|Palmer|Holmes|Mills
|Barnes|Knight|Lloyd|Butler|Russell|Barker|Fisher|Stevens|Jenkins|Murray|Dixon|Harvey
|O'Brien|O'Connor|O'Sullivan|O'Neill|Byrne|Ryan|Walsh|McCarthy|Doyle|Gallagher|Kennedy
|Lynch|Murray|Quinn|McLaughlin|MacDonald|MacLeod|Fraser|Stewart|Robertson|Ferguson
|Cunningham|Fitzgerald|Fitzpatrick|Featherstonehaugh|Worthington|Ashworth|Pemberton"""
_FR_GIVEN = """Gabriel Léo Raphaël Louis Arthur Jules Adam Maël Lucas Hugo Nathan Théo Tom
Paul Antoine Nicolas Julien Pierre Jean Jean-Pierre Jean-Luc Jean-Marc François Philippe
Michel Alain Bernard Didier Thierry Olivier Stéphane Sébastien Frédéric Laurent Guillaume
Jade Louise Emma Alice Ambre Lina Rose Chloé Léa Anna Manon Camille Inès Juliette Zoé Lucie
Marie Anne Nathalie Isabelle Sylvie Catherine Françoise Valérie Sandrine Céline Aurélie
Élodie Émilie Hélène Béatrice Geneviève Mathilde Clémence Margaux Océane Maëlle Anaïs"""
_FR_SURNAME = """Martin|Bernard|Thomas|Petit|Robert|Richard|Durand|Dubois|Moreau|Laurent|Simon
|Michel|Lefebvre|Leroy|Roux|David|Bertrand|Morel|Fournier|Girard|Bonnet|Dupont|Lambert
|Fontaine|Rousseau|Vincent|Muller|Lefèvre|Faure|André|Mercier|Blanc|Guérin|Boyer|Garnier
|Chevalier|François|Legrand|Gauthier|Garcia|Perrin|Robin|Clément|Morin|Nicolas|Henry
|Roussel|Mathieu|Gautier|Masson|Marchand|Duval|Denis|Dumont|Marie|Lemaire|Noël|Meyer
|Dufour|Meunier|Brun|Blanchard|Giraud|Joly|Rivière|Lucas|Brunet|Gaillard|Barbier|Arnaud
|Martinez|Gérard|Roche|Renard|Schmitt|Roy|Leroux|Colin|Vidal|Caron|Picard|Roger|Fabre
|Aubert|Lemoine|Renaud|Dumas|Lacroix|Olivier|Philippe|Bourgeois|Pierre|Benoît|Rey
|Lecomte|Carpentier|Lemaître|de la Fontaine|de Saint-Exupéry|d'Almeida|Lefébure|Bézier"""
_OTHER_GIVEN = """Giulia Marco Luca Francesca Alessandro Chiara Matteo Sofia Lorenzo Giorgia
Federico Valentina Giuseppe Martina Andrea Elena Davide Alessia Lucía Mateo Martina Hugo
Pablo Alejandro Carmen Álvaro Javier Marta Sergio Paula Diego Laia Jordi Núria João Maria
Francisco Inês Tiago Beatriz Afonso Leonor Rodrigo Mariana Łukasz Katarzyna Piotr Agnieszka
Krzysztof Małgorzata Tomasz Joanna Paweł Zofia Wojciech Magdalena Søren Mette Rasmus Freja
Mads Ida Björn Astrid Lars Ingrid Sven Karin Nils Linnea Henrik Sigrid Oskar Elin Mikko
Aino Juha Sanna Jukka Tuulikki Mehmet Ayşe Mustafa Fatma Emre Zeynep Yusuf Elif Ahmet
Büşra Mohammed Fatima Youssef Khadija Hamza Salma Karim Nadia Said Amina Dmitri Natalia
Ivan Olga Sergei Anastasia Nikolai Tatiana Jiří Tereza Petr Lucie Tomáš Barbora Ondřej
Zsófia Bence Réka Dániel Eszter Gergő Andrei Ioana Mihai Elena Luka Ana Marko Ivana Nikola
Georgios Eleni Dimitris Katerina Nikos Maria Priya Arjun Ravi Ananya Mei Hiroshi Yuki Wei
Kofi Amara Chinedu Ngozi Kwame Aisha Omar Layla Tariq Noor Hadi Rania"""
_OTHER_SURNAME = """Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco
|Bruno|Gallo|Conti|De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|García|Fernández
|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|Hernández
|Díaz|Moreno|Muñoz|Álvarez|Romero|Navarro|Torres|Domínguez|Vázquez|Silva|Santos|Ferreira
|Pereira|Oliveira|Rodrigues|Martins|Jesus|Sousa|Fernandes|Gonçalves|Gomes|Lopes|Marques
|Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański
|Woźniak|Dąbrowski|Kozłowski|Jankowski|Mazur|Nielsen|Jensen|Hansen|Pedersen|Andersen
|Christensen|Larsen|Sørensen|Rasmussen|Jørgensen|Johansson|Andersson|Karlsson|Nilsson
|Eriksson|Larsson|Olsson|Persson|Svensson|Gustafsson|Lindqvist|Lindström|Bergström
|Åberg|Öberg|Virtanen|Korhonen|Mäkinen|Nieminen|Mäkelä|Hämäläinen|Yılmaz|Kaya|Demir
|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan|El Amrani|Benali|Bakkali
|El Idrissi|Ouali|Haddad|Bouzid|Amrani|Azzouzi|El Khatib|Ivanov|Ivanova|Smirnov|Petrov
|Sokolova|Novák|Svoboda|Novotný|Dvořák|Černý|Procházka|Kučera|Nagy|Kovács|Tóth|Szabó
|Horváth|Varga|Kiss|Molnár|Popescu|Ionescu|Popa|Horvat|Kovačević|Babić|Marić|Jurić
|Papadopoulos|Papadopoulou|Nikolaidis|Georgiou|Patel|Sharma|Singh|Kumar|Nguyen|Tran|Le
|Tanaka|Suzuki|Sato|Watanabe|Wang|Li|Zhang|Chen|Liu|Okafor|Mensah|Adeyemi|Boateng
|Diallo|Traoré|Haddad|Khoury|Nasser|Rahman|Hossain|Chowdhury|Kim|Park|Choi|Lee"""


def _given(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(text.split()))


def _surnames(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.strip() for s in text.replace("\n", "").split("|")
                               if s.strip()))


@dataclass(frozen=True)
class Origin:
    """Names of one origin and how often its guests come."""

    key: str
    share: float
    given: tuple[str, ...]
    surnames: tuple[str, ...]


ORIGINS: tuple[Origin, ...] = (
    Origin("nl", 0.42, _given(_NL_GIVEN), _surnames(_NL_SURNAME)),
    Origin("de", 0.14, _given(_DE_GIVEN), _surnames(_DE_SURNAME)),
    Origin("en", 0.16, _given(_EN_GIVEN), _surnames(_EN_SURNAME)),
    Origin("fr", 0.10, _given(_FR_GIVEN), _surnames(_FR_SURNAME)),
    Origin("other", 0.18, _given(_OTHER_GIVEN), _surnames(_OTHER_SURNAME)),
)
# Languages a guest of each origin is most likely to choose for Show guest.
LANGUAGE_OF = {"nl": "nl", "de": "de", "en": "en", "fr": "fr", "other": "en"}

SECOND_GIVEN = 0.08  # "Anna Maria", "Jan Willem"
DOUBLE_SURNAME = 0.14  # "Jansen-de Vries": married names, Spanish double surnames
MIXED = 0.22  # given name of one origin, surname of another


class _Zipf:
    """Picks from an ordered list with weight 1 / (rank + 10) ** 0.9: a gentle head."""

    def __init__(self, items: tuple[str, ...]) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1 / (r + 10) ** 0.9 for r in range(len(items))))

    def pick(self, rng: random.Random) -> str:
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]

    def not_in(self, name: str, words: set[str]) -> str:
        """``name``, or the next one on the list if it is one of ``words`` ("Bernard
        Bernard" is a real name, but on a demo's first screen it reads as a bug). Draws
        nothing from the random stream, so every other demo guest keeps their name."""
        i = self.items.index(name)
        while self.items[i].casefold() in words:
            i = (i + 1) % len(self.items)
        return self.items[i]


_GIVEN = {o.key: _Zipf(o.given) for o in ORIGINS}
_SURNAME = {o.key: _Zipf(o.surnames) for o in ORIGINS}
_SHARES = list(itertools.accumulate(o.share for o in ORIGINS))


def _origin(rng: random.Random) -> str:
    i = bisect.bisect(_SHARES, rng.random() * _SHARES[-1])
    return ORIGINS[min(i, len(ORIGINS) - 1)].key


def pick_name(rng: random.Random) -> tuple[str, str, str]:
    """(given name, surname, origin key) of one demo guest."""
    origin = _origin(rng)
    given = _GIVEN[origin].pick(rng)
    if rng.random() < SECOND_GIVEN:
        second = _GIVEN[origin].pick(rng)
        if second != given and "-" not in given and "-" not in second:
            given = f"{given} {second}"
    taken = {word.casefold() for word in given.split()}
    surname_origin = _origin(rng) if rng.random() < MIXED else origin
    surname = _SURNAME[surname_origin].not_in(_SURNAME[surname_origin].pick(rng), taken)
    if rng.random() < DOUBLE_SURNAME:
        other_origin = _origin(rng) if rng.random() < MIXED else origin
        other = _SURNAME[other_origin].not_in(_SURNAME[other_origin].pick(rng), taken)
        if other != surname:
            surname = f"{surname}-{other}"
    return given, surname, origin


def all_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every given name and surname the demo can use (tests, the pronunciation table)."""
    return (tuple(n for o in ORIGINS for n in o.given),
            tuple(n for o in ORIGINS for n in o.surnames))
