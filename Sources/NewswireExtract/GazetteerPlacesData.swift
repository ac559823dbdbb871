/// Places: countries, regions, US states and about 700 major cities, with a point and country code.
/// Coordinates as in GeoNames (CC BY 4.0), rounded; country and region points are approximate centres.
/// One place per line: `name|latitude|longitude|country code`; aliases `alias=name`.
enum GazetteerPlacesData {
    static let places = """
Afghanistan|33.0|65.0|AF
Albania|41.0|20.0|AL
Algeria|28.0|3.0|DZ
Andorra|42.5|1.5|AD
Angola|-12.5|18.5|AO
Antigua and Barbuda|17.05|-61.8|AG
Argentina|-34.0|-64.0|AR
Armenia|40.0|45.0|AM
Australia|-25.0|135.0|AU
Austria|47.33|13.33|AT
Azerbaijan|40.5|47.5|AZ
Bahamas|24.25|-76.0|BS
Bahrain|26.0|50.55|BH
Bangladesh|24.0|90.0|BD
Barbados|13.17|-59.53|BB
Belarus|53.0|28.0|BY
Belgium|50.83|4.0|BE
Belize|17.25|-88.75|BZ
Benin|9.5|2.25|BJ
Bhutan|27.5|90.5|BT
Bolivia|-17.0|-65.0|BO
Bosnia and Herzegovina|44.0|18.0|BA
Botswana|-22.0|24.0|BW
Brazil|-10.0|-55.0|BR
Brunei|4.5|114.67|BN
Bulgaria|43.0|25.0|BG
Burkina Faso|13.0|-2.0|BF
Burundi|-3.5|30.0|BI
Cambodia|13.0|105.0|KH
Cameroon|6.0|12.0|CM
Canada|60.0|-95.0|CA
Cape Verde|16.0|-24.0|CV
Central African Republic|7.0|21.0|CF
Chad|15.0|19.0|TD
Chile|-30.0|-71.0|CL
China|35.0|105.0|CN
Colombia|4.0|-72.0|CO
Comoros|-12.17|44.25|KM
Congo|-1.0|15.0|CG
Democratic Republic of the Congo|-2.5|23.5|CD
Costa Rica|10.0|-84.0|CR
Croatia|45.17|15.5|HR
Cuba|21.5|-80.0|CU
Cyprus|35.0|33.0|CY
Czech Republic|49.75|15.0|CZ
Denmark|56.0|10.0|DK
Djibouti|11.5|42.5|DJ
Dominica|15.5|-61.33|DM
Dominican Republic|19.0|-70.67|DO
Ecuador|-2.0|-77.5|EC
Egypt|27.0|30.0|EG
El Salvador|13.83|-88.92|SV
Equatorial Guinea|2.0|10.0|GQ
Eritrea|15.0|39.0|ER
Estonia|59.0|26.0|EE
Eswatini|-26.5|31.5|SZ
Ethiopia|8.0|38.0|ET
Fiji|-18.0|178.0|FJ
Finland|64.0|26.0|FI
France|46.0|2.0|FR
Gabon|-1.0|11.75|GA
Gambia|13.5|-15.5|GM
Georgia|42.0|43.5|GE
Germany|51.5|10.5|DE
Ghana|8.0|-2.0|GH
Greece|39.0|22.0|GR
Grenada|12.12|-61.67|GD
Guatemala|15.5|-90.25|GT
Guinea|11.0|-10.0|GN
Guinea-Bissau|12.0|-15.0|GW
Guyana|5.0|-59.0|GY
Haiti|19.0|-72.42|HT
Honduras|15.0|-86.5|HN
Hungary|47.0|20.0|HU
Iceland|65.0|-18.0|IS
India|22.0|79.0|IN
Indonesia|-5.0|120.0|ID
Iran|32.0|53.0|IR
Iraq|33.0|44.0|IQ
Ireland|53.0|-8.0|IE
Israel|31.5|34.75|IL
Italy|42.83|12.83|IT
Ivory Coast|8.0|-5.0|CI
Jamaica|18.25|-77.5|JM
Japan|35.69|139.75|JP
Jordan|31.0|36.0|JO
Kazakhstan|48.0|68.0|KZ
Kenya|1.0|38.0|KE
Kiribati|1.42|173.0|KI
Kosovo|42.58|21.0|XK
Kuwait|29.5|47.75|KW
Kyrgyzstan|41.0|75.0|KG
Laos|18.0|105.0|LA
Latvia|57.0|25.0|LV
Lebanon|33.83|35.83|LB
Lesotho|-29.5|28.25|LS
Liberia|6.5|-9.5|LR
Libya|28.0|17.0|LY
Liechtenstein|47.17|9.53|LI
Lithuania|56.0|24.0|LT
Luxembourg|49.75|6.17|LU
Madagascar|-20.0|47.0|MG
Malawi|-13.5|34.0|MW
Malaysia|2.5|112.5|MY
Maldives|3.2|73.0|MV
Mali|17.0|-4.0|ML
Malta|35.92|14.43|MT
Marshall Islands|10.0|167.0|MH
Mauritania|20.0|-12.0|MR
Mauritius|-20.3|57.58|MU
Mexico|23.0|-102.0|MX
Micronesia|6.92|158.25|FM
Moldova|47.0|29.0|MD
Monaco|43.73|7.42|MC
Mongolia|46.0|105.0|MN
Montenegro|42.5|19.3|ME
Morocco|32.0|-5.0|MA
Mozambique|-18.25|35.0|MZ
Myanmar|22.0|98.0|MM
Namibia|-22.0|17.0|NA
Nauru|-0.53|166.92|NR
Nepal|28.0|84.0|NP
Netherlands|52.5|5.75|NL
New Zealand|-42.0|174.0|NZ
Nicaragua|13.0|-85.0|NI
Niger|16.0|8.0|NE
Nigeria|10.0|8.0|NG
North Korea|40.0|127.0|KP
North Macedonia|41.83|22.0|MK
Norway|62.0|10.0|NO
Oman|21.0|57.0|OM
Pakistan|30.0|70.0|PK
Palau|7.5|134.5|PW
Palestine|32.0|35.25|PS
Panama|9.0|-80.0|PA
Papua New Guinea|-6.0|147.0|PG
Paraguay|-23.0|-58.0|PY
Peru|-10.0|-76.0|PE
Philippines|13.0|122.0|PH
Poland|52.0|20.0|PL
Portugal|39.5|-8.0|PT
Qatar|25.5|51.25|QA
Romania|46.0|25.0|RO
Russia|60.0|100.0|RU
Rwanda|-2.0|30.0|RW
Saint Kitts and Nevis|17.33|-62.75|KN
Saint Lucia|13.88|-60.97|LC
Samoa|-13.58|-172.33|WS
San Marino|43.77|12.42|SM
Saudi Arabia|25.0|45.0|SA
Senegal|14.0|-14.0|SN
Serbia|44.0|21.0|RS
Seychelles|-4.58|55.67|SC
Sierra Leone|8.5|-11.5|SL
Singapore|1.37|103.8|SG
Slovakia|48.67|19.5|SK
Slovenia|46.0|15.0|SI
Solomon Islands|-8.0|159.0|SB
Somalia|10.0|49.0|SO
South Africa|-29.0|24.0|ZA
South Korea|37.0|127.5|KR
South Sudan|7.5|30.0|SS
Spain|40.0|-4.0|ES
Sri Lanka|7.0|81.0|LK
Sudan|15.0|30.0|SD
Suriname|4.0|-56.0|SR
Sweden|62.0|15.0|SE
Switzerland|47.0|8.0|CH
Syria|35.0|38.0|SY
Taiwan|23.5|121.0|TW
Tajikistan|39.0|71.0|TJ
Tanzania|-6.0|35.0|TZ
Thailand|15.0|100.0|TH
Timor-Leste|-8.83|125.75|TL
Togo|8.0|1.17|TG
Tonga|-20.0|-175.0|TO
Trinidad and Tobago|11.0|-61.0|TT
Tunisia|34.0|9.0|TN
Turkey|39.0|35.0|TR
Turkmenistan|40.0|60.0|TM
Tuvalu|-8.0|178.0|TV
Uganda|1.0|32.0|UG
Ukraine|49.0|32.0|UA
United Arab Emirates|24.0|54.0|AE
United Kingdom|54.0|-2.0|GB
United States|39.76|-98.5|US
Uruguay|-33.0|-56.0|UY
Uzbekistan|41.0|64.0|UZ
Vanuatu|-16.0|167.0|VU
Vatican City|41.9|12.45|VA
Venezuela|8.0|-66.0|VE
Vietnam|16.17|107.83|VN
Yemen|15.5|47.5|YE
Zambia|-14.33|27.5|ZM
Zimbabwe|-19.0|29.0|ZW
Greenland|72.0|-40.0|GL
Puerto Rico|18.25|-66.5|PR
Hong Kong|22.28|114.16|HK
Macau|22.2|113.55|MO
Western Sahara|24.5|-13.0|EH
Northern Ireland|54.6|-6.7|GB
Scotland|56.5|-4.0|GB
England|52.16|-1.0|GB
Wales|52.5|-3.5|GB
Gaza|31.5|34.47|PS
Gaza Strip|31.42|34.35|PS
West Bank|32.0|35.25|PS
Crimea|45.0|34.0|UA
Donbas|48.0|38.0|UA
Kashmir|34.0|76.0|IN
Tibet|31.0|88.0|CN
Xinjiang|41.0|85.0|CN
Catalonia|41.82|1.47|ES
Basque Country|43.0|-2.6|ES
Andalusia|37.5|-4.5|ES
Bavaria|49.0|11.5|DE
Quebec|52.0|-72.0|CA
Ontario|50.0|-85.0|CA
British Columbia|54.0|-125.0|CA
Alberta|55.0|-115.0|CA
Manitoba|55.0|-97.0|CA
Saskatchewan|54.0|-106.0|CA
Nova Scotia|45.0|-63.0|CA
New South Wales|-33.0|146.0|AU
Victoria|-37.0|144.0|AU
Queensland|-22.0|144.0|AU
Tasmania|-42.0|147.0|AU
Siberia|60.0|105.0|RU
Chechnya|43.4|45.7|RU
Kurdistan|36.5|44.0|IQ
Darfur|13.0|24.0|SD
Tigray|14.0|39.0|ET
Sinai|29.5|33.8|EG
Punjab|31.0|75.0|IN
Kerala|10.5|76.5|IN
Tamil Nadu|11.0|78.5|IN
Maharashtra|19.5|75.5|IN
Uttar Pradesh|27.0|80.5|IN
Bengal|23.0|88.0|IN
Sicily|37.5|14.0|IT
Sardinia|40.0|9.0|IT
Tuscany|43.4|11.0|IT
Lombardy|45.6|9.9|IT
Corsica|42.1|9.1|FR
Brittany|48.2|-3.0|FR
Normandy|49.0|0.0|FR
Provence|43.9|6.0|FR
Flanders|51.0|4.0|BE
Wallonia|50.3|4.8|BE
Patagonia|-44.0|-69.0|AR
Balkans|43.0|21.0|
Caucasus|42.0|44.0|
Middle East|29.0|42.0|
Europe|50.0|15.0|
Africa|2.0|20.0|
Asia|30.0|90.0|
North America|45.0|-100.0|
South America|-15.0|-60.0|
Latin America|-10.0|-65.0|
Central America|13.0|-86.0|
Caribbean|17.0|-72.0|
Antarctica|-80.0|0.0|
Arctic|80.0|0.0|
Oceania|-20.0|150.0|
Scandinavia|62.0|14.0|
Southeast Asia|10.0|110.0|
East Asia|35.0|115.0|
South Asia|22.0|78.0|
Central Asia|43.0|65.0|
Sahel|15.0|5.0|
Horn of Africa|8.0|45.0|
Persian Gulf|27.0|51.0|
Gulf of Mexico|25.0|-90.0|
Mediterranean|35.0|18.0|
Mediterranean Sea|35.0|18.0|
Black Sea|43.0|35.0|
Red Sea|20.0|38.5|
Baltic Sea|58.0|20.0|
North Sea|56.0|3.0|
South China Sea|12.0|113.0|
Atlantic|30.0|-40.0|
Atlantic Ocean|30.0|-40.0|
Pacific|0.0|-160.0|
Pacific Ocean|0.0|-160.0|
Indian Ocean|-20.0|80.0|
Strait of Hormuz|26.57|56.25|
Taiwan Strait|24.0|119.5|
English Channel|50.2|-1.0|
Suez Canal|30.6|32.3|
Panama Canal|9.1|-79.7|
Nile|26.0|32.0|
Danube|45.0|25.0|
Alps|46.5|10.0|
Himalayas|28.0|84.0|
Silicon Valley|37.38|-122.0|
Wall Street|40.706|-74.009|US
Midwest|41.0|-90.0|US
New England|43.5|-71.5|US
Capitol Hill|38.89|-77.0|US
Downing Street|51.503|-0.128|GB
Alabama|32.75|-86.75|US
Alaska|64.0|-150.0|US
Arizona|34.5|-111.5|US
Arkansas|34.75|-92.5|US
California|37.25|-119.75|US
Colorado|39.0|-105.5|US
Connecticut|41.67|-72.67|US
Delaware|39.0|-75.5|US
Florida|28.75|-82.5|US
Hawaii|20.75|-156.5|US
Idaho|44.5|-114.25|US
Illinois|40.0|-89.25|US
Indiana|40.0|-86.25|US
Iowa|42.0|-93.5|US
Kansas|38.5|-98.5|US
Kentucky|37.5|-85.25|US
Louisiana|31.0|-92.0|US
Maine|45.5|-69.25|US
Maryland|39.0|-76.75|US
Massachusetts|42.37|-71.85|US
Michigan|44.25|-85.5|US
Minnesota|46.25|-94.25|US
Mississippi|32.75|-89.75|US
Missouri|38.25|-92.5|US
Montana|47.0|-109.5|US
Nebraska|41.5|-99.75|US
Nevada|39.25|-116.75|US
New Hampshire|43.67|-71.5|US
New Jersey|40.17|-74.5|US
New Mexico|34.5|-106.0|US
North Carolina|35.5|-79.25|US
North Dakota|47.5|-100.5|US
Ohio|40.25|-82.75|US
Oklahoma|35.5|-97.5|US
Oregon|44.0|-120.5|US
Pennsylvania|40.75|-77.75|US
Rhode Island|41.67|-71.5|US
South Carolina|34.0|-81.0|US
South Dakota|44.5|-100.25|US
Tennessee|35.75|-86.25|US
Texas|31.25|-99.25|US
Utah|39.25|-111.75|US
Vermont|44.0|-72.75|US
Virginia|37.5|-78.5|US
Washington State|47.5|-120.5|US
West Virginia|38.5|-80.5|US
Wisconsin|44.5|-90.0|US
Wyoming|43.0|-107.5|US
London|51.5085|-0.1257|GB
Manchester|53.4809|-2.2374|GB
Birmingham|52.4814|-1.8998|GB
Liverpool|53.4106|-2.9779|GB
Leeds|53.7965|-1.5478|GB
Glasgow|55.8652|-4.2576|GB
Edinburgh|55.9521|-3.1965|GB
Bristol|51.4552|-2.5966|GB
Cardiff|51.48|-3.18|GB
Belfast|54.5968|-5.9254|GB
Sheffield|53.3829|-1.4659|GB
Newcastle|54.9733|-1.614|GB
Nottingham|52.9536|-1.1505|GB
Leicester|52.6386|-1.1317|GB
Oxford|51.7522|-1.256|GB
Cambridge|52.2|0.1167|GB
Brighton|50.8284|-0.1395|GB
Southampton|50.904|-1.4043|GB
Aberdeen|57.1437|-2.0981|GB
Dublin|53.3331|-6.2489|IE
Cork|51.898|-8.4706|IE
Paris|48.8534|2.3488|FR
Marseille|43.2970|5.3811|FR
Lyon|45.7485|4.8467|FR
Toulouse|43.6043|1.4437|FR
Nantes|47.2172|-1.5534|FR
Strasbourg|48.5839|7.7455|FR
Bordeaux|44.8404|-0.5805|FR
Lille|50.633|3.0586|FR
Montpellier|43.6109|3.8772|FR
Rennes|48.1114|-1.6808|FR
Calais|50.9581|1.8524|FR
Berlin|52.5244|13.4105|DE
Hamburg|53.5753|10.0153|DE
Munich|48.1374|11.5755|DE
Cologne|50.9333|6.95|DE
Frankfurt|50.1155|8.6842|DE
Stuttgart|48.7823|9.177|DE
Dusseldorf|51.2217|6.7762|DE
Düsseldorf|51.2217|6.7762|DE
Dortmund|51.5149|7.466|DE
Essen|51.4566|7.0123|DE
Leipzig|51.3396|12.3713|DE
Dresden|51.0509|13.7383|DE
Hanover|52.3705|9.7332|DE
Nuremberg|49.4478|11.0683|DE
Bremen|53.0751|8.8078|DE
Bonn|50.7343|7.0955|DE
Madrid|40.4165|-3.7026|ES
Barcelona|41.3888|2.159|ES
Valencia|39.4697|-0.3774|ES
Seville|37.3828|-5.9732|ES
Zaragoza|41.6561|-0.8773|ES
Malaga|36.7202|-4.4203|ES
Málaga|36.7202|-4.4203|ES
Bilbao|43.2627|-2.9253|ES
Palma|39.5694|2.6502|ES
Lisbon|38.7167|-9.1333|PT
Porto|41.1496|-8.611|PT
Rome|41.8919|12.5113|IT
Milan|45.4643|9.1895|IT
Naples|40.8522|14.2681|IT
Turin|45.0705|7.6868|IT
Palermo|38.1158|13.3615|IT
Genoa|44.4048|8.9444|IT
Bologna|44.4938|11.3387|IT
Florence|43.7792|11.2463|IT
Venice|45.4371|12.3327|IT
Amsterdam|52.3740|4.8897|NL
Rotterdam|51.9225|4.4792|NL
The Hague|52.0767|4.2986|NL
Utrecht|52.0908|5.1222|NL
Brussels|50.8505|4.3488|BE
Antwerp|51.2199|4.4035|BE
Luxembourg City|49.6117|6.13|LU
Zurich|47.3667|8.55|CH
Zürich|47.3667|8.55|CH
Geneva|46.2022|6.1457|CH
Bern|46.9481|7.4474|CH
Basel|47.5584|7.5733|CH
Davos|46.8027|9.836|CH
Vienna|48.2085|16.3721|AT
Salzburg|47.7994|13.044|AT
Prague|50.0880|14.4208|CZ
Brno|49.1952|16.608|CZ
Warsaw|52.2298|21.0118|PL
Krakow|50.0614|19.9366|PL
Kraków|50.0614|19.9366|PL
Gdansk|54.3521|18.6464|PL
Wroclaw|51.1|17.0333|PL
Lodz|51.75|19.4667|PL
Budapest|47.4980|19.0399|HU
Bratislava|48.1482|17.1067|SK
Ljubljana|46.0511|14.5051|SI
Zagreb|45.8144|15.978|HR
Belgrade|44.8040|20.4651|RS
Sarajevo|43.8486|18.3564|BA
Podgorica|42.4411|19.2636|ME
Skopje|41.9965|21.4314|MK
Tirana|41.3275|19.8189|AL
Pristina|42.6727|21.1669|XK
Sofia|42.6975|23.3241|BG
Bucharest|44.4323|26.1063|RO
Cluj-Napoca|46.7667|23.6|RO
Chisinau|47.0056|28.8575|MD
Athens|37.9838|23.7278|GR
Thessaloniki|40.6403|22.9439|GR
Nicosia|35.1753|33.3642|CY
Valletta|35.8997|14.5147|MT
Istanbul|41.0138|28.9497|TR
Ankara|39.9199|32.8543|TR
Izmir|38.4127|27.1384|TR
Antalya|36.9081|30.6956|TR
Copenhagen|55.6759|12.5655|DK
Stockholm|59.3294|18.0687|SE
Gothenburg|57.7072|11.9668|SE
Malmo|55.6059|13.0007|SE
Oslo|59.9127|10.7461|NO
Bergen|60.392|5.328|NO
Helsinki|60.1695|24.9354|FI
Reykjavik|64.1355|-21.8954|IS
Tallinn|59.437|24.7535|EE
Riga|56.946|24.1059|LV
Vilnius|54.6892|25.2798|LT
Minsk|53.9|27.5667|BY
Kyiv|50.4547|30.5238|UA
Kiev|50.4547|30.5238|UA
Kharkiv|49.9808|36.2527|UA
Odesa|46.4775|30.7326|UA
Odessa|46.4775|30.7326|UA
Lviv|49.8383|24.0232|UA
Dnipro|48.45|34.9833|UA
Zaporizhzhia|47.8229|35.1903|UA
Mariupol|47.0971|37.5434|UA
Kherson|46.6354|32.6169|UA
Donetsk|48.023|37.8022|UA
Luhansk|48.567|39.317|UA
Bakhmut|48.5956|38.0003|UA
Mykolaiv|46.975|31.9946|UA
Sevastopol|44.6|33.5333|UA
Moscow|55.7522|37.6156|RU
Saint Petersburg|59.9386|30.3141|RU
St. Petersburg|59.9386|30.3141|RU
Novosibirsk|55.0415|82.9346|RU
Yekaterinburg|56.8519|60.6122|RU
Kazan|55.7887|49.1221|RU
Nizhny Novgorod|56.3287|44.002|RU
Vladivostok|43.1056|131.8735|RU
Kaliningrad|54.7065|20.511|RU
Belgorod|50.6107|36.5802|RU
Grozny|43.312|45.6889|RU
Sochi|43.6028|39.7342|RU
Volgograd|48.7194|44.5018|RU
Rostov-on-Don|47.2313|39.7233|RU
Tbilisi|41.6941|44.8337|GE
Yerevan|40.1811|44.5136|AM
Baku|40.3777|49.892|AZ
Astana|51.1801|71.446|KZ
Almaty|43.25|76.9167|KZ
Tashkent|41.2646|69.2163|UZ
Bishkek|42.87|74.59|KG
Dushanbe|38.5358|68.7791|TJ
Ashgabat|37.95|58.3833|TM
Kabul|34.5281|69.1723|AF
Kandahar|31.6133|65.7101|AF
Herat|34.348|62.1997|AF
Islamabad|33.7215|73.0433|PK
Karachi|24.8608|67.0104|PK
Lahore|31.5497|74.3436|PK
Peshawar|34.008|71.5785|PK
Quetta|30.1872|67.0125|PK
New Delhi|28.6358|77.2245|IN
Delhi|28.6519|77.2315|IN
Mumbai|19.0728|72.8826|IN
Bangalore|12.9719|77.5937|IN
Bengaluru|12.9719|77.5937|IN
Kolkata|22.5626|88.363|IN
Chennai|13.0878|80.2785|IN
Hyderabad|17.3840|78.4564|IN
Ahmedabad|23.0258|72.5873|IN
Pune|18.5196|73.8553|IN
Jaipur|26.9196|75.7878|IN
Lucknow|26.8393|80.9231|IN
Srinagar|34.0857|74.8056|IN
Dhaka|23.7104|90.4074|BD
Chittagong|22.3384|91.8317|BD
Kathmandu|27.7017|85.3206|NP
Colombo|6.9319|79.8478|LK
Thimphu|27.4661|89.6419|BT
Beijing|39.9075|116.3972|CN
Shanghai|31.2222|121.4581|CN
Guangzhou|23.1167|113.25|CN
Shenzhen|22.5455|114.0683|CN
Wuhan|30.5833|114.2667|CN
Chengdu|30.6667|104.0667|CN
Chongqing|29.5628|106.5528|CN
Tianjin|39.1422|117.1767|CN
Nanjing|32.0617|118.7778|CN
Hangzhou|30.2936|120.1614|CN
Xi'an|34.2583|108.9286|CN
Harbin|45.75|126.65|CN
Shenyang|41.7922|123.4328|CN
Urumqi|43.801|87.6005|CN
Lhasa|29.65|91.1|CN
Kunming|25.0389|102.7183|CN
Xiamen|24.4798|118.0819|CN
Taipei|25.0478|121.5319|TW
Kaohsiung|22.6163|120.3133|TW
Tokyo|35.6895|139.6917|JP
Osaka|34.6937|135.5022|JP
Yokohama|35.4478|139.6425|JP
Kyoto|35.0211|135.7538|JP
Nagoya|35.1815|136.9064|JP
Sapporo|43.0667|141.35|JP
Fukuoka|33.6|130.4167|JP
Kobe|34.6913|135.183|JP
Hiroshima|34.4|132.45|JP
Nagasaki|32.7448|129.8737|JP
Fukushima|37.75|140.4678|JP
Okinawa|26.3358|127.8014|JP
Seoul|37.566|126.9784|KR
Busan|35.1028|129.0403|KR
Incheon|37.4565|126.7052|KR
Daegu|35.8703|128.5911|KR
Pyongyang|39.0339|125.7543|KP
Ulaanbaatar|47.9077|106.8832|MN
Hanoi|21.0245|105.8412|VN
Ho Chi Minh City|10.8230|106.6296|VN
Saigon|10.8230|106.6296|VN
Da Nang|16.0678|108.2208|VN
Bangkok|13.7540|100.5014|TH
Chiang Mai|18.7904|98.9847|TH
Phuket|7.8804|98.3923|TH
Phnom Penh|11.5625|104.916|KH
Vientiane|17.9667|102.6|LA
Yangon|16.8053|96.1561|MM
Naypyidaw|19.745|96.1297|MM
Mandalay|21.9747|96.0836|MM
Kuala Lumpur|3.1412|101.6865|MY
Penang|5.4141|100.3288|MY
Jakarta|-6.2146|106.8451|ID
Surabaya|-7.2492|112.7508|ID
Bandung|-6.9222|107.6069|ID
Bali|-8.5|115.0|ID
Medan|3.5833|98.6667|ID
Manila|14.6042|120.9822|PH
Quezon City|14.6488|121.0509|PH
Cebu|10.3167|123.8907|PH
Davao|7.0731|125.6128|PH
Dili|-8.5586|125.5736|TL
Port Moresby|-9.4431|147.1797|PG
Sydney|-33.8678|151.2073|AU
Melbourne|-37.814|144.9633|AU
Brisbane|-27.4679|153.0281|AU
Perth|-31.9522|115.8614|AU
Adelaide|-34.9287|138.5986|AU
Canberra|-35.2835|149.1281|AU
Hobart|-42.8794|147.3294|AU
Darwin|-12.4611|130.8418|AU
Auckland|-36.8485|174.7635|NZ
Wellington|-41.2866|174.7756|NZ
Christchurch|-43.5333|172.6333|NZ
Suva|-18.1416|178.4415|FJ
Honolulu|21.3069|-157.8583|US
Tehran|35.6944|51.4215|IR
Mashhad|36.297|59.6062|IR
Isfahan|32.6525|51.6746|IR
Tabriz|38.08|46.2919|IR
Shiraz|29.6036|52.5388|IR
Baghdad|33.3406|44.4009|IQ
Basra|30.5085|47.7804|IQ
Mosul|36.335|43.1189|IQ
Erbil|36.1912|44.0092|IQ
Kirkuk|35.4681|44.3922|IQ
Fallujah|33.35|43.7833|IQ
Najaf|31.9961|44.3148|IQ
Damascus|33.5102|36.2913|SY
Aleppo|36.2021|37.1343|SY
Homs|34.7268|36.7234|SY
Idlib|35.9306|36.6339|SY
Raqqa|35.9528|39.0079|SY
Beirut|33.8938|35.5018|LB
Tripoli|32.8872|13.1913|LY
Benghazi|32.1167|20.0667|LY
Amman|31.9552|35.945|JO
Jerusalem|31.769|35.2163|IL
Tel Aviv|32.0809|34.7806|IL
Haifa|32.8184|34.9885|IL
Gaza City|31.5017|34.4667|PS
Rafah|31.2968|34.2435|PS
Khan Younis|31.3402|34.3063|PS
Ramallah|31.8996|35.2042|PS
Hebron|31.5294|35.0938|PS
Jenin|32.4615|35.3002|PS
Nablus|32.2211|35.2544|PS
Riyadh|24.6877|46.7219|SA
Jeddah|21.5424|39.198|SA
Mecca|21.4266|39.8256|SA
Medina|24.4686|39.6142|SA
Dubai|25.0772|55.3093|AE
Abu Dhabi|24.4667|54.3667|AE
Doha|25.2867|51.5333|QA
Manama|26.2154|50.5832|BH
Kuwait City|29.3697|47.9783|KW
Muscat|23.5841|58.4078|OM
Sanaa|15.3547|44.2066|YE
Sana'a|15.3547|44.2066|YE
Aden|12.7794|45.0367|YE
Hodeidah|14.7978|42.9545|YE
Cairo|30.0626|31.2497|EG
Alexandria|31.2018|29.9158|EG
Giza|30.0081|31.2109|EG
Luxor|25.6989|32.6421|EG
Sharm el-Sheikh|27.9158|34.33|EG
Khartoum|15.5518|32.5324|SD
Omdurman|15.6445|32.4777|SD
Juba|4.8517|31.5825|SS
Addis Ababa|9.025|38.7469|ET
Mekelle|13.4967|39.4753|ET
Asmara|15.3333|38.9333|ER
Mogadishu|2.0371|45.3438|SO
Nairobi|-1.2833|36.8167|KE
Mombasa|-4.0547|39.6636|KE
Kampala|0.3163|32.5822|UG
Kigali|-1.9499|30.0588|RW
Bujumbura|-3.3822|29.3644|BI
Dar es Salaam|-6.8235|39.2695|TZ
Dodoma|-6.1722|35.7395|TZ
Zanzibar|-6.1659|39.2026|TZ
Kinshasa|-4.3276|15.3136|CD
Goma|-1.6792|29.2228|CD
Lubumbashi|-11.6609|27.4794|CD
Brazzaville|-4.2658|15.2832|CG
Luanda|-8.8368|13.2343|AO
Lusaka|-15.4134|28.2771|ZM
Harare|-17.8277|31.0534|ZW
Bulawayo|-20.15|28.5833|ZW
Lilongwe|-13.9669|33.7873|MW
Maputo|-25.9653|32.5892|MZ
Antananarivo|-18.9137|47.5361|MG
Windhoek|-22.5594|17.0832|NA
Gaborone|-24.6545|25.9086|BW
Johannesburg|-26.2023|28.0436|ZA
Cape Town|-33.9258|18.4232|ZA
Durban|-29.8579|31.0292|ZA
Pretoria|-25.7449|28.1878|ZA
Port Elizabeth|-33.9611|25.6149|ZA
Soweto|-26.2678|27.8585|ZA
Lagos|6.4541|3.3947|NG
Abuja|9.0579|7.4951|NG
Kano|12.0001|8.5167|NG
Ibadan|7.3878|3.8963|NG
Port Harcourt|4.7774|7.0134|NG
Maiduguri|11.8464|13.1603|NG
Accra|5.556|-0.1969|GH
Kumasi|6.6885|-1.6244|GH
Abidjan|5.3544|-4.0017|CI
Yamoussoukro|6.8206|-5.2767|CI
Dakar|14.6937|-17.4441|SN
Bamako|12.65|-8.0|ML
Timbuktu|16.7735|-3.0074|ML
Ouagadougou|12.3657|-1.5339|BF
Niamey|13.5137|2.1098|NE
N'Djamena|12.1067|15.0444|TD
Nouakchott|18.0858|-15.9785|MR
Conakry|9.5379|-13.6773|GN
Freetown|8.484|-13.2299|SL
Monrovia|6.3005|-10.7969|LR
Lome|6.1375|1.2123|TG
Lomé|6.1375|1.2123|TG
Cotonou|6.3654|2.4183|BJ
Yaounde|3.8667|11.5167|CM
Yaoundé|3.8667|11.5167|CM
Douala|4.0469|9.7084|CM
Libreville|0.3925|9.4537|GA
Bangui|4.3612|18.555|CF
Algiers|36.7525|3.042|DZ
Oran|35.6969|-0.6331|DZ
Tunis|36.819|10.1658|TN
Rabat|34.0133|-6.8326|MA
Casablanca|33.5883|-7.6114|MA
Marrakech|31.6342|-7.9999|MA
Tangier|35.7767|-5.8039|MA
Fez|34.0331|-5.0003|MA
Washington|38.8951|-77.0364|US
New York|40.7143|-74.006|US
New York City|40.7143|-74.006|US
Manhattan|40.7834|-73.9663|US
Brooklyn|40.6501|-73.9496|US
Queens|40.6815|-73.8365|US
Bronx|40.8499|-73.8664|US
Los Angeles|34.0522|-118.2437|US
Chicago|41.85|-87.65|US
Houston|29.7633|-95.3633|US
Phoenix|33.4484|-112.074|US
Philadelphia|39.9524|-75.1636|US
San Antonio|29.4241|-98.4936|US
San Diego|32.7153|-117.1573|US
Dallas|32.7831|-96.8067|US
San Jose|37.3394|-121.895|US
Austin|30.2672|-97.7431|US
Jacksonville|30.3322|-81.6556|US
Fort Worth|32.7254|-97.3208|US
Columbus|39.9612|-82.9988|US
Charlotte|35.2271|-80.8431|US
San Francisco|37.7749|-122.4194|US
Indianapolis|39.7684|-86.158|US
Seattle|47.6062|-122.3321|US
Denver|39.7392|-104.9847|US
Boston|42.3584|-71.0598|US
Nashville|36.1659|-86.7844|US
Detroit|42.3314|-83.0457|US
Oklahoma City|35.4676|-97.5164|US
Portland|45.5234|-122.6762|US
Las Vegas|36.175|-115.1372|US
Memphis|35.1495|-90.049|US
Louisville|38.2542|-85.7594|US
Baltimore|39.2904|-76.6122|US
Milwaukee|43.0389|-87.9065|US
Albuquerque|35.0845|-106.6511|US
Tucson|32.2217|-110.9265|US
Fresno|36.7477|-119.7724|US
Sacramento|38.5816|-121.4944|US
Kansas City|39.0997|-94.5786|US
Atlanta|33.749|-84.388|US
Miami|25.7743|-80.1937|US
Orlando|28.5383|-81.3792|US
Tampa|27.9475|-82.4584|US
Minneapolis|44.98|-93.2638|US
St. Louis|38.6273|-90.1979|US
New Orleans|29.9547|-90.0751|US
Cleveland|41.4995|-81.6954|US
Pittsburgh|40.4406|-79.9959|US
Cincinnati|39.1620|-84.4569|US
Salt Lake City|40.7608|-111.8911|US
Raleigh|35.7721|-78.6386|US
Richmond|37.5538|-77.4603|US
Buffalo|42.8865|-78.8784|US
Oakland|37.8044|-122.2711|US
Palo Alto|37.4419|-122.143|US
Cupertino|37.323|-122.0322|US
Mountain View|37.3861|-122.0839|US
Menlo Park|37.4538|-122.1822|US
Redmond|47.674|-122.1215|US
Anchorage|61.2181|-149.9003|US
Newark|40.7357|-74.1724|US
Hartford|41.7637|-72.6851|US
Providence|41.824|-71.4128|US
Albany|42.6526|-73.7562|US
Annapolis|38.9784|-76.4922|US
Harrisburg|40.2737|-76.8844|US
Trenton|40.2171|-74.7429|US
Tallahassee|30.4383|-84.2807|US
Montgomery|32.3668|-86.3|US
Little Rock|34.7465|-92.2896|US
Baton Rouge|30.4507|-91.1546|US
Jackson|32.2988|-90.1848|US
Des Moines|41.6005|-93.6091|US
Madison|43.0731|-89.4012|US
Lansing|42.7325|-84.5555|US
Springfield|39.8017|-89.6437|US
Boise|43.6135|-116.2035|US
Cheyenne|41.14|-104.8202|US
Santa Fe|35.687|-105.9378|US
Carson City|39.1638|-119.7674|US
Juneau|58.3019|-134.4197|US
Ferguson|38.7442|-90.3054|US
Minneapolis-St. Paul|44.98|-93.2638|US
Uvalde|29.2097|-99.7862|US
El Paso|31.7587|-106.4869|US
Charleston|32.7765|-79.9311|US
Savannah|32.0835|-81.0998|US
Toronto|43.7001|-79.4163|CA
Montreal|45.5088|-73.5878|CA
Montréal|45.5088|-73.5878|CA
Vancouver|49.2497|-123.1193|CA
Calgary|51.0501|-114.0853|CA
Edmonton|53.5501|-113.4687|CA
Ottawa|45.4112|-75.6981|CA
Winnipeg|49.8844|-97.147|CA
Quebec City|46.8123|-71.2145|CA
Halifax|44.6464|-63.5729|CA
Mexico City|19.4285|-99.1277|MX
Guadalajara|20.6668|-103.3918|MX
Monterrey|25.6751|-100.3185|MX
Tijuana|32.5027|-117.0037|MX
Puebla|19.0379|-98.2035|MX
Cancun|21.1743|-86.8466|MX
Cancún|21.1743|-86.8466|MX
Acapulco|16.8634|-99.8901|MX
Ciudad Juarez|31.7202|-106.4608|MX
Ciudad Juárez|31.7202|-106.4608|MX
Culiacan|24.7994|-107.3897|MX
Culiacán|24.7994|-107.3897|MX
Guatemala City|14.6407|-90.5133|GT
San Salvador|13.6894|-89.1872|SV
Tegucigalpa|14.0818|-87.2068|HN
Managua|12.1328|-86.2504|NI
Panama City|8.9936|-79.5197|PA
Havana|23.133|-82.383|CU
Santo Domingo|18.4719|-69.8923|DO
Port-au-Prince|18.5392|-72.335|HT
Kingston|17.997|-76.7936|JM
San Juan|18.4663|-66.1057|PR
Nassau|25.0582|-77.3431|BS
Port of Spain|10.6667|-61.5189|TT
Bogota|4.6097|-74.0817|CO
Bogotá|4.6097|-74.0817|CO
Medellin|6.2518|-75.5636|CO
Medellín|6.2518|-75.5636|CO
Cali|3.4372|-76.5225|CO
Cartagena|10.3997|-75.5144|CO
Caracas|10.488|-66.8792|VE
Maracaibo|10.6317|-71.6406|VE
Quito|-0.2299|-78.525|EC
Guayaquil|-2.1962|-79.8862|EC
Lima|-12.0432|-77.0282|PE
Cusco|-13.5183|-71.9781|PE
La Paz|-16.5|-68.15|BO
Santa Cruz|-17.8|-63.1667|BO
Santiago|-33.4569|-70.6483|CL
Valparaiso|-33.0393|-71.6273|CL
Buenos Aires|-34.6132|-58.3772|AR
Cordoba|-31.4135|-64.1811|AR
Córdoba|-31.4135|-64.1811|AR
Rosario|-32.9468|-60.6393|AR
Mendoza|-32.8908|-68.8272|AR
Montevideo|-34.9033|-56.1882|UY
Asuncion|-25.2867|-57.647|PY
Asunción|-25.2867|-57.647|PY
Brasilia|-15.7797|-47.9297|BR
Brasília|-15.7797|-47.9297|BR
Sao Paulo|-23.5475|-46.6361|BR
São Paulo|-23.5475|-46.6361|BR
Rio de Janeiro|-22.9028|-43.2075|BR
Rio|-22.9028|-43.2075|BR
Salvador|-12.9711|-38.5108|BR
Fortaleza|-3.7172|-38.5431|BR
Belo Horizonte|-19.9208|-43.9378|BR
Manaus|-3.1019|-60.025|BR
Recife|-8.0539|-34.8811|BR
Porto Alegre|-30.0328|-51.2302|BR
Curitiba|-25.4278|-49.2731|BR
Belem|-1.4558|-48.5044|BR
Belém|-1.4558|-48.5044|BR
Georgetown|6.8045|-58.1553|GY
Paramaribo|5.8664|-55.1668|SR
Baalbek|34.0058|36.2181|LB
Sidon|33.5631|35.3689|LB
Latakia|35.5196|35.7831|SY
Deir ez-Zor|35.3359|40.1408|SY
Tikrit|34.6159|43.6788|IQ
Ramadi|33.4206|43.3078|IQ
Karbala|32.616|44.0249|IQ
Sulaymaniyah|35.5613|45.4309|IQ
Qom|34.6401|50.8764|IR
Ahvaz|31.3203|48.6692|IR
Bandar Abbas|27.1865|56.2808|IR
Marib|15.4625|45.3253|YE
Taiz|13.5795|44.0209|YE
Misrata|32.3754|15.0925|LY
Sirte|31.2089|16.5887|LY
Port Sudan|19.6158|37.2164|SD
El Fasher|13.6279|25.3494|SD
Bahir Dar|11.5936|37.3908|ET
Hargeisa|9.56|44.065|SO
Kismayo|-0.3582|42.5454|SO
Kisumu|-0.1022|34.7617|KE
Arusha|-3.3869|36.683|TZ
Mbabane|-26.3167|31.1333|SZ
Maseru|-29.3167|27.4833|LS
Victoria Falls|-17.9244|25.8567|ZW
Saint-Denis|48.9362|2.3574|FR
Versailles|48.8014|2.1301|FR
Cannes|43.5513|7.0128|FR
Grenoble|45.1667|5.7167|FR
Toulon|43.1167|5.9333|FR
Le Havre|49.4938|0.1077|FR
Reims|49.25|4.0333|FR
Dijon|47.3167|5.0167|FR
Ajaccio|41.9267|8.7369|FR
Munster|51.9624|7.6257|DE
Karlsruhe|49.0094|8.4044|DE
Mannheim|49.4883|8.4647|DE
Heidelberg|49.4077|8.6908|DE
Potsdam|52.3989|13.0657|DE
Kiel|54.3213|10.1349|DE
Magdeburg|52.1277|11.6292|DE
Erfurt|50.9787|11.0328|DE
Wiesbaden|50.0825|8.2493|DE
Mainz|49.9842|8.2791|DE
Saarbrucken|49.2326|7.0098|DE
Chemnitz|50.8357|12.9292|DE
Augsburg|48.3717|10.8983|DE
Freiburg|47.9959|7.8522|DE
Graz|47.0667|15.45|AT
Innsbruck|47.2627|11.3945|AT
Linz|48.3064|14.2861|AT
Lausanne|46.516|6.6328|CH
Lugano|46.0101|8.96|CH
Eindhoven|51.4408|5.4778|NL
Groningen|53.2192|6.5667|NL
Ghent|51.05|3.7167|BE
Bruges|51.2089|3.2242|BE
Liege|50.6337|5.5675|BE
Liège|50.6337|5.5675|BE
Aarhus|56.1567|10.2108|DK
Odense|55.3959|10.3883|DK
Tampere|61.4991|23.7871|FI
Turku|60.4515|22.2687|FI
Uppsala|59.8585|17.6454|SE
Trondheim|63.4305|10.3951|NO
Stavanger|58.97|5.7331|NO
Tromso|69.6496|18.957|NO
Poznan|52.4069|16.9299|PL
Szczecin|53.4289|14.553|PL
Lublin|51.25|22.5667|PL
Katowice|50.2584|19.0275|PL
Debrecen|47.5316|21.6273|HU
Timisoara|45.7537|21.2257|RO
Iasi|47.1667|27.6|RO
Constanta|44.1807|28.6343|RO
Varna|43.2167|27.9167|BG
Plovdiv|42.15|24.75|BG
Novi Sad|45.2517|19.8369|RS
Dubrovnik|42.6481|18.0921|HR
Mostar|43.3433|17.8081|BA
Srebrenica|44.1061|19.2975|BA
Patras|38.2444|21.7344|GR
Heraklion|35.3279|25.1434|GR
Lesbos|39.2645|26.2777|GR
Limassol|34.6841|33.0379|CY
Bursa|40.1917|29.0611|TR
Adana|37.0017|35.3289|TR
Gaziantep|37.0594|37.3825|TR
Diyarbakir|37.9144|40.2306|TR
Konya|37.8713|32.4846|TR
Kahramanmaras|37.5847|36.9264|TR
Hatay|36.2025|36.1606|TR
Antakya|36.2025|36.1606|TR
Bodrum|37.0383|27.4292|TR
Coimbra|40.2056|-8.4195|PT
Faro|37.0194|-7.9322|PT
Granada|37.1882|-3.6067|ES
Alicante|38.3452|-0.4815|ES
Murcia|37.9870|-1.1300|ES
Valladolid|41.6552|-4.7237|ES
Vigo|42.2328|-8.7226|ES
San Sebastian|43.3128|-1.9750|ES
Pamplona|42.8169|-1.6432|ES
Ibiza|38.9089|1.4329|ES
Tenerife|28.2916|-16.6291|ES
Gibraltar|36.1447|-5.3526|GI
Verona|45.4386|10.9928|IT
Padua|45.4077|11.8734|IT
Trieste|45.6486|13.7772|IT
Bari|41.1177|16.8512|IT
Catania|37.5021|15.0872|IT
Pisa|43.7085|10.4036|IT
Siena|43.3188|11.3308|IT
Lampedusa|35.5081|12.5969|IT
Cagliari|39.2073|9.1094|IT
Vatican|41.9024|12.4533|VA
York|53.958|-1.0803|GB
Coventry|52.4066|-1.5122|GB
Bradford|53.7939|-1.7521|GB
Plymouth|50.3715|-4.143|GB
Stoke-on-Trent|53.0042|-2.1854|GB
Wolverhampton|52.5857|-2.1293|GB
Swansea|51.6208|-3.9432|GB
Dundee|56.4691|-2.9749|GB
Inverness|57.4791|-4.2254|GB
Salisbury|51.0693|-1.7957|GB
Canterbury|51.2797|1.0799|GB
Dover|51.1295|1.3089|GB
Norwich|52.6278|1.2983|GB
Exeter|50.7236|-3.5275|GB
Milton Keynes|52.0417|-0.7558|GB
Londonderry|54.9981|-7.3093|GB
Derry|54.9981|-7.3093|GB
Galway|53.2719|-9.0489|IE
Limerick|52.6647|-8.6231|IE
Kanpur|26.4652|80.3498|IN
Nagpur|21.1463|79.0849|IN
Patna|25.5941|85.1376|IN
Bhopal|23.2547|77.403|IN
Surat|21.1959|72.8302|IN
Varanasi|25.3176|82.9739|IN
Amritsar|31.6339|74.8723|IN
Agra|27.1833|78.0167|IN
Goa|15.4909|73.8278|IN
Manipur|24.8|93.9|IN
Guwahati|26.1844|91.7458|IN
Chandigarh|30.7363|76.7884|IN
Kochi|9.9399|76.2602|IN
Rawalpindi|33.6007|73.0679|PK
Faisalabad|31.4155|73.0897|PK
Multan|30.1978|71.4711|PK
Sylhet|24.899|91.872|BD
Cox's Bazar|21.4539|91.9787|BD
Pokhara|28.2096|83.9856|NP
Kandy|7.2955|80.6356|LK
Zhengzhou|34.7578|113.6486|CN
Jinan|36.6683|116.9972|CN
Qingdao|36.0986|120.3719|CN
Dalian|38.9122|121.6022|CN
Suzhou|31.3041|120.5954|CN
Changsha|28.2|112.9667|CN
Hefei|31.8639|117.2808|CN
Fuzhou|26.0614|119.3061|CN
Nanning|22.8167|108.3167|CN
Guiyang|26.5833|106.7167|CN
Lanzhou|36.0564|103.7922|CN
Hohhot|40.8106|111.6522|CN
Kashgar|39.4704|75.9899|CN
Taichung|24.1469|120.6839|TW
Tainan|22.9908|120.2133|TW
Sendai|38.2667|140.8667|JP
Naha|26.2125|127.6811|JP
Gwangju|35.1547|126.9156|KR
Daejeon|36.3214|127.4197|KR
Kaesong|37.9708|126.5544|KP
Hue|16.4619|107.5955|VN
Haiphong|20.8648|106.6839|VN
Pattaya|12.9276|100.8771|TH
Siem Reap|13.3618|103.8606|KH
Kota Kinabalu|5.9749|116.0724|MY
Johor Bahru|1.4655|103.7578|MY
Yogyakarta|-7.8014|110.3647|ID
Makassar|-5.1477|119.4327|ID
Marawi|8.0034|124.2839|PH
Zamboanga|6.9103|122.0739|PH
Gold Coast|-28.0003|153.4309|AU
Cairns|-16.9237|145.7661|AU
Alice Springs|-23.6975|133.8836|AU
Dunedin|-45.8742|170.5036|NZ
Hamilton|43.2501|-79.8496|CA
Kitchener|43.4501|-80.4829|CA
Saskatoon|52.1168|-106.6345|CA
Regina|50.4501|-104.6178|CA
St. John's|47.5649|-52.7093|CA
Whitehorse|60.7161|-135.0538|CA
Yellowknife|62.456|-114.3525|CA
Iqaluit|63.7506|-68.5145|CA
Nuuk|64.1835|-51.7216|GL
Oaxaca|17.0606|-96.7253|MX
Veracruz|19.1903|-96.1533|MX
Merida|20.97|-89.62|MX
Mérida|20.97|-89.62|MX
Chihuahua|28.6353|-106.0889|MX
Hermosillo|29.1026|-110.9773|MX
Sinaloa|25.0|-107.5|MX
Jalisco|20.5|-103.5|MX
Arequipa|-16.399|-71.535|PE
Barranquilla|10.9685|-74.7813|CO
Salta|-24.7859|-65.4117|AR
Ushuaia|-54.8|-68.3|AR
Punta Arenas|-53.15|-70.9167|CL
Antofagasta|-23.65|-70.4|CL
Florianopolis|-27.5967|-48.5492|BR
Campinas|-22.9056|-47.0608|BR
Goiania|-16.6786|-49.2539|BR
Camp David|39.6484|-77.465|US
Mar-a-Lago|26.6771|-80.0369|US
Guantanamo|19.9968|-75.1511|CU
Guantánamo Bay|19.9|-75.15|CU
Chernobyl|51.2763|30.2219|UA
Bucha|50.5436|30.2125|UA
Irpin|50.5218|30.2506|UA
Avdiivka|48.1395|37.7425|UA
Kursk|51.7373|36.1874|RU
Bryansk|53.2521|34.3717|RU
Murmansk|68.9792|33.0925|RU
Irkutsk|52.2978|104.2964|RU
Omsk|54.9924|73.3686|RU
Samara|53.2001|50.15|RU
Ufa|54.7431|55.9678|RU
Perm|58.0105|56.2502|RU
Krasnodar|45.0448|38.976|RU
Chelyabinsk|55.1544|61.4297|RU
Krasnoyarsk|56.0184|92.8672|RU
Tskhinvali|42.2257|43.9702|GE
Batumi|41.6423|41.6339|GE
Stepanakert|39.8177|46.7528|AZ
Nagorno-Karabakh|39.9|46.7|AZ
Transnistria|47.2|29.4|MD
Tiraspol|46.8403|29.6433|MD
Abkhazia|43.0|41.0|GE
"""
    static let aliases = """
US=United States
U.S.=United States
USA=United States
U.S.A.=United States
America=United States
United States of America=United States
UK=United Kingdom
U.K.=United Kingdom
Britain=United Kingdom
Great Britain=United Kingdom
Holland=Netherlands
the Netherlands=Netherlands
Czechia=Czech Republic
Burma=Myanmar
Cote d'Ivoire=Ivory Coast
Côte d'Ivoire=Ivory Coast
DRC=Democratic Republic of the Congo
DR Congo=Democratic Republic of the Congo
UAE=United Arab Emirates
Türkiye=Turkey
Turkiye=Turkey
Russian Federation=Russia
Swaziland=Eswatini
East Timor=Timor-Leste
Macedonia=North Macedonia
Republic of Korea=South Korea
Korea=South Korea
Palestinian Territories=Palestine
Persia=Iran
Washington DC=Washington
Washington D.C.=Washington
D.C.=Washington
NYC=New York
LA=Los Angeles
L.A.=Los Angeles
St Petersburg=Saint Petersburg
Peking=Beijing
Bombay=Mumbai
Calcutta=Kolkata
Madras=Chennai
Kyiv City=Kyiv
Kharkov=Kharkiv
Zaporizhia=Zaporizhzhia
Mykolayiv=Mykolaiv
"""
}
