/// Given names (with a gender hint, used only to resolve "he"/"she" to a speaker) and
/// East Asian family names that come first. Compiled for Newswire from common-knowledge
/// frequency lists of many languages; same license as the project.
enum GazetteerNames {
    static let male = Lexicon.set("""
    james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark \
    donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary \
    nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond \
    jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian \
    keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel \
    logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis harry \
    oliver charlie jim tom bill bob mike dave steve tony chris nick ben sam max alex dan matt andy rob tim ted phil \
    boris vladimir sergei sergey dmitry dmitri alexei alexey ivan igor yuri oleg mikhail nikolai andrei viktor \
    volodymyr petro vitali vitaly oleksandr oleksiy andriy mykola taras denys kirill yevgeny evgeny ramzan \
    emmanuel francois françois jacques jean pierre michel nicolas olivier laurent philippe alain bernard gerard \
    gérald gérard didier thierry xavier yves bruno sebastien sébastien julien mathieu antoine hugo lucas louis \
    olaf friedrich hans karl klaus jurgen jürgen wolfgang helmut gerhard dieter horst markus lars jens sven \
    fritz heinz uwe rolf stefan matthias tobias florian robert christian armin hubert joachim \
    giuseppe giovanni antonio mario luigi francesco marco matteo paolo sergio silvio enrico giorgio roberto \
    carlo massimo fabio alessandro luca stefano andrea gianni pietro lorenzo \
    pedro pablo carlos miguel luis jorge javier manuel francisco alejandro fernando ricardo rafael andres andrés \
    diego sergio alberto raul raúl eduardo enrique jaime santiago mateo tomas tomás ignacio gustavo hector héctor \
    nicolás nicolas felipe gonzalo lula jair joao joão marcelo rodrigo vicente ernesto fidel hugo evo \
    mohammed muhammad mohamed mohammad ahmed ahmad ali hassan hussein hussain omar abdul abdullah khalid \
    ibrahim mahmoud mustafa yusuf youssef karim tariq hamid bashar recep benjamin yair naftali isaac moshe \
    ehud shimon yitzhak avigdor bezalel itamar gideon yoav benny \
    narendra rahul amit raj ravi sanjay vijay anil sunil arvind nitish imran nawaz shehbaz asif \
    xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao \
    kim lee park choi jung kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong \
    shinzo fumio yoshihide shigeru taro hiroshi takeshi kenji akira yuki haruki \
    cyril jacob nelson thabo kofi abiy uhuru william paul yoweri paul \
    elon jeff mark warren sundar satya tim sam bernie mitch chuck kamala joe barack donald hunter \
    rishi keir nigel liam niall sean seán declan conor connor kieran aidan fergus angus hamish \
    justin pierre jagmeet anthony scott malcolm kevin \
    recep ekrem kemal mehmet ahmet mustafa \
    lech donald andrzej mateusz jaroslaw jarosław viktor peter zoran aleksandar milorad \
    erik lars anders magnus henrik nils olav jonas emil \
    jakub jan tomas tomáš petr pavel milos miloš
    """)

    static let female = Lexicon.set("""
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra \
    ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura \
    cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra \
    rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren \
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison \
    frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly \
    isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary kamala nancy nikki \
    theresa liz kate katie jane jenny jo sue beth meg annie lucy ellie chloe mia ava sophie zoe ella amelia \
    angela ursula annalena sahra ruth ilse christa petra claudia sabine ursula greta ingrid astrid birgit \
    marine ségolène segolene anne brigitte christine sylvie nathalie isabelle valérie valerie catherine élisabeth \
    giorgia elly laura chiara francesca giulia sofia elena paola \
    ana carmen lucia lucía isabel pilar dolores rosa cristina gabriela claudia dilma cristina michelle \
    yulia julia tetiana tetyana olena oksana iryna natalia natalya svetlana olga tatiana tatyana irina \
    marina maria elena ekaterina yekaterina anastasia alexandra valentina ludmila lyudmila galina \
    fatima aisha ayesha leila layla maryam zainab noor nour amina mariam yasmin jasmine benazir malala \
    indira sonia priyanka nirmala sushma smriti mamata \
    tsai yuko yoko akiko keiko naomi sanae \
    jacinda julia penny tanya \
    ngozi ellen winnie graca graça \
    mette sanna magdalena kaja jacinda \
    taylor beyonce beyoncé rihanna oprah serena venus simone
    """)

    /// Family names written first (Chinese, Korean, Vietnamese): "Xi Jinping", "Moon Jae-in".
    static let familyFirst = Lexicon.set("""
    xi li wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao zheng liang \
    xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu \
    ding ren shen yao lu jiang cui zhong tan lu wang fan jin shi liao jia xia wei fu fang bai zou meng xiong \
    qin qiu jiang yin xue yan duan lei hou long shi tao li mao hao gu gong shao wan qian yan tan \
    kim lee park choi jung jeong kang cho yoon jang lim han oh seo shin kwon hwang ahn song yoo hong moon \
    nguyen tran le pham hoang phan vu vo dang bui do ngo duong ly
    """)

    static let all: Set<String> = male.union(female).union(familyFirst)

    /// Gender hint for a given name: 1 male, 2 female, 0 unknown or both.
    static func gender(_ lower: String) -> UInt8 {
        let m = male.contains(lower), f = female.contains(lower)
        if m == f { return 0 }
        return m ? 1 : 2
    }
}
