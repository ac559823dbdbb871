import NewswireWire

/// Small closed word lists the rules share. Written for Newswire, same license as the project.
enum Lexicon {
    static func set(_ s: String) -> Set<String> {
        Set(s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    }

    /// Function words: never part of a name when capitalised at the start of a sentence.
    static let functionWords = set("""
    a an the this that these those there here it its it's he she they we you i his her their our your my me him them us \
    and or but nor so yet for if then than because although though while whereas when whenever where wherever why how \
    what which who whom whose whether as at by from in into of off on onto out over per to up upon with within without \
    about above across after against along amid among around before behind below beneath beside besides between beyond \
    despite down during except inside near outside since through throughout toward towards under underneath unlike until \
    via all any both each either every few many more most much neither no none not only other some such own same \
    is are was were be been being am has have had having do does did will would shall should can could may might must \
    also even just still already again ever never always often sometimes now today yesterday tomorrow tonight meanwhile \
    however moreover furthermore nevertheless instead indeed perhaps maybe yes oh well like once thus hence therefore \
    otherwise last next first second third another one two three four five six seven eight nine ten dozens hundreds \
    thousands millions according asked speaking including following given says said told
    """)

    /// Common lowercase words: a sentence-initial capital on one of them is not a name.
    static let commonWords: Set<String> = functionWords.union(set("""
    police officials official authorities government people protesters residents witnesses experts analysts critics \
    supporters opponents organisers organizers investigators prosecutors lawmakers leaders officers soldiers troops \
    forces rebels militants doctors nurses patients workers students teachers parents children women men voters \
    fans players members companies firms banks markets shares prices sales investors consumers scientists researchers \
    sources reports report news data figures numbers results details plans talks efforts attacks strikes protests \
    fighting violence war peace crisis deal agreement election elections vote campaign support pressure fears concerns \
    questions answers problems issues cases deaths injuries damage costs prices rates growth inflation demand supply \
    interior foreign defence defense finance health justice home economy energy trade transport education environment \
    new old big small large high low long short good bad great best worst early late recent current former local \
    national international global public private federal state regional central northern southern eastern western \
    north south east west several various certain other many most some few major minor key main top senior junior \
    breaking update updated live exclusive analysis opinion comment editorial watch read listen photo video image \
    getty reuters afp ap file pictured above below left right inside outside image caption copyright \
    read more related sign subscribe share click follow contact advertisement sponsored \
    but yet still meanwhile earlier later now then why how what when where who while after before despite \
    asked speaking writing responding unlike like as if although though once since unless whether \
    under over amid among between during against about around across within without toward towards \
    almost nearly roughly about approximately around some more less fewer only just even also too very really \
    not no nor never ever always often usually sometimes rarely mostly mainly largely partly entirely completely \
    however moreover furthermore nevertheless nonetheless instead indeed perhaps maybe certainly clearly obviously \
    officially reportedly allegedly apparently originally initially finally eventually ultimately recently currently \
    there here this that these those such each every all both either neither any none much many more most less least \
    man woman boy girl family friend friends someone somebody anyone anybody everyone everybody nobody nothing \
    something anything everything thing things time times year years day days week weeks month months hour hours \
    minute minutes life lives world country city town village area region place places land home house room street \
    road company group team party side part end start way ways case point fact story stories word words name names \
    work job jobs money business market industry system service services program programme project plan policy law \
    court judge jury trial case police army navy military security intelligence agency ministry department office \
    spokesman spokeswoman spokesperson minister president prime secretary chief director chairman head leader \
    in on at to for with by of from into onto and or the a an
    """))

    /// Capitalised words that precede a name and make it a person: "President", "Gen.", "Mr".
    static let titleHeads = set("""
    mr mr. mrs mrs. ms ms. miss mx dr dr. prof prof. professor sir dame lord lady president vice-president \
    president-elect minister secretary secretary-general senator sen. sen representative rep. congressman \
    congresswoman governor gov. gov mayor chancellor premier king queen prince princess emperor empress pope \
    sheikh sheik emir sultan ayatollah general gen. gen colonel col. lieutenant lt. captain capt. sergeant sgt. \
    major maj. admiral adm. commander cmdr. marshal brigadier corporal private judge justice magistrate \
    prosecutor attorney attorney-general chairman chairwoman chair ceo cfo coo cto founder director \
    ambassador envoy commissioner inspector detective superintendent supt. constable officer sheriff \
    chief speaker spokesman spokeswoman spokesperson rev. rev reverend father bishop archbishop cardinal rabbi \
    imam pastor deacon coach manager head leader mp mep councillor councilman councilwoman alderman \
    chief-executive executive editor correspondent economist analyst professor dean rector provost \
    duke duchess earl countess baron baroness crown
    """)

    /// Honorifics: say "person" and sometimes gender, but are not a role.
    static let honorifics = set("mr mr. mrs mrs. ms ms. miss mx dr dr. sir dame lord lady messrs messrs. mme mme. mlle")
    static let maleHonorifics = set("mr mr. sir lord messrs messrs. king prince emperor sheikh sultan father brother duke earl baron")
    static let femaleHonorifics = set("mrs mrs. ms ms. miss dame lady mme mme. mlle queen princess empress sister duchess countess baroness")

    /// Lowercase nouns that name a role ("a spokesman for ...", "the minister said").
    static let roleNouns = set("""
    minister president spokesman spokeswoman spokesperson secretary senator governor mayor chancellor premier \
    director chief executive officer chairman chairwoman chair leader head commander general judge prosecutor \
    lawyer attorney professor analyst economist researcher scientist official ambassador envoy representative \
    deputy manager founder co-founder ceo cfo coach captain king queen prince princess pope bishop priest editor \
    reporter correspondent author candidate member lawmaker congressman congresswoman sheriff inspector \
    superintendent commissioner adviser advisor aide diplomat doctor physician nurse teacher activist organiser \
    organizer owner partner president-elect mp mep councillor spokesmen spokespeople officials economist strategist \
    negotiator mediator investigator detective sergeant lieutenant colonel admiral marshal vice-president \
    vice-chairman chairperson treasurer counsel solicitor barrister justice magistrate trustee director-general \
    secretary-general emir sheikh sultan monarch leader campaigner researcher expert specialist consultant \
    historian lecturer student witness resident victim survivor owner operator engineer pilot driver farmer \
    fellow head ruler dictator militant commander-in-chief boss mogul billionaire entrepreneur investor \
    executive-director president/ceo ombudsman regulator auditor coordinator administrator curator \
    principal headteacher headmaster dean provost rector vicar rabbi imam cleric pastor archbishop cardinal
    """)

    /// Words that may stand before a role noun inside a title ("Interior Minister", "former deputy head").
    static let roleModifiers = set("""
    former acting deputy vice interim outgoing incoming then current senior junior chief assistant associate \
    executive managing general principal interior foreign defence defense finance health justice home economy \
    economic energy trade transport education environment environmental labour labor culture agriculture \
    industry treasury housing immigration security intelligence military police prime state federal regional \
    local national international top lead longtime long-time veteran retired late first co- joint shadow \
    opposition party union company club team team's country's city's group's state's government's agency's \
    of for the and a an to in at on its his her their
    """)

    /// Name particles that join capitalised words inside a personal name.
    static let nameParticles = set("de la del van von der den bin ibn al el da dos das du le di ten ter y abu ben bint")

    /// Last words that make a name an organisation.
    static let orgSuffixes = set("""
    inc inc. ltd ltd. corp corp. co co. plc llc llp ag gmbh sa s.a. nv bv spa ab asa oyj kk group holdings \
    party ministry council university college institute school academy front union bank association agency court \
    police committee commission foundation federation league society company corporation organization organisation \
    alliance coalition movement network trust fund authority board bureau office department service services \
    army navy force forces guard guards corps brigade regiment militia club team fc united airlines airways \
    systems technologies technology partners capital securities industries motors energy pharmaceuticals labs \
    media news times post journal herald tribune gazette telegraph guardian chronicle press television tv radio \
    parliament assembly senate congress government administration cabinet secretariat church mosque synagogue \
    hospital clinic center centre museum library commission tribunal exchange reserve bureau inc. \
    studios animation channel electronics entertainment pictures records airline \
    software telecom telecoms mobile pharma biotech therapeutics robotics logistics petroleum mining \
    steel chemicals foods beverages brewery insurance financial investments ventures solutions networks \
    communications semiconductor semiconductors aerospace automotive railways shipping
    """)

    /// Words anywhere in a name that make it an organisation ("Ministry of Defence").
    static let orgKeywords = set("""
    ministry university college institute academy bank association agency court committee commission foundation \
    federation league society corporation organization organisation alliance coalition authority bureau department \
    council parliament senate congress party union police army navy airlines hospital museum school church fund \
    secretariat tribunal office chiefs
    """)

    /// Last words that make a name a place ("Wall Street", "Lake Chad").
    static let placeSuffixes = set("""
    area street avenue road square river lake mountains mountain island islands valley bay sea ocean coast county \
    province district city town village peninsula desert strait canal highway boulevard plaza airport harbour \
    harbor port bridge stadium palace castle cathedral station heights hills park forest gulf beach region \
    state oblast governorate prefecture borough township
    """)

    /// First words that make a name a place ("Lake Chad", "Mount Everest").
    static let placePrefixes = set("lake mount mt. cape port fort gulf isle")

    /// Capitalised words that may be followed by "of" inside one name ("Bank of England").
    static let ofHeads: Set<String> = orgSuffixes.union(orgKeywords).union(set("""
    republic kingdom gulf sea isle bay city chiefs duke duchess prince princess secretary minister state states \
    statue strait straits cape lake mount province region district county islands emirates order bureau \
    house chamber people's minister president queen king governor mayor archbishop bishop
    """))

    /// Capitalised words that may be followed by "for" inside one name ("Centers for Disease Control").
    static let forHeads = set("""
    ministry minister secretary commissioner centre center centers centres institute agency office committee \
    commission campaign coalition council alliance society foundation fund network union association league \
    organization organisation party movement front court department board trust doctors reporters physicians
    """)

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let weekdaySet = Set(weekdays + ["mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun."])
    /// The month of a word in article text (see ``MonthName``).
    static func month(_ lower: String) -> Int? { MonthName.number(lower, inRunningText: true) }

    /// Reporting verbs, inflected form → lemma. Used for quotes, indirect speech and claims.
    static let reportingVerbs: [String: String] = {
        var d: [String: String] = [:]
        let forms = """
        say says said saying|tell tells told telling|state states stated|claim claims claimed|add adds added|\
        argue argues argued|warn warns warned|suggest suggests suggested|remark remarks remarked|\
        insist insists insisted|explain explains explained|note notes noted|ask asks asked|reply replies replied|\
        respond responds responded|announce announces announced|declare declares declared|write writes wrote|\
        tweet tweets tweeted|post posts posted|acknowledge acknowledges acknowledged|admit admits admitted|\
        confirm confirms confirmed|deny denies denied|estimate estimates estimated|report reports reported|\
        recall recalls recalled|continue continues continued|conclude concludes concluded|predict predicts predicted|\
        maintain maintains maintained|allege alleges alleged|contend contends contended|urge urges urged|\
        stress stresses stressed|emphasise emphasises emphasised|emphasize emphasizes emphasized|\
        believe believes believed|think thinks thought|complain complains complained|reckon reckons reckoned|\
        assert asserts asserted|observe observes observed|agree agrees agreed|cautioned caution cautions|\
        testify testifies testified|reveal reveals revealed|disclose discloses disclosed|indicate indicates indicated|\
        shout shouts shouted|whisper whispers whispered|joke jokes joked|quip quips quipped|scream screamed|\
        yell yelled|cry cried|exclaim exclaimed|promise promises promised|vow vows vowed|pledge pledges pledged|\
        counter counters countered|retort retorted|concede concedes conceded|charge charges charged|\
        reiterate reiterates reiterated|\
        put puts|count counts counted|calculate calculates calculated|forecast forecasts|project projects projected|\
        figure figures figured|expect expects expected
        """
        for group in forms.split(separator: "|") {
            let words = group.split(separator: " ").map(String.init)
            guard let lemma = words.first else { continue }
            for w in words { d[w] = lemma }
        }
        return d
    }()

    /// Reporting verbs that also introduce indirect speech and claims (not "asked", "thought", "posted").
    static let claimVerbs = set("""
    say tell state claim add argue warn suggest insist explain note announce declare write acknowledge admit \
    confirm deny estimate report allege contend maintain predict believe assert reveal disclose indicate \
    testify concede charge put count calculate forecast project tweet reckon expect \
    stress emphasise emphasize reiterate complain caution remark recall vow pledge promise
    """)

    /// Verbs for numbers rather than speech ("the city estimates the damage at ...").
    static let estimateVerbs = set("estimate put count calculate forecast project figure expect")

    /// Nouns for documents that carry a source's numbers: "the report from X" is X's.
    static let documentNouns = set("report study survey data figures statement analysis poll estimate estimates census research review filing release tally count record records document documents statistics projections forecast calculations findings")

    /// Words that cannot be inside a speaker noun phrase: auxiliaries and modals make it a clause.
    static let clauseWords = set("is are was were be been being had has have do does did can could will would shall should may might must not n't")

    /// Lowercase words in -ed / -ing that are adjectives in a noun phrase ("armed police", "the ruling party").
    static let participleAdjectives = set("""
    armed retired elected unnamed unidentified named based united red concerned interested affected injured \
    ruling leading governing opposing striking visiting founding managing presiding outgoing incoming acting \
    sitting reigning prosecuting investigating attending
    """)

    static let pronounsMale = set("he him his")
    static let pronounsFemale = set("she her hers")
    static let pronounsPlural = set("they them their")
    static let determiners = set("a an the this that these those his her their its our my your some one another")

    /// Words that end a subject phrase when read backwards from a verb.
    static let clauseBreakers = set("""
    and but while whereas as although though because since that which who whom when where if whether so yet \
    or nor after before until unless once than
    """)

    /// Prepositions that cut a noun phrase down to its head ("organisers of the march" → "organisers").
    static let prepositions = set("of from in at for on with by about over under near into to across inside outside among")
}

extension Lexicon {
    /// Capitalised words that are not names on their own: common acronyms of things and
    /// product words ("TV", "GPS", "Pro", "Red"). A longer name may still contain them.
    static let notNamesAlone = set("""
    tv suv gb mb tb kb id pc led gps usb hd hdr uhd dna rna ai vr ar ok ps faq pdf url sms atm hiv gdp ram cpu gpu \
    ssd hdmi nfc lte am fm pm bc ad ceo cfo cto coo vp mp rip diy pr hr it tbsp tsp oz lb lbs kg km mph ios os \
    red green blue black white yellow purple orange pink brown grey gray gold silver \
    pro max plus mini ultra lite edition series model version premium standard deluxe classic \
    patient experience master note level stage phase part chapter section figure table update \
    ok yes no hello thanks please wow oh hey kw mw gw tw kwh mwh gwh twh
    """)

