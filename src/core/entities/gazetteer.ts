/*
 * General word lists for the entity layer, written for this project from common knowledge
 * (ISO country names, demonyms, titles and ranks, organisation words). They feed the tagger as
 * features and the rules as types (GPE versus LOC, NORP versus MISC); they are not tied to any article.
 */

const words = (s: string): string[] => s.split('|').map((x) => x.trim()).filter(Boolean);

/** Countries and common short forms, as written in English news: "Syria", "Turkiye", "U.S.". */
export const COUNTRIES: ReadonlySet<string> = new Set(words(`
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|
Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|
Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|
Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|
Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|
Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|
Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|
Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|
Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste|East Timor|Togo|Tonga|Trinidad|Tobago|Tunisia|Turkey|Turkiye|Türkiye|
Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|
Scotland|Wales|Northern Ireland|United States|US|U.S.|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|
Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Yugoslavia|Soviet Union|USSR|Zaire|Czechoslovakia|Korea|Greenland|
Puerto Rico|Hong Kong|Macau|Gaza|West Bank|Kurdistan|Chechnya|Tibet|Crimea|Somaliland|Western Sahara|
`));

/** Capitals and large cities that news datelines and reports name most: "Riyadh", "Damascus". */
export const CITIES: ReadonlySet<string> = new Set(words(`
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Manama|Dhaka|Minsk|Brussels|
Sarajevo|Brasilia|Rio de Janeiro|Sao Paulo|Sofia|Phnom Penh|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|
Shanghai|Hong Kong|Bogota|Zagreb|Havana|Nicosia|Prague|Copenhagen|Cairo|Alexandria|Tallinn|Addis Ababa|Helsinki|
Paris|Marseille|Lyon|Tbilisi|Berlin|Munich|Frankfurt|Hamburg|Bonn|Cologne|Accra|Athens|Budapest|Reykjavik|New Delhi|
Delhi|Mumbai|Bombay|Calcutta|Kolkata|Jakarta|Tehran|Baghdad|Basra|Mosul|Erbil|Dublin|Jerusalem|Tel Aviv|Haifa|
Rome|Milan|Naples|Tokyo|Osaka|Amman|Astana|Almaty|Nairobi|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|
Tripoli|Benghazi|Vilnius|Luxembourg|Kuala Lumpur|Bamako|Valletta|Mexico City|Chisinau|Ulan Bator|Podgorica|Rabat|
Casablanca|Maputo|Yangon|Rangoon|Windhoek|Kathmandu|Amsterdam|The Hague|Rotterdam|Wellington|Auckland|Managua|
Niamey|Lagos|Abuja|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore|Panama City|Asuncion|Lima|Manila|Warsaw|
Lisbon|Doha|Bucharest|Moscow|St Petersburg|Kigali|Riyadh|Jeddah|Mecca|Medina|Dakar|Belgrade|Freetown|Bratislava|
Ljubljana|Mogadishu|Johannesburg|Cape Town|Pretoria|Seoul|Juba|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Geneva|
Zurich|Bern|Damascus|Aleppo|Homs|Idlib|Latakia|Daraa|Deir ez-Zor|Raqqa|Taipei|Dushanbe|Dar es Salaam|Bangkok|Lome|
Tunis|Ankara|Istanbul|Antalya|Izmir|Ashgabat|Kampala|Kiev|Kyiv|Kharkiv|Odessa|Abu Dhabi|Dubai|London|Manchester|
Liverpool|Birmingham|Edinburgh|Glasgow|Belfast|Cardiff|Washington|New York|Los Angeles|Chicago|Houston|Boston|
San Francisco|Miami|Atlanta|Detroit|Seattle|Dallas|Philadelphia|Montevideo|Tashkent|Caracas|Hanoi|Saigon|Sanaa|
Aden|Lusaka|Harare|Gaza City|Ramallah|Hebron|Nablus|Rafah|Khan Younis|Jenin|Sderot|Kandahar|Herat|Peshawar|Quetta|
Kirkuk|Fallujah|Najaf|Karbala|Tikrit|Ramadi|Sulaimaniyah|Qamishli|Kobani|Palmyra|Tartus|Sidon|Tyre|Nabatieh|
Grozny|Donetsk|Luhansk|Sevastopol|Minneapolis|Denver|Phoenix|Las Vegas|San Diego|Sacramento|Brisbane|Perth|
Durban|Strasbourg|Marrakesh|Fez|Oran|Mombasa|Kinshasa|Brazzaville|Abidjan|Harbin|Guangzhou|
Shenzhen|Wuhan|Chengdu|Nanjing|Tianjin|Osaka|Kyoto|Nagoya|Busan|Incheon|Bangalore|Chennai|Hyderabad|Srinagar|
`));

