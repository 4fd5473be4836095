import type { Role } from './roles.js';

/**
 * Header synonyms for spreadsheets and CSVs from anywhere: what admins in many countries call
 * a column. Compared by `headerKey` (case, accents and punctuation ignored), so "E-Mail",
 * "email" and "e‑mail" are one entry. Confidence 0.9: a synonym is a good guess, not a fact.
 * Languages: English, German, French, Spanish, Portuguese, Italian, Dutch, Swedish, Norwegian,
 * Danish, Finnish, Icelandic, Latvian, Lithuanian, Estonian, Polish, Czech, Russian, Chinese, Japanese.
 */
export const SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  fullName: [
    'Name', 'Full Name', 'Contact Name', 'Contact', 'Person', 'Display Name', 'Fullname', 'Voller Name', 'Nom complet',
    'Nombre completo', 'Nome completo', 'Nome', 'Nome e cognome', 'Volledige naam', 'Naam', 'Namn', 'Navn', 'Fullt navn', 'Nimi',
    'Koko nimi', 'Nafn', 'Fullt nafn', 'Vārds, uzvārds', 'Vārds Uzvārds', 'Pilnais vārds', 'Vardas pavardė', 'Nimi ja perekonnanimi',
    'Imię i nazwisko', 'Jméno a příjmení', 'ФИО', 'Имя и фамилия', '姓名', '名字', '联系人', '氏名',
  ],
  salutation: ['Salutation', 'Prefix', 'Name Prefix', 'Honorific', 'Anrede', 'Civilité', 'Tratamiento', 'Tratamento', 'Aanhef', 'Titolo', 'Tervehdys', 'Uzruna', 'Zwrot grzecznościowy', 'Oslovení', 'Обращение', '称谓', '称呼', '敬称'],
  firstName: [
    'First Name', 'Firstname', 'First', 'Given Name', 'Given', 'Forename', 'Christian Name', 'Vorname', 'Prénom', 'Nombre',
    'Primeiro nome', 'Nome próprio', 'Nome proprio', 'Voornaam', 'Förnamn', 'Fornavn', 'Etunimi', 'Eiginnafn', 'Skírnarnafn', 'Vārds',
    'Vardas', 'Eesnimi', 'Imię', 'Jméno', 'Křestní jméno', 'Имя', '名',
  ],
  middleName: ['Middle Name', 'Middlename', 'Middle', 'Middle Initial', 'Additional Name', 'Second Name', 'Zweiter Vorname', 'Weitere Vornamen', 'Deuxième prénom', 'Segundo nombre', 'Segundo nome', 'Tussenvoegsel', 'Mellannamn', 'Mellomnavn', 'Mellemnavn', 'Toinen nimi', 'Millinafn', 'Otčestvo', 'Отчество', '中间名', 'ミドルネーム'],
  lastName: [
    'Last Name', 'Lastname', 'Last', 'Surname', 'Family Name', 'Family', 'Nachname', 'Familienname', 'Nom', 'Nom de famille',
    'Apellido', 'Apellidos', 'Sobrenome', 'Cognome', 'Achternaam', 'Efternamn', 'Etternavn', 'Efternavn', 'Sukunimi', 'Eftirnafn',
    'Föðurnafn', 'Kenninafn', 'Uzvārds', 'Pavardė', 'Perekonnanimi', 'Nazwisko', 'Příjmení', 'Фамилия', '姓', '姓氏',
  ],
  suffix: ['Suffix', 'Name Suffix', 'Namenszusatz', 'Suffixe', 'Sufijo', 'Sufixo', 'Achtervoegsel', 'Jälkiliite'],
  nickname: ['Nickname', 'Nick', 'Spitzname', 'Surnom', 'Apodo', 'Lempinimi', 'Gælunafn', 'Segvārds', 'Прозвище', '昵称'],
  company: [
    'Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Organisation Name', 'Business Name', 'Employer',
    'Account', 'Account Name', 'Firm', 'Firma', 'Firmenname', 'Unternehmen', 'Société', 'Entreprise', 'Empresa', 'Compañía',
    'Organización', 'Organização', 'Azienda', 'Società', 'Bedrijf', 'Organisatie', 'Företag', 'Bedrift', 'Virksomhed', 'Yritys',
    'Organisaatio', 'Yhtiö', 'Fyrirtæki', 'Félag', 'Uzņēmums', 'Organizācija', 'Įmonė', 'Ettevõte', 'Organizacja', 'Společnost',
    'Компания', 'Организация', '公司', '公司名称', '单位', '会社', '会社名', '組織',
  ],
  department: ['Department', 'Dept', 'Division', 'Abteilung', 'Service', 'Département', 'Departamento', 'Reparto', 'Afdeling', 'Avdelning', 'Avdeling', 'Osasto', 'Deild', 'Nodaļa', 'Skyrius', 'Osakond', 'Dział', 'Oddělení', 'Отдел', '部门', '部署'],
  jobTitle: [
    'Job Title', 'Title', 'Position', 'Role', 'Job', 'Occupation', 'Designation', 'Berufsbezeichnung', 'Funktion', 'Stellung', 'Fonction',
    'Poste', 'Titre du poste', 'Cargo', 'Puesto', 'Função', 'Ruolo', 'Qualifica', 'Functie', 'Befattning', 'Titel',
    'Stilling', 'Tehtävä', 'Asema', 'Titteli', 'Starfsheiti', 'Staða', 'Amats', 'Pareigos', 'Ametinimetus', 'Stanowisko', 'Pozice',
    'Должность', '职位', '职务', '头衔', '役職',
  ],
  'business.street': [
    'Street', 'Street Address', 'Address', 'Address 1', 'Address Line 1', 'Mailing Street', 'Billing Street', 'Business Street', 'Work Address',
    'Straße', 'Strasse', 'Anschrift', 'Adresse', 'Rue', 'Dirección', 'Calle', 'Endereço', 'Morada', 'Rua', 'Logradouro', 'Indirizzo', 'Via',
    'Straat', 'Adres', 'Gatuadress', 'Adress', 'Gateadresse', 'Gade', 'Katuosoite', 'Osoite', 'Heimilisfang', 'Gata', 'Iela', 'Adrese',
    'Gatvė', 'Adresas', 'Tänav', 'Aadress', 'Ulica', 'Adres ulica', 'Ulice', 'Улица', 'Адрес', '地址', '街道', '住所', '番地',
  ],
  'business.street2': ['Address 2', 'Address Line 2', 'Street 2', 'Work Address 2', 'Adresszusatz', "Complément d'adresse", 'Complemento', 'Adresse 2'],
  'business.street3': ['Address 3', 'Address Line 3', 'Street 3'],
  'business.city': [
    'City', 'Town', 'Locality', 'Mailing City', 'Billing City', 'Business City', 'Work City', 'Ort', 'Stadt', 'Wohnort', 'Ville',
    'Localité', 'Ciudad', 'Localidad', 'Población', 'Cidade', 'Localidade', 'Città', 'Comune', 'Plaats', 'Woonplaats', 'Stad',
    'Postort', 'By', 'Poststed', 'Kaupunki', 'Paikkakunta', 'Postitoimipaikka', 'Borg', 'Bær', 'Staður', 'Pilsēta', 'Miestas', 'Linn',
    'Miasto', 'Miejscowość', 'Město', 'Obec', 'Город', '城市', '市', '市区町村',
  ],
  'business.state': ['State', 'Province', 'Region', 'County', 'State/Province', 'Work State', 'Mailing State', 'Billing State', 'Bundesland', 'Kanton', 'Région', 'Provincia', 'Estado', 'Región', 'Regione', 'Provincie', 'Län', 'Fylke', 'Maakunta', 'Sýsla', 'Novads', 'Apskritis', 'Maakond', 'Województwo', 'Область', '省', '省份', '州', '都道府県'],
  'business.postalCode': [
    'Postal Code', 'Postcode', 'Post Code', 'ZIP', 'ZIP Code', 'Zipcode', 'Work ZipCode', 'Mailing Postal Code', 'Billing Postal Code', 'PLZ', 'Postleitzahl',
    'Code postal', 'CP', 'Código postal', 'CEP', 'Codice postale', 'CAP', 'Postnummer', 'Postinumero', 'Póstnúmer', 'Pasta indekss',
    'Indekss', 'Pašto kodas', 'Postiindeks', 'Kod pocztowy', 'PSČ', 'Почтовый индекс', 'Индекс', '邮编', '邮政编码', '郵便番号',
  ],
  'business.country': ['Country', 'Country/Region', 'Nation', 'Work Country', 'Mailing Country', 'Billing Country', 'Business Country', 'Land', 'Staat', 'Pays', 'País', 'Paese', 'Nazione', 'Maa', 'Valtio', 'Ríki', 'Valsts', 'Šalis', 'Riik', 'Państwo', 'Země', 'Страна', '国家', '国家/地区', '国'],
  businessPhone: [
    'Phone', 'Telephone', 'Phone Number', 'Tel', 'Tel.', 'Business Phone', 'Work Phone', 'Office Phone', 'Direct Line', 'Main Phone',
    'Telefon', 'Telefonnummer', 'Téléphone', 'Tél', 'Teléfono', 'Telefone', 'Telefono', 'Telefoon', 'Telefoonnummer', 'Puhelin',
    'Puhelinnumero', 'Sími', 'Símanúmer', 'Tālrunis', 'Telefons', 'Telefonas', 'Telefoni', 'Телефон', '电话', '电话号码', '固定电话', '電話', '電話番号',
  ],
  mobilePhone: [
    'Mobile', 'Mobile Phone', 'Mobile Number', 'Mobile Phone Number', 'Cell', 'Cell Phone', 'Cellphone', 'Handy', 'Mobil', 'Mobiltelefon', 'Mobilnummer',
    'Portable', 'Téléphone portable', 'Tél. mobile', 'Móvil', 'Celular', 'Teléfono móvil', 'Telemóvel', 'Cellulare', 'Mobiele telefoon',
    'Mobiel', 'GSM', 'Mobilnr', 'Matkapuhelin', 'Kännykkä', 'Farsími', 'GSM tālrunis', 'Mobilais tālrunis', 'Mobilusis telefonas',
    'Mobiiltelefon', 'Telefon komórkowy', 'Komórka', 'Mobilní telefon', 'Мобильный', 'Мобильный телефон', '手机', '手机号', '手机号码', '移动电话', '携帯電話', 'WhatsApp',
  ],
  homePhone: ['Home Phone', 'Private Phone', 'Telefon privat', 'Privattelefon', 'Téléphone domicile', 'Teléfono particular', 'Telefone residencial', 'Telefono casa', 'Telefoon thuis', 'Hemtelefon', 'Kotipuhelin', 'Heimasími', 'Mājas tālrunis', 'Домашний телефон', '住宅电话', '家庭电话', '自宅電話'],
  otherPhone: ['Other Phone', 'Alternate Phone', 'Alt Phone', 'Phone 2', 'Second Phone', 'Weiteres Telefon', 'Autre téléphone', 'Otro teléfono', 'Outro telefone', 'Muu puhelin', 'Annar sími', 'Другой телефон', '其他电话'],
  businessFax: ['Fax', 'Fax Number', 'Business Fax', 'Telefax', 'Télécopie', 'Faks', 'Faksi', 'Fakss', 'Факс', '传真', 'ファックス'],
  email1: [
    'Email', 'E-mail', 'Email Address', 'E-mail Address', 'Mail', 'Mail Address', 'Primary Email', 'Work Email', 'Business Email',
    'E-Mail-Adresse', 'Mailadresse', 'Courriel', 'Adresse e-mail', 'Adresse électronique', 'Correo', 'Correo electrónico', 'Correo-e',
    'Endereço de e-mail', 'Posta elettronica', 'Indirizzo email', 'E-mailadres', 'E-post', 'E-postadress', 'E-postadresse', 'Epost',
    'Sähköposti', 'Sähköpostiosoite', 'Netfang', 'Tölvupóstur', 'E-pasts', 'E-pasta adrese', 'El. paštas', 'El paštas', 'E-posti aadress',
     'Adres e-mail', 'Poczta e-mail', 'Электронная почта', 'Эл. почта', 'Почта', '邮箱', '电子邮件', '电子邮箱', '邮件', 'メール', 'メールアドレス', '電子メール',
  ],
  email2: ['Email 2', 'E-mail 2', 'E-mail 2 Address', 'Secondary Email', 'Alternate Email', 'Other Email', 'Personal Email', 'Home Email', 'Weitere E-Mail', 'Email secondaire'],
  email3: ['Email 3', 'E-mail 3', 'E-mail 3 Address'],
  webPage: ['Website', 'Web Site', 'Web', 'Web Page', 'Homepage', 'URL', 'Site', 'Site web', 'Sitio web', 'Página web', 'Sito web', 'Webseite', 'Internetseite', 'Webbplats', 'Nettsted', 'Hjemmeside', 'Kotisivu', 'Verkkosivu', 'Vefsíða', 'Mājaslapa', 'Tīmekļa vietne', 'Svetainė', 'Veebileht', 'Strona www', 'Webová stránka', 'Сайт', '网站', '网址', 'ホームページ'],
  birthday: ['Birthday', 'Birthdate', 'Birth Date', 'Date of Birth', 'DOB', 'Geburtstag', 'Geburtsdatum', 'Date de naissance', 'Anniversaire', 'Fecha de nacimiento', 'Cumpleaños', 'Data de nascimento', 'Aniversário', 'Data di nascita', 'Geboortedatum', 'Verjaardag', 'Födelsedag', 'Födelsedatum', 'Fødselsdato', 'Syntymäpäivä', 'Syntymäaika', 'Afmælisdagur', 'Fæðingardagur', 'Dzimšanas datums', 'Gimimo data', 'Sünnipäev', 'Sünniaeg', 'Data urodzenia', 'Datum narození', 'Дата рождения', '生日', '出生日期', '誕生日'],
  notes: ['Notes', 'Note', 'Comments', 'Comment', 'Remarks', 'Description', 'Details', 'Notizen', 'Notiz', 'Bemerkung', 'Bemerkungen', 'Kommentar', 'Remarques', 'Commentaire', 'Notas', 'Observaciones', 'Comentarios', 'Observações', 'Anotações', 'Annotazioni', 'Opmerkingen', 'Notities', 'Anteckningar', 'Merknader', 'Noter', 'Muistiinpanot', 'Huomautukset', 'Lisätiedot', 'Athugasemdir', 'Piezīmes', 'Pastabos', 'Märkused', 'Uwagi', 'Poznámky', 'Примечание', 'Примечания', 'Комментарий', '备注', '说明', '备考', 'メモ'],
  leadSource: ['Lead Source', 'Source', 'Origin', 'Channel', 'Quelle', 'Herkunft', 'Lead-Quelle', 'Origine', 'Source du prospect', 'Origen', 'Fuente', 'Origem', 'Fonte', 'Bron', 'Källa', 'Kilde', 'Lähde', 'Uppruni', 'Avots', 'Šaltinis', 'Allikas', 'Źródło', 'Zdroj', 'Источник', '来源', '线索来源'],
  owner: ['Owner', 'Record Owner', 'Account Owner', 'Contact Owner', 'Lead Owner', 'Sales Rep', 'Salesperson', 'Assigned To', 'Account Manager', 'Besitzer', 'Verantwortlich', 'Zuständig', 'Propriétaire', 'Responsable', 'Propietario', 'Responsável', 'Proprietário', 'Eigenaar', 'Ägare', 'Eier', 'Ejer', 'Omistaja', 'Vastuuhenkilö', 'Eigandi', 'Ábyrgðarmaður', 'Atbildīgais', 'Īpašnieks', 'Savininkas', 'Omanik', 'Właściciel', 'Vlastník', 'Ответственный', 'Владелец', '负责人', '所有者', '担当者'],
  status: ['Status', 'Lead Status', 'Stage', 'Statut', 'Estado del lead', 'Situação', 'Tila', 'Statuss', 'Statusas', 'Olek', 'Статус', '状态'],
  industry: ['Industry', 'Sector', 'Branche', 'Industrie', 'Secteur', 'Industria', 'Setor', 'Settore', 'Bransch', 'Bransje', 'Toimiala', 'Atvinnugrein', 'Nozare', 'Pramonės šaka', 'Tegevusala', 'Branża', 'Odvětví', 'Отрасль', '行业'],
  rating: ['Rating', 'Bewertung', 'Évaluation', 'Calificación', 'Classificação', 'Luokitus', 'Рейтинг', '评级'],
  employees: ['Employees', 'Number of Employees', 'No. of Employees', 'Headcount', 'Mitarbeiter', 'Mitarbeiterzahl', 'Effectif', 'Empleados', 'Funcionários', 'Dipendenti', 'Medewerkers', 'Anställda', 'Ansatte', 'Henkilöstö', 'Starfsmenn', 'Darbinieki', 'Darbuotojai', 'Töötajad', 'Pracownicy', 'Zaměstnanci', 'Сотрудники', '员工人数'],
  revenue: ['Revenue', 'Annual Revenue', 'Turnover', 'Umsatz', "Chiffre d'affaires", 'Ingresos', 'Facturación', 'Receita', 'Faturamento', 'Fatturato', 'Omzet', 'Omsättning', 'Omsetning', 'Liikevaihto', 'Velta', 'Apgrozījums', 'Apyvarta', 'Käive', 'Przychód', 'Obrat', 'Выручка', '营业额', '年收入'],
  accountType: ['Account Type', 'Customer Type', 'Kundentyp', 'Type de compte', 'Tipo de cliente', 'Asiakastyyppi'],
  categories: ['Categories', 'Category', 'Tags', 'Labels', 'Groups', 'Kategorien', 'Kategorie', 'Catégories', 'Categorías', 'Categorias', 'Categorie', 'Categorieën', 'Kategorier', 'Luokat', 'Flokkar', 'Kategorijas', 'Категории', '分类', '标签'],
};