    /// Last words of government agencies whose names join two parts with "and" ("Customs and Border Protection").
    static let agencyTails = set("protection enforcement prevention development control affairs security safety services")
}

extension Lexicon {
    /// First words of sports clubs and companies ("FC Porto", "Real Madrid", "Inter Milan").
    static let orgPrefixes = set("air fc afc ac as sc cf cd ss ssc rb vfb vfl fk sk real atletico atlético athletic sporting inter dynamo dinamo olympique olympiacos borussia")

    /// Last words of club names that no other list has ("Tottenham Hotspur", "Bristol Rovers").
    static let clubSuffixes = set("hotspur rovers wanderers albion athletic rangers sports")

    /// Last words of venues and buildings: places ("KeyBank Center", "Old Trafford" is in no list).
    static let venueSuffixes = set("center centre arena stadium field park gardens hall theatre theater")

    /// One-word buildings that are places ("the Statehouse", "the Capitol").
    static let facilityWords = set("statehouse capitol courthouse")

    /// Lowercase nouns right before a name that make it an organisation ("the retailer Home Depot",
    /// "rival Lowe's", "club Tottenham").
    static let orgCueBefore = set("""
    company firm retailer rival rivals club team side startup start-up brand carrier automaker carmaker maker \
    insurer lender giant conglomerate chain publisher broadcaster newspaper outlet network operator supplier \
    manufacturer developer studio label franchise outfit
    """)