/** Continents, regions, seas and other places that are not states: "the Golan Heights", "Middle East". */
export const REGIONS: ReadonlySet<string> = new Set(words(`
Africa|Asia|Europe|Antarctica|Oceania|North America|South America|Latin America|Central America|Middle East|
Mideast|Gulf|Persian Gulf|Arabian Peninsula|Balkans|Caucasus|Caribbean|Mediterranean|Atlantic|Pacific|Indian Ocean|
Red Sea|Black Sea|Caspian|Baltic|Scandinavia|Sahara|Sahel|Levant|Golan|Golan Heights|Sinai|Negev|Galilee|
Euphrates|Tigris|Nile|Jordan Valley|Kashmir|Himalayas|Alps|Siberia|Arctic|Horn of Africa|Maghreb|Eurasia|
`));

/** Nationalities and other group adjectives (NORP): "Israeli", "Syrian", "Turkish", "Kurdish", "Shiite". */
export const DEMONYMS: ReadonlySet<string> = new Set(words(`
Afghan|Albanian|Algerian|American|Andorran|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|Azerbaijani|
Azeri|Bahraini|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Briton|Bulgarian|Burmese|Burundian|
Cambodian|Cameroonian|Canadian|Chadian|Chilean|Chinese|Colombian|Congolese|Croatian|Croat|Cuban|Cypriot|Czech|
Danish|Dane|Dutch|Ecuadorian|Egyptian|Emirati|English|Eritrean|Estonian|Ethiopian|Filipino|Finnish|Finn|French|
Gabonese|Gambian|Georgian|German|Ghanaian|Greek|Guatemalan|Guinean|Haitian|Honduran|Hungarian|Icelandic|Indian|
Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovar|
Kuwaiti|Kyrgyz|Lao|Laotian|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Luxembourgish|Macedonian|Malagasy|Malawian|
Malaysian|Malian|Maltese|Mauritanian|Mexican|Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepalese|
Nepali|Nicaraguan|Nigerian|Nigerien|Norwegian|Omani|Pakistani|Palestinian|Panamanian|Paraguayan|Peruvian|Polish|
Pole|Portuguese|Qatari|Romanian|Russian|Rwandan|Salvadoran|Saudi|Scottish|Scot|Senegalese|Serb|Serbian|Slovak|
Slovenian|Slovene|Somali|South African|Spanish|Spaniard|Sri Lankan|Sudanese|Swedish|Swede|Swiss|Syrian|Taiwanese|
Tajik|Tanzanian|Thai|Togolese|Tunisian|Turkish|Turk|Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|
Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|Yugoslav|Soviet|European|Asian|African|Arab|Arabian|Latin|Western|
Kurdish|Kurd|Kurds|Druze|Alawite|Sunni|Shiite|Shia|Shi'ite|Muslim|Christian|Jewish|Jew|Catholic|Protestant|
Orthodox|Hindu|Buddhist|Sikh|Islamic|Islamist|Zionist|Persian|Pashtun|Baloch|Uighur|Uyghur|Tamil|Sinhalese|
Hutu|Tutsi|Berber|Amazigh|Bedouin|Yazidi|Assyrian|Maronite|Coptic|Copt|Republican|Democrat|Democratic|Conservative|
Americans|Israelis|Syrians|Palestinians|Iranians|Iraqis|Russians|Ukrainians|Turks|Arabs|Germans|Saudis|Lebanese|
Egyptians|Afghans|Pakistanis|Indians|Chinese|Europeans|Britons|Jews|Muslims|Christians|Sunnis|Shiites|Alawites|
`));

