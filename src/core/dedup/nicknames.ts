/**
 * Given names that people use for one another: "Bob" signs the e-mail, "Robert"
 * is on the contract. Each line is one family of names that may stand for the
 * same person; two names are nicknames when they share a line.
 *
 * Sources: the common English hypocoristics (as listed in the US Census and
 * genealogy nickname tables such as the carltonnorthern/nicknames CSV, from
 * which only widely used pairs were retyped), plus everyday short forms in the
 * languages our admins work in (German, Dutch, Nordic, Finnish, Baltic,
 * Iberian, Italian, French, Slavic, Icelandic). Written from general knowledge;
 * names are folded (no accents) like every other key.
 */
const FAMILIES: readonly string[] = [
  // English
  'robert bob bobby rob robbie bert',
  'william bill billy will willy liam',
  'elizabeth liz lizzie beth betty betsy eliza lisa libby bess',
  'margaret peggy maggie meg marge margie greta maisie',
  'james jim jimmy jamie',
  'katherine catherine kathryn kate katie cathy kathy kat kay',
  'michael mike mikey mick mickey',
  'richard rick ricky dick rich richie',
  'thomas tom tommy',
  'joseph joe joey jo',
  'john jack johnny jon',
  'jonathan jon jonny nathan',
  'charles charlie chuck chas chaz',
  'edward ed eddie ted teddy ned',
  'theodore ted teddy theo',
  'anthony tony ant',
  'christopher chris kit topher',
  'christine christina chris tina chrissy kristina kristine',
  'daniel dan danny',
  'david dave davey',
  'matthew matt matty',
  'andrew andy drew',
  'nicholas nick nicky',
  'benjamin ben benny benji',
  'samuel sam sammy',
  'samantha sam sammy',
  'alexander alex alec sasha sandy xander',
  'alexandra alex sandra sasha lexi',
  'stephen steven steve stevie',
  'timothy tim timmy',
  'patrick pat paddy',
  'patricia pat patty tricia trish',
  'peter pete',
  'philip phillip phil pip',
  'gregory greg',
  'jeffrey geoffrey jeff geoff',
  'kenneth ken kenny',
  'lawrence laurence larry',
  'leonard leo len lenny',
  'ronald ron ronnie',
  'donald don donnie',
  'raymond ray',
  'gerald gerry jerry',
  'jerome jerry',
  'harold harry hal',
  'henry harry hank hal',
  'frederick fred freddie fritz',
  'francis frank frankie fran',
  'franklin frank',
  'eugene gene',
  'douglas doug',
  'walter walt wally',
  'albert al bert bertie',
  'alfred alf alfie fred',
  'arthur art artie',
  'vincent vince vinny',
  'zachary zach zack',
  'joshua josh',
  'nathaniel nathan nate nat',
  'jacob jake',
  'isaac ike',
  'abraham abe',
  'susan sue susie suzy',
  'suzanne susanne sue suzy',
  'deborah debra debbie deb',
  'jennifer jen jenny jenn',
  'jessica jess jessie',
  'rebecca becky becca',
  'victoria vicky tori',
  'barbara barb barbie babs',
  'dorothy dot dottie dolly',
  'judith judy jude',
  'pamela pam',
  'cynthia cindy',
  'sandra sandy',
  'kimberly kim',
  'amanda mandy',
  'melissa mel missy',
  'melanie mel',
  'abigail abby gail',
  'cassandra cassie cass',
  'jacqueline jackie jacqui',
  'nancy nan ann',
  'ann anne anna annie hannah nancy',
  'mary molly polly mae mamie maria marie',
  'sarah sara sally sadie',
  'eleanor elinor ellie nell nora',
  'helen helena nell ellen',
  'caroline carolyn carol carrie',
  'valerie val',
  'veronica ronnie nicky',
  'virginia ginny ginger',
  'frances fran frannie',
  'josephine jo josie',
  'louise lou lulu',
  'lucille lucy',
  'gwendolyn gwen wendy',
  'rosemary rose rosie',
  'teresa theresa terry tess tessa',
  'cecilia cecily cissy',
  'harriet hattie',
  'florence flo',
  'wilhelmina mina minnie',
  'albertina tina',
  // German, Austrian, Swiss, Dutch
  'johannes johann hans hannes jan jo',
  'josef joseph sepp seppl peppi jupp',
  'wolfgang wolf',
  'friedrich fritz',
  'heinrich heinz hinz henk',
  'wilhelm willi willy wim',
  'matthias mathias matze hias',
  'christoph christof chris',
  'stefan stephan steffen',
  'andreas andi',
  'georg jorg jurgen schorsch',
  'nikolaus klaus niklas',
  'sebastian basti',
  'maximilian max maxi',
  'alexandra alexa',
  'franziska franzi',
  'katharina kathrin katrin kati',
  'susanne susi sanne',
  'gertrud trude gerti',
  'hendrik henk',
  'cornelis kees',
  'adriaan adrian jaap',
  'jacobus jaap koos',
  'wilhelmus wim',
  'gerardus gerrit gert',
  // Nordic and Icelandic
  'johan jon jens hans',
  'sigurdur siggi',
  'gudmundur gummi',
  'kristjan kiddi',
  'ragnheidur ragga',
  'margret magga',
  'gudrun gunna',
  'anders andy',
  'lars lasse',
  'kristoffer kris',
  'elisabet elsa lisbet',
  // Finnish, Estonian, Baltic
  'juha jukka jussi juho',
  'johannes juhani',
  'matti mattias',
  'antti antero',
  'heikki henrik',
  'kristiina kirsi tiina',
  'elisabet liisa',
  'margareta marketta reeta',
  'ieva eva',
  'aleksandrs sasa',
  // Iberian and Latin American
  'jose ze pepe pepito chepe',
  'francisco paco chico pancho quico cisco',
  'francisca paca paquita',
  'manuel manolo manu',
  'antonio tonio tono toni',
  'ignacio nacho',
  'enrique quique',
  'guillermo memo guille',
  'eduardo edu lalo',
  'alejandro alex ale',
  'fernando nando fer',
  'roberto beto tito',
  'alberto beto tito',
  'jesus chuy',
  'rosario charo',
  'dolores lola',
  'consuelo chelo',
  'concepcion concha conchita',
  'guadalupe lupe lupita',
  'isabel isa chabela',
  'maria mari maruja',
  'joao joaozinho',
  'antonia toninha',
  // Italian and French
  'giuseppe beppe peppe pino',
  'giovanni gianni nino',
  'francesco franco cecco',
  'salvatore toto turi',
  'vincenzo enzo',
  'domenico mimmo',
  'guillaume guy',
  'jean jeannot',
  'francois fanfan',
  'dominique dom',
  'nicolas nico',
  // Slavic and Eastern European
  'aleksandr alexander sasha sanya shura',
  'aleksei alexei alyosha lyosha',
  'dmitri dmitry dima mitya',
  'ivan vanya',
  'mikhail misha',
  'nikolai kolya',
  'vladimir volodya vova',
  'sergei sergey seryozha',
  'yekaterina ekaterina katya',
  'natalia natalya natasha',
  'yelena elena lena',
  'tatiana tatyana tanya',
  'olga olya',
  'maria masha',
  'anastasia nastya',
  'jozef jozek',
  'katarzyna kasia',
  'malgorzata gosia',
  'aleksandra ola',
  'wojciech wojtek',
  'krzysztof krzys',
  'tomas tomik',
  'jiri jirka',
  'frantisek franta',
  'istvan pista',
];