    /// Lowercase words right after a name (or after "X's") that make it an organisation.
    static let orgCueAfter = set("""
    shares stock stocks shareholders investors employees staff workers headquarters subsidiary subsidiaries \
    spokesman spokeswoman spokesperson ceo cfo chairman board executives fans supporters manager boss coach \
    squad players striker midfielder defender goalkeeper chairman owners owner founder co-founder parent \
    stores store customers products revenue profit earnings
    """)

    /// Lowercase words right after a lone name that make it a place ("Logar province").
    static let placeCueAfter = set("area province county district region village town city state municipality governorate")

    /// Lowercase nouns after a comma and article that make the name before a place ("Addison, a village …").
    static let placeApposition = set("village town city suburb province county district region state country island capital port municipality hamlet neighbourhood neighborhood")

    /// Compass words before "of": "southwest of Ithaca".
    static let compass = set("north south east west northeast northwest southeast southwest north-east north-west south-east south-west")

    /// Sentence-initial words that are a role before a name ("Defenseman Jonas Brodin", "Employee Steve Castro").
    static let positionNouns = set("""
    defenseman defender winger striker midfielder goalkeeper goalie forward centre center quarterback pitcher \
    rookie teammate employee worker resident neighbour neighbor player guard tackle catcher
    """)

    /// Suffix tokens of a personal name that are not the surname ("Patrick Carlineo Jr.").
    static let nameSuffixes = set("jr jr. sr sr. ii iii iv")

