/// Nationalities, demonyms, religious and political groups (entity type `group`), and well-known
/// organisations whose names carry no suffix. Written for Newswire, same license as the project.
enum GazetteerGroups {
    /// Adjective and plural forms of nationalities; each is a `group` on its own.
    static let demonyms = Lexicon.set("""
    afghan afghans albanian albanians algerian algerians american americans angolan argentine argentinian \
    argentinians armenian armenians australian australians austrian austrians azerbaijani azerbaijanis \
    bahraini bangladeshi bangladeshis belarusian belarusians belgian belgians bolivian bosnian bosnians \
    brazilian brazilians british briton britons bulgarian bulgarians burmese cambodian cambodians cameroonian \
    canadian canadians chadian chilean chileans chinese colombian colombians congolese croatian croatians \
    croat croats cuban cubans cypriot cypriots czech czechs danish dane danes dutch ecuadorian egyptian \
    egyptians emirati emiratis english eritrean eritreans estonian estonians ethiopian ethiopians european \
    europeans filipino filipinos finnish finn finns french frenchman georgian georgians german germans \
    ghanaian ghanaians greek greeks guatemalan haitian haitians honduran hungarian hungarians icelandic \
    indian indians indonesian indonesians iranian iranians iraqi iraqis irish israeli israelis italian \
    italians ivorian jamaican jamaicans japanese jordanian jordanians kazakh kenyan kenyans korean koreans \
    kosovar kurdish kurd kurds kuwaiti kyrgyz lao laotian latvian latvians lebanese liberian libyan libyans \
    lithuanian lithuanians luxembourgish malagasy malawian malaysian malaysians malian maltese mexican \
    mexicans moldovan mongolian montenegrin moroccan moroccans mozambican namibian nepali nepalese \
    nicaraguan nigerian nigerians nigerien norwegian norwegians omani pakistani pakistanis palestinian \
    palestinians panamanian paraguayan persian peruvian peruvians polish pole poles portuguese qatari \
    romanian romanians russian russians rwandan rwandans saudi saudis scottish scot scots senegalese \
    serbian serbians serb serbs singaporean slovak slovaks slovenian slovenians somali somalis \
    african africans asian asians arab arabs latino latinos latina latinas hispanic hispanics \
    spanish spaniard spaniards sri sudanese swedish swede swedes swiss syrian syrians taiwanese tajik \
    tanzanian thai thais tibetan tibetans tunisian tunisians turkish turk turks turkmen ugandan ugandans \
    ukrainian ukrainians uruguayan uzbek venezuelan venezuelans vietnamese welsh yemeni yemenis zambian \
    zimbabwean zimbabweans uyghur uyghurs uighur uighurs rohingya pashtun tamil tamils sikh sikhs \
    muslim muslims christian christians jewish jew jews catholic catholics protestant protestants \
    hindu hindus buddhist buddhists sunni sunnis shia shiite shiites evangelical evangelicals orthodox \
    democrat democrats republican republicans democratic conservative conservatives tory tories \
    socialist socialists communist communists liberal liberals nazi nazis maoist maoists islamist islamists \
    zionist zionists bolshevik bolsheviks soviet soviets western westerners
    """)

    /// Organisations recognised by name alone. Lowercase.
    static let organizations = Lexicon.set("""
    un u.n. nato eu e.u. who imf wto opec asean fbi cia nsa nasa pentagon kremlin fifa uefa ioc unicef unesco \
    unhcr unrwa icc interpol europol frontex osce oecd g7 g20 brics hamas hezbollah hizbollah taliban isis isil \
    al-qaeda al-shabab houthis houthi wagner idf mossad shin bet fsb kgb sec fda cdc epa irs dhs ice doj fema \
    nhs bbc cnn nbc abc cbs fox msnbc npr pbs reuters ap afp bloomberg xinhua tass ria al-jazeera \
    google alphabet apple microsoft amazon facebook meta twitter instagram whatsapp youtube tiktok bytedance \
    tesla spacex openai anthropic nvidia intel amd ibm oracle samsung huawei xiaomi sony toyota honda nissan \
    volkswagen bmw mercedes daimler ford gm boeing airbus lockheed raytheon exxon exxonmobil chevron shell bp \
    gazprom rosneft aramco walmart target costco starbucks mcdonald's nike adidas disney netflix spotify uber \
    lyft airbnb paypal visa mastercard jpmorgan goldman citigroup citi barclays hsbc ubs deutsche wework \
    pfizer moderna astrazeneca novartis roche bayer siemens alibaba tencent baidu foxconn tsmc \
    congress senate parliament bundestag knesset duma kremlin politburo nato's hamas's \
    labour tories snp ukip afd fidesz likud ennahda anc kmt dpp ldp \
    ofcom ofgem ofsted fca ecb fed opec+ ons ifs \
    greenpeace oxfam amnesty msf
    """)

    /// Multi-word organisations that look like a person or place otherwise. Lowercase.
    static let organizationPhrases = Lexicon.set("""
    red_cross red_crescent white_house downing_street supreme_court federal_reserve wall_street_journal \
    new_york_times washington_post associated_press human_rights_watch amnesty_international \
    european_union european_commission european_parliament united_nations security_council \
    world_bank world_health_organization islamic_state muslim_brotherhood goldman_sachs morgan_stanley \
    bank_of_america wells_fargo general_motors general_electric johnson_&_johnson procter_&_gamble \
    silicon_valley_bank credit_suisse deutsche_bank lehman_brothers home_office foreign_office \
    state_department justice_department white_house's scotland_yard met_office \
    pew_research_center gallup brookings_institution the_guardian the_times the_economist \
    financial_times new_york_post los_angeles_times daily_mail the_sun sky_news al_jazeera \
    fox_news cbs_news nbc_news abc_news bbc_news the_atlantic the_new_yorker vanity_fair \
    boko_haram al_shabaab al-shabaab hay'at_tahrir_al-sham free_syrian_army wagner_group \
    tory_party labour_party conservative_party democratic_party republican_party gop
    """)
}
