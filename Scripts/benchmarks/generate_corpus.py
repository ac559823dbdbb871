#!/usr/bin/env python3
"""Generate a large corpus of invented but realistic news pages for load and fault tests.

    python3 Scripts/benchmarks/generate_corpus.py COUNT OUTDIR [--seed N] [--outlets K] [--jobs J]

Writes COUNT `.html` pages into OUTDIR/NNN/ (at most 1000 per folder; names sort in publication
order and are unique), plus OUTDIR/manifest.json (per file: URL, outlet, event id), and prints one
summary line. Standard library only; deterministic for a given seed (and independent of --jobs).

The pages imitate Pipelines/samples: fictional outlets (reserved `.example` domains) in the
imaginary country of Lusmar, each outlet with one of seven page templates (semantic `<article>`
pages with Open Graph and JSON-LD, old div/table layouts with microdata, wire-service pages,
tabloids, magazines, portals, broadcasters), with navigation, cookie banners, ads, share buttons,
related lists and comments around the story. Articles are grouped into events: most events are
covered by 5-10 outlets, each with its own wording, its own choice of sources and figures (police
vs organisers, ministry vs opposition, its own count), so that story clustering and claim
extraction have real work to do. A few percent of events are covered by only 1-3 outlets.
All people, organisations, places and outlets are invented.
"""

import argparse
import datetime as dt
import html
import json
import os
import random
import re
import sys
import time

# --------------------------------------------------------------------------------------------
# Vocabularies
# --------------------------------------------------------------------------------------------

FIRST = ("Ana Tomas Noor Marta Pedro Ines Joaquim Lena Rui Sofia Viktor Helena Dario Camila Oskar "
         "Teresa Bruno Leonor Mateo Irina Hugo Clara Felix Amara Nuno Elif Rafael Yara Samuel Beatriz "
         "Idris Mirela Jonas Carla Emil Lucia Tiago Nadia Anton Paula Milan Rosa Duarte Greta Karim "
         "Vera Simon Alma Marek Ingrid Paulo Selma Andre Livia Gustavo Maren Omar Celia Ivo Dalia "
         "Jasper Renata Goran Hanna Fabio Olga Kofi Edith Lauro Petra Sami Aurelia Bram Judite Ciro "
         "Mina Teodor Raquel Matteo Signe Abel Luana Caio Elena Viggo Iolanda Benedikt Zara").split()
SURNAME = ("Ruiz Berg Alvarenga Atherton Pradas Marchetti Neves Teixeira Castellane Achterberg "
           "Lindqvist Oyelaran Meireles Hartog Marwick Almerindo Soderholm Varela Brandao Kessler "
           "Okafor Montserrat Valente Strand Quaresma Delacroix Ferreira Halvorsen Mendonca Azevedo "
           "Lorca Vasquez Nyberg Calloway Rocha Pimentel Dunstan Saraiva Keller Moraes Fontaine "
           "Aldana Lindgren Carvalho Esteves Rasmussen Ibarra Vogt Quintela Harrow Belmonte Sandoval "
           "Torvik Amaral Brennan Lacerda Osei Falkner Cordeiro Wexford Pacheco Haugen Mirabel "
           "Santangelo Bastos Ekdahl Coutinho Marlowe Tavira Lindahl Prado Okonkwo Seixas Randall "
           "Vidal Ferro Holm Cabral Dorsey Macedo Sorensen Arantes Whitcombe Lobo Engstrom Barreto "
           "Kovac Salgado Thorne Vilar Ahlberg Morais Pereira Ostrander Goulart Mercer Raposo Fennimore "
           "Sequeira Lund Abreu Caldwell Vieira Nakamura Serrano Bjork Tavares Ashdown").split()

CITIES = ["Port Avalon", "Northgate", "Santa Irene", "Dunmore", "Valdecor", "Marbrook", "Castelo Alto",
          "Eskhaven", "Falmira", "Garrowby", "Belvista", "Corran", "Lisvale", "Ostrava Bay", "Pellmore",
          "Quillon", "Redcastle", "San Teodoro", "Tollbridge", "Umbria Nova", "Vennick", "Westerholm",
          "Alcantra", "Brightwater", "Caldera", "Dovermoor", "Elmsford", "Fontenova", "Greyhaven",
          "Halloway", "Isola Verde", "Kestrel Point", "Lowmarsh", "Mirador", "Newbury Cross", "Oakhurst",
          "Puerto Lindo", "Ravensholm", "Silverton", "Tarragon", "Valmont", "Winterby", "Azenha",
          "Bramcote", "Cerro Branco", "Drummond", "Estoril Novo", "Fairhollow", "Glenmoral", "Hartwell"]
REGIONS = ["Varro Valley", "the North Coast", "the Serra Alta", "the Southern Plains", "Lower Tamsa",
           "the Eastern Marches", "the Capital Region", "the Lake District", "Alto Moura", "the Islands"]
RIVERS = ["Varro", "Tamsa", "Ribeira", "Quell", "Moura", "Ostra", "Lenna", "Corvo", "Alder", "Sabrin"]
SQUARES = ["Liberty Square", "Republic Avenue", "the Fish Market", "Cathedral Square", "Station Road",
           "Harbour Street", "the Old Town", "Parliament Square", "Constitution Avenue", "the Riverside"]
DISTRICTS = ["Docas", "Alto da Serra", "Riverside", "Old Town", "Ferreiros", "Northfield", "Bela Vista",
             "Portmore", "Santa Clara", "the Market Quarter", "Westgate", "Quinta Nova"]
CO_A = ["Halden", "Lumenra", "Corvane", "Tessaro", "Brightline", "Marisco", "Veltra", "Norvik", "Astaris",
        "Cobalto", "Pellium", "Sarnex", "Quorva", "Dalvin", "Orrin", "Kestara", "Trivell", "Amberly",
        "Solvane", "Ferrax", "Bravura", "Lindor", "Maraval", "Ostrix"]
CO_B = {"factory": ["Polymers", "Steel", "Chemicals", "Foods", "Packaging", "Textiles", "Plastics", "Metals"],
        "company": ["Systems", "Logistics", "Telecom", "Retail", "Energy", "Bank", "Airways", "Media",
                    "Motors", "Insurance", "Pharma", "Software"]}
PARTIES = ["Civic Front", "National Renewal", "the Social Democratic Union", "the Green Assembly",
           "the Liberal Alliance", "the Lusmar Labour Party", "the Farmers' League"]
PARTY_SHORT = {"Civic Front": "Civic Front", "National Renewal": "National Renewal",
               "the Social Democratic Union": "SDU", "the Green Assembly": "Greens",
               "the Liberal Alliance": "Liberals", "the Lusmar Labour Party": "Labour",
               "the Farmers' League": "Farmers' League"}
UNIVERSITIES = ["the University of Port Avalon", "Northgate University", "the Lusmar Institute of Economics",
                "Santa Irene Polytechnic", "the Catholic University of Castelo Alto", "Tamsa University"]
OCCUPATIONS = ["a teacher", "a retired bus driver", "a shop owner", "a nurse", "a student", "a pharmacist",
               "a taxi driver", "a software developer", "a cafe owner", "a mechanic", "an accountant",
               "a fishmonger", "a carpenter", "a pensioner", "a hairdresser", "a lorry driver"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MON_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MON3 = [m[:3] for m in MONTHS]
NUM_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
             "eleven", "twelve"]

# --------------------------------------------------------------------------------------------
# Event types. Roles: gov (government), auth (the authority on the ground), chal (the challenger),
# opp (opposition politician), expert, local (ordinary person). Metrics: claimed figures with sources.
# Placeholders {role} expand to the full form on first mention, then the surname; {role_t} is the
# role's title ("the minister"), {role_org} its organisation.
# --------------------------------------------------------------------------------------------