    /// Acronyms of things, not organisations: vehicles, drives, technology ("an EV", "AWD").
    static let thingAcronyms = set("""
    ev evs suv suvs awd fwd rwd 4wd 4x4 mpg hp cvt abs phev bev hev ice v6 v8 led oled lcd api apis sdk ui ux \
    cpu gpu ssd hdd ram rom 5g 4g 3g lte wifi wi-fi nft nfts ipo ipos etf etfs esg gdp cpi ceo cfo cto coo \
    kpi roi b2b b2c saas vpn dns html css pdf usb hdmi vr ar ai ml llm iot 3d 2d dvd cd tv hdtv ott \
    kw mw gw tw kwh mwh gwh twh
    """)

    /// News agencies, whose credit "(AP)" follows a dateline.
    static let newsAgencies = set("ap afp upi dpa ani pti ians efe ansa tass xinhua reuters bernama yonhap kyodo")

    /// US state abbreviations in news style ("Hayward, Calif.", "Buffalo, N.Y.").
    static let stateAbbreviations = set("""
    ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass. mich. minn. miss. mo. \
    mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. \
    w.va. wis. wyo. d.c.
    """)
}

extension Lexicon {
    /// Lowercase heads of noun phrases that can speak: people, groups and bodies ("police", "the company",
    /// "a local farmer"). A speaker phrase without a name must end in one of these (or a role noun).
    static let agentNouns = roleNouns.union(orgSuffixes).union(orgKeywords).subtracting(["times", "co", "co.", "inc", "inc."]).union(set("""
    police officials authorities government governments people protesters demonstrators residents witnesses \
    experts analysts critics supporters opponents organisers organizers investigators prosecutors lawmakers \
    leaders officers soldiers troops forces rebels militants doctors nurses patients workers students teachers \
    parents children women men voters fans players members companies company firm firms bank banks investors \
    consumers scientists researchers source sources ministry agency office authority council union unions \
    committee commission department board court army military navy regime administration party team club \
    group groups family families relatives neighbours neighbors villagers locals man woman boy girl people \
    person couple crowd staff employees employer employers government's embassy organisation organization \
    charity coalition alliance campaign movement network foundation institute university school hospital \
    parliament senate congress cabinet prosecution defence defense tribunal panel jury insurer lender retailer \
    carrier airline operator manufacturer maker producer developer broadcaster newspaper paper magazine outlet \
    agencies ministries observers monitors diplomats envoys delegates delegation negotiators mediators \
    citizens inhabitants refugees migrants survivors victims families mourners pilgrims fighters guards \
    pentagon kremlin palace regulator regulators watchdog organisers' spokespeople aides allies \
    colleagues friends neighbor neighbour friend colleague son daughter mother father wife husband brother \
    sister uncle aunt cousin grandmother grandfather owner owners landlord tenants shareholders directors \
    media press television radio tv suspect suspects gunman gunmen attacker attackers assailant accused \
    passenger passengers user users customer customers client clients brokerage exchange regulator lender \
    fund insurer bourse airport ministry's hospital's prison jail city state province county town village \
    directorate inspectorate federation confederation association guild syndicate cooperative chamber
    """))

