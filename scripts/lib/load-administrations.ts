// The administrations `npm run seed:load` creates: customs services of the WCO Europe region (not the
// three demo ones), each with posts named as they sign themselves and officers' names as they are
// written at home. Codes start with LOAD- and names end in "(test data)", so nobody mistakes them for
// an administration's own records.

export interface LoadAdministration {
  /** ISO country code; the administration's code is `LOAD-<cc>`, officers' e-mails end in `@<cc>.load.test`. */
  cc: string
  name: { en: string; ru: string }
  units: string[]
  /** The language most of its officers read the platform in. */
  locale: 'en' | 'ru'
  given: { male: string[]; female: string[] }
  /** Surnames as [male, female] forms. */
  surnames: [string, string][]
  /** Family name first, as in Hungary. */
  familyFirst?: boolean
}

const same = (...names: string[]): [string, string][] => names.map((name) => [name, name])
const gendered = (...pairs: string[]): [string, string][] => pairs.map((pair) => pair.split('/') as [string, string])
/** Russian-style surnames: -ов → -ова, -ин → -ина. */
const slavic = (...names: string[]): [string, string][] => names.map((name) => [name, `${name}а`])

export const LOAD_EMAIL_DOMAIN = 'load.test'
export const loadCode = (cc: string) => `LOAD-${cc}`
export const managerEmail = (cc: string) => `manager@${cc.toLowerCase()}.${LOAD_EMAIL_DOMAIN}`

const TEST_DATA = { en: ' (test data)', ru: ' (тестовые данные)' }