def _protest(r, e):
    law = r.choice(["the Public Order Bill", "the pension reform", "the new housing law", "the fuel tax rise",
                    "the education cuts", "the water privatisation plan", "the assembly law",
                    "the media regulation bill", "the rent reform"])
    coal = r.choice(["Citizens' Coalition", "Civic Rights Network", "Popular Assembly", "Open Streets Movement",
                     "Democracy Now Alliance", "People's Forum", "United Residents' Front"])
    e["slots"].update(law=law, square=r.choice(SQUARES), coalition="the " + coal,
                      topic="the protests", issue=law, thing="the demonstrations", action="the crackdown")
    e["roles"] = dict(
        gov=("Interior Minister", "the interior minister", "the Interior Ministry"),
        auth=(("police spokesperson", "a police spokesperson", "%s Metropolitan Police" % e["city"])),
        chal=("organiser", "one of the organisers", "the " + coal),
        opp=("opposition MP", "an opposition MP", r.choice(PARTIES)),
        expert=("political scientist", "a political scientist at " + r.choice(UNIVERSITIES), "university"),
    )
    det = r.randrange(40, 420)
    march = r.randrange(3, 30) * 1000
    e["metrics"] = [
        _metric("count", "people", "{v} people were detained", "{v} people had been detained",
                "the number of people detained", [("police", "police", det, ""),
                ("organisers", "the organisers", int(det * r.uniform(1.8, 3.5)), "more than"),
                ("lawyers", "lawyers representing detainees", int(det * r.uniform(1.3, 2.2)), "at least")]),
        _metric("count", "people", "{v} people took part", "{v} people had marched",
                "turnout", [("police", "police", march, "about"),
                ("organisers", "the organisers", int(march * r.uniform(2.5, 6)) // 1000 * 1000, ""),
                ("independent", "an independent crowd-counting group", int(march * r.uniform(1.4, 2.2)) // 100 * 100, "about")]),
        _metric("count", "people", "{v} people were injured", "{v} people had been treated for injuries",
                "the number of injured", [("emergency", "the emergency services", r.randrange(5, 60), ""),
                ("medics", "volunteer medics", r.randrange(60, 200), "more than")]),
    ]
    e["headlines"] = ["{m0a} detained as thousands march against {law} in {city}",
                      "Police and protesters clash in {city} over {law}",
                      "{city} protest: dispute over arrests as {coalition} vows to return",
                      "Thousands rally against {law}; police say {m0a} held",
                      "Organisers say {m0b} detained in {city} protests, far more than police admit"]
    e["ledes"] = ["{police_cap} said {m0a_clause} {ev_day} as {m1a} people marched through {city} against {law}, "
                  "in the largest demonstration the capital has seen this year.",
                  "Thousands of people marched on {square} in {city} {ev_day} to protest against {law}, and "
                  "{chal_org} said {m0b_clause} by nightfall.",
                  "Riot police used water cannon and tear gas to clear {square} in {city} {ev_day} after a "
                  "march against {law} turned into a stand-off that lasted late into the night."]
    e["facts"] = ["The march set off from {square} shortly after midday and was meant to end outside parliament.",
                  "Witnesses said officers began to kettle groups of protesters at about 6 p.m., holding some for several hours in the cold.",
                  "Several shops in the {district} district pulled down their shutters as the crowd passed.",
                  "Police said officers had been pelted with bottles and fireworks and that {m2a} officers had been hurt.",
                  "Videos shared on social media showed officers dragging protesters by their arms across the square.",
                  "{law} passed its first reading in parliament last month by a narrow margin.",
                  "Critics say {law} was drafted without consultation and rushed through committee in a single afternoon.",
                  "Public transport in the city centre was suspended for most of the afternoon."]
    e["quotes"] = dict(
        gov=["The right to protest is sacred, but so is the right of people to go about their lives safely",
             "Officers showed great restraint in very difficult circumstances",
             "We will not be intimidated by a violent minority into abandoning a reform the country needs"],
        auth=["Our officers acted in a proportionate way to restore order",
              "Every person detained was detained for a reason and will be treated according to the law"],
        chal=["People came here peacefully and were treated like criminals",
              "They can arrest hundreds of us, but they cannot arrest an idea",
              "We will be back on the streets next week, and there will be more of us"],
        opp=["The government has chosen confrontation over dialogue",
             "This law should be withdrawn before it does any more damage"],
        expert=["The government has badly underestimated the strength of feeling against this law",
                "Protests of this size usually force some kind of concession within weeks"],
        local=["I have never seen the square like this, it was full from one end to the other",
               "My son was held for six hours and nobody told us where he was"])


def _strike(r, e):
    sector, employer, union_ = r.choice([
        ("dockworkers", "the %s Port Authority" % e["city"], "the Dockworkers' Union"),
        ("rail workers", "Lusmar Railways", "the Union of Rail Workers"),
        ("teachers", "the Education Ministry", "the National Teachers' Federation"),
        ("nurses", "the National Health Service", "the Nurses' Association"),
        ("bus drivers", "%s Transport" % e["city"], "the Transport Workers' Union"),
        ("refuse collectors", "%s City Council" % e["city"], "the Municipal Workers' Union"),
        ("airport staff", "%s Airport" % e["city"], "the Aviation Workers' Union")])
    hours = r.choice([24, 48, 72])
    e["slots"].update(sector=sector, employer=employer, union=union_, hours=str(hours),
                      topic="the strike", issue="pay and conditions", thing="the walkout", action="the strike")
    e["roles"] = dict(
        gov=(lambda t: (t, "the " + t.lower(), "the government"))(r.choice(["Labour Minister", "Economy Minister"])),
        auth=("spokesperson", "a spokesperson for " + employer, employer),
        chal=("union leader", "general secretary of " + union_, union_),
        opp=("opposition MP", "an opposition MP", r.choice(PARTIES)),
        expert=("economist", "an economist at " + r.choice(UNIVERSITIES), "university"),
    )
    e["metrics"] = [
        _metric("pct", "", "{v} of {sector} had stayed away", "{v} of workers had joined the strike",
                "turnout", [("employer", r.choice(["the management", "the employer", employer]), r.randrange(25, 50), "about"),
                ("union", "the union", r.randrange(65, 95), "")]),
        _metric("money", "", "the stoppage was costing {v} a day", "losses had reached {v} a day",
                "the cost of the strike", [("business", "the Chamber of Commerce", r.randrange(3, 40) * 500_000, "about"),
                ("union", "the union", r.randrange(3, 15) * 250_000, "no more than")]),
        _metric("pct", "", "the offer amounted to a {v} rise", "workers had been offered {v}",
                "the pay offer", [("employer", "management", r.randrange(2, 5), ""),
                ("union", "the union", r.randrange(1, 3), "barely")]),
    ]
    e["headlines"] = ["{hours}-hour {sector} strike hits {city}",
                      "{sector_cap} walk out in {city} as pay talks collapse",
                      "Strike by {sector}: {chal_org} says {m0b} out, management says {m0a}",
                      "{city} {sector} begin {hours}-hour stoppage over pay"]
    e["ledes"] = ["Thousands of {sector} in {city} began a {hours}-hour strike {ev_day} after talks over pay broke down, "
                  "with {union} saying {m0b_clause}.",
                  "{sector_cap} walked off the job in {city} {ev_day}, the start of a {hours}-hour stoppage that "
                  "{employer} said had been joined by only {m0a} of staff.",
                  "A {hours}-hour strike by {sector} disrupted services across {city} {ev_day} as {union} and "
                  "{employer} traded blame for the breakdown of negotiations."]
    e["facts"] = ["Picket lines formed outside the main gates before dawn, and pickets handed leaflets to passers-by.",
                  "The union is demanding a rise that keeps pace with inflation, which it says has eroded wages for three years.",
                  "Management says the union's demands would add tens of millions of euros a year to its wage bill.",
                  "Minimum services agreed with the ministry covered emergencies only.",
                  "It is the third stoppage since the summer, and the longest so far.",
                  "Commuters and businesses in the {district} area reported long delays throughout the day.",
                  "Talks are due to resume under a state-appointed mediator, although no date has been set.",
                  "The last agreement between the two sides expired at the end of last year."]
    e["quotes"] = dict(
        gov=["Both sides need to get back around the table and stay there until they find an agreement",
             "The government will not let a dispute of this kind paralyse the country"],
        auth=["Our offer is fair and it is the most we can afford",
              "The great majority of staff came to work today, and services are largely running"],
        chal=["Our members have had enough of being told to wait",
              "Nobody strikes lightly. We are losing a day's pay to be here",
              "If management thinks we will give up after {hours} hours, they are mistaken"],
        opp=["The government has let this dispute drag on for months",
             "Ministers have been absent while workers' wages have fallen"],
        expert=["Each day of disruption costs the regional economy far more than the gap between the two offers",
                "Inflation has changed the mood; workers are much less willing to accept restraint"],
        local=["I support them, but I have been waiting for an hour and I will be late for work",
               "Everybody here knows someone who works there, so people are sympathetic"])


def _flood(r, e):
    river = r.choice(RIVERS)
    e["slots"].update(river=river, region=r.choice(REGIONS), topic="the floods", issue="flood defences",
                      thing="the flooding", action="the relief effort", rain=str(r.randrange(80, 260)))
    e["roles"] = dict(
        gov=(lambda t: (t, "the " + t.lower(), "the ministry"))(r.choice(["Environment Minister", "Civil Protection Minister"])),
        auth=("civil protection chief", "head of civil protection in the region", "Civil Protection"),
        chal=("Red Cross coordinator", "regional coordinator for the Lusmar Red Cross", "the Lusmar Red Cross"),
        opp=("opposition MP", "an opposition MP for the area", r.choice(PARTIES)),
        expert=("hydrologist", "a hydrologist at " + r.choice(UNIVERSITIES), "university"),
    )
    dmg = r.randrange(2, 40) * 500_000
    ev = r.randrange(3, 30) * 100
    e["metrics"] = [
        _metric("money", "", "the damage amounted to {v}", "damage would exceed {v}", "the damage",
                [("ministry", "the ministry", dmg, "about"), ("opposition", "the opposition", int(dmg * r.uniform(2.5, 4)), "at least"),
                 ("insurers", "the insurers' association", int(dmg * r.uniform(1.5, 2.4)), "")]),
        _metric("count", "people", "{v} people had been evacuated", "{v} residents had left their homes",
                "the number of people evacuated", [("ministry", "civil protection officials", ev, ""),
                ("redcross", "the Red Cross", int(ev * r.uniform(1.3, 1.8)) // 100 * 100, "about")]),
        _metric("count", "homes", "{v} homes were flooded", "{v} homes had been damaged",
                "the number of damaged homes", [("council", "the local council", r.randrange(100, 900), ""),
                ("residents", "residents' groups", r.randrange(900, 2000), "more than")]),
    ]
    e["headlines"] = ["Floods in {region}: {m1a} evacuated as {river} bursts its banks",
                      "{river} floods swamp {city}; ministry puts damage at {m0a}",
                      "{city} counts the cost as river waters begin to recede",
                      "Opposition says flood damage in {city} far higher than official estimate"]
    e["ledes"] = ["The {river} burst its banks at {city} {ev_day} after {rain} millimetres of rain fell in 48 hours, "
                  "forcing civil protection officials to evacuate {m1a} people from low-lying streets.",
                  "Residents of {city} began clearing mud from their homes {ev_day} as the {river} started to fall, "
                  "and the ministry said {m0a_clause}.",
                  "Rescuers in boats pulled residents from flooded homes in {city} {ev_day} as the {river} rose to its "
                  "highest level in more than 30 years."]
    e["facts"] = ["The national weather service said {rain} millimetres of rain had fallen in 48 hours, about twice the monthly average.",
                  "Schools in {city} and the surrounding villages were closed, and the main road to the coast was cut off.",
                  "Army engineers were sent to reinforce an earth embankment north of the town.",
                  "In the {district} neighbourhood the water reached the first floor of some buildings.",
                  "Farmers said large areas of farmland along the river were under water.",
                  "Electricity was cut to several thousand households as a precaution.",
                  "A flood barrier promised after the floods of 2019 has never been built.",
                  "The weather service warned that more rain was expected later in the week."]
    e["quotes"] = dict(
        gov=["The state will stand by every family affected, and the money will be there",
             "Our first priority is to keep people safe, and then we will rebuild"],
        auth=["The teams worked through the night, and thanks to them nobody has lost their life",
              "The water is falling, but the embankments are saturated and the danger is not over"],
        chal=["Many people left with nothing but the clothes they were wearing",
              "We are seeing families who have lost everything for the second time in seven years"],
        opp=["The official figures are a fantasy, anyone who walks through the town can see that",
             "The government was warned about this embankment years ago and did nothing"],
        expert=["Rainfall of this intensity used to happen once in a century, and now it happens every few years",
                "The river has been squeezed by building on its flood plain"],
        local=["The water came up so fast we only had time to take the children and the dog",
               "We have lived here for 40 years and we have never seen anything like it"])


def _fire(r, e):
    co = r.choice(CO_A) + " " + r.choice(CO_B["factory"])
    e["slots"].update(company=co, topic="the fire", issue="safety at the plant", thing="the blaze",
                      action="the investigation", shift=str(r.randrange(60, 300)))
    e["roles"] = dict(
        gov=("Labour Minister", "the labour minister", "the Labour Inspectorate"),
        auth=("Fire Commander", "the fire commander in charge", "%s Fire and Rescue" % e["city"]),
        chal=("union regional secretary", "regional secretary of the General Union of Industrial Workers",
              "the General Union of Industrial Workers"),
        opp=("Mayor", "the mayor of " + e["city"], "the town council"),
        expert=("spokesperson", "a spokesperson for " + co, co),
    )
    inj = r.randrange(4, 25)
    e["metrics"] = [
        _metric("count", "people", "{v} people were injured", "{v} workers had been hurt", "the number of injured",
                [("fire", "the fire service", inj, ""), ("union", "the union", int(inj * r.uniform(2, 3.5)), "at least")]),
        _metric("count", "firefighters", "{v} firefighters fought the blaze", "{v} firefighters were deployed",
                "the number of firefighters", [("fire", "the fire service", r.randrange(40, 140), "about")]),
        _metric("money", "", "the company was fined {v}", "inspectors had fined the company {v}", "the earlier fine",
                [("inspectorate", "the Labour Inspectorate", r.randrange(10, 120) * 1000, "")]),
    ]
    e["headlines"] = ["{m0a_cap} hurt as fire rips through {company} plant in {city}",
                      "Fire at {city} factory: union says injury toll is higher than official figure",
                      "{company} blaze sends smoke over {city}",
                      "Questions over safety after fire at {company} in {city}"]
    e["ledes"] = ["{m0a_cap} people were injured when fire tore through the {company} plant in {city} {ev_day}, sending a "
                  "plume of black smoke over the town.",
                  "A fire at the {company} factory in {city} {ev_day} injured at least {m0a} workers, according to the "
                  "fire service, although the union said the real toll was much higher.",
                  "Firefighters battled through the night to control a blaze at the {company} plant on the edge of "
                  "{city}, where about {shift} people were working the night shift."]
    e["facts"] = ["The fire broke out in a storage warehouse shortly before 11 p.m. and spread to the roof within minutes.",
                  "About {shift} people were working at the plant when the alarm was raised.",
                  "Residents within two kilometres were told to keep their windows and doors closed.",
                  "Three workers with serious burns were taken to the burns unit at the regional hospital.",
                  "The blaze was declared under control shortly after 4 a.m.",
                  "Air quality readings in {city} returned to normal by the following morning, the environment agency said.",
                  "The company is one of the largest private employers in the area.",
                  "The cause of the fire was not yet known, and investigators were expected on site later in the day."]
    e["quotes"] = dict(
        gov=["If rules were broken, there will be consequences",
             "Inspectors will be at the site until we understand exactly what happened"],
        auth=["When our first crews arrived, the roof was already fully involved",
              "The fact that everyone got out is down to the workers themselves"],
        chal=["The official number is the number who left in an ambulance, not the number who were hurt",
              "We have complained about conditions in that warehouse for two years"],
        opp=["Our thoughts are with the injured workers and their families",
             "The town needs answers, and it needs them quickly"],
        expert=["The company is cooperating fully with the authorities",
                "It is far too early to say what caused the fire"],
        local=["We could see the flames from the other side of town",
               "The explosions went on for nearly an hour"])


def _layoffs(r, e):
    co = r.choice(CO_A) + " " + r.choice(CO_B["company"])
    e["slots"].update(company=co, topic="the job cuts", issue="the restructuring", thing="the cuts",
                      action="the restructuring plan")
    e["roles"] = dict(
        gov=("Labour Minister", "the labour minister", "the Labour Ministry"),
        auth=("Chief Executive", "chief executive of " + co, co),
        chal=("union representative", "a representative of the staff union", "the staff union"),
        opp=("opposition MP", "an opposition MP", r.choice(PARTIES)),
        expert=("analyst", "an analyst at " + r.choice(["Tidewater Capital", "Banco Meridional", "Ostra Securities",
                                                       "Quillon Partners", "Avalon Research"]), "analysts"),
    )
    jobs = r.randrange(20, 300) * 10
    e["metrics"] = [
        _metric("count", "jobs", "it would cut {v} jobs", "{v} jobs would go", "the number of jobs cut",
                [("company", "the company", jobs, ""), ("union", "the union", int(jobs * r.uniform(1.2, 1.7)) // 10 * 10, "as many as")]),
        _metric("pct", "", "its shares fell {v}", "the stock lost {v}", "the share price fall",
                [("market", "market data", r.randrange(3, 14), "")]),
        _metric("money", "", "the cuts would save {v} a year", "savings of {v} a year were expected", "the savings",
                [("company", "the company", r.randrange(20, 200) * 1_000_000, "about")]),
    ]
    e["headlines"] = ["{company} to cut {m0a} jobs",
                      "{company} job cuts: union fears {m0b} posts at risk",
                      "Shares in {company} slide after it announces {m0a} job cuts",
                      "{company} restructuring hits {city} workforce"]
    e["ledes"] = ["{company} said {ev_day} it would cut {m0a} jobs as sales slowed, the latest in a string of "
                  "cost-cutting moves by large employers in Lusmar.",
                  "{company}, one of the biggest employers in {city}, announced {ev_day} that {m0a_clause}, "
                  "and the union warned the true number could reach {m0b}.",
                  "Shares in {company} fell sharply {ev_day} after the company announced that it would cut "
                  "{m0a} jobs and close offices in {city}."]
    e["facts"] = ["The company said most of the cuts would fall on sales, support and middle management.",
                  "The cuts are due to be completed by the end of the first quarter of next year.",
                  "The company received state grants for research in recent years, which has drawn criticism from unions.",
                  "Staff were told of the cuts in an internal memo shortly before the announcement.",
                  "The company's offices in the {district} district will close, and remaining staff will move to a smaller site.",
                  "Revenue growth slowed sharply in the last quarter, the company said last month.",
                  "The restructuring charges will mostly cover severance payments.",
                  "It is the second round of cuts in less than two years."]
    e["quotes"] = dict(
        gov=["We have asked the company to meet the unions before the end of next week",
             "Companies that have received public money have a responsibility to their workers"],
        auth=["These are painful decisions, and they affect colleagues who helped build this company",
              "We grew too quickly, and we have to adapt to a market that has changed"],
        chal=["People found out by email, which says everything about how this company treats its staff",
              "We will fight for every job"],
        opp=["The government handed this company millions and got nothing in return",
             "This is a warning sign for the whole economy"],
        expert=["The cuts were widely expected, but they are deeper than the market had thought",
                "The easy growth is over, and investors want to see discipline on costs"],
        local=["My whole team is in the building that is closing",
               "Half the street works for the company, so everybody is worried"])


def _poll(r, e):
    pollster = r.choice(["Civitas Research", "Opinia", "Lusmar Polling Institute", "Barometro", "Voxel Insight",
                         "Panorama Research"])
    p1, p2 = r.sample(PARTIES, 2)
    e["slots"].update(pollster=pollster, party1=p1, party2=p2, p1s=PARTY_SHORT[p1], p2s=PARTY_SHORT[p2],
                      topic="the poll", issue="the election", thing="the survey", action="the campaign",
                      sample=str(r.randrange(8, 30) * 100))
    e["roles"] = dict(
        gov=("Prime Minister's spokesperson", "a spokesperson for the prime minister", "the government"),
        auth=("director", "director of " + pollster, pollster),
        chal=(p1.replace("the ", "").title() + " leader" if False else "party leader", "the leader of " + p1, p1),
        opp=("campaign chief", "campaign chief for " + p2, p2),
        expert=("political scientist", "a political scientist at " + r.choice(UNIVERSITIES), "university"),
    )
    a = r.randrange(24, 36)
    e["metrics"] = [
        _metric("pct", "", "{party1} was on {v}", "{party1} had {v} support", "support for {party1}",
                [("poll", pollster, a, ""), ("rival", "a rival poll by Meridia Analytics", a - r.randrange(1, 5), "")]),
        _metric("pct", "", "{party2} had {v}", "{party2} stood at {v}", "support for {party2}",
                [("poll", pollster, a - r.randrange(1, 6), ""), ("rival", "the rival poll", a + r.randrange(0, 3), "")]),
        _metric("pct", "", "{v} of voters were undecided", "{v} had not yet decided how to vote", "undecided voters",
                [("poll", pollster, r.randrange(10, 25), "")]),
    ]
    e["headlines"] = ["Poll puts {p1s} ahead of {p2s} with weeks to go",
                      "{pollster} poll: {p1s} on {m0a}, {p2s} on {m1a}",
                      "Race tightens as rival polls disagree on {p1s} lead",
                      "New survey gives {p1s} narrow lead"]
    e["ledes"] = ["{party1} leads {party2} ahead of next year's general election, according to a {pollster} poll "
                  "published {ev_day}, which put {party1} on {m0a} and {party2} on {m1a}.",
                  "A poll by {pollster} released {ev_day} found that {m0a_clause}, a lead that a rival survey "
                  "suggested was much smaller.",
                  "The race between {party1} and {party2} remains close, two polls published {ev_day} suggest, "
                  "although they disagree on who is ahead."]
    e["facts"] = ["The poll of {sample} adults was carried out online and by telephone over five days.",
                  "The margin of error is about three percentage points.",
                  "Support for the smaller parties was largely unchanged from last month.",
                  "Housing costs and prices were the issues voters named most often.",
                  "Younger voters were much more likely than older voters to say they had not decided.",
                  "The government's approval rating fell for the third month in a row.",
                  "The election must be held by the spring, but the date has not been set.",
                  "Both main parties have launched their campaigns with rallies in the capital."]
    e["quotes"] = dict(
        gov=["The only poll that matters is the one on election day",
             "The government is focused on governing, not on opinion polls"],
        auth=["The trend is clear, even if the gap is within the margin of error",
              "Voters are unusually volatile this year"],
        chal=["People are tired of broken promises and they want change",
              "We take nothing for granted; we will campaign for every vote"],
        opp=["This poll is an outlier, and our own numbers tell a different story",
             "The race is wide open"],
        expert=["Neither party can count on a majority on these numbers",
                "The undecided voters will decide this election"],
        local=["I have voted for the same party all my life, but this time I do not know",
               "None of them talk about the things that matter to us"])


def _budget(r, e):
    bn = r.randrange(4, 40) / 10 if e["city"] != "Port Avalon" else r.randrange(14, 30) / 10
    e["slots"].update(council="%s City Council" % e["city"], topic="the budget", issue="the budget",
                      thing="the spending plan", action="the budget vote", year=str(e["date"].year + 1),
                      votes_for=str(r.randrange(18, 30)), votes_against=str(r.randrange(8, 17)))
    e["roles"] = dict(
        gov=("Mayor", "the mayor of " + e["city"], "%s City Council" % e["city"]),
        auth=("finance councillor", "the councillor responsible for finance", "the council"),
        chal=("opposition group leader", "leader of the opposition group on the council", r.choice(PARTIES)),
        opp=("residents' association chair", "chair of the residents' association", "the residents' association"),
        expert=("economist", "a public-finance economist at " + r.choice(UNIVERSITIES), "university"),
    )
    total = int(bn * 1_000_000_000)
    e["metrics"] = [
        _metric("money", "", "the budget totals {v}", "the council would spend {v}", "the total budget",
                [("council", "the council", total, "")]),
        _metric("money", "", "{v} would go to housing", "housing spending would rise to {v}", "housing spending",
                [("council", "the council", r.randrange(40, 300) * 1_000_000, ""),
                 ("opposition", "the opposition", r.randrange(20, 120) * 1_000_000, "only")]),
        _metric("money", "", "the shortfall would reach {v}", "the budget left a hole of {v}", "the deficit",
                [("opposition", "the opposition", r.randrange(20, 200) * 1_000_000, "at least"),
                 ("council", "the council", r.randrange(0, 20) * 1_000_000 + 1_000_000, "no more than")]),
    ]
    e["headlines"] = ["{council} approves {m0a} budget for {year}",
                      "{city} budget passes by {votes_for} votes to {votes_against}",
                      "Opposition warns of {m2a} hole in {city} budget",
                      "{city} to spend {m1a} on housing next year"]
    e["ledes"] = ["{council} approved a {m0a} budget for {year} {ev_day}, by {votes_for} votes to {votes_against}, "
                  "after a debate that lasted more than nine hours.",
                  "Councillors in {city} passed next year's budget {ev_day}, with the mayor's coalition saying "
                  "{m1a_clause} while the opposition warned of a growing deficit.",
                  "{city}'s budget for {year} cleared the council {ev_day} with promises of more money for housing, "
                  "transport and schools, but critics said the numbers did not add up."]
    e["facts"] = ["Council tax will rise by less than inflation for the second year in a row.",
                  "The budget includes money for a new tram line to the {district} district.",
                  "Spending on street cleaning and parks will be cut slightly.",
                  "The debate was interrupted twice by protesters in the public gallery.",
                  "Several amendments from the opposition were rejected.",
                  "The council will borrow to fund part of its investment programme.",
                  "Rating agencies have warned about the city's rising debt.",
                  "The budget takes effect on 1 January."]
    e["quotes"] = dict(
        gov=["This is a budget for the people who keep this city running",
             "We are investing in housing because that is what residents ask us for"],
        auth=["Every euro in this budget is accounted for",
              "We have kept taxes down while protecting essential services"],
        chal=["This budget is built on sand",
              "The mayor is making promises now that the next council will have to pay for"],
        opp=["Residents were barely consulted",
             "We need homes, not announcements"],
        expert=["The numbers are plausible, but they depend on optimistic growth forecasts",
                "The real test will come when interest rates reset"],
        local=["My rent has gone up every year, so we will see if this changes anything",
               "They always promise the tram, and it never comes"])


def _outbreak(r, e):
    disease = r.choice(["measles", "norovirus", "legionnaires' disease", "whooping cough", "hepatitis A",
                        "salmonella food poisoning"])
    e["slots"].update(disease=disease, topic="the outbreak", issue="vaccination", thing="the outbreak",
                      action="the vaccination drive", clinics=str(r.randrange(3, 15)))
    e["roles"] = dict(
        gov=("Health Minister", "the health minister", "the Health Ministry"),
        auth=("regional health director", "director of the regional health authority", "the regional health authority"),
        chal=("doctors' union spokesperson", "a spokesperson for the doctors' union", "the doctors' union"),
        opp=("opposition MP", "an opposition MP", r.choice(PARTIES)),
        expert=("epidemiologist", "an epidemiologist at " + r.choice(UNIVERSITIES), "university"),
    )
    cases = r.randrange(20, 300)
    e["metrics"] = [
        _metric("count", "cases", "{v} cases had been confirmed", "{v} people had fallen ill", "the number of cases",
                [("health", "the health authority", cases, ""), ("doctors", "the doctors' union", int(cases * r.uniform(1.4, 2.5)), "more than")]),
        _metric("count", "people", "{v} people were in hospital", "{v} patients had been admitted", "hospital admissions",
                [("health", "the health authority", max(2, cases // r.randrange(5, 12)), "")]),
        _metric("pct", "", "vaccination coverage was {v}", "only {v} of children were fully vaccinated", "vaccination coverage",
                [("health", "the ministry", r.randrange(78, 93), ""), ("schools", "a survey of schools", r.randrange(62, 80), "")]),
    ]
    e["headlines"] = ["{disease_cap} outbreak in {city} reaches {m0a} cases",
                      "{city}: {disease} cases climb, clinics to open at weekend",
                      "Doctors say {disease} outbreak in {city} larger than official count",
                      "Health authority steps up response to {disease} in {city}"]
    e["ledes"] = ["The number of {disease} cases in {city} has risen to {m0a}, the regional health authority said "
                  "{ev_day}, and {clinics} extra clinics will open this weekend.",
                  "Health officials in {city} said {ev_day} that {m0a_clause} in an outbreak of {disease} that began "
                  "in a primary school earlier this month.",
                  "Doctors in {city} warned {ev_day} that an outbreak of {disease} was spreading faster than official "
                  "figures suggested, putting the number of cases at {m0b}."]
    e["facts"] = ["Most of the cases are among children under ten, the health authority said.",
                  "The outbreak was first detected at a primary school in the {district} district.",
                  "{clinics} clinics will open on Saturday and Sunday for walk-in appointments.",
                  "Parents have been asked to keep children with symptoms at home.",
                  "The regional hospital has set aside an isolation ward.",
                  "Officials are tracing contacts of every confirmed case.",
                  "Vaccination rates in the region have fallen over the past decade.",
                  "The health authority publishes updated figures every weekday."]
    e["quotes"] = dict(
        gov=["The vaccine is safe, free and the best protection we have",
             "We have the resources we need to bring this outbreak under control"],
        auth=["The situation is serious but it is under control",
              "We expect the number of cases to keep rising for another week or two"],
        chal=["Our members are seeing patients every day who never appear in the official count",
              "The clinics are overwhelmed and staff are exhausted"],
        opp=["The government cut public-health funding and is now paying the price",
             "Parents deserve clear and honest information"],
        expert=["Once coverage falls below a certain level, outbreaks like this are only a matter of time",
                "The next two weeks will tell us whether the measures are working"],
        local=["We queued for two hours for the vaccine, but I am glad we did",
               "Half of my daughter's class is at home"])


def _crash(r, e):
    mode, operator = r.choice([("train", "Lusmar Railways"), ("bus", "%s Transport" % e["city"]),
                               ("ferry", "Lusmar Ferries"), ("tram", "%s Metro" % e["city"])])
    e["slots"].update(mode=mode, operator=operator, topic="the crash", issue="safety on the network",
                      thing="the accident", action="the investigation", speed=str(r.randrange(40, 140)))
    e["roles"] = dict(
        gov=("Transport Minister", "the transport minister", "the Transport Ministry"),
        auth=("spokesperson", "a spokesperson for " + operator, operator),
        chal=("passengers' association president", "president of the passengers' association",
              "the Passengers' Association"),
        opp=("opposition MP", "an opposition MP", r.choice(PARTIES)),
        expert=("safety investigator", "a former accident investigator", "the investigation board"),
    )
    inj = r.randrange(8, 80)
    e["metrics"] = [
        _metric("count", "people", "{v} people were injured", "{v} passengers had been hurt", "the number of injured",
                [("operator", "the operator", inj, ""), ("hospital", "hospital officials", int(inj * r.uniform(1.2, 1.8)), "")]),
        _metric("count", "passengers", "{v} passengers were on board", "the {mode} was carrying {v} passengers",
                "the number of passengers", [("operator", "the operator", r.randrange(60, 400), "about")]),
        _metric("money", "", "{v} had been set aside for repairs", "repairs would cost {v}", "the repair budget",
                [("ministry", "the ministry", r.randrange(5, 80) * 1_000_000, ""),
                 ("association", "the passengers' association", r.randrange(1, 5) * 1_000_000, "only")]),
    ]
    e["headlines"] = ["{m0a_cap} injured as {mode} crashes near {city}",
                      "{mode_cap} accident near {city}: investigators examine signals",
                      "{operator} under pressure after {city} {mode} crash",
                      "Passengers describe moment {mode} crashed near {city}"]
    e["ledes"] = ["{m0a_cap} people were injured when a {mode} operated by {operator} crashed near {city} {ev_day}, "
                  "the worst accident on the network in more than a decade.",
                  "Investigators were examining the wreckage of a {mode} that crashed near {city} {ev_day}, and "
                  "{operator} said {m0a_clause}.",
                  "A {mode} carrying about {m1a} passengers crashed outside {city} {ev_day}, injuring dozens and "
                  "renewing questions about the state of the network."]
    e["facts"] = ["The {mode} was travelling at about {speed} kilometres an hour, according to early data.",
                  "Emergency crews cut several passengers free from the wreckage.",
                  "Services on the line were suspended and replacement buses were laid on.",
                  "The injured were taken to hospitals in {city} and neighbouring towns.",
                  "An inquiry has been opened by the national accident investigation board.",
                  "The line had been due for modernisation work that was postponed last year.",
                  "The driver was among those taken to hospital and has not yet been interviewed.",
                  "Relatives gathered at the station in {city} waiting for news."]
    e["quotes"] = dict(
        gov=["We will find out what happened and we will make sure it cannot happen again",
             "Safety is not negotiable"],
        auth=["Our thoughts are with the passengers and their families",
              "We are cooperating fully with the investigators"],
        chal=["Passengers have been complaining about this line for years",
              "Maintenance has been cut to the bone"],
        opp=["The minister must explain why the repairs were postponed",
             "This accident was waiting to happen"],
        expert=["It is far too early to draw conclusions about the cause",
                "Investigators will look first at the signals and the brakes"],
        local=["There was a huge bang and then everyone was thrown forward",
               "People were helping each other out of the windows"])


EVENT_TYPES = [  # (builder, section, weight)
    (_protest, "politics", 3), (_strike, "business", 3), (_flood, "national", 2), (_fire, "national", 2),
    (_layoffs, "business", 3), (_poll, "politics", 2), (_budget, "local", 2), (_outbreak, "health", 2),
    (_crash, "national", 2),
]
_TYPE_NAMES = {_protest: "protest", _strike: "strike", _flood: "flood", _fire: "fire", _layoffs: "layoffs",
               _poll: "poll", _budget: "budget", _outbreak: "outbreak", _crash: "crash"}


def _metric(kind, unit, clause_a, clause_b, noun, sources):
    return dict(kind=kind, unit=unit, clauses=(clause_a, clause_b), noun=noun, sources=sources)


# --------------------------------------------------------------------------------------------
# Generic sentence pools (work for every event type)
# --------------------------------------------------------------------------------------------

SAY = ["said", "said", "said", "told reporters", "said in a statement", "told {outlet}", "added", "said on television"]
QUOTE_TPL = ["{o}{q},{c} {role} {say}.", "{o}{q},{c} said {role}.", "{role} said: {o}{q}.{c}",
             "{o}{q},{c} {role} {say}, adding that {indirect}.", "{o}{q}.{c} That was the message from {role}."]
INDIRECT = {
    "gov": ["the government would review the response to {topic}", "{gov_org} would not back down over {issue}",
            "{gov_org} would meet {chal_org} {next_day}", "an inquiry into {topic} would report within weeks",
            "the figures given by {chal_org} were exaggerated", "there would be no more money beyond what had been promised"],
    "auth": ["the situation was under control", "the official figures were accurate and would be updated",
             "{auth_org} was cooperating with the authorities", "a full report would be published {next_day}",
             "{auth_org} regretted the disruption caused by {thing}"],
    "chal": ["the official figures were far too low", "{chal_org} would publish its own count {next_day}",
             "{chal_org} had written to {gov_org} but had received no reply", "it would take legal action if necessary",
             "people had been given no information for hours", "{chal_org} had not been consulted",
             "the official account of {topic} did not match what people had seen", "its supporters would not give up"],
    "opp": ["{gov_t} should resign", "parliament should hold an urgent debate on {topic}",
            "{gov_org} had ignored repeated warnings", "an independent inquiry was needed",
            "the official figures could not be trusted", "{gov_org} owed people an explanation"],
    "expert": ["the dispute over the figures was typical of such events", "the long-term effects of {thing} were hard to predict",
               "the government had little room for manoeuvre", "similar episodes in the past had ended in compromise"],
}
BACKGROUND = ["It was not the first time {topic} had divided opinion in {city}.",
              "{gov_org} has been under pressure over {issue} since {past_since}.",
              "{city}, a city of about {pop} people, has seen several similar episodes in recent years.",
              "Officials have promised a full account of {topic}, but critics say previous reviews changed little.",
              "The figures are likely to be revised as more information becomes available.",
              "{topic_cap} dominated the front pages and the evening news bulletins.",
              "Social media was quickly flooded with photographs and videos, not all of them genuine.",
              "The affair has become a test for {gov_org}, which has faced criticism over {issue} before.",
              "{thing_cap} came at a difficult moment for the government, weeks before a crucial vote on the budget.",
              "Opinion polls suggest most voters are unhappy with the government's handling of {issue}.",
              "The dispute over the figures echoes arguments after similar events {past_when}.",
              "{chal_org} has grown rapidly over the past year and now claims tens of thousands of supporters.",
              "The government, a coalition led by {gov_party}, has a narrow majority in parliament.",
              "Local businesses said {thing} had hit trade in what is normally a busy week.",
              "The region has one of the highest unemployment rates in the country, at {unemp}.",
              "Similar disputes in {city2} and {city3} ended after weeks of negotiations.",
              "{outlet} was unable to verify all of the figures independently.",
              "Requests for comment sent to {auth_org} had not been answered by the time of publication."]
NEXT = ["Parliament is expected to debate {issue} {next_day}.",
        "{chal_org} said it would hold another meeting {next_day} to decide its next steps.",
        "{gov_org} is due to publish a report on {topic} on {next_date}.",
        "An inquiry into {topic} is expected to report by {next_date}.",
        "Talks between the two sides are scheduled to resume {next_day}.",
        "{opp} said {opp_org} would raise the matter in parliament {next_day}.",
        "The next update on the figures is due {next_day}."]
OWN_COUNT = ["a tally by {outlet}", "a count by {outlet} reporters", "figures compiled by {outlet}",
             "{outlet}'s own estimate"]
METRIC_TPL = [
    "{SA} said {ca}; {sb} put the number at {vb}.",
    "According to {sa}, {ca}, although {sb} said the real figure was {vb}.",
    "{Ca}, {sa} said. {SB} gave a {dir} figure of {vb}.",
    "{SA} put {noun} at {va}, while {sb} said it was {vb}.",
    "{SB} disputed the official account, saying {cb2}. {SA} has said {ca}.",
    "The figures varied widely: {sa} said {ca}, but according to {sb}, {cb2}.",
    "{SA} said {ca}. That figure was challenged by {sb}, who said {cb2}.",
]
METRIC1_TPL = ["{SA} said {ca}.", "According to {sa}, {ca}.", "{Ca}, according to {sa}.",
               "{SA} put {noun} at {va}."]
QUALIFIED = {"": "", "about": "about ", "more than": "more than ", "at least": "at least ", "as many as": "as many as ",
             "no more than": "no more than ", "barely": "barely ", "only": "only ", "nearly": "nearly "}
LOCAL_INTRO = ["{name}, {age}, {occ} from {city},", "{name}, {occ} who lives in the {district} district,",
               "{name}, {age}, who has lived in {city} for {years} years,", "{name}, {occ},"]
GENERIC_QUOTES = {
    "gov": ["We are listening, and we will act where action is needed",
            "I understand the frustration, but the facts have to come first",
            "Nobody should play politics with {topic}"],
    "auth": ["We will publish updated figures as soon as they have been verified",
             "Our priority today is the safety of the public"],
    "chal": ["We are not going away", "The people of {city} deserve the truth about {topic}",
             "They want us to be quiet, and we will not be quiet"],
    "opp": ["The government has lost control of the situation",
            "Every day without answers makes this worse"],
    "expert": ["The argument about numbers is really an argument about who is to blame",
               "It will take months before we have a full picture"],
    "local": ["Nobody from the authorities has come to talk to us", "We just want things to go back to normal",
              "You hear one number on the radio and another on the street"],
}
CROSSHEADS = ["Disputed figures", "What happens next", "Anger on the streets", "Government response",
              "A long history", "Questions remain", "Reaction", "Counting the cost", "Background"]
RELATED_HL = ["Council approves new cycle lanes for {c}", "{c} hospital waiting lists at record high",
              "Heatwave warning for {c} and the south", "Rovers sign {n} on three-year deal",
              "Housing prices in {c} rise for tenth month", "Teachers in {c} threaten walkout",
              "Court throws out {c} land deal", "New ferry route to link {c} and the islands",
              "{c} mayor unveils plan for riverside park", "Obituary: {n}, founder of the {c} Choral Society",
              "Inflation eases slightly in October", "Police appeal for witnesses after {c} robbery",
              "Airport expansion at {c} approved", "Farmers warn of poor harvest in {r}",
              "{n} named head of the national orchestra", "Bakery in {c} closes after 62 years",
              "Power cuts hit {c} for second night", "University of {c} to cut tuition fees"]


# --------------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------------

def fmt_int(n):
    return "{:,}".format(n)


def fmt_count(n, style, word_small=True):
    if word_small and n <= 12 and style["spell_small"]:
        return NUM_WORDS[n]
    if n >= 1000 and n % 1000 == 0 and style["round_thousands"]:
        return fmt_int(n)
    return fmt_int(n)


def fmt_money(n, style):
    sym = style["money"]
    if n >= 1_000_000_000:
        x, big, sh = n / 1e9, "billion", "bn"
    elif n >= 1_000_000:
        x, big, sh = n / 1e6, "million", "m"
    else:
        return {"sym": "€" + fmt_int(n), "words": fmt_int(n) + " euros", "code": "EUR " + fmt_int(n)}[sym]
    s = ("%.1f" % x).rstrip("0").rstrip(".") if x < 10 else "%d" % round(x)
    return {"sym": "€%s%s" % (s, sh), "words": "%s %s euros" % (s, big), "code": "EUR %s %s" % (s, big)}[sym]


def fmt_pct(n, style):
    return "%d%s" % (n, style["pct"])


def fmt_value(kind, n, style):
    if kind == "count":
        return fmt_count(n, style)
    if kind == "money":
        return fmt_money(n, style)
    return fmt_pct(n, style)


def fmt_date(d, style):
    ds = style["date"]
    if ds == "dmy":
        return "%d %s" % (d.day, MONTHS[d.month - 1])
    if ds == "ap":
        return "%s %d" % (MON_AP[d.month - 1], d.day)
    return "%s %d" % (MONTHS[d.month - 1], d.day)


def rel_day(d, pub, style, r):
    """'on Tuesday' / 'on 12 November' / 'yesterday' relative to the publication date."""
    delta = (pub - d).days
    if delta == 0:
        return r.choice(["on %s" % WEEKDAYS[d.weekday()], "today", "on %s" % WEEKDAYS[d.weekday()]])
    if delta == 1 and style["yesterday"]:
        return "yesterday"
    if delta < 6 and r.random() < 0.6:
        return "on %s" % WEEKDAYS[d.weekday()]
    return "on %s%s" % (WEEKDAYS[d.weekday()] + ", " if r.random() < 0.4 else "", fmt_date(d, style))


def cap(s):
    return s[:1].upper() + s[1:] if s else s


# --------------------------------------------------------------------------------------------
# Outlets
# --------------------------------------------------------------------------------------------

OUTLET_A = ["Lusmar", "Avalon", "Bayside", "Riverside", "Northern", "Southland", "Tidewater", "Highland",
            "Coastal", "Metro", "Capital", "Eastport", "Western", "Island", "Serra", "Lakeside"]
OUTLET_B = ["Courier", "Chronicle", "Gazette", "Dispatch", "Times", "Observer", "Sentinel", "Record", "Examiner",
            "Bulletin", "Star", "Express", "Journal", "Mirror", "News", "Standard"]
FAMILIES = ["modern", "legacy", "wire", "tabloid", "magazine", "portal", "broadcast"]


def make_outlets(k, r):
    names = [(a, b) for a in OUTLET_A for b in OUTLET_B]
    r.shuffle(names)
    outlets = []
    for i in range(k):
        a, b = names[i % len(names)]
        name = ("The " if r.random() < 0.4 else "") + a + " " + b + (" %d" % (i // len(names) + 1) if i >= len(names) else "")
        slug = re.sub(r"[^a-z0-9]+", "", (a + b).lower()) + ("%d" % (i // len(names) + 1) if i >= len(names) else "")
        fam = FAMILIES[i % len(FAMILIES)]
        st = dict(
            date=r.choice(["dmy", "mdy", "ap"]), money=r.choice(["sym", "words", "code"]),
            pct=r.choice(["%", "%", " per cent", " percent"]), spell_small=r.random() < 0.5,
            round_thousands=True, yesterday=fam in ("tabloid", "legacy") or r.random() < 0.3,
            quotes=r.choice([("“", "”"), ("\"", "\""), ("‘", "’")]) if fam == "tabloid" else r.choice([("“", "”"), ("\"", "\"")]),
            dateline=fam in ("wire", "legacy") or r.random() < 0.3, spokes=r.choice(["spokesperson", "spokesperson", "press officer"]),
        )
        outlets.append(dict(
            name=name, slug=slug, family=fam, style=st, abbr="".join(w[0] for w in (a + " " + b).split()).upper(),
            domain=("www." if r.random() < 0.5 else "") + slug + ".example",
            staff=["%s %s" % (r.choice(FIRST), r.choice(SURNAME)) for _ in range(r.randrange(6, 14))],
            jsonld=fam in ("modern", "wire", "broadcast") or (fam == "portal" and r.random() < 0.5),
            accent=r.choice(["#b00020", "#003366", "#0a6e4f", "#222", "#7a1fa2", "#c75000"]),
            cms=r.choice(["Pressline CMS 4.2", "NewsPress 6", "Arc-like 2.1", "Wordsmith 9", "Headless Next"]),
        ))
        o = outlets[-1]
        cols = []
        for sec in SECTIONS + ["Weather", "Services"]:
            links = "".join('<li><a href="/%s/%s/">%s</a></li>' % (sec.lower(), slugify(x), x)
                            for x in r.sample(SITEMAP_WORDS, r.randrange(5, 10)))
            cols.append('<div class="sitemap-col"><h4><a href="/%s/">%s</a></h4><ul>%s</ul></div>' % (sec.lower(), sec, links))
        o["sitemap"] = '<div class="sitemap">%s</div>\n' % "".join(cols)
        cfg = {"site": o["slug"], "env": "production", "ads": {"network": "adserve", "slots": [
            {"id": "slot-%d" % j, "sizes": [[300, 250], [728, 90]], "lazy": j > 1} for j in range(r.randrange(4, 12))]},
            "paywall": {"meter": r.randrange(3, 10), "regwall": r.random() < 0.5},
            "analytics": {"id": "UA-%d-1" % r.randrange(10**6, 10**7), "consent": True}}
        o["inline_js"] = "<script>window.__SITE_CONFIG__ = %s;</script>\n" % json.dumps(cfg)
    return outlets


# --------------------------------------------------------------------------------------------
# Events and article plan
# --------------------------------------------------------------------------------------------

def person(r, female=None):
    return "%s %s" % (r.choice(FIRST), r.choice(SURNAME))


def make_event(idx, seed, start, days):
    r = random.Random(seed * 7919 + idx * 104729 + 17)
    builder, section, _w = r.choices(EVENT_TYPES, weights=[t[2] for t in EVENT_TYPES])[0]
    date = start + dt.timedelta(days=r.randrange(days))
    city = r.choice(CITIES) if r.random() < 0.75 else "Port Avalon"
    others = [c for c in CITIES if c != city]
    c2, c3 = r.sample(others, 2)
    e = dict(id="ev-%06d" % idx, type=_TYPE_NAMES[builder], section=section, date=date, city=city,
             slots=dict(city=city, district=r.choice(DISTRICTS), city2=c2, city3=c3,
                        pop=fmt_int(r.randrange(40, 900) * 1000), unemp="%d.%d%%" % (r.randrange(6, 16), r.randrange(10)),
                        gov_party=r.choice(PARTIES[:3]),
                        past_since=r.choice(["last year", "the spring", "March", "the summer", "2024", "early 2025"]),
                        past_when=r.choice(["last year", "in the spring", "in March", "last summer", "in 2024",
                                            "early in 2025", "two years ago"])))
    builder(r, e)
    used = set()
    people = {}
    for role in e["roles"]:
        while True:
            n = person(r)
            sn = n.split()[1]
            if sn not in used:
                used.add(sn)
                break
        people[role] = n
    locals_ = []
    for _ in range(3):
        n = person(r)
        if n.split()[1] not in used:
            used.add(n.split()[1])
            locals_.append((n, r.randrange(19, 81), r.choice(OCCUPATIONS)))
    e["people"] = people
    e["locals"] = locals_ or [("Maria Lobo", 54, "a teacher")]
    # headline slot helpers
    s = e["slots"]
    for k in ("sector", "disease", "mode"):
        if k in s:
            s[k + "_cap"] = cap(s[k])
    return e


def plan(count, seed, outlets):
    """Assign COUNT articles to events and outlets; return (events, articles sorted by publication)."""
    r = random.Random(seed)
    k = len(outlets)
    sizes = []
    total = 0
    while total < count:
        if r.random() < 0.06:
            n = r.randrange(1, 4)
        else:
            n = r.randrange(5, 11)
        n = min(n, k, count - total)
        sizes.append(n)
        total += n
    n_events = len(sizes)
    days = max(14, min(730, n_events // 10))
    start = dt.date(2026, 1, 5)
    events = [make_event(i, seed, start, days) for i in range(n_events)]
    arts = []
    for ev, n in zip(events, sizes):
        for o in r.sample(range(k), n):
            lag = r.choice([0, 0, 0, 1, 1, 2])
            minute = r.randrange(6 * 60, 23 * 60)
            pub = dt.datetime.combine(ev["date"] + dt.timedelta(days=lag), dt.time(minute // 60, minute % 60))
            arts.append((pub, ev["id"], o))
    arts.sort(key=lambda a: (a[0], a[1], a[2]))
    return events, arts


# --------------------------------------------------------------------------------------------
# Article text
# --------------------------------------------------------------------------------------------

ROLE_RE = re.compile(r"\{(\w+)\}")


class FastRandom(random.Random):
    """random.Random with cheaper choice/randrange/shuffle (still deterministic for a seed)."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randrange(self, a, b=None):
        if b is None:
            a, b = 0, a
        return a + int(self.random() * (b - a))

    def shuffle(self, x):
        rnd = self.random
        for i in range(len(x) - 1, 0, -1):
            j = int(rnd() * (i + 1))
            x[i], x[j] = x[j], x[i]


class Writer:
    """Expands sentence templates for one article, tracking first mentions of people."""

    def __init__(self, ev, outlet, pub, r):
        self.r = r
        self.ev = ev
        self.st = outlet["style"]
        self.mentioned = set()
        self.used = {}
        pubd = pub.date()
        s = dict(ev["slots"])
        s["outlet"] = outlet["name"]
        s["ev_day"] = rel_day(ev["date"], pubd, self.st, r)
        nd = pubd + dt.timedelta(days=r.randrange(2, 9))
        s["next_day"] = ("on %s" % WEEKDAYS[nd.weekday()]) if (nd - pubd).days < 7 and r.random() < 0.5 else "on " + fmt_date(nd, self.st)
        s["next_date"] = fmt_date(pubd + dt.timedelta(days=r.randrange(10, 60)), self.st)
        for role, (title, appos, org) in ev["roles"].items():
            s[role + "_org"] = org
            s[role + "_t"] = "the " + title.split()[-1].lower()
        # figures: each article picks its own sources for each metric and may add its own count
        self.metrics = []
        for mi, m in enumerate(ev["metrics"]):
            srcs = list(m["sources"])
            if len(srcs) > 2:
                keep = r.sample(srcs[1:], 1 if r.random() < 0.7 else 2)
                srcs = [srcs[0]] + keep
            if r.random() < 0.3:
                r.shuffle(srcs)
            if m["kind"] == "count" and len(srcs) >= 2 and r.random() < 0.15:
                lo, hi = sorted((srcs[0][2], srcs[1][2]))
                srcs.append(("own", r.choice(OWN_COUNT).format(outlet=outlet["name"]), (lo + hi) // 2, "about"))
            vals = []
            for key, label, v, q in srcs:
                if key in ("police", "ministry", "health", "fire", "operator", "company") and r.random() < 0.25:
                    v = int(v * r.uniform(1.0, 1.15))  # later articles cite revised official figures
                if q in ("about", "more than", "at least", "as many as", "nearly") and v > 100:
                    mag = 10 ** (len(str(v)) - 2)
                    v = max(mag, round(v / mag) * mag)
                elif q in ("about", "more than", "at least", "as many as", "nearly") and v >= 20:
                    v = max(20, round(v / 5) * 5)
                vals.append((label, QUALIFIED.get(q, q + " ") + fmt_value(m["kind"], v, self.st), v))
            self.metrics.append((m, vals))
            a = vals[0]
            s["m%da" % mi] = a[1]
            s["m%da_cap" % mi] = cap(a[1])
            s["m%da_clause" % mi] = self._clause(m, 0, a[1])
            b = vals[1] if len(vals) > 1 else vals[0]
            s["m%db" % mi] = b[1]
            s["m%db_clause" % mi] = self._clause(m, 1, b[1])
        s["police_cap"] = cap(self.metrics[0][1][0][0])
        s["topic_cap"] = cap(s["topic"])
        s["thing_cap"] = cap(s["thing"])
        self.s = s
        self.q = self.st["quotes"]

    def _clause(self, m, which, v):
        return m["clauses"][which].replace("{v}", v).format_map(self.ev["slots"])

    def _sub(self, mo):
        k = mo.group(1)
        ev = self.ev
        if k in ev["people"]:
            title, appos, _org = ev["roles"][k]
            full = ev["people"][k]
            if k in self.mentioned:
                return full.split()[1]
            self.mentioned.add(k)
            title = title.replace("spokesperson", self.st["spokes"])
            appos = appos.replace("spokesperson", self.st["spokes"])
            if self.r.random() < 0.5 and title[0].isupper():
                return "%s %s" % (title, full)
            return "%s, %s," % (full, appos)
        return self.s[k]

    def fill(self, tpl):
        out = ROLE_RE.sub(self._sub, tpl)
        out = out.replace(",,", ",").replace(",.", ".").replace(",:", ":").replace(",?", "?")
        return cap(out)

    def pick(self, kind, items):
        """A random item not yet used in this article (None when all are used)."""
        lst = self.used.get(kind)
        if lst is None:
            lst = list(items)
            self.r.shuffle(lst)
            self.used[kind] = lst
        return lst.pop() if lst else None

    # sentence makers ------------------------------------------------------------------
    def quote(self, role):
        r = self.r
        pool = self.ev["quotes"].get(role, []) + GENERIC_QUOTES[role]
        q = self.pick("q" + role, pool)
        if q is None:
            return None
        q = q.format_map(self.s)
        if role == "local":
            name, age, occ = r.choice(self.ev["locals"])
            if name in self.mentioned:
                intro = name.split()[1] + ","
            else:
                self.mentioned.add(name)
                intro = r.choice(LOCAL_INTRO).format(name=name, age=age, occ=occ, city=self.ev["city"],
                                                     district=self.s["district"], years=min(age - 5, r.randrange(8, 45)))
            if r.random() < 0.5:
                return "%s%s,%s said %s." % (self.q[0], q, self.q[1], intro.rstrip(","))
            return "%s said: %s%s.%s" % (intro.rstrip(",") if intro.count(",") == 1 else intro, self.q[0], q, self.q[1])
        tpl = r.choice(QUOTE_TPL)
        ind = self.pick("i" + role, INDIRECT.get(role, INDIRECT["expert"]))
        if ind is None:
            tpl = r.choice(QUOTE_TPL[:3])
            ind = ""
        say = r.choice(SAY)
        text = tpl.replace("{o}", self.q[0]).replace("{c}", self.q[1]).replace("{q}", q) \
                  .replace("{role}", "{" + role + "}").replace("{say}", say).replace("{indirect}", ind)
        return self.fill(text)

    def indirect(self, role):
        r = self.r
        ind = self.pick("i" + role, INDIRECT.get(role, INDIRECT["expert"]))
        if ind is None:
            return None
        tpls = ["{%s} said that %s." % (role, ind), "{%s} said %s." % (role, ind),
                "According to {%s}, %s." % (role, ind), "{%s} told {outlet} that %s." % (role, ind)]
        if "_org}" not in ind:
            tpls.append("In a statement, {%s_org} said %s." % (role, ind))
        tpl = r.choice(tpls)
        return self.fill(tpl)

    def metric(self, mi):
        r = self.r
        m, vals = self.metrics[mi]
        slots = self.ev["slots"]
        ca = m["clauses"][0].replace("{v}", vals[0][1]).format_map(slots)
        if len(vals) == 1:
            t = r.choice(METRIC1_TPL)
            return cap(t.format(SA=cap(vals[0][0]), sa=vals[0][0], ca=ca, Ca=cap(ca), va=vals[0][1],
                                noun=m["noun"].format_map(slots)))
        b = r.choice(vals[1:])
        cb2 = m["clauses"][1].replace("{v}", b[1]).format_map(slots)
        direction = "higher" if b[2] > vals[0][2] else "lower"
        t = r.choice(METRIC_TPL)
        return cap(t.format(SA=cap(vals[0][0]), sa=vals[0][0], SB=cap(b[0]), sb=b[0], ca=ca, Ca=cap(ca), cb2=cb2,
                            va=vals[0][1], vb=b[1], dir=r.choice([direction, "much " + direction, "different"]),
                            noun=m["noun"].format_map(slots)))

    def pool(self, kind, items):
        x = self.pick(kind, items)
        return None if x is None else self.fill(x)


def write_body(ev, outlet, pub, r):
    """Return (headline, deck, paragraphs) for one outlet's account of an event."""
    w = Writer(ev, outlet, pub, r)
    headline = cap(r.choice(ev["headlines"]).format_map(w.s))
    target = int(min(8000, max(3300, r.gauss(5300, 1100))))
    n_par_max = min(14, max(6, int(round(target / r.uniform(380, 650)))))
    per_par = (target - 250) / (n_par_max - 1) * 0.9
    facts = list(ev["facts"])
    r.shuffle(facts)
    bg = list(BACKGROUND)
    r.shuffle(bg)
    nxt = list(NEXT)
    r.shuffle(nxt)
    roles = [k for k in ev["people"]]
    q_roles = ["auth", "chal", "gov", "opp", "expert", "local", "chal", "gov", "auth", "local"]
    r.shuffle(q_roles)
    q_roles = ["auth" if r.random() < 0.5 else "gov", "chal"] + q_roles
    metric_order = list(range(len(ev["metrics"])))
    r.shuffle(metric_order)
    metric_order = [0] + [m for m in metric_order if m != 0]

    lede = w.fill(r.choice(ev["ledes"]))
    if outlet["style"]["dateline"]:
        city = ev["city"].upper()
        fam = outlet["family"]
        if fam == "wire":
            lede = "%s, %s %d (%s) - %s" % (city, MON3[pub.month - 1], pub.day, outlet["abbr"], lede)
        else:
            lede = "%s \u2014 %s" % (city, lede)
    paras = [lede]
    total = len(lede)

    def gen_sentence(kind):
        if kind == "fact":
            return w.pool("f", ev["facts"]) or w.pool("b", BACKGROUND)
        if kind == "metric":
            if metric_order:
                return w.metric(metric_order.pop(0))
            return w.pool("f", ev["facts"])
        if kind == "quote":
            role = q_roles.pop(0) if q_roles else r.choice(roles + ["local"])
            return w.quote(role) or w.indirect(r.choice(roles))
        if kind == "indirect":
            return w.indirect(r.choice(roles)) or w.indirect(r.choice(roles))
        if kind == "bg":
            return w.pool("b", BACKGROUND) or w.pool("f", ev["facts"])
        return w.pool("n", NEXT)

    shapes = [("metric", "fact"), ("quote", "indirect"), ("fact", "quote"), ("metric", "quote"), ("fact", "fact", "bg"),
              ("indirect", "quote", "fact"), ("quote",), ("bg", "fact"), ("quote", "metric"), ("fact", "indirect", "bg"),
              ("quote", "quote"), ("bg", "next")]
    plan_ = [("metric", "fact", "fact"), ("quote", "indirect")] + r.sample(shapes, len(shapes))
    while len(paras) < n_par_max and total < target:
        shape = plan_.pop(0) if plan_ else r.choice(shapes)
        sents = [x for x in (gen_sentence(k) for k in shape) if x]
        plen = sum(len(x) + 1 for x in sents)
        tries = 0
        while plen < per_par and tries < 4:
            x = gen_sentence(r.choice(["fact", "bg", "indirect", "quote", "fact"]))
            tries += 1
            if x:
                sents.append(x)
                plen += len(x) + 1
        p = " ".join(sents)
        paras.append(p)
        total += len(p) + 1
    while len(paras) < 6:
        p = " ".join(x for x in (gen_sentence("bg"), gen_sentence("fact"), gen_sentence("indirect")) if x)
        paras.append(p)
        total += len(p)
    # too short: lengthen paragraphs; close with a what-next line
    i = 1
    misses = 0
    while total < target - 300 and misses < 12:
        extra = gen_sentence(r.choice(["fact", "bg"]))  # no people: first mentions stay in order
        if not extra:
            misses += 1
            continue
        paras[i] += " " + extra
        total += len(extra) + 1
        i = i + 2 if i + 2 < len(paras) else (2 if i % 2 else 1)
    end = gen_sentence("next")
    if end:
        paras[-1] += " " + end
    deck = None
    if r.random() < 0.7:
        m = w.metric(0) if r.random() < 0.5 else w.fill(r.choice(ev["facts"]))
        deck = m
    return headline, deck, paras, w


# --------------------------------------------------------------------------------------------
# Page templates
# --------------------------------------------------------------------------------------------

E = html.escape


def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:70].rstrip("-")


def related(r, n, outlet, base):
    out = []
    for _ in range(n):
        t = r.choice(RELATED_HL).format(c=r.choice(CITIES), n=person(r), r=r.choice(REGIONS))
        d = base - dt.timedelta(days=r.randrange(1, 200))
        out.append(('/%04d/%02d/%02d/%s-%d' % (d.year, d.month, d.day, slugify(t), r.randrange(100000, 999999)), t))
    return out


def jsonld(a, outlet):
    d = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["headline"],
         "datePublished": a["iso"], "dateModified": a["iso_mod"], "mainEntityOfPage": a["url"],
         "author": [{"@type": "Person", "name": n} for n in a["authors"]],
         "publisher": {"@type": "Organization", "name": outlet["name"],
                       "logo": {"@type": "ImageObject", "url": "https://%s/static/logo.png" % outlet["domain"]}},
         "articleSection": a["section"].title(), "inLanguage": "en"}
    if a["desc"]:
        d["description"] = a["desc"]
    return '<script type="application/ld+json">%s</script>' % json.dumps(d, ensure_ascii=False).replace("</", "<\\/")


def head(a, outlet, canonical=True, og=True, published=True, extra=""):
    h = ['<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
         '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
         "<title>%s | %s</title>\n" % (E(a["headline"]), E(outlet["name"]))]
    if a["desc"]:
        h.append('<meta name="description" content="%s">\n' % E(a["desc"]))
    if canonical:
        h.append('<link rel="canonical" href="%s">\n' % a["url"])
    if og:
        h.append('<meta property="og:title" content="%s">\n<meta property="og:type" content="article">\n'
                 '<meta property="og:url" content="%s">\n<meta property="og:site_name" content="%s">\n'
                 '<meta property="og:image" content="https://%s/media/%s.jpg">\n'
                 % (E(a["headline"]), a["url"], E(outlet["name"]), outlet["domain"], a["slug"]))
    if published:
        h.append('<meta property="article:published_time" content="%s">\n'
                 '<meta property="article:section" content="%s">\n' % (a["iso"], a["section"].title()))
    h.append('<link rel="stylesheet" href="/assets/%s.%s.css">\n' % (outlet["slug"], outlet["family"]))
    h.append('<script async src="https://ads.%s/tag.js"></script>\n' % outlet["domain"])
    if outlet["jsonld"]:
        h.append(jsonld(a, outlet) + "\n")
    h.append(extra)
    h.append(outlet["inline_js"])
    h.append("</head>\n")
    return "".join(h)


def body_paras(a, r, tag="p", every=(3, 6), ad='<div class="ad ad-inline"><span>Advertisement</span></div>',
               attr="", crosshead="h2", related_inline=None):
    out = []
    nxt_ad = r.randrange(*every)
    for i, p in enumerate(a["paras"]):
        if i and i == nxt_ad:
            out.append(ad)
            nxt_ad += r.randrange(*every)
        elif i > 3 and r.random() < 0.12:
            out.append("<%s>%s</%s>" % (crosshead, r.choice(CROSSHEADS), crosshead))
        elif related_inline and i > 2 and r.random() < 0.1:
            href, t = related_inline.pop()
            out.append('<p class="read-more"><strong>Read more:</strong> <a href="%s">%s</a></p>' % (href, E(t)))
        out.append("<%s%s>%s</%s>" % (tag, attr.format(i=i + 1) if attr else "", E(p, quote=False), tag))
    return "\n".join(out)


def nav(sections, cur):
    return "".join('<a href="/%s/"%s>%s</a>' % (s.lower(), ' aria-current="page"' if s.lower() == cur else "", s)
                   for s in sections)


SECTIONS = ["Politics", "National", "Business", "Local", "Health", "World", "Sport", "Culture", "Opinion"]
SITEMAP_WORDS = ["Latest", "Elections", "Parliament", "Courts", "Crime", "Transport", "Education", "Environment",
                 "Markets", "Companies", "Jobs", "Property", "Technology", "Science", "Football", "Tennis", "Cycling",
                 "Books", "Film", "Music", "Food", "Travel", "Columnists", "Letters", "Podcasts", "Video",
                 "Puzzles", "Obituaries", "Corrections", "Archive", "Newsletters", "Events", "Careers"]


COMMENT_TEXTS = ["Same story every year and nothing changes.", "Who do you believe? Not the official numbers.",
                 "Good reporting, thanks.", "The real question is who is going to pay for all this.",
                 "I was there and it was much bigger than they say.", "Let's wait for the facts before judging.",
                 "Shameful.", "Why is nobody talking about the cost?", "Ask yourself who benefits.",
                 "My cousin lives there and says it is much worse."]


def comments(r, a, cls):
    n = r.randrange(0, 6)
    items = []
    texts = r.sample(COMMENT_TEXTS, n)
    for i in range(n):
        u = r.choice(["localvoice", "avalon_mike", "truthseeker", "ana.r", "Northerner", "grumpy_pensioner",
                      "j_ferreira", "watcher88", "RiversideRita"])
        t = texts[i]
        items.append('<li class="%s-comment"><b>%s</b> <span class="ago">%d hours ago</span><p>%s</p></li>'
                     % (cls, u, r.randrange(1, 20), t))
    return n, "\n".join(items)


def tpl_modern(a, o, r):
    rel = related(r, 4, o, a["pub"])
    share = "".join('<button class="share share-%s" data-url="%s">%s</button>' % (s.lower(), a["url"], s)
                    for s in ("Facebook", "X", "WhatsApp", "Email", "Copy link"))
    return "".join([
        head(a, o, canonical=True, og=True, published=True),
        '<body class="site-%s">\n<div class="cookie-dialog" role="dialog"><p>We and our partners use cookies to '
        'personalise content and ads and to analyse our traffic.</p><button>Accept all</button><button>Manage '
        'preferences</button></div>\n' % o["slug"],
        '<header class="masthead"><a class="logo" href="/">%s</a><nav class="primary">%s</nav>'
        '<a class="subscribe" href="/subscribe">Subscribe</a></header>\n' % (E(o["name"]), nav(SECTIONS, a["section"])),
        '<main id="main"><article class="story">\n<header class="story-head"><p class="kicker"><a href="/%s/">%s</a></p>'
        '<h1>%s</h1>%s\n' % (a["section"], a["section"].title(), E(a["headline"]),
                            '<p class="standfirst">%s</p>' % E(a["deck"]) if a["deck"] else ""),
        '<div class="byline">By %s</div><time datetime="%s">%s</time></header>\n'
        % (" and ".join('<a rel="author" href="/authors/%s">%s</a>' % (slugify(n), n) for n in a["authors"]),
           a["iso"], a["human"]),
        '<div class="share-bar">%s</div>\n<figure><img src="https://%s/media/%s.jpg" alt=""><figcaption>%s</figcaption></figure>\n'
        % (share, o["domain"], a["slug"], E(a["caption"])),
        '<div class="story-body">\n', body_paras(a, r), '\n</div>\n',
        '<footer class="story-foot"><p class="tags">Topics: %s</p><a href="#comments" class="comment-count">%d comments</a></footer>\n'
        % (", ".join('<a href="/topic/%s">%s</a>' % (slugify(t), t) for t in a["tags"]), a["ncomments"]),
        '</article>\n<aside class="related"><h2>Related</h2><ul>%s</ul></aside>\n</main>\n'
        % "".join('<li><a href="%s">%s</a></li>' % (h, E(t)) for h, t in rel),
        '<footer class="site-footer"><nav>%s</nav><p>&copy; %d %s. All rights reserved.</p></footer>\n</body>\n</html>\n'
        % ('<a href="/about">About</a><a href="/privacy">Privacy</a><a href="/terms">Terms</a><a href="/contact">Contact</a>',
           a["pub"].year, E(o["name"])),
    ])


def tpl_legacy(a, o, r):
    rel = related(r, 3, o, a["pub"])
    pop = related(r, 6, o, a["pub"])
    n, cm = comments(r, a, "lg")
    p = a["pub"]
    posted = "%s, %s %d, %d %d:%02d %s" % (WEEKDAYS[p.weekday()], MONTHS[p.month - 1], p.day, p.year,
                                          (p.hour - 1) % 12 + 1, p.minute, "am" if p.hour < 12 else "pm")
    return "".join([
        head(a, o, canonical=True, og=False, published=False),
        '<body id="article">\n<div id="cookieNotice">This website uses cookies. By continuing to browse the site you are '
        'agreeing to our use of cookies. <a href="#" id="cookieAccept">Accept &amp; close</a></div>\n<div id="wrapper">\n',
        '<div id="header"><div id="logo"><a href="/"><img src="/images/masthead.gif" alt="%s"></a></div>'
        '<div id="header-right"><a href="/eedition/">e-Edition</a> | <a href="/subscribe/">Subscribe</a></div></div>\n'
        % E(o["name"]),
        '<div id="navbar">%s</div>\n<div id="leaderboard" class="adv"><div class="adv-label">Advertisement</div></div>\n'
        % " | ".join('<a href="/%s/">%s</a>' % (s.lower(), s) for s in SECTIONS),
        '<div id="content"><div id="main-column"><div class="article" itemscope itemtype="https://schema.org/NewsArticle">\n'
        '<meta itemprop="datePublished" content="%s"><meta itemprop="mainEntityOfPage" content="%s">\n'
        '<div class="article-headline"><h1 itemprop="headline">%s</h1></div>\n' % (a["iso"], a["url"], E(a["headline"])),
        '<h2 class="article-deck">%s</h2>\n' % E(a["deck"]) if a["deck"] else "",
        '<p class="byline">By <span itemprop="author">%s</span> | %s Staff Writer</p>\n' % (a["authors"][0], E(o["name"])),
        '<p class="dateline">Posted: %s</p>\n' % posted,
        '<div class="share-tools"><a href="https://www.facebook.com/sharer.php?u=%s">Share</a> <a href="/tools/email/">Email</a> '
        '<a href="javascript:window.print()">Print</a></div>\n' % a["url"],
        '<div id="article-body" itemprop="articleBody">\n',
        body_paras(a, r, ad='<div class="inline-ad adv"><div class="adv-label">Story continues below advertisement</div></div>',
                   crosshead='h2 class="subhead"'.split()[0]),
        '\n</div>\n<div class="related-links"><h3>Related Stories</h3><ul>%s</ul></div>\n</div>\n'
        % "".join('<li><a href="%s">%s</a></li>' % (h, E(t)) for h, t in rel),
        '<div id="comments-area"><h3>Reader Comments (%d)</h3><ul class="comment-list">%s</ul></div></div>\n' % (n, cm),
        '<div id="right-column"><div class="widget most-popular"><h3>Most Popular</h3><ol>%s</ol></div></div></div>\n'
        % "".join('<li><a href="%s">%s</a></li>' % (h, E(t)) for h, t in pop),
        '<div id="footer"><p><a href="/site/about.html">About Us</a> | <a href="/site/contact.html">Contact Us</a> | '
        '<a href="/site/privacy.html">Privacy Policy</a></p><p>Copyright &copy; %d %s. All rights reserved.</p>'
        '<p class="powered">Powered by %s</p></div>\n</div>\n</body>\n</html>\n' % (p.year, E(o["name"]), o["cms"]),
    ])


def tpl_wire(a, o, r):
    p = a["pub"]
    t = "%s %d, %d %d:%02d %s GMT" % (MONTHS[p.month - 1], p.day, p.year, (p.hour - 1) % 12 + 1, p.minute,
                                      "AM" if p.hour < 12 else "PM")
    rel = related(r, 5, o, p)
    return "".join([
        head(a, o, canonical=False, og=True, published=r.random() < 0.5),
        '<body class="wire wire--article">\n<div class="wire-consent" role="region" aria-label="Cookie notice"><p>We use '
        'cookies to operate this website and, with your consent, personalise advertising.</p><button>Accept all</button>'
        '<button>Decline optional cookies</button></div>\n',
        '<header class="wire-bar"><a class="wire-logo" href="/">%s</a><nav>%s</nav></header>\n'
        % (E(o["name"]), nav(SECTIONS[:6], a["section"])),
        '<div class="wire-market-strip"><span>PAX 30 <b>%+.2f%%</b></span> <span>EUR/USD <b>1.%04d</b></span></div>\n'
        % (r.uniform(-2, 2), r.randrange(500, 1500)),
        '<main class="wire-main"><article class="wire-story" data-story-id="%s%s">\n' % (o["abbr"], a["n"]),
        '<h1 class="wire-story__headline">%s</h1>\n<div class="wire-story__meta"><p class="wire-story__byline">By %s</p>'
        '<p class="wire-story__time"><time datetime="%s">%s</time></p></div>\n'
        % (E(a["headline"]), "; ".join('<a href="/authors/%s/">%s</a>' % (slugify(x), x) for x in a["authors"]), a["iso"], t),
        '<div class="wire-story__share"><a href="https://x.com/intent/post?url=%s">X</a> <a href="https://www.linkedin.com/sharing/share-offsite/?url=%s">LinkedIn</a> <button>Purchase Licensing Rights</button></div>\n'
        % (a["url"], a["url"]),
        '<div class="wire-story__body">\n',
        body_paras(a, r, attr=' data-paragraph="{i}"', crosshead="h2",
                   ad='<div class="wire-ad wire-ad--inline"><span>Advertisement &middot; Scroll to continue</span></div>'),
        '\n<p class="wire-story__signoff">Reporting by %s; Editing by %s</p>\n</div>\n' % (a["authors"][0], r.choice(o["staff"])),
        '<p class="wire-story__trust">Our Standards: The %s Trust Principles.</p>\n</article>\n' % E(o["name"]),
        '<aside class="wire-more"><h2>More from %s</h2><ul>%s</ul></aside>\n</main>\n'
        % (E(o["name"]), "".join('<li><a href="%s">%s</a></li>' % (h, E(tt)) for h, tt in rel)),
        '<footer class="wire-footer"><p>All quotes delayed a minimum of 15 minutes.</p><p>&copy; %d %s</p></footer>\n'
        '</body>\n</html>\n' % (p.year, E(o["name"])),
    ])


def tpl_tabloid(a, o, r):
    p = a["pub"]
    pubs = "%02d:%02d GMT, %d %s %d" % (p.hour, p.minute, p.day, MONTHS[p.month - 1], p.year)
    upd = p + dt.timedelta(minutes=r.randrange(20, 400))
    upds = "%02d:%02d GMT, %d %s %d" % (upd.hour, upd.minute, upd.day, MONTHS[upd.month - 1], upd.year)
    bullets = a["paras"][0].split(". ")[:1] + ([a["deck"]] if a["deck"] else [])
    n, cm = comments(r, a, "tb")
    rel = related(r, 8, o, p)
    return "".join([
        head(a, o, canonical=True, og=r.random() < 0.7, published=False),
        '<body class="tb-article">\n<div id="tb-consent"><p>We care about your privacy. We and our %d partners store '
        'and access information on your device.</p><a class="tb-btn" href="#">Got it</a></div>\n' % r.randrange(120, 900),
        '<div class="tb-top"><a class="tb-logo" href="/">%s</a><ul class="tb-nav">%s</ul></div>\n'
        % (E(o["name"]), "".join('<li><a href="/%s">%s</a></li>' % (s.lower(), s) for s in SECTIONS + ["Showbiz", "Money"])),
        '<div class="tb-advert"><p>ADVERTISEMENT</p></div>\n<div class="tb-wrap"><div class="tb-article" id="article-%s">\n' % a["n"],
        '<h1 class="tb-headline">%s</h1>\n<ul class="tb-bullets">%s</ul>\n'
        % (E(a["headline"]), "".join("<li><strong>%s</strong></li>" % E(b.rstrip(".") + ".") for b in bullets if b)),
        '<div class="tb-byline-block"><span class="tb-author">By <a href="/profile/%s">%s</a> for %s</span>'
        '<span class="tb-published">Published: %s | Updated: %s</span></div>\n'
        % (slugify(a["authors"][0]), a["authors"][0].upper(), E(o["name"]), pubs, upds),
        '<div class="tb-share-top"><span class="tb-share-count">%d shares</span> <a href="https://www.facebook.com/sharer/sharer.php?u=%s">Share</a> <a href="#comments">%d comments</a></div>\n'
        % (r.randrange(10, 9000), a["url"], n),
        '<div class="tb-article-text">\n',
        body_paras(a, r, every=(2, 4), ad='<div class="tb-advert tb-advert--inarticle"><p class="tb-advert-label">ADVERTISEMENT</p></div>'),
        '\n</div>\n<div class="tb-share-bottom">Share or comment on this article</div>\n',
        '<div id="comments" class="tb-comments"><h3>Comments (%d)</h3><ul>%s</ul></div>\n</div>\n' % (n, cm),
        '<div class="tb-sidebar"><h3>Most read</h3><ul>%s</ul><div class="tb-advert"><p>ADVERTISEMENT</p></div></div></div>\n'
        % "".join('<li><a href="%s">%s</a></li>' % (h, E(t)) for h, t in rel),
        '<div class="tb-footer"><p>Published by %s Ltd. Part of the %s Group.</p><p><a href="/terms">Terms</a> | '
        '<a href="/privacy">Privacy policy &amp; cookies</a></p></div>\n</body>\n</html>\n' % (E(o["name"]), E(o["name"].split()[-1])),
    ])


def tpl_magazine(a, o, r):
    p = a["pub"]
    rel = related(r, 3, o, p)
    return "".join([
        head(a, o, canonical=False, og=True, published=True),
        '<body class="mag">\n<div class="mag-cookies"><p>This site uses cookies for analytics and subscriptions.</p>'
        '<button class="accept">OK</button></div>\n',
        '<header class="mag-header"><div class="mag-brand"><a href="/">%s</a><span class="tagline">Ideas, politics, culture</span>'
        '</div><nav class="mag-menu">%s</nav><a href="/newsletter" class="mag-newsletter">Newsletter</a></header>\n'
        % (E(o["name"]), nav(SECTIONS, a["section"])),
        '<main><article class="mag-feature"><header><span class="mag-rubric">%s</span><h1>%s</h1>%s'
        '<p class="mag-date">%02d.%02d.%d</p></header>\n'
        % (a["section"].title(), E(a["headline"]), "<h2 class=\"mag-dek\">%s</h2>" % E(a["deck"]) if a["deck"] else "",
           p.day, p.month, p.year),
        '<figure class="mag-hero"><img src="https://%s/media/%s.jpg" alt=""><figcaption>%s</figcaption></figure>\n'
        % (o["domain"], a["slug"], E(a["caption"])),
        '<section class="mag-body">\n', body_paras(a, r, every=(5, 9), ad='<aside class="mag-promo">Subscribe for &euro;1 a week</aside>'),
        '\n</section>\n<footer class="mag-credits"><p>&mdash; %s</p><p class="mag-share">Share: '
        '<a href="mailto:?body=%s">Email</a> &middot; <a href="https://x.com/share?url=%s">X</a></p></footer>\n</article>\n'
        % (" and ".join(a["authors"]), a["url"], a["url"]),
        '<section class="mag-more"><h2>Read next</h2>%s</section>\n</main>\n'
        % "".join('<div class="mag-card"><a href="%s"><h3>%s</h3></a></div>' % (h, E(t)) for h, t in rel),
        '<footer class="mag-footer"><p>%s is published by %s Media.</p></footer>\n</body>\n</html>\n' % (E(o["name"]), E(o["name"])),
    ])


def tpl_portal(a, o, r):
    p = a["pub"]
    t = "%s %d %s %d %02d.%02d GMT" % (WEEKDAYS[p.weekday()][:3], p.day, MON3[p.month - 1], p.year, p.hour, p.minute)
    rel = related(r, 10, o, p)
    inline = related(r, 2, o, p)
    return "".join([
        head(a, o, canonical=True, og=r.random() < 0.5, published=r.random() < 0.5),
        '<body>\n<div id="gdpr-banner" class="banner"><span>Cookies help us deliver our services.</span> '
        '<a href="/cookies">More info</a> <a class="ok" href="#">OK</a></div>\n',
        '<div class="portal-top"><div class="portal-logo"><a href="/">%s</a></div><div class="portal-weather">%s %d&deg;C</div>'
        '<div class="portal-search"><form action="/search"><input name="q"></form></div></div>\n'
        % (E(o["name"]), r.choice(CITIES), r.randrange(-3, 34)),
        '<div class="portal-nav">%s</div>\n<div class="portal-ad-top"><iframe src="https://ads.%s/728x90" title="ad"></iframe></div>\n'
        % (" ".join('<a href="/%s">%s</a>' % (s.lower(), s) for s in SECTIONS), o["domain"]),
        '<div class="portal-breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/%s">%s</a></div>\n'
        % (a["section"], a["section"].title()),
        '<div class="portal-cols"><div class="portal-main"><div class="news-item">\n<h1 class="news-title">%s</h1>\n'
        % E(a["headline"]),
        '<div class="news-meta"><span class="news-author">%s</span> <span class="news-date">%s</span> '
        '<span class="news-comments">%d comments</span></div>\n' % (r.choice(["Staff reporter", a["authors"][0]]), t, a["ncomments"]),
        '<div class="news-lead"><b>%s</b></div>\n' % E(a["deck"]) if a["deck"] else "",
        '<div class="news-text">\n', body_paras(a, r, every=(3, 5), related_inline=inline,
                                                 ad='<div class="portal-ad-inline"><small>Ad</small></div>'),
        '\n</div>\n<div class="news-share"><a href="https://www.facebook.com/sharer/sharer.php?u=%s">Facebook</a> '
        '<a href="https://x.com/share?url=%s">X</a> <a href="https://wa.me/?text=%s">WhatsApp</a></div>\n</div></div>\n'
        % (a["url"], a["url"], a["url"]),
        '<div class="portal-side"><div class="box"><h4>Trending</h4><ul>%s</ul></div>'
        '<div class="box"><h4>Weather</h4><p>Sunny spells, %d&deg;C</p></div></div></div>\n'
        % ("".join('<li><a href="%s">%s</a></li>' % (h, E(tt)) for h, tt in rel), r.randrange(0, 30)),
        '<div class="portal-footer"><p>&copy; %s %d. Reproduction prohibited.</p></div>\n</body>\n</html>\n' % (E(o["name"]), p.year),
    ])


def tpl_broadcast(a, o, r):
    p = a["pub"]
    rel = related(r, 4, o, p)
    ts = int(dt.datetime(p.year, p.month, p.day, p.hour, p.minute, tzinfo=dt.timezone.utc).timestamp() * 1000)
    return "".join([
        head(a, o, canonical=True, og=r.random() < 0.6, published=False),
        '<body>\n<div id="consent-root"><div class="consent"><h2>Let us know you agree to cookies</h2><button>Yes, I agree'
        '</button><button>No, take me to settings</button></div></div>\n',
        '<header class="bc-header"><a href="/" class="bc-logo">%s</a><nav class="bc-nav">%s<a href="/live">Live TV</a></nav></header>\n'
        % (E(o["name"]), nav(SECTIONS, a["section"])),
        '<main id="main-content"><div class="bc-article" role="article">\n<div class="bc-headline"><h1 id="main-heading">%s</h1></div>\n'
        % E(a["headline"]),
        '<div class="bc-meta"><span data-testid="timestamp" data-timestamp="%d">%d hours ago</span>'
        '<div class="bc-contrib"><span class="bc-name">By %s</span><span class="bc-role">%s correspondent</span></div></div>\n'
        % (ts, r.randrange(1, 12), a["authors"][0], r.choice(["Political", "Business", "Regional", "Health", "Home affairs"])),
        '<div class="bc-video"><p>Watch: %s</p></div>\n' % E(a["caption"]),
        '<div class="bc-text">\n', body_paras(a, r, tag="p", every=(4, 8),
                                              ad='<div class="bc-block-related"><a href="/live">Follow live coverage</a></div>'),
        '\n</div>\n<div class="bc-topics"><h2>More on this story</h2><ul>%s</ul></div>\n</div>\n'
        % "".join('<li><a href="%s">%s</a></li>' % (h, E(t)) for h, t in rel),
        '<div class="bc-share"><button>Share</button></div>\n</main>\n',
        '<footer class="bc-footer"><p>&copy; %d %s. %s is not responsible for the content of external sites.</p></footer>\n'
        '</body>\n</html>\n' % (p.year, E(o["name"]), E(o["name"])),
    ])


TEMPLATES = dict(modern=tpl_modern, legacy=tpl_legacy, wire=tpl_wire, tabloid=tpl_tabloid, magazine=tpl_magazine,
                 portal=tpl_portal, broadcast=tpl_broadcast)


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

def render(n, seed, art, events_by_id, outlets):
    pub, ev_id, oi = art
    ev = events_by_id[ev_id]
    o = outlets[oi]
    r = FastRandom(seed * 1_000_003 + n * 7_777 + 1)
    headline, deck, paras, _w = write_body(ev, o, pub, r)
    slug = "%s-%d" % (slugify(headline), n)
    url = "https://%s/%04d/%02d/%02d/%s" % (o["domain"], pub.year, pub.month, pub.day, slug)
    authors = [r.choice(o["staff"])] + ([r.choice(o["staff"])] if r.random() < 0.2 else [])
    if len(authors) == 2 and authors[0] == authors[1]:
        authors.pop()
    mod = pub + dt.timedelta(minutes=r.randrange(0, 300))
    a = dict(n=n, pub=pub, url=url, slug=slug, headline=headline, deck=deck, paras=paras, authors=authors,
             section=ev["section"], iso=pub.strftime("%Y-%m-%dT%H:%M:00+00:00"), iso_mod=mod.strftime("%Y-%m-%dT%H:%M:00+00:00"),
             human="%s %s %d, %d" % (WEEKDAYS[pub.weekday()], MONTHS[pub.month - 1], pub.day, pub.year),
             desc=deck if deck and r.random() < 0.8 else None, ncomments=r.randrange(0, 400),
             caption="%s, %s." % (r.choice(["A view of", "Scenes in", "People gather in", "The scene in"]) + " " + ev["city"],
                                  fmt_date(ev["date"], o["style"])),
             tags=[ev["city"], ev["type"].title(), ev["section"].title()])
    page = TEMPLATES[o["family"]](a, o, r)
    i = page.rfind("</body>")
    page = page[:i] + o["sitemap"] + page[i:]
    return page, url


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("count", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--outlets", type=int, default=12, help="number of outlets (default 12; 7 templates)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (output does not depend on it)")
    args = ap.parse_args()
    if args.count < 0 or args.outlets < 1:
        ap.error("COUNT must be >= 0 and --outlets >= 1")
    t0 = time.time()
    outlets = make_outlets(args.outlets, random.Random(args.seed * 31 + 7))
    events, arts = plan(args.count, args.seed, outlets)
    width = max(6, len(str(max(args.count - 1, 0))))
    os.makedirs(args.outdir, exist_ok=True)
    jobs = max(1, args.jobs)
    global _G
    _G = (args.seed, arts, {e["id"]: e for e in events}, outlets, args.outdir, width)
    chunks = [(s, min(s + 1000, len(arts))) for s in range(0, len(arts), 1000)]
    if jobs > 1 and len(chunks) > 1:
        import multiprocessing as mp
        ctx = mp.get_context("fork")
        with ctx.Pool(jobs) as pool:
            results = pool.map(_write_chunk, chunks)
    else:
        results = [_write_chunk(c) for c in chunks]
    files = [f for res in results for f in res[1]]
    total = sum(res[0] for res in results)
    manifest = dict(seed=args.seed, count=len(files), outlets=[dict(name=o["name"], domain=o["domain"],
                    template=o["family"]) for o in outlets],
                    events={e["id"]: dict(type=e["type"], city=e["city"], date=e["date"].isoformat()) for e in events},
                    files=files)
    with open(os.path.join(args.outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=0)
    print("generated %d pages, %d bytes (%.1f MB), %d events, %d outlets in %s (%.1fs)"
          % (len(files), total, total / 1e6, len(events), len(outlets), args.outdir, time.time() - t0))
    return 0


_G = None


def _write_chunk(chunk):
    seed, arts, events_by_id, outlets, outdir, width = _G
    start, end = chunk
    sub = "%03d" % (start // 1000) if width <= 6 else "%0*d" % (width - 3, start // 1000)
    d = os.path.join(outdir, sub)
    os.makedirs(d, exist_ok=True)
    total = 0
    files = []
    for n in range(start, end):
        page, url = render(n, seed, arts[n], events_by_id, outlets)
        o = outlets[arts[n][2]]
        name = "%0*d-%s.html" % (width, n, o["slug"])
        data = page.encode("utf-8")
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        total += len(data)
        files.append(dict(file="%s/%s" % (sub, name), url=url, outlet=o["name"], event=arts[n][1]))
    return total, files


if __name__ == "__main__":
    sys.exit(main())
