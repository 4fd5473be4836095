#!/usr/bin/env node
/**
 * Deterministic generator of contact exports with known duplicates, for the
 * duplicate-matching benchmark (bench/dedup/run.mjs) and for tuning.
 *
 * People come from several countries (US/UK, Germany, Latvia, Finland,
 * Iceland, Portugal/Brazil, Spain, China). Each person is written into one or
 * more "address books" (sources) that each keep different fields and mangle
 * them in their own way: nicknames, typos, initials, swapped name parts,
 * dropped diacritics, upper case, reformatted phones, company suffix variants,
 * a second e-mail, missing fields. Look-alike NON-duplicates are planted on
 * purpose: colleagues with one surname at one company sharing a switchboard,
 * common names at different companies, family members sharing an address and
 * home phone (including father and son, "Jr.").
 *
 *   node bench/data/generate-people.mjs --n 1000 --seed 7 > people.jsonl
 *   import { generatePeople } from './generate-people.mjs'
 */

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Zipf-like pick: early entries much more common, a long tail still appears. */
    zipf: (list) => list[Math.min(list.length - 1, Math.floor(list.length * Math.pow(next(), 2.2)))],
  };
}

const LOCALES = {
  en: {
    weight: 0.28, country: ['United States', 'USA', 'US'], cc: '1', phoneLen: 10, trunk: '',
    male: ['James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Joseph', 'Thomas', 'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Andrew', 'Steven', 'Kenneth', 'Joshua', 'Timothy', 'Edward', 'Patrick', 'Peter', 'Gregory', 'Nicholas', 'Benjamin', 'Samuel', 'Jonathan', 'Frederick', 'Lawrence', 'Gerald', 'Harold', 'Walter', 'Douglas', 'Raymond', 'Alexander', 'Henry', 'Philip', 'Vincent', 'Zachary', 'Nathaniel'],
    female: ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Margaret', 'Katherine', 'Nancy', 'Rebecca', 'Deborah', 'Dorothy', 'Amanda', 'Melissa', 'Stephanie', 'Rachel', 'Victoria', 'Christine', 'Samantha', 'Abigail', 'Judith', 'Pamela', 'Cynthia', 'Helen', 'Caroline', 'Eleanor', 'Jacqueline', 'Teresa', 'Virginia', 'Gwendolyn', 'Alexandra', 'Valerie', 'Frances', 'Josephine', 'Louise', 'Harriet'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', "O'Brien", 'McDonald', 'Fitzgerald', 'Sullivan'],
    syl: [['Ash', 'Brad', 'Craw', 'Dun', 'Fair', 'Hol', 'Kings', 'Lang', 'Mar', 'Pem', 'Ren', 'Shel', 'Thorn', 'Wes', 'Whit', 'Black', 'Cald', 'Hart', 'Rad', 'Stan'], ['ford', 'ley', 'ton', 'wood', 'well', 'by', 'field', 'worth', 'combe', 'more', 'ridge', 'brook', 'den', 'ham', 'wick']],
    cities: [['New York'], ['Chicago'], ['Boston'], ['Seattle'], ['Denver'], ['Austin'], ['Portland'], ['Atlanta'], ['San Francisco', 'SF'], ['Philadelphia']],
    streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Park Road', 'Cedar Lane', 'Washington Boulevard', 'Elm Street', 'Lake Court', 'Hill Road', 'Pine Street'],
    streetShort: { Street: 'St.', Avenue: 'Ave', Drive: 'Dr.', Road: 'Rd', Lane: 'Ln', Boulevard: 'Blvd', Court: 'Ct' },
    postal: () => String(10000 + Math.floor(Math.random() * 0)),
    company: [['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Pied Piper', 'Soylent', 'Cyberdyne', 'Tyrell', 'Wonka', 'Dunder Mifflin', 'Massive Dynamic', 'Gringotts', 'Oceanic', 'Prestige Worldwide', 'Sterling Cooper', 'Monarch'], ['Inc.', 'Inc', 'LLC', 'Corp.', 'Corporation', 'Ltd', '']],
    emailDomains: ['gmail.com', 'yahoo.com', 'outlook.com', 'aol.com'],
    generation: true,
  },
  de: {
    weight: 0.16, country: ['Germany', 'Deutschland', 'DE'], cc: '49', phoneLen: 10, trunk: '0',
    male: ['Hans', 'Johannes', 'Josef', 'Wolfgang', 'Klaus', 'Jürgen', 'Stefan', 'Andreas', 'Thomas', 'Michael', 'Matthias', 'Sebastian', 'Maximilian', 'Friedrich', 'Heinrich', 'Günter', 'Dieter', 'Uwe', 'Jörg', 'Markus', 'Tobias', 'Florian', 'Lukas', 'Felix', 'Ralf'],
    female: ['Anna', 'Katharina', 'Susanne', 'Sabine', 'Petra', 'Monika', 'Ursula', 'Franziska', 'Claudia', 'Julia', 'Lena', 'Birgit', 'Gertrud', 'Heike', 'Jutta', 'Brigitte', 'Renate', 'Karin', 'Sophie', 'Jana'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Maier', 'Mayer', 'Köhler', 'Jäger', 'Groß'],
    syl: [['Stein', 'Berg', 'Hoch', 'Kirch', 'Linden', 'Rosen', 'Eichen', 'Schön', 'Wald', 'Feld', 'Brück', 'Stroh', 'Bäcker', 'Holz', 'Falken'], ['mann', 'berger', 'hofer', 'maier', 'bach', 'feld', 'hausen', 'rath', 'ner', 'dorf', 'brunner', 'huber', 'wald']],
    cities: [['München', 'Muenchen', 'Munich'], ['Berlin'], ['Köln', 'Koeln', 'Cologne'], ['Hamburg'], ['Frankfurt am Main', 'Frankfurt'], ['Stuttgart'], ['Düsseldorf', 'Duesseldorf'], ['Leipzig']],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Gartenstraße', 'Schulstraße', 'Lindenweg', 'Kirchplatz', 'Bergstraße', 'Am Markt', 'Goethestraße', 'Schillerstraße'],
    streetShort: { 'straße': 'str.', 'Straße': 'Str.' },
    company: [['Müller', 'Schmidt & Söhne', 'Bayerische Werke', 'Nordlicht', 'Rheinmetallbau', 'Alpen Software', 'Elbe Logistik', 'Spree Digital', 'Harz Maschinen', 'Donau Versicherung'], ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'e.V.', '']],
    emailDomains: ['gmx.de', 'web.de', 't-online.de', 'gmail.com'],
  },
  lv: {
    weight: 0.1, country: ['Latvia', 'Latvija', 'LV'], cc: '371', phoneLen: 8, trunk: '',
    male: ['Jānis', 'Andris', 'Mārtiņš', 'Edgars', 'Kārlis', 'Artūrs', 'Raimonds', 'Valdis', 'Gints', 'Juris', 'Aivars', 'Uldis', 'Ēriks', 'Dāvis', 'Oskars'],
    female: ['Anna', 'Līga', 'Inese', 'Ilze', 'Kristīne', 'Dace', 'Laura', 'Zane', 'Ieva', 'Baiba', 'Sandra', 'Māra', 'Agnese', 'Elīna', 'Dārta'],
    last: ['Bērziņš', 'Kalniņš', 'Ozoliņš', 'Jansons', 'Ozols', 'Liepiņš', 'Krūmiņš', 'Balodis', 'Eglītis', 'Zariņš', 'Pētersons', 'Vītols', 'Kļaviņš', 'Kārkliņš', 'Vanags', 'Āboliņš', 'Siliņš', 'Lapiņš', 'Rozītis', 'Zālītis'],
    syl: [['Pried', 'Ābel', 'Lāc', 'Vilk', 'Ziem', 'Dziļ', 'Sprog', 'Straut', 'Zvaig', 'Saul', 'Kļav', 'Gaiļ', 'Medn'], ['iņš', 'ītis', 'is', 'ens', 'kalns', 'upe', 'nieks', 'ulis']],
    feminine: (s) => s.replace(/iņš$/, 'iņa').replace(/ītis$/, 'īte').replace(/ulis$/, 'ule').replace(/is$/, 'e').replace(/s$/, 'a').replace(/š$/, 'a'),
    cities: [['Rīga', 'Riga'], ['Jūrmala', 'Jurmala'], ['Liepāja', 'Liepaja'], ['Daugavpils'], ['Jelgava'], ['Cēsis', 'Cesis']],
    streets: ['Brīvības iela', 'Elizabetes iela', 'Krišjāņa Barona iela', 'Tērbatas iela', 'Miera iela', 'Gertrūdes iela', 'Valdemāra iela'],
    streetShort: { iela: 'iela' },
    company: [['Rīgas Ūdens', 'Latvijas Koks', 'Baltijas Dati', 'Daugava Tech', 'Zvaigzne', 'Kurzemes Piens', 'Vidzemes Enerģija'], ['SIA', 'AS', '']],
    companyPrefix: true,
    emailDomains: ['inbox.lv', 'gmail.com', 'apollo.lv'],
  },
  fi: {
    weight: 0.09, country: ['Finland', 'Suomi', 'FI'], cc: '358', phoneLen: 9, trunk: '0',
    male: ['Juha', 'Jukka', 'Matti', 'Antti', 'Heikki', 'Mikko', 'Timo', 'Pekka', 'Kari', 'Jari', 'Sami', 'Ville', 'Janne', 'Tuomas', 'Eero'],
    female: ['Anna', 'Kristiina', 'Maria', 'Liisa', 'Tiina', 'Sari', 'Päivi', 'Minna', 'Satu', 'Johanna', 'Riikka', 'Hanna', 'Aino', 'Eeva', 'Laura'],
    last: ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen', 'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Kinnunen', 'Salonen', 'Turunen', 'Salo'],
    syl: [['Mäki', 'Järvi', 'Koski', 'Lahti', 'Saari', 'Kallio', 'Vuori', 'Rinne', 'Pelto', 'Metsä', 'Kivi', 'Haapa', 'Lepp'], ['nen', 'lä', 'la', 'ainen', 'onen', 'mäki', 'maa', 'niemi']],
    cities: [['Helsinki', 'Helsingfors'], ['Espoo'], ['Tampere'], ['Turku', 'Åbo'], ['Oulu'], ['Jyväskylä', 'Jyvaskyla']],
    streets: ['Mannerheimintie', 'Aleksanterinkatu', 'Hämeenkatu', 'Kauppakatu', 'Puistokatu', 'Rantatie', 'Koulukatu'],
    company: [['Nordic Paper', 'Suomen Ohjelmisto', 'Lapin Metsä', 'Kalevala Data', 'Saimaa Logistics', 'Aalto Systems'], ['Oy', 'Oyj', 'Ab', '']],
    emailDomains: ['gmail.com', 'luukku.com', 'outlook.com'],
  },
  is: {
    weight: 0.05, country: ['Iceland', 'Ísland', 'IS'], cc: '354', phoneLen: 7, trunk: '',
    male: ['Jón', 'Sigurður', 'Guðmundur', 'Gunnar', 'Ólafur', 'Einar', 'Kristján', 'Magnús', 'Stefán', 'Þórður', 'Björn', 'Ragnar'],
    female: ['Guðrún', 'Anna', 'Kristín', 'Sigríður', 'Margrét', 'Helga', 'Sigrún', 'Ingibjörg', 'Þóra', 'Ragnheiður', 'Jóhanna', 'Katrín'],
    patronymic: ['Jón', 'Sigurð', 'Guðmund', 'Gunnar', 'Ólaf', 'Einar', 'Kristján', 'Magnús', 'Stefán', 'Þór', 'Björn', 'Ragnar', 'Pál', 'Helga', 'Árna'],
    cities: [['Reykjavík', 'Reykjavik'], ['Kópavogur', 'Kopavogur'], ['Hafnarfjörður', 'Hafnarfjordur'], ['Akureyri']],
    streets: ['Laugavegur', 'Skólavörðustígur', 'Hverfisgata', 'Bankastræti', 'Suðurgata', 'Þingholtsstræti'],
    company: [['Marel', 'Össur', 'Landsvirkjun', 'Eimskip', 'Norðurál', 'Hekla'], ['hf.', 'ehf.', '']],
    emailDomains: ['simnet.is', 'gmail.com', 'internet.is'],
  },
  pt: {
    weight: 0.12, country: ['Portugal', 'PT', 'Brasil', 'Brazil'], cc: '351', phoneLen: 9, trunk: '',
    male: ['José', 'João', 'António', 'Francisco', 'Manuel', 'Pedro', 'Paulo', 'Carlos', 'Luís', 'Miguel', 'Rui', 'Tiago', 'Ricardo', 'Fernando', 'Eduardo'],
    female: ['Maria', 'Ana', 'Joana', 'Beatriz', 'Mariana', 'Inês', 'Sofia', 'Catarina', 'Rita', 'Francisca', 'Teresa', 'Isabel', 'Conceição', 'Fátima', 'Lúcia'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Jesus', 'Sousa', 'Fernandes', 'Gonçalves', 'Gomes', 'Lopes', 'Marques', 'Alves', 'Almeida', 'Ribeiro', 'Pinto', 'Carvalho', 'Teixeira', 'Moreira', 'Correia', 'Mendes', 'Nunes', 'Conceição', 'Araújo', 'Magalhães'],
    compound: true,
    cities: [['Lisboa', 'Lisbon'], ['Porto', 'Oporto'], ['São Paulo', 'Sao Paulo'], ['Coimbra'], ['Braga'], ['Rio de Janeiro']],
    streets: ['Rua Augusta', 'Avenida da Liberdade', 'Rua das Flores', 'Rua de Santa Catarina', 'Avenida Paulista', 'Rua do Ouro'],
    streetShort: { Avenida: 'Av.', Rua: 'R.' },
    company: [['Tecnologias Atlântico', 'Cortiça Nacional', 'Vinhos do Douro', 'Lusitânia Dados', 'Banco Tejo', 'Construções Minho'], ['Lda', 'Lda.', 'S.A.', 'SA', 'Ltda', '']],
    emailDomains: ['sapo.pt', 'gmail.com', 'hotmail.com', 'uol.com.br'],
  },
  es: {
    weight: 0.1, country: ['Spain', 'España', 'ES', 'Mexico'], cc: '34', phoneLen: 9, trunk: '',
    male: ['José', 'Francisco', 'Antonio', 'Manuel', 'Jesús', 'Javier', 'Alejandro', 'Fernando', 'Ignacio', 'Enrique', 'Guillermo', 'Eduardo', 'Roberto', 'Alberto', 'Carlos'],
    female: ['María', 'Carmen', 'Dolores', 'Rosario', 'Guadalupe', 'Isabel', 'Lucía', 'Marta', 'Elena', 'Pilar', 'Consuelo', 'Concepción', 'Francisca', 'Laura', 'Cristina'],
    last: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez', 'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos'],
    compound: true,
    cities: [['Madrid'], ['Barcelona'], ['Sevilla', 'Seville'], ['Valencia'], ['Zaragoza'], ['Málaga', 'Malaga'], ['Ciudad de México', 'CDMX']],
    streets: ['Calle Mayor', 'Gran Vía', 'Paseo de la Castellana', 'Calle de Alcalá', 'Avenida Diagonal', 'Calle Real'],
    streetShort: { Calle: 'C/', Avenida: 'Av.' },
    company: [['Telefónica Sur', 'Iberia Datos', 'Construcciones Levante', 'Aceites Andaluces', 'Soluciones Castilla', 'Naranjas Valencia'], ['S.L.', 'SL', 'S.A.', 'SA', 'S.A. de C.V.', '']],
    emailDomains: ['gmail.com', 'hotmail.es', 'yahoo.es', 'telefonica.net'],
  },
  zh: {
    weight: 0.1, country: ['China', '中国', 'CN'], cc: '86', phoneLen: 11, trunk: '',
    // Pinyin with the Han form; address books hold either.
    male: [['Wei', '伟'], ['Qiang', '强'], ['Lei', '磊'], ['Jun', '军'], ['Yong', '勇'], ['Jie', '杰'], ['Tao', '涛'], ['Ming', '明'], ['Chao', '超'], ['Hao', '浩'], ['Peng', '鹏'], ['Hui', '辉'], ['Bin', '斌'], ['Gang', '刚'], ['Jian', '建']],
    female: [['Fang', '芳'], ['Na', '娜'], ['Min', '敏'], ['Jing', '静'], ['Li', '丽'], ['Yan', '艳'], ['Juan', '娟'], ['Xia', '霞'], ['Ping', '平'], ['Hong', '红'], ['Ling', '玲'], ['Yun', '云'], ['Xue', '雪'], ['Mei', '梅'], ['Lan', '兰']],
    last: [['Wang', '王'], ['Li', '李'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Huang', '黄'], ['Zhao', '赵'], ['Wu', '吴'], ['Zhou', '周'], ['Xu', '徐'], ['Sun', '孙'], ['Ma', '马'], ['Zhu', '朱'], ['Hu', '胡'], ['Guo', '郭'], ['He', '何'], ['Lin', '林'], ['Gao', '高'], ['Luo', '罗']],
    cities: [['北京', 'Beijing'], ['上海', 'Shanghai'], ['深圳', 'Shenzhen'], ['广州', 'Guangzhou'], ['杭州', 'Hangzhou'], ['成都', 'Chengdu']],
    streets: ['Renmin Road', 'Jianguo Road', 'Zhongshan Road', 'Nanjing Road', 'Huaihai Road', 'Chang’an Avenue'],
    company: [['华为', '腾讯', '阿里巴巴', '联想', '小米', '百度', '京东', '比亚迪'], ['有限公司', '股份有限公司', '集团', '']],
    emailDomains: ['qq.com', '163.com', '126.com', 'gmail.com'],
  },
};

const NICKNAMES = {
  Robert: ['Bob', 'Rob', 'Bobby'], William: ['Bill', 'Will', 'Billy'], Elizabeth: ['Liz', 'Beth', 'Betty'], Margaret: ['Peggy', 'Maggie', 'Meg'],
  James: ['Jim', 'Jimmy'], Katherine: ['Kate', 'Kathy', 'Katie'], Michael: ['Mike', 'Mick'], Richard: ['Rick', 'Dick', 'Rich'], Thomas: ['Tom', 'Tommy'],
  Joseph: ['Joe'], John: ['Jack', 'Johnny'], Charles: ['Charlie', 'Chuck'], Edward: ['Ed', 'Eddie', 'Ted'], Anthony: ['Tony'], Christopher: ['Chris'],
  Daniel: ['Dan', 'Danny'], David: ['Dave'], Matthew: ['Matt'], Andrew: ['Andy', 'Drew'], Nicholas: ['Nick'], Benjamin: ['Ben'], Samuel: ['Sam'],
  Alexander: ['Alex'], Steven: ['Steve'], Timothy: ['Tim'], Patrick: ['Pat'], Peter: ['Pete'], Gregory: ['Greg'], Kenneth: ['Ken'], Joshua: ['Josh'],
  Jennifer: ['Jen', 'Jenny'], Jessica: ['Jess'], Rebecca: ['Becky'], Deborah: ['Debbie', 'Deb'], Susan: ['Sue'], Patricia: ['Pat', 'Tricia'],
  Victoria: ['Vicky'], Samantha: ['Sam'], Abigail: ['Abby'], Pamela: ['Pam'], Cynthia: ['Cindy'], Judith: ['Judy'], Dorothy: ['Dot'], Amanda: ['Mandy'],
  Frederick: ['Fred'], Lawrence: ['Larry'], Gerald: ['Gerry'], Harold: ['Harry'], Walter: ['Walt'], Douglas: ['Doug'], Raymond: ['Ray'], Henry: ['Hank'],
  Philip: ['Phil'], Vincent: ['Vince'], Zachary: ['Zach'], Nathaniel: ['Nate'], Jacqueline: ['Jackie'], Alexandra: ['Alex', 'Sandra'], Valerie: ['Val'],
  Josephine: ['Josie'], Christine: ['Chris', 'Tina'], Caroline: ['Carol'], Eleanor: ['Ellie'], Teresa: ['Terry'], Virginia: ['Ginny'], Frances: ['Fran'],
  Johannes: ['Hans', 'Hannes'], Josef: ['Sepp'], Friedrich: ['Fritz'], Heinrich: ['Heinz'], Maximilian: ['Max'], Sebastian: ['Basti'], Franziska: ['Franzi'],
  Katharina: ['Kathrin'], Juha: ['Jukka', 'Jussi'], 'José': ['Zé', 'Pepe'], Francisco: ['Paco', 'Chico'], Manuel: ['Manolo'], Ignacio: ['Nacho'],
  Enrique: ['Quique'], Guillermo: ['Memo'], Eduardo: ['Edu'], Roberto: ['Beto'], 'Jesús': ['Chuy'], Rosario: ['Charo'], Dolores: ['Lola'],
  Guadalupe: ['Lupe'], 'Concepción': ['Concha'], Consuelo: ['Chelo'], 'Sigurður': ['Siggi'], 'Guðmundur': ['Gummi'], Kristiina: ['Tiina'],
};

const FIELDS = ['FirstName', 'LastName', 'Email', 'Phone', 'MobilePhone', 'Company', 'Street', 'City', 'PostalCode', 'Country', 'Birthdate', 'Title'];

// Each address book keeps some fields (probability) and writes them its own way.
const SOURCES = [
  { name: 'outlook', keep: { Email: 0.95, Phone: 0.7, MobilePhone: 0.6, Company: 0.9, Street: 0.5, City: 0.7, PostalCode: 0.5, Country: 0.5, Birthdate: 0.1, Title: 0.6 }, phoneStyle: 'intl', upper: 0.02 },
  { name: 'phone', keep: { Email: 0.6, Phone: 0.2, MobilePhone: 0.95, Company: 0.4, Street: 0.05, City: 0.2, PostalCode: 0.02, Country: 0.05, Birthdate: 0.2, Title: 0.05 }, phoneStyle: 'local', upper: 0.01 },
  { name: 'spreadsheet', keep: { Email: 0.8, Phone: 0.6, MobilePhone: 0.5, Company: 0.95, Street: 0.8, City: 0.9, PostalCode: 0.8, Country: 0.7, Birthdate: 0.05, Title: 0.7 }, phoneStyle: 'mixed', upper: 0.15 },
  { name: 'crm-old', keep: { Email: 0.85, Phone: 0.8, MobilePhone: 0.4, Company: 0.85, Street: 0.6, City: 0.8, PostalCode: 0.6, Country: 0.8, Birthdate: 0.15, Title: 0.5 }, phoneStyle: 'dashed', upper: 0.05 },
];

const TITLES = ['CEO', 'CFO', 'Sales Manager', 'Account Executive', 'Engineer', 'Office Manager', 'Buyer', 'Director', 'Consultant', 'Head of IT'];

function stripDiacritics(s) {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/Þ/g, 'Th').replace(/þ/g, 'th').replace(/ð/g, 'd').replace(/Ð/g, 'D').replace(/æ/g, 'ae').replace(/ø/g, 'o');
}

function typo(r, s) {
  if (s.length < 3) return s;
  const i = 1 + r.int(s.length - 1);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  switch (r.int(4)) {
    case 0: return s.slice(0, i) + s.slice(i + 1); // deletion
    case 1: return s.slice(0, i) + r.pick(letters) + s.slice(i + 1); // substitution
    case 2: return i < s.length - 1 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s + s[i - 1]; // transposition
    default: return s.slice(0, i) + r.pick(letters) + s.slice(i); // insertion
  }
}

function asciiLocal(s) {
  return stripDiacritics(s).toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function makeSurname(r, loc, gender) {
  if (loc.patronymic) return r.pick(loc.patronymic) + (gender === 'f' ? 'sdóttir' : 'sson');
  if (Array.isArray(loc.last[0])) return r.zipf(loc.last); // [pinyin, han]
  let s = loc.syl && r.chance(0.45) ? r.pick(loc.syl[0]) + r.pick(loc.syl[1]) : r.zipf(loc.last);
  if (loc.compound && r.chance(0.4)) s = `${s} ${r.zipf(loc.last)}`;
  if (gender === 'f' && loc.feminine) s = loc.feminine(s);
  return s;
}

function makePhone(r, loc) {
  let digits = String(1 + r.int(9));
  while (digits.length < loc.phoneLen) digits += String(r.int(10));
  return digits;
}

function formatPhone(r, loc, national, style) {
  const s = style === 'mixed' ? r.pick(['intl', 'local', 'dashed', 'plain00']) : style;
  const groups = national.replace(/(\d{3})(?=\d{3})/g, '$1 ').trim();
  switch (s) {
    case 'intl': return `+${loc.cc} ${groups}`;
    case 'local': return `${loc.trunk}${r.chance(0.5) ? groups : national}`;
    case 'dashed': return `+${loc.cc}-${national.slice(0, 3)}-${national.slice(3)}`;
    default: return `00${loc.cc}${national}`;
  }
}

function companyName(r, loc, base) {
  const suffix = r.pick(loc.company[1]);
  if (!suffix) return base;
  return loc.companyPrefix ? `${suffix} ${base}` : `${base} ${suffix}`;
}

/**
 * Generate `n` output records (contacts as different address books hold them).
 * Returns { records, truth } where truth[i] is the person id of records[i].
 */
export function generatePeople({ n = 1000, seed = 1 } = {}) {
  const r = rng(seed);
  const locEntries = Object.entries(LOCALES);
  const pickLocale = () => {
    let x = r.next();
    for (const [key, loc] of locEntries) {
      x -= loc.weight;
      if (x <= 0) return [key, loc];
    }
    return locEntries[0];
  };
  // Companies per locale, shared by colleagues.
  const companies = new Map();
  const companyFor = (key, loc) => {
    let list = companies.get(key);
    if (!list) {
      list = [];
      companies.set(key, list);
    }
    if (list.length < 5 + n / 400 && (list.length === 0 || r.chance(0.4))) {
      const base = `${r.pick(loc.company[0])}${r.chance(0.6) ? '' : ` ${r.pick(['Group', 'Systems', 'Partners', 'Holding', 'Solutions', 'Nord', 'Süd', 'International', 'Services'])}`}${r.chance(0.5) ? '' : ` ${r.int(90) + 10}`}`;
      const city = r.pick(loc.cities);
      list.push({ base, switchboard: makePhone(r, loc), domain: `${asciiLocal(base).slice(0, 12) || 'corp'}${r.int(1000)}.${key === 'en' ? 'com' : key === 'zh' ? 'cn' : key}`, street: `${r.pick(loc.streets)} ${1 + r.int(200)}`, city, postal: String(10000 + r.int(89999)) });
    }
    return r.pick(list);
  };

  const people = [];
  // A mailbox belongs to one person: a taken address gets a number, as providers demand.
  const usedEmails = new Set();
  const uniqueEmail = (local, domain) => {
    let address = `${local}@${domain}`;
    for (let k = 2; usedEmails.has(address); k++) address = `${local}${k}@${domain}`;
    usedEmails.add(address);
    return address;
  };
  const newPerson = (overrides = {}) => {
    const [key, loc] = overrides.locale ?? pickLocale();
    const gender = overrides.gender ?? (r.chance(0.5) ? 'm' : 'f');
    const firstRaw = overrides.first ?? r.zipf(gender === 'm' ? loc.male : loc.female);
    const lastRaw = overrides.last ?? makeSurname(r, loc, gender);
    const zh = key === 'zh';
    const first = zh ? firstRaw[0] : firstRaw;
    const last = zh ? lastRaw[0] : lastRaw;
    const company = overrides.company ?? (r.chance(0.85) ? companyFor(key, loc) : null);
    const home = overrides.home ?? { street: `${r.pick(loc.streets)} ${1 + r.int(150)}`, city: r.pick(loc.cities), postal: String(10000 + r.int(89999)), phone: makePhone(r, loc) };
    const p = {
      id: people.length,
      key, loc, gender, first, last, han: zh ? `${lastRaw[1]}${firstRaw[1]}` : null, hanFirst: zh ? firstRaw[1] : null, hanLast: zh ? lastRaw[1] : null,
      generation: overrides.generation ?? '',
      company,
      workEmail: company ? uniqueEmail(`${asciiLocal(first)}.${asciiLocal(last)}`, company.domain) : null,
      privateEmail: uniqueEmail(`${asciiLocal(first).slice(0, r.chance(0.5) ? 1 : 20)}${asciiLocal(last)}${r.chance(0.5) ? r.int(100) : ''}`, r.pick(loc.emailDomains)),
      mobile: makePhone(r, loc),
      home,
      birthdate: `${1940 + r.int(62)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
      title: r.pick(TITLES),
    };
    people.push(p);
    return p;
  };

  const records = [];
  const truth = [];
  // "Common" = among the ten most frequent given names and surnames of the locale.
  const top = (list, name) => list.slice(0, 10).some((x) => (Array.isArray(x) ? x[0] : x) === name);
  const isCommonName = (p) => top(p.gender === 'm' ? p.loc.male : p.loc.female, p.first) && (!p.loc.last || top(p.loc.last, p.last));
  const emit = (p, sourceIndex) => {
    const src = SOURCES[sourceIndex];
    const loc = p.loc;
    const rec = Object.create(null);
    rec.id = '';
    let first = p.first;
    let last = p.last;
    if (p.han && r.chance(0.3)) {
      first = p.hanFirst;
      last = p.hanLast;
    } else {
      const nicks = NICKNAMES[first];
      if (nicks && r.chance(0.3)) first = r.pick(nicks);
      if (r.chance(0.06)) first = `${first[0]}.`;
      else if (r.chance(0.08)) first = typo(r, first);
      if (r.chance(0.08)) last = typo(r, last);
      if (r.chance(0.45)) {
        first = stripDiacritics(first);
        last = stripDiacritics(last);
      }
      if (r.chance(src.upper)) last = last.toUpperCase();
    }
    if (p.generation) last = `${last} ${p.generation}`;
    if (r.chance(0.04)) [first, last] = [last, first];
    if (r.chance(0.03)) first = '';
    rec.FirstName = first;
    rec.LastName = last;
    const keep = (field) => r.chance(src.keep[field] ?? 0);
    if (keep('Email')) {
      // Most address books hold a person's main address; some the other one.
      const main = p.workEmail ?? p.privateEmail;
      const other = p.workEmail ? p.privateEmail : p.privateEmail;
      let email = r.chance(0.8) ? main : other;
      if (r.chance(0.15)) email = email.toUpperCase();
      else if (r.chance(0.1)) email = email.replace(/^./, (c) => c.toUpperCase());
      rec.Email = email;
    }
    if (keep('Phone')) rec.Phone = formatPhone(r, loc, p.company && r.chance(0.5) ? p.company.switchboard : p.home.phone, src.phoneStyle);
    if (keep('MobilePhone')) rec.MobilePhone = formatPhone(r, loc, p.mobile, src.phoneStyle);
    const atWork = p.company && r.chance(0.6);
    if (p.company && keep('Company')) rec.Company = p.han && r.chance(0.5) ? p.company.base : companyName(r, loc, p.company.base);
    if (keep('Street')) {
      let street = atWork ? p.company.street : p.home.street;
      if (loc.streetShort && r.chance(0.5)) for (const [long, short] of Object.entries(loc.streetShort)) street = street.replace(long, short);
      if (r.chance(0.4)) street = stripDiacritics(street);
      if (r.chance(0.05)) street = typo(r, street);
      rec.Street = street;
    }
    if (keep('City')) rec.City = r.pick(atWork ? p.company.city : p.home.city);
    if (keep('PostalCode')) rec.PostalCode = atWork ? p.company.postal : p.home.postal;
    if (keep('Country')) rec.Country = r.pick(loc.country);
    if (keep('Birthdate')) {
      const [y, m, d] = p.birthdate.split('-');
      rec.Birthdate = r.chance(0.3) ? `${d}.${m}.${y}` : p.birthdate;
    }
    if (keep('Title')) rec.Title = p.title;
    for (const f of FIELDS) if (!(f in rec)) rec[f] = null;
    records.push(rec);
    truth.push(p.id);
  };

  // Copies per person: most appear once or twice, some in three or four books.
  const copies = () => {
    const x = r.next();
    return x < 0.45 ? 1 : x < 0.8 ? 2 : x < 0.95 ? 3 : 4;
  };
  const emitPerson = (p) => {
    const k = copies();
    const order = [0, 1, 2, 3].sort(() => r.next() - 0.5);
    for (let c = 0; c < k && records.length < n; c++) emit(p, order[c % 4]);
  };

  while (records.length < n) {
    const p = newPerson();
    emitPerson(p);
    const roll = r.next();
    if (roll < 0.06 && p.company) {
      // A colleague with the same (often common) surname at the same company.
      const names = p.gender === 'm' ? p.loc.male : p.loc.female;
      let first = r.zipf(names);
      while ((Array.isArray(first) ? first[0] : first) === p.first) first = r.pick(names);
      emitPerson(newPerson({ locale: [p.key, p.loc], gender: p.gender, first, last: p.han ? [p.last, p.hanLast] : p.last, company: p.company }));
    } else if (roll < 0.12) {
      // Family: spouse or child at the same address and home phone.
      const gender = p.gender === 'm' ? 'f' : 'm';
      const sameFirstSon = p.gender === 'm' && p.key === 'en' && r.chance(0.35);
      const family = newPerson({
        locale: [p.key, p.loc], gender: sameFirstSon ? 'm' : gender, last: p.han ? [p.last, p.hanLast] : (gender === 'f' && p.loc.feminine && !sameFirstSon ? p.loc.feminine(p.last) : p.last),
        first: sameFirstSon ? (p.han ? [p.first, p.hanFirst] : p.first) : undefined, home: p.home, generation: sameFirstSon ? 'Jr.' : '',
      });
      emitPerson(family);
    } else if (roll < 0.2 && isCommonName(p)) {
      // Same common name, different person elsewhere.
      emitPerson(newPerson({ locale: [p.key, p.loc], gender: p.gender, first: p.han ? [p.first, p.hanFirst] : p.first, last: p.han ? [p.last, p.hanLast] : p.last }));
    }
  }
  records.length = n;
  truth.length = n;
  // Shuffle so duplicates are not adjacent, then give ids in that order.
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [records[i], records[j]] = [records[j], records[i]];
    [truth[i], truth[j]] = [truth[j], truth[i]];
  }
  for (let i = 0; i < n; i++) records[i].id = `C${String(i).padStart(7, '0')}`;
  return { records, truth, people: people.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const { records, truth } = generatePeople({ n: get('n', 1000), seed: get('seed', 1) });
  const out = [];
  for (let i = 0; i < records.length; i++) out.push(JSON.stringify({ ...records[i], _person: truth[i] }));
  process.stdout.write(`${out.join('\n')}\n`);
}