const familiesByName = new Map<string, number[]>();
FAMILIES.forEach((line, index) => {
  for (const name of line.split(' ')) {
    const list = familiesByName.get(name);
    if (list) {
      if (!list.includes(index)) list.push(index);
    } else familiesByName.set(name, [index]);
  }
});

/** How many nickname pairs the table knows (for documentation and tests). */
export function nicknamePairCount(): number {
  let pairs = 0;
  for (const line of FAMILIES) {
    const n = new Set(line.split(' ')).size;
    pairs += (n * (n - 1)) / 2;
  }
  return pairs;
}

/** Whether two folded given names are known forms of one name ("bob", "robert"). */
export function areNicknames(a: string, b: string): boolean {
  if (a === '' || b === '' || a === b) return false;
  const fa = familiesByName.get(a);
  const fb = familiesByName.get(b);
  if (!fa || !fb) return false;
  for (const f of fa) if (fb.includes(f)) return true;
  return false;
}

/**
 * A key shared by all forms of a name, for blocking: the first family the
 * name belongs to, or the name itself. Names in several families get each
 * family's key from `nameFamilies`.
 */
export function nameFamilies(name: string): readonly number[] {
  return familiesByName.get(name) ?? [];
}

const initialsCache = new Map<string, string>();

/** First letters of every known form of a name: "william" → "wbl" (William, Bill, Billy, Will, Liam...). */
export function nicknameInitials(name: string): string {
  let initials = initialsCache.get(name);
  if (initials === undefined) {
    const letters = new Set<string>([name.charAt(0)]);
    for (const f of familiesByName.get(name) ?? []) for (const n of FAMILIES[f]!.split(' ')) letters.add(n.charAt(0));
    initials = [...letters].join('');
    initialsCache.set(name, initials);
  }
  return initials;
}