    /// Adjectives that follow the noun in a source phrase: "a person familiar with the matter".
    static let postposedAdjectives = set("familiar close involved aware knowledgeable briefed present")

    /// Suffixes of nouns for people ("farmer", "investigator", "economist", "historian", "participant").
    static let agentSuffixes = ["er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents"]

    /// Words of a quantity, never of a speaker: "Fifty-one percent of voters", "five times the police estimate".
    static let quantityWords = set("percent per-cent cent % times percentage proportion fraction")

    /// Last words of events and competitions: names of these are never people ("the Lusmar Cup").
    static let eventSuffixes = set("""
    cup championship championships trophy tournament olympics olympiad paralympics prix marathon \
    festival summit expo awards derby rally invitational jubilee biennale open
    """)

    /// Nouns for what was said, resumed in the sentence after a quotation ("The pledge came from X").
    static let statementNouns = set("""
    remarks remark comments comment words pledge warning message statement promise appeal plea vow \
    threat admission claim assessment verdict response reply criticism praise announcement
    """)

    /// Lowercase -ing forms of verbs of speech that introduce a quotation after a participial clause
    /// ("…, stating, “…”"), lemma for each.
    static let speechParticiples: [String: String] = [
        "stating": "state", "adding": "add", "noting": "note", "warning": "warn", "explaining": "explain",
        "arguing": "argue", "insisting": "insist", "writing": "write", "tweeting": "tweet", "declaring": "declare",
        "claiming": "claim", "telling": "tell", "saying": "say", "asking": "ask", "posting": "post",
        "replying": "reply", "responding": "respond", "stressing": "stress", "acknowledging": "acknowledge",
        "admitting": "admit", "announcing": "announce", "urging": "urge", "indicating": "indicate",
        "suggesting": "suggest", "asserting": "assert", "vowing": "vow", "promising": "promise",
    ]

    /// Words that open a subordinate clause at the start of a sentence ("When X called, …").
    static let subordinators = set("when after before although though while whereas if as because since once until unless")

    /// Plural nouns of staff before "at" + an organisation ("analysts at X").
    static let staffNouns = set("analysts economists strategists researchers scientists engineers executives employees staffers traders bankers")

    /// Verbs of saying that also take a plain object ("reported earnings", "announced a deal",
    /// "confirmed the death"): reported speech only with "that" or inverted.
    static let objectVerbs = set("report announce confirm reveal disclose deny post")

    /// Sentence adverbs set off by commas between a subject and its verb ("Organisers, however, said").
    static let interruptions = set("however meanwhile though too also instead moreover nevertheless therefore then")

    /// Words that open a contrasting clause after a comma: "…, police said, though organisers …".
    static let contrastWords = set("though although but while whereas yet")

    /// Listeners after "told": "X told reporters the plan was dead" is reported speech without "that".
    static let audienceNouns = set("""
    reporters journalists parliament lawmakers supporters the a an crowd audience delegates staff employees \
    investors students residents members press media me us him her them viewers listeners readers congress \
    senators mps colleagues officials police court jurors jury judge committee
    """)
}