const LIST: LoadAdministration[] = [
  {
    cc: 'KZ',
    name: {
      en: 'State Revenue Committee of Kazakhstan — Customs',
      ru: 'Комитет государственных доходов Министерства финансов Республики Казахстан',
    },
    units: [
      'Khorgos border crossing',
      'Dostyk railway border crossing',
      'Zhaisan border crossing',
      'Almaty airport customs post',
      'Astana airport customs post',
      'Aktau seaport customs post',
      'Khorgos Eastern Gate dry port customs post',
    ],
    locale: 'ru',
    given: {
      male: ['Айдар', 'Ерлан', 'Нурлан', 'Асхат', 'Данияр', 'Марат'],
      female: ['Айгерим', 'Гульнара', 'Динара', 'Салтанат', 'Жанар', 'Асель'],
    },
    surnames: slavic('Ахметов', 'Серикбаев', 'Нуржанов', 'Жумабеков', 'Касымов', 'Оспанов', 'Мусин', 'Искаков'),
  },
  {
    cc: 'RS',
    name: { en: 'Customs Administration of the Republic of Serbia', ru: 'Таможенное управление Республики Сербия' },
    units: [
      'Batrovci border crossing',
      'Horgoš border crossing',
      'Preševo border crossing',
      'Gradina border crossing',
      'Belgrade Nikola Tesla Airport customs post',
      'Belgrade customs office',
      'Novi Sad customs office',
    ],
    locale: 'en',
    given: {
      male: ['Nikola', 'Marko', 'Stefan', 'Milan', 'Dragan', 'Nenad'],
      female: ['Jelena', 'Milica', 'Ivana', 'Marija', 'Ana', 'Snežana'],
    },
    surnames: same('Jovanović', 'Petrović', 'Nikolić', 'Marković', 'Đorđević', 'Stojanović', 'Ilić', 'Pavlović'),
  },
  {
    cc: 'BY',
    name: {
      en: 'State Customs Committee of the Republic of Belarus',
      ru: 'Государственный таможенный комитет Республики Беларусь',
    },
    units: [
      'Brest border crossing',
      'Kozlovichi border crossing',
      'Kamenny Log border crossing',
      'Bruzgi border crossing',
      'Minsk National Airport customs post',
      'Minsk regional customs',
      'Grodno regional customs',
    ],
    locale: 'ru',
    given: {
      male: ['Александр', 'Сергей', 'Андрей', 'Дмитрий', 'Игорь', 'Виктор'],
      female: ['Ольга', 'Наталья', 'Елена', 'Татьяна', 'Ирина', 'Светлана'],
    },
    surnames: [
      ...slavic('Ковалёв', 'Новиков', 'Жуков', 'Романов'),
      ...same('Лукашевич', 'Климович', 'Шевченко', 'Макаревич'),
    ],
  },
  {
    cc: 'LT',
    name: { en: 'Customs of the Republic of Lithuania', ru: 'Таможня Литовской Республики' },
    units: [
      'Medininkai border crossing',
      'Kybartai border crossing',
      'Šalčininkai border crossing',
      'Klaipėda seaport customs post',
      'Vilnius Airport customs post',
      'Kena railway border crossing',
    ],
    locale: 'en',
    given: {
      male: ['Tomas', 'Mindaugas', 'Darius', 'Andrius', 'Paulius', 'Giedrius'],
      female: ['Rūta', 'Jurgita', 'Asta', 'Laura', 'Inga', 'Vaida'],
    },
    surnames: gendered(
      'Kazlauskas/Kazlauskienė',
      'Jankauskas/Jankauskienė',
      'Petrauskas/Petrauskienė',
      'Stankevičius/Stankevičienė',
      'Vasiliauskas/Vasiliauskienė',
      'Žukauskas/Žukauskienė',
      'Butkus/Butkienė',
      'Paulauskas/Paulauskienė',
    ),
  },
  {
    cc: 'UZ',
    name: {
      en: 'Customs Committee of the Republic of Uzbekistan',
      ru: 'Таможенный комитет Республики Узбекистан',
    },
    units: [
      'Yallama border crossing',
      'Oybek border crossing',
      'Dustlik border crossing',
      'Alat border crossing',
      'Tashkent airport customs post',
      'Termez cargo centre customs post',
      'Samarkand regional customs',
    ],
    locale: 'ru',
    given: {
      male: ['Шерзод', 'Бахтиёр', 'Жасур', 'Улугбек', 'Отабек', 'Фаррух'],
      female: ['Дилноза', 'Нодира', 'Гулноза', 'Малика', 'Шахноза', 'Феруза'],
    },
    surnames: slavic('Усманов', 'Турсунов', 'Алимов', 'Мирзаев', 'Хасанов', 'Эргашев', 'Исмоилов', 'Рашидов'),
  },
  {
    cc: 'PL',
    name: {
      en: 'National Revenue Administration of Poland — Customs and Tax Service',
      ru: 'Национальная налоговая администрация Польши — таможенно-налоговая служба',
    },
    units: [
      'Terespol border crossing',
      'Kukuryki–Kozłowicze border crossing',
      'Bezledy border crossing',
      'Dorohusk border crossing',
      'Port of Gdańsk customs post',
      'Warsaw Chopin Airport customs post',
      'Małaszewicze rail terminal customs post',
    ],
    locale: 'en',
    given: {
      male: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Marcin', 'Michał'],
      female: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Monika', 'Joanna'],
    },
    surnames: [
      ...same('Nowak', 'Wójcik'),
      ...gendered(
        'Kowalski/Kowalska',
        'Wiśniewski/Wiśniewska',
        'Kamiński/Kamińska',
        'Lewandowski/Lewandowska',
        'Zieliński/Zielińska',
        'Szymański/Szymańska',
      ),
    ],
  },
  {
    cc: 'KG',
    name: {
      en: 'State Customs Service of the Kyrgyz Republic',
      ru: 'Государственная таможенная служба Кыргызской Республики',
    },
    units: [
      'Ak-Zhol border crossing',
      'Torugart border crossing',
      'Irkeshtam border crossing',
      'Dostuk border crossing',
      'Manas airport customs post',
      'Bishkek customs office',
    ],
    locale: 'ru',
    given: {
      male: ['Азамат', 'Бакыт', 'Эрлан', 'Талант', 'Нурбек', 'Улан'],
      female: ['Айпери', 'Гулзат', 'Жылдыз', 'Нургуль', 'Бермет', 'Чолпон'],
    },
    surnames: slavic('Абдыкадыров', 'Токтогулов', 'Жээнбеков', 'Мамытов', 'Осмонов', 'Сыдыков', 'Бакиев', 'Исаков'),
  },
  {
    cc: 'TR',
    name: { en: 'Ministry of Trade of Türkiye — Customs', ru: 'Министерство торговли Турецкой Республики — таможня' },
    units: [
      'Kapıkule border crossing',
      'Habur border crossing',
      'Sarp border crossing',
      'Gürbulak border crossing',
      'Mersin port customs post',
      'Ambarlı port customs post',
      'Istanbul Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Mehmet', 'Mustafa', 'Ahmet', 'Emre', 'Murat', 'Burak'],
      female: ['Ayşe', 'Fatma', 'Zeynep', 'Elif', 'Emine', 'Hatice'],
    },
    surnames: same('Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın'),
  },
  {
    cc: 'AZ',
    name: {
      en: 'State Customs Committee of the Republic of Azerbaijan',
      ru: 'Государственный таможенный комитет Азербайджанской Республики',
    },
    units: [
      'Red Bridge border crossing',
      'Astara border crossing',
      'Samur border crossing',
      'Heydar Aliyev Airport customs post',
      'Alat seaport customs post',
      'Baku main customs office',
    ],
    locale: 'en',
    given: {
      male: ['Elvin', 'Rashad', 'Kamran', 'Tural', 'Farid', 'Orkhan'],
      female: ['Leyla', 'Aysel', 'Gunel', 'Nigar', 'Sevinj', 'Aynur'],
    },
    surnames: gendered(
      'Mammadov/Mammadova',
      'Aliyev/Aliyeva',
      'Hasanov/Hasanova',
      'Huseynov/Huseynova',
      'Guliyev/Guliyeva',
      'Ismayilov/Ismayilova',
      'Babayev/Babayeva',
      'Karimov/Karimova',
    ),
  },
  {
    cc: 'RO',
    name: { en: 'Romanian Customs Authority', ru: 'Таможенное управление Румынии' },
    units: [
      'Albița border crossing',
      'Siret border crossing',
      'Nădlac II border crossing',
      'Giurgiu border crossing',
      'Port of Constanța customs post',
      'Henri Coandă Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Andrei', 'Mihai', 'Alexandru', 'Ionuț', 'Cristian', 'Bogdan'],
      female: ['Elena', 'Ioana', 'Andreea', 'Maria', 'Cristina', 'Alina'],
    },
    surnames: same('Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Munteanu'),
  },
  {
    cc: 'TJ',
    name: {
      en: 'Customs Service under the Government of the Republic of Tajikistan',
      ru: 'Таможенная служба при Правительстве Республики Таджикистан',
    },
    units: [
      'Panji Poyon border crossing',
      'Kulma border crossing',
      'Fotehobod border crossing',
      'Dushanbe airport customs post',
      'Khujand regional customs',
      'Dushanbe railway customs post',
    ],
    locale: 'ru',
    given: {
      male: ['Фаррух', 'Рустам', 'Далер', 'Шерали', 'Бахтиёр', 'Сухроб'],
      female: ['Мадина', 'Нигина', 'Гулноза', 'Зарина', 'Тахмина', 'Манижа'],
    },
    surnames: slavic('Рахимов', 'Назаров', 'Саидов', 'Каримов', 'Шарипов', 'Давлатов', 'Юсупов', 'Холов'),
  },
  {
    cc: 'BG',
    name: { en: 'Customs Agency of Bulgaria', ru: 'Агентство «Таможни» Республики Болгария' },
    units: [
      'Kapitan Andreevo border crossing',
      'Kalotina border crossing',
      'Ruse border crossing',
      'Port of Varna customs post',
      'Port of Burgas customs post',
      'Sofia Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Georgi', 'Ivan', 'Dimitar', 'Nikolay', 'Petar', 'Hristo'],
      female: ['Maria', 'Ivanka', 'Elena', 'Desislava', 'Gergana', 'Yordanka'],
    },
    surnames: gendered(
      'Ivanov/Ivanova',
      'Georgiev/Georgieva',
      'Dimitrov/Dimitrova',
      'Petrov/Petrova',
      'Nikolov/Nikolova',
      'Hristov/Hristova',
      'Stoyanov/Stoyanova',
      'Todorov/Todorova',
    ),
  },
  {
    cc: 'UA',
    name: { en: 'State Customs Service of Ukraine', ru: 'Государственная таможенная служба Украины' },
    units: [
      'Yahodyn border crossing',
      'Rava-Ruska border crossing',
      'Krakovets border crossing',
      'Porubne border crossing',
      'Chop (Tysa) border crossing',
      'Odesa seaport customs post',
      'Boryspil airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Oleksandr', 'Andrii', 'Mykola', 'Serhii', 'Dmytro', 'Vasyl'],
      female: ['Olena', 'Iryna', 'Nataliia', 'Oksana', 'Tetiana', 'Yuliia'],
    },
    surnames: same('Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchuk', 'Melnyk', 'Boiko', 'Oliinyk'),
  },
  {
    cc: 'LV',
    name: { en: 'State Revenue Service of Latvia — Customs', ru: 'Служба государственных доходов Латвии — таможня' },
    units: [
      'Terehova border crossing',
      'Grebņeva border crossing',
      'Pāternieki border crossing',
      'Silene border crossing',
      'Freeport of Riga customs post',
      'Riga International Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Jānis', 'Andris', 'Mārtiņš', 'Edgars', 'Kristaps', 'Raivis'],
      female: ['Ilze', 'Inese', 'Kristīne', 'Līga', 'Dace', 'Anna'],
    },
    surnames: gendered(
      'Bērziņš/Bērziņa',
      'Kalniņš/Kalniņa',
      'Ozoliņš/Ozoliņa',
      'Jansons/Jansone',
      'Ozols/Ozola',
      'Liepiņš/Liepiņa',
      'Krūmiņš/Krūmiņa',
      'Balodis/Balode',
    ),
  },
  {
    cc: 'TM',
    name: { en: 'State Customs Service of Turkmenistan', ru: 'Государственная таможенная служба Туркменистана' },
    units: [
      'Farap border crossing',
      'Serhetabat border crossing',
      'Sarahs border crossing',
      'Turkmenbashi seaport customs post',
      'Ashgabat airport customs post',
      'Dashoguz regional customs',
    ],
    locale: 'ru',
    given: {
      male: ['Мерген', 'Батыр', 'Довлет', 'Максат', 'Сердар', 'Аганияз'],
      female: ['Огулджан', 'Мая', 'Дженнет', 'Айна', 'Гульшат', 'Ширин'],
    },
    surnames: slavic('Атаев', 'Бердыев', 'Гельдыев', 'Мурадов', 'Овезов', 'Реджепов', 'Чарыев', 'Язмурадов'),
  },
  {
    cc: 'HU',
    name: {
      en: 'National Tax and Customs Administration of Hungary',
      ru: 'Национальное налогово-таможенное управление Венгрии',
    },
    units: [
      'Záhony border crossing',
      'Röszke border crossing',
      'Nagylak border crossing',
      'Letenye border crossing',
      'Budapest Airport customs post',
      'Budapest customs office',
    ],
    locale: 'en',
    given: {
      male: ['László', 'István', 'Zoltán', 'Péter', 'Gábor', 'Attila'],
      female: ['Katalin', 'Erzsébet', 'Éva', 'Zsuzsanna', 'Anikó', 'Krisztina'],
    },
    surnames: same('Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár'),
    familyFirst: true,
  },
  {
    cc: 'MK',
    name: {
      en: 'Customs Administration of the Republic of North Macedonia',
      ru: 'Таможенное управление Республики Северная Македония',
    },
    units: [
      'Tabanovce border crossing',
      'Bogorodica border crossing',
      'Kafasan border crossing',
      'Deve Bair border crossing',
      'Skopje International Airport customs post',
      'Skopje customs house',
    ],
    locale: 'en',
    given: {
      male: ['Aleksandar', 'Goran', 'Zoran', 'Dimitar', 'Bojan', 'Igor'],
      female: ['Elena', 'Biljana', 'Marija', 'Katerina', 'Vesna', 'Sanja'],
    },
    surnames: gendered(
      'Stojanovski/Stojanovska',
      'Trajkovski/Trajkovska',
      'Nikolovski/Nikolovska',
      'Petrovski/Petrovska',
      'Georgievski/Georgievska',
      'Dimitrovski/Dimitrovska',
      'Jovanovski/Jovanovska',
      'Ristovski/Ristovska',
    ),
  },
  {
    cc: 'EE',
    name: { en: 'Estonian Tax and Customs Board', ru: 'Налогово-таможенный департамент Эстонии' },
    units: [
      'Narva border crossing',
      'Koidula border crossing',
      'Luhamaa border crossing',
      'Muuga harbour customs post',
      'Tallinn Airport customs post',
      'Tallinn passenger port customs post',
    ],
    locale: 'en',
    given: {
      male: ['Andres', 'Tarmo', 'Margus', 'Priit', 'Rein', 'Kristjan'],
      female: ['Kadri', 'Kristiina', 'Tiina', 'Liis', 'Merike', 'Triin'],
    },
    surnames: same('Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves'),
  },
  {
    cc: 'AL',
    name: { en: 'General Directorate of Customs of Albania', ru: 'Главное таможенное управление Албании' },
    units: [
      'Kakavijë border crossing',
      'Hani i Hotit border crossing',
      'Qafë Thanë border crossing',
      'Morinë border crossing',
      'Port of Durrës customs post',
      'Tirana International Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Arben', 'Ilir', 'Gentian', 'Erion', 'Besnik', 'Artan'],
      female: ['Elira', 'Jonida', 'Anila', 'Blerina', 'Ermira', 'Alketa'],
    },
    surnames: same('Hoxha', 'Shehu', 'Leka', 'Dervishi', 'Kola', 'Gjoka', 'Basha', 'Prifti'),
  },
  {
    cc: 'HR',
    name: { en: 'Customs Administration of the Republic of Croatia', ru: 'Таможенное управление Республики Хорватия' },
    units: [
      'Bajakovo border crossing',
      'Stara Gradiška border crossing',
      'Karasovići border crossing',
      'Port of Rijeka customs post',
      'Ploče seaport customs post',
      'Zagreb Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Ivan', 'Marko', 'Josip', 'Luka', 'Tomislav', 'Ante'],
      female: ['Ana', 'Marija', 'Ivana', 'Petra', 'Martina', 'Lucija'],
    },
    surnames: same('Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Knežević', 'Vuković'),
  },
  {
    cc: 'BA',
    name: {
      en: 'Indirect Taxation Authority of Bosnia and Herzegovina',
      ru: 'Управление косвенного налогообложения Боснии и Герцеговины',
    },
    units: [
      'Gradiška border crossing',
      'Izačić border crossing',
      'Bijača border crossing',
      'Rača border crossing',
      'Sarajevo International Airport customs post',
      'Sarajevo customs office',
    ],
    locale: 'en',
    given: {
      male: ['Amir', 'Adnan', 'Haris', 'Dario', 'Nemanja', 'Emir'],
      female: ['Amra', 'Lejla', 'Selma', 'Ivana', 'Maja', 'Azra'],
    },
    surnames: same('Hodžić', 'Begić', 'Kovačević', 'Hadžić', 'Delić', 'Jurić', 'Savić', 'Mehmedović'),
  },
  {
    cc: 'FI',
    name: { en: 'Finnish Customs', ru: 'Таможня Финляндии' },
    units: [
      'Vaalimaa border crossing',
      'Nuijamaa border crossing',
      'Tornio border crossing',
      'Port of HaminaKotka customs post',
      'Port of Helsinki customs post',
      'Helsinki Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Mikko', 'Juha', 'Timo', 'Jari', 'Antti', 'Ville'],
      female: ['Anna', 'Laura', 'Johanna', 'Sanna', 'Katja', 'Minna'],
    },
    surnames: same('Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen'),
  },
  {
    cc: 'ME',
    name: { en: 'Customs Administration of Montenegro', ru: 'Таможенное управление Черногории' },
    units: [
      'Dobrakovo border crossing',
      'Božaj border crossing',
      'Debeli Brijeg border crossing',
      'Port of Bar customs post',
      'Podgorica Airport customs post',
    ],
    locale: 'en',
    given: {
      male: ['Milo', 'Vuk', 'Dejan', 'Luka', 'Balša', 'Nemanja'],
      female: ['Jovana', 'Tijana', 'Sanja', 'Milena', 'Dragana', 'Vesna'],
    },
    surnames: same('Vujović', 'Radović', 'Kovačević', 'Popović', 'Bulatović', 'Perović', 'Vukčević', 'Šćepanović'),
  },
  {
    cc: 'SK',
    name: {
      en: 'Financial Administration of the Slovak Republic — Customs',
      ru: 'Финансовое управление Словацкой Республики — таможня',
    },
    units: [
      'Vyšné Nemecké border crossing',
      'Veľké Slemence border crossing',
      'Čierna nad Tisou railway border crossing',
      'Bratislava Airport customs post',
      'Košice customs office',
    ],
    locale: 'en',
    given: {
      male: ['Peter', 'Martin', 'Juraj', 'Marek', 'Tomáš', 'Michal'],
      female: ['Jana', 'Mária', 'Katarína', 'Zuzana', 'Lucia', 'Eva'],
    },
    surnames: gendered(
      'Horváth/Horváthová',
      'Kováč/Kováčová',
      'Varga/Vargová',
      'Tóth/Tóthová',
      'Baláž/Balážová',
      'Molnár/Molnárová',
      'Novák/Nováková',
      'Kráľ/Kráľová',
    ),
  },
]

/** The administrations in load order, their names marked as test data. */
export const LOAD_ADMINISTRATIONS: LoadAdministration[] = LIST.map((administration) => ({
  ...administration,
  name: { en: administration.name.en + TEST_DATA.en, ru: administration.name.ru + TEST_DATA.ru },
}))