/** Titles, ranks and roles written before a name; never part of a PERSON span: "Maj. Gen.", "Secretary of State". */
export const TITLES: ReadonlySet<string> = new Set(words(`
Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Prof|Prof.|Professor|Sir|Dame|Lord|Lady|Rev|Rev.|Reverend|Father|Sheikh|Shaikh|Imam|
Rabbi|Ayatollah|Pope|Cardinal|Bishop|Archbishop|King|Queen|Prince|Princess|Emir|Sultan|Crown|President|Vice|
Premier|Chancellor|Minister|Secretary|Senator|Sen.|Sen|Representative|Rep.|Rep|Congressman|Congresswoman|Governor|
Gov.|Gov|Mayor|Ambassador|Envoy|Commissioner|Chairman|Chairwoman|Chair|Speaker|Judge|Justice|Attorney|Prosecutor|
General|Gen.|Gen|Lieutenant|Lt.|Lt|Colonel|Col.|Col|Major|Maj.|Maj|Captain|Capt.|Capt|Sergeant|Sgt.|Sgt|Corporal|
Cpl.|Private|Pvt.|Admiral|Adm.|Commander|Cmdr.|Brigadier|Brig.|Marshal|Field|Chief|Officer|Spokesman|Spokeswoman|
Spokesperson|Director|Deputy|Interim|Acting|Former|Leader|Coach|Manager|CEO|Chief Executive|Striker|Midfielder|
Defender|Goalkeeper|Champion|Counsel|Inspector|Superintendent|Detective|Sgt|Cpt.|Gens.|Sens.|Reps.|
`));

/** Words that end organisation names: "Treasury Department", "National Security Council", "Hezbollah Forces". */
export const ORG_WORDS: ReadonlySet<string> = new Set(words(`
Ministry|Council|Department|Forces|Force|Treasury|Army|Navy|Committee|Commission|Agency|Bureau|Office|Authority|
Party|Front|Movement|Brigade|Brigades|Corps|Guard|Guards|Police|Service|Services|Directorate|Administration|Court|
Parliament|Assembly|Senate|Congress|Cabinet|Government|Bank|Fund|Group|Organization|Organisation|Association|Union|
League|Federation|Institute|University|College|School|Hospital|Foundation|Observatory|Network|News|Times|Post|
Journal|Press|Agency|Company|Corporation|Corp|Corp.|Inc|Inc.|Ltd|Ltd.|Co|Co.|Plc|PLC|AG|SA|GmbH|NV|Holdings|Bancorp|
Airlines|Airways|Motors|Petroleum|Oil|Energy|Telecom|Systems|Technologies|Industries|International|Club|FC|United|
City|Rovers|Athletic|Board|Exchange|Reserve|Mission|Tribunal|Alliance|Coalition|Command|Unit|Militia|Battalion|
`));

/** Organisations news names constantly, by their usual short names: "Hezbollah", "NATO", "Reuters". */
export const ORGANIZATIONS: ReadonlySet<string> = new Set(words(`
UN|U.N.|United Nations|NATO|EU|E.U.|European Union|European Commission|OPEC|IMF|World Bank|WHO|UNESCO|UNICEF|UNHCR|UNRWA|
IAEA|WTO|ICC|ICJ|Interpol|Red Cross|Red Crescent|Amnesty International|Human Rights Watch|Arab League|African Union|ASEAN|
OSCE|G7|G20|BRICS|Hamas|Hezbollah|Hizbollah|ISIS|ISIL|Daesh|Islamic State|al-Qaeda|Al-Qaeda|al Qaeda|Taliban|Houthis|
Houthi|PKK|YPG|SDF|HTS|Hayat Tahrir al-Sham|Fatah|PLO|Palestinian Authority|Islamic Jihad|Muslim Brotherhood|Wagner|
IRGC|Mossad|Shin Bet|IDF|CIA|FBI|NSA|KGB|FSB|MI5|MI6|Pentagon|Kremlin|Knesset|Congress|Senate|Bundestag|Duma|Reuters|AP|
AFP|Associated Press|Agence France-Presse|CNN|BBC|Al Jazeera|Al Arabiya|Bloomberg|Xinhua|TASS|Interfax|Anadolu|SANA|
New York Times|Washington Post|Wall Street Journal|Financial Times|Guardian|Fox News|NBC|CBS|ABC|NPR|Sky News|
Apple|Google|Microsoft|Amazon|Meta|Facebook|Twitter|Tesla|Boeing|Airbus|Toyota|Volkswagen|Shell|BP|Exxon|ExxonMobil|
Chevron|Gazprom|Aramco|Samsung|Huawei|Sony|Nissan|Siemens|Nestle|Pfizer|Moderna|Goldman Sachs|JPMorgan|Citigroup|
HSBC|Barclays|Deutsche Bank|Federal Reserve|Fed|ECB|Bank of England|White House|State Department|Treasury|
`));

/**
 * Common given names across the regions news covers (English, Arabic, Hebrew, Persian, Turkish, Russian, European,
 * African, Asian), a tagger feature: "Yosef" before an unknown capitalised word suggests a person.
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(words(`
John|James|Michael|David|Robert|William|Richard|Thomas|Mark|Paul|Peter|George|Charles|Joseph|Daniel|Matthew|Andrew|
Steven|Stephen|Kevin|Brian|Edward|Ronald|Anthony|Antony|Christopher|Jason|Jeffrey|Ryan|Gary|Eric|Jonathan|Larry|Scott|
Frank|Justin|Brandon|Gregory|Samuel|Patrick|Jack|Dennis|Jerry|Tyler|Aaron|Henry|Adam|Nathan|Douglas|Zachary|Kyle|
Walter|Harold|Carl|Arthur|Roger|Keith|Jeremy|Terry|Lawrence|Sean|Christian|Albert|Joe|Ethan|Austin|Jesse|Willie|
Billy|Bruce|Ralph|Roy|Louis|Eugene|Russell|Bobby|Philip|Johnny|Howard|Tony|Nick|Chris|Mike|Jim|Tom|Bill|Bob|Dick|
Ted|Fred|Alan|Neil|Ian|Simon|Martin|Graham|Colin|Nigel|Tim|Hugh|Keir|Rishi|Liz|Theresa|Gordon|Tony|Ed|Jeremy|
Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|Sandra|Ashley|
Kimberly|Emily|Donna|Michelle|Carol|Amanda|Dorothy|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|
Amy|Angela|Anna|Ann|Anne|Helen|Emma|Olivia|Sophie|Julia|Kamala|Hillary|Nancy|Nikki|Condoleezza|Madeleine|Ursula|
Barack|Joe|Kamala|Mike|Rex|Lloyd|Pete|Jake|Jared|Ivanka|Rudy|Mitch|Chuck|Lindsey|Ron|Tulsi|Kash|Elon|Jeff|Bernie|
Muhammad|Mohammed|Mohammad|Mohamed|Mohamad|Ahmed|Ahmet|Ali|Hassan|Hasan|Hussein|Husain|Hossein|Omar|Umar|Khalid|Khaled|
Abdullah|Abdallah|Abdel|Abdul|Ibrahim|Youssef|Yousef|Yusuf|Mahmoud|Mahmud|Mustafa|Mostafa|Hafez|Nabil|Walid|Salim|
Salem|Saleh|Salih|Tariq|Tarek|Faisal|Fahd|Saad|Saeed|Said|Karim|Hamad|Hamid|Hamed|Jamal|Kamal|Adel|Ayman|Osama|Usama|
Rami|Samir|Ziad|Ziyad|Nasser|Naser|Naji|Fadi|Marwan|Bassam|Hisham|Hani|Imad|Issam|Jihad|Majid|Maher|Raed|Riad|Riyad|
Sami|Tamer|Wael|Yasser|Yasir|Zaid|Zayed|Fatima|Aisha|Layla|Leila|Mariam|Maryam|Rania|Huda|Nour|Hanan|Amal|Salma|
Haitham|Anwar|Hosni|Muammar|Saddam|Nouri|Haider|Mustafa|Qassem|Qasim|Ismail|Ismael|Ismail|Mansour|Mansur|Murad|
Abbas|Javad|Masoud|Ebrahim|Mojtaba|Ruhollah|Qassim|Ghassan|Michel|Najib|Nawaf|Fuad|Fouad|Saud|
Benny|Yair|Yoav|Gadi|Avi|Moshe|Yosef|Yossi|Eli|Ehud|Ariel|Naftali|Itamar|Bezalel|Gideon|Amir|Avigdor|Shaul|Tzipi|
Golda|Yitzhak|Shimon|Isaac|Aviv|Uri|Ronen|Eyal|Nadav|Yigal|Herzi|Gabi|Aharon|Tzachi|Dudi|Amos|Yehuda|Ron|Dan|Danny|
Recep|Tayyip|Mehmet|Hakan|Mevlut|Kemal|Bulent|Devlet|Ekrem|Selahattin|Binali|Abdullah|Suleyman|Murat|Emre|Cem|
Vladimir|Sergei|Sergey|Dmitry|Dmitri|Alexei|Alexey|Alexander|Aleksandr|Mikhail|Boris|Igor|Yuri|Viktor|Nikolai|Andrei|
Andriy|Oleg|Ivan|Volodymyr|Petro|Yevgeny|Ramzan|Valery|Maria|Yulia|Olena|Svetlana|Natalia|Tatiana|
Emmanuel|Jacques|Francois|Nicolas|Jean|Pierre|Marine|Olaf|Angela|Friedrich|Helmut|Gerhard|Frank-Walter|Giorgia|Silvio|
Matteo|Mario|Giuseppe|Pedro|Jose|Juan|Carlos|Luis|Miguel|Javier|Manuel|Antonio|Francisco|Jorge|Luiz|Inacio|Jair|
Nicolas|Hugo|Evo|Gustavo|Andres|Javier|Xi|Li|Wang|Zhang|Narendra|Rahul|Imran|Nawaz|Shehbaz|Benazir|Asif|Ashraf|
Hamid|Kim|Shinzo|Fumio|Yoon|Moon|Rodrigo|Ferdinand|Joko|Recep|Cyril|Jacob|Nelson|Thabo|Uhuru|William|Paul|Abiy|
Yoweri|Paul|Muhammadu|Bola|Goodluck|Olusegun|Ellen|Hage|Emmerson|Robert|Kofi|Ban|Antonio|Boutros|Tedros|Volker|
`));

/** Month and weekday names (for dates and as tagger features). */
export const MONTH_NAMES: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES: readonly string[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Particles inside transliterated Arabic, Hebrew, Dutch and Spanish names: "al-", "bin", "Abu", "van der". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(words(`
al|Al|el|El|bin|ibn|Ibn|bint|Abu|abu|Abd|Abdel|Abdul|ben|Ben|bar|van|Van|von|der|den|de|De|da|Da|di|Di|du|dos|das|del|
la|le|Le|ter|ul|ud|ad|ash|as|at|az|ez|
`));

/** The gazetteer class of one word or multi-word name, used as a tagger feature: "Syria" -> "C". */
export function gazetteerClass(word: string): string {
  if (COUNTRIES.has(word)) return 'C';
  if (CITIES.has(word)) return 'Y';
  if (DEMONYMS.has(word)) return 'N';
  if (REGIONS.has(word)) return 'R';
  if (ORGANIZATIONS.has(word)) return 'G';
  if (TITLES.has(word)) return 'T';
  if (ORG_WORDS.has(word)) return 'O';
  if (NAME_PARTICLES.has(word)) return 'P';
  if (GIVEN_NAMES.has(word)) return 'F';
  return '';
}

/** The longest gazetteer phrase starting at a word index (up to 4 words): ["Saudi", "Arabia"] -> 2. */
export const MULTIWORD: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const set of [COUNTRIES, CITIES, REGIONS, DEMONYMS, ORGANIZATIONS]) {
    for (const name of set) {
      const parts = name.split(' ');
      if (parts.length > 1) m.set(parts[0]!, Math.max(m.get(parts[0]!) ?? 0, parts.length));
    }
  }
  return m;
})();
