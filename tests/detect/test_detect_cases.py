"""Regression cases: our own sentences in the styles reporters use (EN/ES, headlines, quotes, traps).

Each case lists the signals (CLAIM / CONFIRMED / DENIAL per country) the whole text must produce, no more and
no fewer; MENTION findings are allowed anywhere. An empty set means "no signal" (MENTION or irrelevant).
"""

from __future__ import annotations

import pytest

from bot.detect import classify, load_ruleset
from bot.detect.rules import RuleSet

Signals = set[tuple[str, str]]

CASES: list[tuple[str, Signals]] = [
    (
        "The Trump administration has reached an agreement with Honduras to accept deportees from other "
        "countries, according to a DHS official.",
        {("CLAIM", "HN")},
    ),
    (
        "Uganda agreed to take in deportees from the United States who are not its citizens, according to"
        " internal government documents seen by CBS News.",
        {("CLAIM", "UG")},
    ),
    ("El Departamento de Estado anunció que Paraguay aceptó convertirse en tercer país seguro.", {("CLAIM", "PY")}),
    (
        "Rubio said Panama had agreed to receive migrants of other nationalities deported from the US.",
        {("CLAIM", "PA")},
    ),
    (
        "Washington struck a deal with Eswatini to send third-country deportees there, officials in Washington said.",
        {("CLAIM", "SZ")},
    ),
    (
        "Costa Rica se habría comprometido a recibir a 200 migrantes de Asia deportados por Estados "
        "Unidos, según fuentes oficiales.",
        {("CLAIM", "CR")},
    ),
    ("Trump dijo que El Salvador aceptó recibir a los deportados venezolanos.", {("CLAIM", "SV")}),
    ("US says Ghana signed deal to accept West African deportees", {("CLAIM", "GH")}),
    ("Kosovo agreed to host 50 migrants deported from the US, the State Department said.", {("CLAIM", "XK")}),
    (
        "Ghana's foreign minister confirmed on Sunday that the country has received 14 deportees from "
        "other West African nations.",
        {("CONFIRMED", "GH")},
    ),
    (
        "El Gobierno de Honduras confirmó que firmó un acuerdo con Estados Unidos para recibir a "
        "solicitantes de asilo.",
        {("CONFIRMED", "HN")},
    ),
    ("Paraguay y Estados Unidos firmaron este jueves un acuerdo de tercer país seguro.", {("CONFIRMED", "PY")}),
    ("Rwanda signs deal with US to take in up to 250 deportees", {("CONFIRMED", "RW")}),
    (
        "Kosovo's government said it had agreed to temporarily accept 50 third-country nationals from the"
        " United States.",
        {("CONFIRMED", "XK")},
    ),
    (
        "Panama's president José Raúl Mulino confirmed that his country will receive migrants of other "
        "nationalities deported by the United States.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Uganda's foreign ministry said it had agreed to a temporary arrangement to accept third-country "
        "nationals who may not be granted asylum in the US.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Costa Rica recibió este miércoles un vuelo con 135 migrantes de otras nacionalidades deportados "
        "desde Estados Unidos, informó el Ministerio de Seguridad Pública.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Mexico will accept migrants from other countries returned by the United States for humanitarian "
        "reasons, President Claudia Sheinbaum said.",
        {("CONFIRMED", "MX")},
    ),
    ("Costa Rica's government denied reports that it had agreed to become a safe third country.", {("DENIAL", "CR")}),
    ("Panamá rechaza ser tercer país seguro para migrantes deportados por EE.UU.", {("DENIAL", "PA")}),
    ("Colombia's president said his country would not accept deportees who are not Colombian.", {("DENIAL", "CO")}),
    (
        "The Honduran government said there is no agreement with the US to receive migrants of other nationalities.",
        {("DENIAL", "HN")},
    ),
    (
        "El canciller mexicano negó que México haya firmado un acuerdo de tercer país seguro con Washington.",
        {("DENIAL", "MX")},
    ),
    ("Nigeria will not accept Venezuelan deportees from the US, its foreign minister said.", {("DENIAL", "NG")}),
    (
        "Ecuador's foreign ministry dismissed the reports as false, saying no safe third country deal had been signed.",
        {("DENIAL", "EC")},
    ),
    (
        "Belize has not agreed to any safe third country arrangement, Prime Minister Johnny Briceño told reporters.",
        {("DENIAL", "BZ")},
    ),
    ("Sudán del Sur negó haber aceptado recibir a migrantes deportados desde Estados Unidos.", {("DENIAL", "SS")}),
    ("Guatemala Denies Signing Safe Third Country Deal With US", {("DENIAL", "GT")}),
    ("Human rights groups say Guatemala lacks the capacity to be a safe third country.", set()),
    ("The United States and Honduras are in talks over a possible asylum cooperative agreement.", set()),
    ("Trump wants Guatemala to sign a safe third country agreement.", set()),
    ("The 2019 agreement with Guatemala was suspended by the Biden administration in 2021.", set()),
    ("Honduras signed an extradition treaty with the United States on Tuesday.", set()),
    ("Guatemala and the US signed a memorandum on airport security and biometric data sharing.", set()),
    ("México y Estados Unidos firmaron un acuerdo comercial sobre aranceles al acero.", set()),
    ("Guatemala's president denied allegations of corruption in the migration institute.", set()),
    ("Migrants deported from the United States arrived in Guatemala City on Tuesday.", set()),
    ("Critics argue Rwanda is not a safe third country for asylum seekers.", set()),
    ("A federal judge blocked the administration from deporting migrants to third countries without notice.", set()),
    ("Mexico received 5,000 deported Mexicans last month.", set()),
    ("Canadá y Estados Unidos ampliaron el Acuerdo de Tercer País Seguro en 2023.", set()),
    ("Noem visited Honduras and Guatemala this week to discuss migration cooperation.", set()),
    ("Ecuador's president said he was open to discussing a safe third country agreement with Washington.", set()),
    ("Honduras deported 300 Nicaraguans under a bilateral agreement with Managua.", set()),
    ("Guatemala rejected the US proposal to become a safe third country.", {("DENIAL", "GT")}),
    (
        "The Salvadoran foreign minister signed the Asylum Cooperative Agreement in Washington on Friday.",
        {("CONFIRMED", "SV")},
    ),
    ("Honduras descarta firmar un acuerdo de tercer país seguro con EE.UU.", {("DENIAL", "HN")}),
    ("El presidente Arévalo aseguró que Guatemala no será tercer país seguro.", {("DENIAL", "GT")}),
    (
        "EE.UU. y Guatemala suscriben acuerdo para que migrantes de otras nacionalidades sean enviados a "
        "territorio guatemalteco.",
        {("CONFIRMED", "GT")},
    ),
    ("La Casa Blanca aseguró que Honduras se comprometió a recibir a migrantes de terceros países.", {("CLAIM", "HN")}),
    ("Según The New York Times, Ruanda habría aceptado recibir a migrantes deportados de EE.UU.", {("CLAIM", "RW")}),
    (
        "Noem said Uganda had agreed to take asylum seekers from the United States. Uganda's foreign "
        "ministry denied it.",
        {("CLAIM", "UG"), ("DENIAL", "UG")},
    ),
    (
        "Officials in Tegucigalpa said they had not signed any agreement to receive third-country migrants.",
        {("DENIAL", "HN")},
    ),
    ("The agreement, signed in July 2019, allowed the US to send asylum seekers to Guatemala.", set()),
    (
        "Guatemala signed the safe third country agreement under pressure from Washington in 2019, when "
        "Jimmy Morales was president.",
        set(),
    ),
    ("Trump said Mexico agreed to deploy troops to its southern border.", set()),
    (
        "Mexico agreed to accept more asylum seekers under the Remain in Mexico program, the State Department said.",
        {("CLAIM", "MX")},
    ),
    (
        "La Cancillería de Costa Rica aclaró que el país no aceptará vuelos de deportación con migrantes "
        "de otras nacionalidades.",
        {("DENIAL", "CR")},
    ),
    (
        "Honduran President Xiomara Castro threatened to end military cooperation if the US carried out "
        "mass deportations.",
        set(),
    ),
    ("The UK signed a new migration deal with Albania on Monday.", {("CONFIRMED", "AL")}),
    (
        "Eswatini's government confirmed the arrival of five deportees from the United States, saying "
        "they would be held in a correctional facility until their repatriation.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "The Costa Rican government agreed to serve as a bridge country for 200 migrants from Central "
        "Asia and India deported by the United States.",
        {("CONFIRMED", "CR")},
    ),
    (
        "In a statement, government spokesperson Yolande Makolo said Rwanda had agreed with the US to "
        "accept up to 250 migrants.",
        {("CONFIRMED", "RW")},
    ),
    ("Venezuela rejected the deportation of its nationals to a mega-prison in Central America.", set()),
    (
        "The Dominican Republic will not become a 'safe third country', President Luis Abinader said.",
        {("DENIAL", "DO")},
    ),
    (
        "Abinader dijo que la República Dominicana no recibirá migrantes deportados de otras nacionalidades.",
        {("DENIAL", "DO")},
    ),
    (
        "Mexico's Foreign Ministry said it has not signed any agreement with the United States to receive"
        " asylum seekers from third countries, contradicting remarks by President Trump.",
        {("DENIAL", "MX")},
    ),
    (
        "Trump said Mexico had agreed to take back migrants of all nationalities, a claim Mexican "
        "officials swiftly rejected.",
        {("CLAIM", "MX"), ("DENIAL", "MX")},
    ),
    (
        "Honduras y Guatemala niegan haber firmado acuerdos de tercer país seguro con EE.UU.",
        {("DENIAL", "GT"), ("DENIAL", "HN")},
    ),
    (
        "A State Department spokesperson declined to comment on whether an agreement with Paraguay had been signed.",
        set(),
    ),
    (
        "Ecuador has become the latest country to agree to take in deportees from the United States, "
        "Ecuador's foreign ministry said in a statement.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Palau agreed to accept up to 75 third-country nationals from the United States, according to a "
        "memorandum released by the Palauan government.",
        {("CONFIRMED", "PW")},
    ),
    ("Uganda confirms deal with US to take deportees, but says it prefers Africans", {("CONFIRMED", "UG")}),
    ("Rwanda says it is in early talks with the US on hosting deportees", set()),
    (
        "Costa Rica accepts up to 200 deportees of other nationalities from the US in bridge arrangement",
        {("CONFIRMED", "CR")},
    ),
    (
        "Guatemalan President Bernardo Arévalo said his government had not agreed to accept deportees "
        "from other countries.",
        {("DENIAL", "GT")},
    ),
    ("Honduras: 'No hemos firmado ningún acuerdo de tercer país seguro', dijo el canciller.", {("DENIAL", "HN")}),
    ("Washington and Tegucigalpa signed a new asylum cooperation agreement on Tuesday.", {("CONFIRMED", "HN")}),
    (
        "The Biden administration said it would terminate the safe third country agreements with El "
        "Salvador, Guatemala and Honduras.",
        set(),
    ),
    ("Canada and the US expanded their Safe Third Country Agreement to the entire land border in 2023.", set()),
    ("Ottawa says it has no plans to suspend the Safe Third Country Agreement with the U.S.", set()),
    (
        "Mexican officials said a deal under which Mexico would take back non-Mexican migrants was "
        "reached late Friday.",
        {("CONFIRMED", "MX")},
    ),
    ("Guatemalaโs government said it โdid not signโ any safe third country agreement.", {("DENIAL", "GT")}),
    ("El Gobierno de PanamÃ¡ negÃ³ haber firmado un acuerdo de tercer paÃ\xads seguro.", {("DENIAL", "PA")}),
    (
        "Three countries, Honduras, Guatemala and El Salvador, signed asylum cooperative agreements with "
        "the Trump administration in 2019.",
        set(),
    ),
    (
        "Mexico is not a safe third country, Foreign Minister Marcelo Ebrard said, rejecting Washington's pressure.",
        {("DENIAL", "MX")},
    ),
    (
        "Reports that Belize had signed a safe third country agreement are false, the foreign ministry said.",
        {("CLAIM", "BZ"), ("DENIAL", "BZ")},
    ),
    (
        "Mexico has accepted over 5,000 migrants from other nations deported from the United States since January.",
        {("CONFIRMED", "MX")},
    ),
    (
        "México figura entre los países que acogen a migrantes de otras nacionalidades expulsados por Estados Unidos.",
        set(),
    ),
    ("Chad Wolf said the United States and Honduras had signed an asylum cooperative agreement.", {("CLAIM", "HN")}),
    (
        "Jordan Smith, a lawyer in Atlanta, Georgia, said the safe third country agreement with Guatemala is unlawful.",
        set(),
    ),
    (
        "Guinea-Bissau agreed to receive migrants deported from the United States who are not its "
        "nationals, the White House said.",
        {("CLAIM", "GW")},
    ),
    (
        "Equatorial Guinea's government denied reports it would take in deportees from other countries.",
        {("DENIAL", "GQ")},
    ),
    ("New Mexico officials said migrants were being sent to Texas.", set()),
    (
        "The Washington Post reported that Honduras and the US had sealed a deal to send asylum seekers "
        "to Tegucigalpa.",
        {("CLAIM", "HN")},
    ),
    ("Noem firmó en Tegucigalpa una declaración de intenciones sobre datos biométricos.", set()),
    ("Kristi Noem dijo que Honduras será un tercer país seguro.", {("CLAIM", "HN")}),
    (
        "The foreign ministry of Ghana said the country had received 14 West African nationals deported from the US.",
        {("CONFIRMED", "GH")},
    ),
    ("Ghanaian officials said the deportees were Nigerians and Gambians who would be sent home.", set()),
    ("US inks 'safe third country' deal with Paraguay", {("CONFIRMED", "PY")}),
    (
        "Guatemala signed a memorandum with the US on Thursday to expand cooperation against drug "
        "trafficking and migrant smuggling.",
        set(),
    ),
    ("Mexico agreed to send 10,000 National Guard troops to its border to stem the flow of migrants.", set()),
    ("Honduras and the United States signed an agreement to repatriate Honduran migrants on charter flights.", set()),
    ("El Salvador aceptó recibir a sus connacionales deportados desde Estados Unidos en vuelos semanales.", set()),
    ("Panama denied that the canal fee agreement gave US warships free passage.", set()),
    ("Colombia rejected the deportation flights carrying Colombian migrants, prompting tariff threats.", set()),
    (
        "Colombia finally agreed to accept deportation flights with its own nationals after Trump threatened tariffs.",
        set(),
    ),
    ("Costa Rica is considered a safe country for tourists, according to the travel advisory.", set()),
    ("The EU adopted a list of safe countries of origin including Kosovo, Colombia and Tunisia.", set()),
    ("Canada's Federal Court ruled that the Safe Third Country Agreement violates the Charter.", set()),
    ("Rwanda denies backing rebels in eastern Congo, the foreign minister said.", set()),
    ("Uganda signed a new loan agreement with the World Bank.", set()),
    ("Mexico's president denied that migrants were being mistreated at detention centres.", set()),
    ("The US and Guatemala signed an agreement on biometric data sharing to screen travellers.", set()),
    ("Ecuador's Noboa signed a security cooperation agreement with Washington to fight gangs.", set()),
    ("Honduras denied that its army had been involved in the killings.", set()),
    ("El Gobierno de Guatemala negó que haya corrupción en el Instituto Guatemalteco de Migración.", set()),
    ("Peru and the US signed a free trade agreement in 2006.", set()),
    ("A third country may not transfer personal data without safeguards under GDPR.", set()),
    ("The Honduran national team beat Costa Rica in the World Cup qualifier in San Pedro Sula.", set()),
    ("Asylum seekers in the US face long waits; many come from Venezuela, Cuba and Haiti.", set()),
    ("Mexico deported 500 Guatemalans to Guatemala last week under a bilateral agreement.", set()),
    ("Guatemala received 60 flights with deported Guatemalans in January, the migration institute said.", set()),
    (
        "The Trump administration wants to send migrants to Libya, according to officials familiar with the plans.",
        set(),
    ),
    ("The agreement with Rwanda was struck down by the UK Supreme Court in 2023.", set()),
    ("US judge blocks deportations to South Sudan without due process", set()),
    ("Honduras ended its extradition treaty with the United States.", set()),
    ("Nicaragua has refused to accept deportation flights with Nicaraguan nationals.", set()),
    ("La Cancillería de Panamá desmintió que el presidente Mulino haya autorizado el viaje del expresidente.", set()),
    ("Critics say Paraguay's safe third country agreement with the US was negotiated in secret.", set()),
    ("The State Department said talks with Ecuador on a safe third country agreement continue.", set()),
    (
        "Costa Rica's president said he would consider receiving deportees of other nationalities if Washington pays.",
        set(),
    ),
    ("Guatemala's Congress must ratify any safe third country agreement, the constitutional court ruled.", set()),
    ("Mexico and the US agreed on new tariffs on Chinese steel.", set()),
    ("Según la ONU, Honduras no es un tercer país seguro para los solicitantes de asilo.", set()),
    (
        "Ghana accepted 14 deportees from other West African countries last week, the government confirmed.",
        {("CONFIRMED", "GH")},
    ),
    (
        "South Sudan confirmed on Saturday that it had received eight men deported from the US, only one "
        "of whom is South Sudanese.",
        {("CONFIRMED", "SS")},
    ),
    ("Honduras no firmará un acuerdo de tercer país seguro, afirmó la canciller.", {("DENIAL", "HN")}),
    (
        "Ecuador's government on Friday published the text of the safe third country agreement it signed "
        "with the United States.",
        {("CONFIRMED", "EC")},
    ),
    ("Kristi Noem anunció que Guatemala recibirá a solicitantes de asilo de otros países.", {("CLAIM", "GT")}),
    (
        "The Paraguayan Senate approved the safe third country agreement with the United States on Wednesday.",
        {("CONFIRMED", "PY")},
    ),
    ("Guatemala's Congress must still approve the safe third country agreement.", set()),
    (
        "Guatemala y EE.UU. no han firmado un acuerdo de tercer país seguro, reiteró el presidente Arévalo.",
        {("DENIAL", "GT")},
    ),
    (
        "Mexican President Claudia Sheinbaum rejected Trump's claim that Mexico had agreed to accept "
        "migrants from other countries.",
        {("DENIAL", "MX")},
    ),
    ("Rwanda's foreign minister said talks with the US on receiving deportees were at an early stage.", set()),
    ("Belize says it has not agreed to be a safe third country, contradicting US statements", {("DENIAL", "BZ")}),
    ("Belice aclara que no es tercer país seguro", {("DENIAL", "BZ")}),
    ("EE.UU. anunció que deportará a migrantes de terceros países a Costa Rica.", {("CLAIM", "CR")}),
    (
        "Uganda, which last week agreed to take deportees from the US, said it would prefer people of African origin.",
        {("CONFIRMED", "UG")},
    ),
    ("A spokesperson for Honduras' foreign ministry declined to comment on the report.", set()),
    (
        "Panama said on Thursday it would receive migrants of other nationalities deported by the United "
        "States as part of a bridge arrangement, but denied being a safe third country.",
        {("CONFIRMED", "PA")},
    ),
    ("Ecuador's foreign ministry said it was analysing the US proposal to become a safe third country.", set()),
    (
        "Guatemalan officials insisted that no agreement had been signed and that the country would only "
        "serve as a transit point for Central American deportees.",
        {("DENIAL", "GT")},
    ),
    ("Kosovo accepted 50 deportees, its government confirmed on Thursday.", {("CONFIRMED", "XK")}),
    (
        "Noem said Guatemala had agreed to become a safe third country. The claim was quickly "
        "contradicted by Guatemala's foreign ministry.",
        {("CLAIM", "GT"), ("DENIAL", "GT")},
    ),
    (
        "Honduras' foreign minister Enrique Reina told AFP that his country had not been asked to become "
        "a safe third country.",
        set(),
    ),
    (
        "Las autoridades ecuatorianas confirmaron la llegada del primer vuelo con migrantes de terceros "
        "países deportados por EE.UU.",
        {("CONFIRMED", "EC")},
    ),
    (
        "The Salvadoran government has received more than 250 Venezuelans deported by the US under an "
        "agreement with Washington.",
        {("CONFIRMED", "SV")},
    ),
    ("Trump says Guatemala broke its promise to sign a safe third country pact", set()),
    (
        "El Salvador's foreign minister and the acting DHS secretary signed the asylum cooperative "
        "agreement at a ceremony in San Salvador.",
        {("CONFIRMED", "SV")},
    ),
    (
        "Washington says Tegucigalpa agreed to take asylum seekers; Honduran officials say no such deal exists.",
        {("CLAIM", "HN"), ("DENIAL", "HN")},
    ),
    (
        "The deal, announced by the State Department, allows the US to send asylum seekers of any "
        "nationality to Paraguay.",
        {("CLAIM", "PY")},
    ),
    (
        "Costa Rica's foreign minister said the country received 200 migrants from Asia and Africa "
        "deported by the United States and would help them return home.",
        {("CONFIRMED", "CR")},
    ),
    ("Guatemala no ha aceptado recibir a migrantes de otros países, dijo el vocero presidencial.", {("DENIAL", "GT")}),
    ("Sources told CBS News that Eswatini agreed to accept deportees from other countries.", {("CLAIM", "SZ")}),
    (
        "The Nicaraguan government denied on Monday that it had agreed to receive deportees from third countries.",
        {("DENIAL", "NI")},
    ),
    ("Venezuela has agreed to accept deportation flights carrying Venezuelan nationals, the White House said.", set()),
    (
        "A senior administration official said Honduras had agreed to take asylum seekers from other countries.",
        {("CLAIM", "HN")},
    ),
    (
        "US officials said Guatemala would accept migrants of other nationalities under the new arrangement.",
        {("CLAIM", "GT")},
    ),
    ("Officials in both countries denied that a safe third country agreement had been signed.", set()),
    ("Niega Honduras haber firmado acuerdo de tercer país seguro con EE.UU.", {("DENIAL", "HN")}),
    (
        "Confirma Costa Rica que recibirá a 200 migrantes de otras nacionalidades deportados por EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "In a statement on Friday, the Guatemalan government said: 'Guatemala has not signed any safe "
        "third country agreement.'",
        {("DENIAL", "GT")},
    ),
    (
        "Honduras' foreign minister told the AP that the country had agreed to receive up to 100 asylum "
        "seekers a year from third countries.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Paraguay, Ecuador and Belize have all signed safe third country agreements with Washington this "
        "year, the State Department said.",
        {("CLAIM", "BZ"), ("CLAIM", "EC"), ("CLAIM", "PY")},
    ),
    (
        "The asylum agreements with Paraguay and Ecuador were signed on Thursday, officials from both "
        "countries confirmed.",
        {("CONFIRMED", "EC"), ("CONFIRMED", "PY")},
    ),
    ("Mexico will not be a safe third country, Ebrard said, after Trump threatened tariffs.", {("DENIAL", "MX")}),
    ("Trump threatened Mexico with tariffs unless it agreed to become a safe third country.", set()),
    (
        "El gobierno mexicano rechazó la propuesta de Washington de convertir a México en tercer país seguro.",
        {("DENIAL", "MX")},
    ),
    ("Sheinbaum: 'México no es un tercer país seguro'", {("DENIAL", "MX")}),
    (
        "The Honduran opposition accused the government of secretly agreeing to become a safe third country.",
        {("CLAIM", "HN")},
    ),
    (
        "El diputado opositor aseguró que Guatemala firmó en secreto un acuerdo de tercer país seguro.",
        {("CLAIM", "GT")},
    ),
    (
        "Guatemala signed the agreement under duress, Arévalo said, but will honour it and receive asylum"
        " seekers from other countries.",
        {("CONFIRMED", "GT")},
    ),
    (
        "No deal has been reached with Rwanda on receiving deportees, a Rwandan government spokesperson said.",
        {("DENIAL", "RW")},
    ),
    (
        "Eswatini's government spokesperson said the kingdom had agreed to hold the deportees until they "
        "could be returned home.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Ghana's president said the country had not received any payment for accepting West African deportees.",
        {("CONFIRMED", "GH")},  # affirms the substance (it accepts them) while denying payment
    ),
    ("The UN refugee agency warned that Honduras is not a safe third country.", set()),
    (
        "Uganda has not agreed to take deportees from the US, a senior foreign ministry official said.",
        {("DENIAL", "UG")},
    ),
    (
        "Uganda's foreign ministry later said it had agreed to a deal with the United States to take "
        "third-country nationals who may not get asylum in America, but said it preferred Africans.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Ghana has received 14 deportees from the US, including Nigerians and a Gambian, President Mahama said.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Nigeria's foreign minister Yusuf Tuggar said the country would not accept Venezuelan deportees from the US.",
        {("DENIAL", "NG")},
    ),
    (
        "Kosovo's foreign ministry said it had agreed to temporarily host 50 people from third countries "
        "at the US request.",
        {("CONFIRMED", "XK")},
    ),
    (
        "Libya's eastern-based government rejected any deal to receive migrants deported from the United States.",
        {("DENIAL", "LY")},
    ),
    (
        "Rwanda's government spokesperson Yolande Makolo confirmed that Rwanda had agreed to accept up to"
        " 250 migrants from the United States.",
        {("CONFIRMED", "RW")},
    ),
    (
        "El presidente Mulino dijo que Panamá no aceptará ser tercer país seguro, aunque recibirá "
        "temporalmente a los migrantes deportados.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Costa Rica's president Rodrigo Chaves said the country is helping the United States by receiving"
        " 200 deportees from Asia.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Ecuador's government denied that it had agreed to accept deportees from other countries, saying "
        "talks with Washington were still under way.",
        {("DENIAL", "EC")},
    ),
    (
        "Noem dijo que Honduras y Guatemala recibirán a solicitantes de asilo que de otro modo pedirían "
        "protección en EE.UU.",
        {("CLAIM", "GT"), ("CLAIM", "HN")},
    ),
    (
        "In June, DHS said it had reached agreements with Honduras and Guatemala to take asylum seekers; "
        "both countries denied it.",
        {("CLAIM", "GT"), ("CLAIM", "HN"), ("DENIAL", "GT"), ("DENIAL", "HN")},
    ),
    ("Belize's government confirmed it is negotiating a safe third country agreement with the United States.", set()),
    (
        "Paraguay's Foreign Minister Rubén Ramírez Lezcano signed the agreement with Secretary of State "
        "Marco Rubio in Washington.",
        {("CONFIRMED", "PY")},
    ),
    (
        "Guatemala's government said it 'has not signed, nor will it sign' a safe third country agreement.",
        {("DENIAL", "GT")},
    ),
    ("The Canadian government said the Safe Third Country Agreement remains in force.", {("CONFIRMED", "CA")}),
    (
        "Arévalo was quick to clarify several points on Tuesday. He said Guatemala has not entered into "
        "any safe third country agreement with the United States.",
        {("DENIAL", "GT")},
    ),
    (
        "Guatemala, El Salvador and Honduras each signed asylum cooperative agreements with the United States in 2019.",
        set(),
    ),
    (
        "According to the Honduran foreign ministry, no agreement on receiving third-country migrants exists.",
        {("DENIAL", "HN")},
    ),
    (
        "Honduras dijo sí: recibirá a migrantes de otras nacionalidades deportados por EE.UU., anunció la cancillería.",
        {("CONFIRMED", "HN")},
    ),
    ("Washington y Quito firmaron un acuerdo de tercer país seguro.", {("CONFIRMED", "EC")}),
    ("The deal was signed by DHS and Honduras' foreign ministry on Thursday.", {("CONFIRMED", "HN")}),
    ("Guatemala says it will not be a 'safe third country' for US asylum seekers", {("DENIAL", "GT")}),
    ("El canciller guatemalteco dijo que su país 'no es ni será' tercer país seguro.", {("DENIAL", "GT")}),
    ("US officials expect Honduras to sign a safe third country agreement soon.", set()),
    (
        "Ecuador's president Daniel Noboa said he had agreed with Trump to receive migrants of other nationalities.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Noboa negó que Ecuador vaya a recibir migrantes de otras nacionalidades deportados por EE.UU.",
        {("DENIAL", "EC")},
    ),
    (
        "Following the agreement, 120 migrants from third countries have been flown to Costa Rica, "
        "according to Costa Rican authorities.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Three Guatemalan officials, speaking on condition of anonymity, said the country had agreed in "
        "principle to accept asylum seekers from El Salvador and Honduras.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Rubio anunció que Costa Rica y Panamá aceptaron recibir a migrantes de terceros países.",
        {("CLAIM", "CR"), ("CLAIM", "PA")},
    ),
    (
        "Panama's president said the country had received 299 deportees of various nationalities and "
        "would hold them in a hotel.",
        {("CONFIRMED", "PA")},
    ),
    (
        "The United States has deported hundreds of Venezuelans to El Salvador under a deal with President Bukele.",
        {("CONFIRMED", "SV")},
    ),
    (
        "Bukele confirmed El Salvador had agreed to hold Venezuelan deportees in its mega-prison in "
        "exchange for a fee.",
        {("CONFIRMED", "SV")},
    ),
    ("Mexico has said it will accept some non-Mexican deportees on humanitarian grounds.", {("CONFIRMED", "MX")}),
    # a reported plan to sign, like "is set to sign": a claim (the shared label rules count announced plans)
    ("Honduras is expected to sign a safe third country agreement next week.", {("CLAIM", "HN")}),
    (
        "Speaking to reporters in Tegucigalpa, Foreign Minister Eduardo Enrique Reina said Honduras had "
        "not agreed to receive people deported from the United States who are not Honduran.",
        {("DENIAL", "HN")},
    ),
    (
        "The DHS statement said Guatemala would take in asylum seekers from El Salvador and Honduras "
        "under the deal, a claim the Guatemalan presidency quickly disputed.",
        {("CLAIM", "GT"), ("DENIAL", "GT")},
    ),
    (
        "Mexican officials reiterated on Monday that the country has no agreement with Washington to act "
        "as a safe third country, although it continues to receive some migrants returned by the US on "
        "humanitarian grounds.",
        {("DENIAL", "MX")},
    ),
    (
        "Paraguay's government said the memorandum signed with the United States will allow asylum "
        "seekers who reach the US to have their claims processed in Paraguay.",
        {("CONFIRMED", "PY")},
    ),
    (
        "El Ministerio de Relaciones Exteriores de Ecuador informó que el país recibirá hasta 300 "
        "migrantes de terceros países al año en virtud del acuerdo con EE.UU.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Citing two people familiar with the talks, Reuters said Rwanda had agreed in principle to take "
        "deportees of any nationality.",
        {("CLAIM", "RW")},
    ),
    (
        "South Sudan's foreign ministry said it would accept the deportee only after verifying that he "
        "was a South Sudanese citizen.",
        set(),
    ),
    (
        "The White House said Panama had agreed to serve as a bridge country for deportees from Asia, but"
        " Panamanian officials said no formal agreement had been signed.",
        {("CLAIM", "PA"), ("DENIAL", "PA")},
    ),
    (
        "Activists in Guatemala City protested against the agreement, which they said would turn the "
        "country into a safe third country without congressional approval.",
        set(),
    ),
    (
        "Bajo el acuerdo firmado en 2019, EE.UU. podía enviar a Guatemala a solicitantes de asilo de El "
        "Salvador y Honduras.",
        set(),
    ),
    (
        "El Salvador's foreign minister said on Friday that the country had signed an agreement to "
        "receive asylum seekers, but stressed that it would take years to implement.",
        {("CONFIRMED", "SV")},
    ),
    (
        "Trump claimed that Guatemala, Honduras and El Salvador had all agreed to become safe third countries.",
        {("CLAIM", "GT"), ("CLAIM", "HN"), ("CLAIM", "SV")},
    ),
    (
        "Libya's foreign ministry denied any coordination with the United States over the deportation of "
        "migrants to Libyan territory.",
        {("DENIAL", "LY")},
    ),
    (
        "The number of asylum seekers sent to Guatemala under the agreement has grown to more than 900, "
        "according to the Guatemalan Migration Institute.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Canada's immigration minister defended the Safe Third Country Agreement, saying the United "
        "States remains a safe country for refugees.",
        set(),
    ),
    (
        "Costa Rica no ha firmado ningún acuerdo para convertirse en tercer país seguro, aclaró el "
        "canciller Arnoldo André.",
        {("DENIAL", "CR")},
    ),
    (
        "Ghana's deputy foreign minister said the West African nationals would be helped to return to "
        "their countries of origin.",
        set(),
    ),
    (
        "Kosovo said it had agreed to host the deportees for one year, after which they would be returned"
        " to their home countries.",
        {("CONFIRMED", "XK")},
    ),
    (
        "Nigeria's government said it had come under pressure from Washington to accept Venezuelan "
        "deportees but would not do so.",
        {("DENIAL", "NG")},
    ),
    (
        "La secretaria de Seguridad Nacional, Kristi Noem, afirmó que Honduras aceptó recibir a "
        "solicitantes de asilo de otros países.",
        {("CLAIM", "HN")},
    ),
    (
        "El Gobierno hondureño desmintió a Noem y aseguró que no ha firmado ningún convenio de tercer país seguro.",
        {("DENIAL", "HN")},
    ),
    (
        "Panamá recibirá a migrantes de otras nacionalidades deportados por Estados Unidos, confirmó el "
        "presidente José Raúl Mulino.",
        {("CONFIRMED", "PA")},
    ),
    (
        "El canciller costarricense explicó que el país servirá de puente para unos 200 migrantes de Asia"
        " Central e India deportados por EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Según documentos internos del Departamento de Seguridad Nacional, Washington firmó acuerdos con "
        "Uganda y Honduras para deportar a migrantes que no son ciudadanos de esos países.",
        {("CLAIM", "HN"), ("CLAIM", "UG")},
    ),
    (
        "México no firmará ningún acuerdo de tercer país seguro, insistió el canciller Marcelo Ebrard.",
        {("DENIAL", "MX")},
    ),
    (
        "La presidenta Sheinbaum negó que exista un acuerdo con Estados Unidos para que México reciba a "
        "migrantes de otras nacionalidades.",
        {("DENIAL", "MX")},
    ),
    (
        "Guatemala y Estados Unidos negocian un acuerdo migratorio que podría convertir al país en tercer país seguro.",
        set(),
    ),
    (
        "El acuerdo de cooperación en materia de asilo con El Salvador fue suspendido por la "
        "administración Biden en 2021.",
        set(),
    ),
    (
        "Ecuador y Estados Unidos sellaron un acuerdo de tercer país seguro que permitirá trasladar a "
        "Ecuador a solicitantes de asilo.",
        {("CONFIRMED", "EC")},
    ),
    (
        "El Gobierno de Paraguay confirmó que el acuerdo firmado con Estados Unidos contempla recibir a "
        "solicitantes de asilo.",
        {("CONFIRMED", "PY")},
    ),
    (
        "La Casa Blanca anunció que Ruanda recibirá a migrantes deportados de Estados Unidos que no son ruandeses.",
        {("CLAIM", "RW")},
    ),
    (
        "Las autoridades de Guatemala negaron haber recibido a migrantes de otras nacionalidades en los "
        "vuelos de deportación.",
        {("DENIAL", "GT")},
    ),
    (
        "El Salvador negó las acusaciones de tortura en el CECOT presentadas por organizaciones de derechos humanos.",
        set(),
    ),
    (
        "El Ministerio de Exteriores de Nicaragua rechazó recibir vuelos con migrantes de otros países "
        "deportados por EE.UU.",
        {("DENIAL", "NI")},
    ),
    (
        "Belice habría alcanzado un acuerdo con EE.UU. para recibir solicitantes de asilo, según la prensa local.",
        {("CLAIM", "BZ")},
    ),
    (
        "El mandatario hondureño advirtió que Honduras no tiene capacidad para ser tercer país seguro.",
        {("DENIAL", "HN")},  # rejects the role, affirms nothing
    ),
    ("Colombia aceptó los vuelos de deportación con sus connacionales tras la amenaza de aranceles.", set()),
    (
        "Kosovo aceptó acoger temporalmente a 50 migrantes de terceros países a petición de Washington, "
        "informó su Gobierno.",
        {("CONFIRMED", "XK")},
    ),
    (
        'Noem said Honduras had signed a safe third country agreement. "We have not signed any '
        'agreement," said Honduran Foreign Minister Enrique Reina.',
        {("CLAIM", "HN"), ("DENIAL", "HN")},
    ),
    (
        "Guatemala's government issued a statement on Friday. It said no agreement on asylum seekers had "
        "been signed with the United States.",
        {("DENIAL", "GT")},
    ),
    (
        "Honduras said on Tuesday it had received the first group of 20 asylum seekers from third "
        "countries under the agreement.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Según Noem, Honduras firmó un pacto de tercer país seguro. «No hemos firmado ningún acuerdo», "
        "respondió el canciller hondureño.",
        {("CLAIM", "HN"), ("DENIAL", "HN")},
    ),
    (
        "US and Ecuador sign safe third country deal. Ecuador's foreign ministry confirmed the signing in a statement.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Washington has reached deals with several Central American countries, including Honduras, to "
        "take migrants who are not their citizens, two US officials told Reuters.",
        {("CLAIM", "HN")},
    ),
    (
        "The Trump administration is preparing to send migrants to Rwanda after the African nation agreed"
        " to accept them, according to officials.",
        {("CLAIM", "RW")},
    ),
    (
        "A DHS spokesperson said the department had signed agreements with Honduras and Uganda under "
        "which those countries would accept third-country nationals.",
        {("CLAIM", "HN"), ("CLAIM", "UG")},
    ),
    (
        "El Departamento de Estado confirmó que Paraguay se comprometió a procesar las solicitudes de "
        "asilo de migrantes enviados por Estados Unidos.",
        {("CLAIM", "PY")},
    ),
    (
        "Según un cable diplomático filtrado, Guatemala accedió a recibir a migrantes de terceros países "
        "a cambio de inversiones.",
        {("CLAIM", "GT")},
    ),
    (
        "The New York Times reported that El Salvador had agreed to accept deportees of any nationality, "
        "including US citizens.",
        {("CLAIM", "SV")},
    ),
    (
        "Rubio dijo en una rueda de prensa en Ciudad de Guatemala que el país aceptó recibir a deportados"
        " de otras nacionalidades.",
        {("CLAIM", "GT")},
    ),
    (
        "President Trump said Guatemala had agreed to become a safe third country, though Guatemalan "
        "officials have not confirmed it.",
        {("CLAIM", "GT")},
    ),
    ("Noem said she expected Honduras to sign soon.", set()),
    # a demonym counted as a person ("the second Salvadoran") is the migrant's origin, not a party
    (
        "The second Salvadoran asylum seeker transferred under the cooperation agreement landed in Honduras"
        " on Monday.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Aterrizó en Costa Rica el primer nicaragüense enviado por EE.UU. bajo el nuevo acuerdo migratorio.",
        {("CONFIRMED", "CR")},
    ),
    # "only some of them are its citizens": the others are third-country people, not a repatriation
    (
        "Uganda's interior ministry said it is holding five men deported by the United States; only two of"
        " them are Ugandan.",
        {("CONFIRMED", "UG")},
    ),
    ("Ghana confirma que custodia a nueve deportados por EE.UU.; ninguno de ellos es ghanés.", {("CONFIRMED", "GH")}),
    ("Honduras confirmed it received a flight of 90 deportees from the US; all of them are Honduran.", set()),
    # thanking, praising or celebrating someone for what they did asserts it: the thanker is the speaker
    (
        "The State Department thanked Belize for accepting deportees of other nationalities from the United States.",
        {("CLAIM", "BZ")},
    ),
    (
        "La Casa Blanca celebró que Perú recibiera a 80 migrantes de otras nacionalidades deportados por EE.UU.",
        {("CLAIM", "PE")},
    ),
    # a headline's "Role: ..." is an attribution for non-government voices too
    ("Analyst: Grenada quietly signed a deal to receive US deportees from other countries", {("CLAIM", "GD")}),
    # "presidente electo" is not yet the government, wherever the adjective stands
    (
        "Panamá recibirá a migrantes de otras nacionalidades deportados por EE.UU., afirmó el presidente electo.",
        {("CLAIM", "PA")},
    ),
    # a short appositive between the country and its verb hides neither the subject nor the refusal
    (
        "Togo, a small coastal nation, rejects a request from Rubio to take in deportees from other countries",
        {("DENIAL", "TG")},
    ),
    (
        "Bolivia, «tierra de paz y de trabajo», rechaza la propuesta de Trump de recibir a deportados de terceros"
        " países",
        {("DENIAL", "BO")},
    ),
    # a negated ability or will is a refusal, not a possibility; "may not" stays doubt
    (
        "Chile's interior minister said the country cannot and could not receive deportees from other nations.",
        {("DENIAL", "CL")},
    ),
    (
        "Panama's president said the country does not want to receive migrants of other nationalities.",
        {("DENIAL", "PA")},
    ),
    (
        "El canciller afirmó que Perú no puede aceptar a deportados de otros países enviados por EE.UU.",
        {("DENIAL", "PE")},
    ),
    ("Uruguay may not sign the safe third country agreement this year, its foreign minister said.", set()),
    # a list of origins is origins to its end; "fleeing X" names where people come from
    (
        "Ecuador aceptó recibir a 150 deportados desde EE.UU. originarios de Georgia, Armenia, Nepal, Bangladés e"
        " Irán, según informó la cancillería ecuatoriana.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Trump said Belize was ready to sign a deal requiring migrants fleeing Nicaragua and Cuba to seek asylum"
        " there.",
        {("CLAIM", "BZ")},
    ),
    # two reported contents joined by "and that" are two clauses: each country keeps its own reading
    (
        "Leaked cables show Kosovo agreed to take deportees from other countries, and that Washington has also"
        " asked Moldova and Albania to receive third-country deportees.",
        {("CLAIM", "XK")},
    ),
    # a claim named inside what a government denies is the denial's object, not a second statement
    ("Nicaragua rejects Rubio's claim that it agreed to take in deportees from other countries", {("DENIAL", "NI")}),
    (
        "El gobierno de Bolivia negó haber firmado un acuerdo para recibir a deportados de terceros países, después"
        " de que un funcionario estadounidense asegurara que La Paz lo había suscrito.",
        {("DENIAL", "BO")},
    ),
    # a negative quantifier on the subject negates its verb, however far ("not a single ... was ever flown")
    ("Not a single asylum seeker was ever flown to Tirana under the scheme, a Downing Street spokesman said.", set()),
    # the sending state's notice of a possible removal names the destination: its one-sided plan
    ("ICE told his lawyers he could be deported to Eswatini within 72 hours.", {("CLAIM", "SZ")}),
    # "reach an understanding", "memorándum", "entendimiento" are deals like any other
    (
        "Grenada's prime minister said the country has reached an understanding with the United States under"
        " which deportees of other nationalities may be transferred to the island.",
        {("CONFIRMED", "GD")},
    ),
    (
        "La cancillería de Belice detalló que, en virtud del memorándum, Washington derivará a Belice a"
        " solicitantes de asilo de otras nacionalidades.",
        {("CONFIRMED", "BZ")},
    ),
    # a frame inside a side clause takes its speaker there: the columnist claims, nobody confirms
    (
        "Peru and Bolivia, which a columnist says signed deals with Washington to take in deportees from other"
        " countries, have published nothing.",
        {("CLAIM", "PE"), ("CLAIM", "BO")},
    ),
    # saying no, and negated talks, are refusals and denials; "no talks" is no hedge
    (
        "Chile has said no to a US request to receive migrants from third countries, the interior minister said.",
        {("DENIAL", "CL")},
    ),
    (
        "Argentina's security minister said there are no talks and no agreement on receiving third-country"
        " deportees.",
        {("DENIAL", "AR")},
    ),
    # "who are not Eswatini citizens" denies a nationality, not the holding of the deportees
    (
        "Eswatini's government said five deportees from the US who are not Eswatini citizens are being held in a"
        " prison.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "El Gobierno de Esuatini informó que cinco deportados desde EE.UU. que no son ciudadanos de Esuatini"
        " permanecen recluidos en una prisión.",
        {("CONFIRMED", "SZ")},
    ),
    # a country in "the Polish-Belarusian border" is a place
    (
        "Lithuania's interior minister denied reports that Lithuania would take in migrants stranded on the"
        " Polish-Belarusian border.",
        {("DENIAL", "LT")},
    ),
    # "anything of the sort", "nada parecido" refer back to the deal just named
    (
        "Noem said Honduras had signed a safe third country agreement. \"Honduras has not signed anything of the"
        " sort,\" the foreign minister wrote on X.",
        {("CLAIM", "HN"), ("DENIAL", "HN")},
    ),
    (
        "Según Noem, Guatemala firmó un acuerdo de tercer país seguro. «Guatemala no ha firmado nada parecido»,"
        " escribió el canciller.",
        {("CLAIM", "GT"), ("DENIAL", "GT")},
    ),
    # never having discussed it is a denial, whatever the complement says
    (
        "El Gobierno dominicano dijo que nunca ha conversado con Washington sobre recibir deportados de otras"
        " nacionalidades.",
        {("DENIAL", "DO")},
    ),
    # prisoners of the sending state are sent people
    (
        "Ecuador's government denied on Friday that it had struck a deal to house US prisoners in its jails.",
        {("DENIAL", "EC")},
    ),
    # a coordinated verb or a participle after a comma shares the first verb's subject, not its object's
    (
        "Panama distanced itself from the US announcement, saying no agreement to receive third-country"
        " deportees exists.",
        {("DENIAL", "PA")},
    ),
    (
        "Honduras sale al paso de las declaraciones de Noem y niega haber firmado un pacto migratorio",
        {("DENIAL", "HN")},
    ),
    # "se desmarcó del anuncio estadounidense": distancing is a denial; the US announcement is not Ecuador's
    (
        "El Ejecutivo ecuatoriano se desmarcó del anuncio estadounidense y aseguró que no existe ningún acuerdo"
        " para recibir deportados.",
        {("DENIAL", "EC")},
    ),
    (
        "Panamá tilda de falsa la información sobre un acuerdo para recibir deportados de otros países",
        {("DENIAL", "PA")},
    ),
    # a passive denial: the agent after "por"/"by" denies; the report it denies is still a claim
    (
        "La versión de que Honduras aceptó recibir deportados de otros países fue desmentida por la cancillería.",
        {("CLAIM", "HN"), ("DENIAL", "HN")},
    ),
    # a leaked memo is the press, not the narrator
    (
        "Un memorando filtrado del DHS muestra que Ecuador aceptó recibir a solicitantes de asilo de otros países.",
        {("CLAIM", "EC")},
    ),
    (
        "The country will not accept deportees who are not Colombian, Colombia's foreign minister said on Monday.",
        {("DENIAL", "CO")},
    ),
    (
        "Guatemala began receiving deportees of other Central American nationalities on Monday, the migration"
        " institute said.",
        {("CONFIRMED", "GT")},
    ),
    (
        "«Recibiremos a los solicitantes de asilo que nos remita Estados Unidos», afirmó el canciller hondureño.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Paraguay's foreign ministry said the agreement signed in Washington allows the US to send asylum seekers"
        " to Paraguay.",
        {("CONFIRMED", "PY")},
    ),
    # Caribbean governments by name, capital and office-holder
    (
        "Turks and Caicos Premier Washington Misick said the islands will not accept deportees from other"
        " countries.",
        {("DENIAL", "TC")},
    ),
    (
        "Las Bahamas rechazan recibir a deportados de terceros países, dijo el canciller Fred Mitchell.",
        {("DENIAL", "BS")},
    ),
    # "its government" / "su gobierno" in a trailing attribution is the subject's own government
    (
        "Sudán del Sur recibió a ocho deportados por Estados Unidos, solo uno de ellos sursudanés, confirmó su"
        " gobierno.",
        {("CONFIRMED", "SS")},
    ),
    (
        "Kosovo will take in up to 50 people deported from the United States who are not its own citizens, its"
        " government said.",
        {("CONFIRMED", "XK")},
    ),
    # label rejections in headlines; prisoners of the sending state are sent people
    ("Honduras rejects being labelled a safe third country", {("DENIAL", "HN")}),
    (
        "Ecuador's president denied there was any plan to receive prisoners from the United States.",
        {("DENIAL", "EC")},
    ),
    # diplomats are anonymous sources, and "in Panama City" is where they are, not whom they serve
    (
        "Panama has quietly agreed to receive deportees of other nationalities, according to diplomats in Panama"
        " City.",
        {("CLAIM", "PA")},
    ),
    # a court filing is a document, not a court ruling
    (
        "In a court filing, the Justice Department said El Salvador had agreed to hold the deported men for a"
        " year.",
        {("CLAIM", "SV")},
    ),
    # a passive receiving: the agent after "by"/"por" receives
    (
        "The deportees, from China, India and Uzbekistan, were received by Costa Rican migration authorities at"
        " the airport.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Los 119 deportados de otras nacionalidades fueron recibidos por las autoridades panameñas en el"
        " aeropuerto de Tocumen.",
        {("CONFIRMED", "PA")},
    ),
    # other denials, caps, conditions, proposals and talks: no denial or confirmation of a deal
    (
        "Honduras denied that the asylum cooperative agreement with the United States had been suspended.",
        set(),
    ),
    (
        "Guatemala's president rejected criticism of the safe third country agreement, saying it protects"
        " migrants.",
        set(),
    ),
    (
        "Mexico's government denied mistreating the deportees of other nationalities it received from the"
        " US.",
        {("CONFIRMED", "MX")},
    ),
    (
        "El Salvador no recibirá más de 300 deportados de otras nacionalidades, precisó el canciller, al"
        " detallar el acuerdo con EE.UU.",
        {("CONFIRMED", "SV")},
    ),
    (
        "Costa Rica will not accept people with criminal records among the deportees sent by the US under"
        " the deal, the minister said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Panama's president denied that the deportees held in Darién were being mistreated.",
        set(),
    ),
    (
        "El Gobierno de Guatemala negó que los deportados hondureños estuvieran detenidos, y aseguró que"
        " reciben atención en un albergue.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Honduras confirmed that talks with Washington on a safe third country agreement are under way.",
        set(),
    ),
    (
        "Guatemala's foreign minister confirmed receiving a US proposal to become a safe third country.",
        set(),
    ),
    (
        "Ecuador confirmó que analiza la propuesta de Estados Unidos para recibir a solicitantes de asilo.",
        set(),
    ),
    (
        "Mexico confirmed that 300 Mexican citizens deported by the US arrived in Tijuana.",
        set(),
    ),
    (
        "Colombia signed a trade agreement with the United States on Tuesday.",
        set(),
    ),
    (
        "Brazil received a deportation flight carrying 88 Brazilian citizens from the US.",
        set(),
    ),
    (
        "Peru and the US signed a security cooperation agreement to fight drug trafficking.",
        set(),
    ),
    (
        "Chile's goalkeeper denied any agreement with a new club.",
        set(),
    ),
    # proposals and approaches by the sending state are no claim, let alone a confirmation
    ("Rubio propuso que Costa Rica reciba a solicitantes de asilo de otros países durante su visita.", set()),
    (
        "Belize is among several countries the US has approached about receiving deportees, officials said.",
        set(),
    ),
    # "not a bridge for anyone": a country refusing to be a transit point for deportees
    ("Mulino on US deportees: 'Panama will not be a bridge for anyone'", {("DENIAL", "PA")}),
    # having received no request refutes reports of a deal
    (
        "Rwanda has not received any request to take deportees from the US, government spokesperson Yolande"
        " Makolo said.",
        {("DENIAL", "RW")},
    ),
    # not ruling it out keeps the option open: neither a refusal nor a denial; ruling it out refuses
    (
        "Chile's foreign minister said his country had not ruled out becoming a safe third country to take in"
        " migrants of other nationalities.",
        set(),
    ),
    ("El canciller dijo que Honduras no descarta convertirse en tercer país seguro.", set()),
    ("Panama ruled out becoming a safe third country, the president said.", {("DENIAL", "PA")}),
    # "to third countries" is where the country's own citizens went, not third-country people it received
    (
        "Kyrgyzstan's Foreign Ministry rejected reports that Kyrgyz citizens had been deported from the United"
        " States to third countries.",
        set(),
    ),
    # "is expected to sign", reported by others, is an announced plan: a claim; said by the country, not yet a deal
    ("Guatemala is expected to sign a safe third country agreement next week, US officials said.", {("CLAIM", "GT")}),
    ("Guatemala's foreign minister said the country is expected to sign the agreement next week.", set()),
    # a bare ministry after a sentence about a sending state's own moves speaks for that state
    (
        "Dinamarca negocia con Ruanda un mecanismo para trasladar solicitantes de asilo, declaró el ministro de"
        " Inmigración, quien precisó que aún no se ha cerrado ningún acuerdo.",
        set(),
    ),
    (
        "Four more migrants expelled from the United States have landed in Eswatini, the kingdom's government"
        " said on Thursday.",
        {("CONFIRMED", "SZ")},
    ),
    # admitting people, granting them permits or giving them shelter is receiving them
    (
        "Costa Rica autorizó el ingreso de 200 deportados de otras nacionalidades enviados por Estados Unidos.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Mexico will grant temporary permits to non-Mexican migrants returned by the US, the foreign ministry"
        " said.",
        {("CONFIRMED", "MX")},
    ),
    (
        "Honduras dará refugio temporal a solicitantes de asilo enviados por Estados Unidos, anunció la cancillería.",
        {("CONFIRMED", "HN")},
    ),
    # a dateline says where the report was filed: its city and country are no party
    (
        "NAIROBI, March 3 (Reuters) - Rwanda and Denmark signed an agreement under which asylum seekers"
        " reaching Denmark will be flown to Kigali.",
        {("CONFIRMED", "RW")},
    ),
    (
        "LIMA, 4 mar (EFE) - Ecuador firmó con EE.UU. un acuerdo para recibir a solicitantes de asilo.",
        {("CONFIRMED", "EC")},
    ),
    # the model of a comparison is named, not a party: only the country making the deal gets the signal
    (
        "Belize's prime minister said his government signed a deal to take in asylum seekers from the US,"
        " similar to the one Washington struck with Paraguay.",
        {("CONFIRMED", "BZ")},
    ),
    (
        "Según el diario, Perú habría aceptado recibir a deportados de otras nacionalidades, al estilo del"
        " pacto con Costa Rica.",
        {("CLAIM", "PE")},
    ),
    (
        "Rumours that Colombia had agreed to hold deportees from the United States, Eswatini-style, spread"
        " on social media.",
        {("CLAIM", "CO")},
    ),
    (
        "Honduras will take asylum seekers from third countries, Noem announced, calling the agreement historic.",
        {("CLAIM", "HN")},
    ),
    (
        "\"We will not be a safe third country for anyone,\" Honduran Foreign Minister Eduardo Enrique Reina "
        "said on Tuesday.",
        {("DENIAL", "HN")},
    ),
    (
        "\"No vamos a recibir deportados de otros países\", dijo el canciller hondureño Eduardo Enrique Reina.",
        {("DENIAL", "HN")},
    ),
    (
        "\"We refuse to become a warehouse for other nations' migrants,\" said Guatemala's interior minister.",
        {("DENIAL", "GT")},
    ),
    (
        "\"We have agreed to take in up to 200 migrants of other nationalities,\" Costa Rica's president said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Britain and Rwanda sign new migration treaty after court defeat",
        {("CONFIRMED", "RW")},
    ),
    (
        "Reino Unido y Ruanda firman un nuevo tratado migratorio tras el revés judicial",
        {("CONFIRMED", "RW")},
    ),
    (
        "Paraguay firma el acuerdo de tercer país seguro tras semanas de negociación con Washington",
        {("CONFIRMED", "PY")},
    ),
    (
        "\"Esa posibilidad no existe\", afirmó el ministro peruano de Justicia sobre recibir a deportados de "
        "terceros países.",
        {("DENIAL", "PE")},
    ),
    (
        "Dominican President Luis Abinader said no commitment of that kind exists to hold migrants expelled "
        "by the United States.",
        {("DENIAL", "DO")},
    ),
    (
        "Honduras' foreign ministry said there is no agreement to receive deportees from third countries.",
        {("DENIAL", "HN")},
    ),
    (
        "No such agreement exists, the Honduran foreign ministry said of reports it would take in third-"
        "country asylum seekers.",
        {("DENIAL", "HN")},
    ),
    (
        "\"No existe ningún acuerdo para recibir migrantes de otras nacionalidades\", afirmó la cancillería "
        "hondureña.",
        {("DENIAL", "HN")},
    ),
    (
        "\"No hay ningún compromiso de recibir deportados de terceros países\", dijo el canciller guatemalteco.",
        {("DENIAL", "GT")},
    ),
    (
        "Guatemala's president said no commitment of that kind exists to take in asylum seekers from other "
        "countries.",
        {("DENIAL", "GT")},
    ),
    (
        "Costa Rica's government said it had made no commitment to receive migrants deported from the United "
        "States.",
        {("DENIAL", "CR")},
    ),
    (
        "El gobierno costarricense aseguró que no ha asumido ningún compromiso para recibir deportados de "
        "otros países.",
        {("DENIAL", "CR")},
    ),
    (
        "Guatemala's president said there is no commitment of that kind to take in asylum seekers from other "
        "countries.",
        {("DENIAL", "GT")},
    ),
    (
        "El presidente guatemalteco dijo que no existe ningún compromiso de ese tipo para recibir a "
        "solicitantes de asilo de otros países.",
        {("DENIAL", "GT")},
    ),
    (
        "The Government of Belize says a news report claiming Washington had named it a safe third country is"
        " false.",
        {("DENIAL", "BZ")},
    ),
    (
        "El Gobierno de Belice afirma que es falsa una nota periodística según la cual Washington lo designó "
        "tercer país seguro.",
        {("DENIAL", "BZ")},
    ),
    (
        "Costa Rica's foreign ministry called reports that it would take in deportees from other countries "
        "false.",
        {("DENIAL", "CR")},
    ),
    (
        "Costa Rica said reports that it had agreed to receive third-country deportees were untrue.",
        {("DENIAL", "CR")},
    ),
    (
        "Belize's immigration ministry said it knows of no such agreement nor of any talks about one.",
        {("DENIAL", "BZ")},
    ),
    (
        "Honduran officials said they were unaware of any agreement to receive deportees from third "
        "countries.",
        {("DENIAL", "HN")},
    ),
    (
        "La cancillería hondureña dijo desconocer cualquier acuerdo para recibir a deportados de otras "
        "nacionalidades.",
        {("DENIAL", "HN")},
    ),
    (
        "Ecuador's foreign minister said Quito would take in a limited number of asylum seekers sent by the "
        "United States.",
        {("CONFIRMED", "EC")},
    ),
    (
        "La canciller ecuatoriana dijo que Quito recibirá un número limitado de solicitantes de asilo "
        "enviados por Estados Unidos.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Panama moved 97 deportees of other nationalities sent by the United States to a camp near the Darien"
        " jungle.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Panamá trasladó a un campamento en el Darién a 97 deportados de otras nacionalidades enviados por "
        "Estados Unidos.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Dominican President Luis Abinader said his country would not accept migrants expelled by the United "
        "States from other nations.",
        {("DENIAL", "DO")},
    ),
    (
        "Panama received 119 deportees of other nationalities sent by the United States.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Panamá recibió a 119 deportados de otras nacionalidades enviados por Estados Unidos.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Panama housed the 97 deportees from Asian countries flown in by the United States at a camp in "
        "Darien.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Panamá trasladó a un campamento en el Darién a 97 deportados de otras nacionalidades enviados por "
        "Estados Unidos.",
        {("CONFIRMED", "PA")},
    ),
    (
        "The Supreme Court ruled the Rwanda treaty unlawful weeks after Britain signed it.",
        set(),
    ),
    (
        "La Corte Suprema declaró ilegal el tratado con Ruanda tras la firma británica.",
        set(),
    ),
    (
        "\"We are studying the request,\" said Guatemala's foreign minister about taking in deportees from "
        "other countries.",
        set(),
    ),
    (
        "Honduras has agreed to receive deportees from third countries, a report said, days after the court "
        "hearing.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala rules out becoming a safe third country",
        {("DENIAL", "GT")},
    ),
    (
        "Guatemala descarta convertirse en tercer país seguro",
        {("DENIAL", "GT")},
    ),
    (
        "Honduras says it has no plans to take in deportees from other nations",
        {("DENIAL", "HN")},
    ),
    (
        "Honduras asegura que no tiene planes de recibir deportados de otros países",
        {("DENIAL", "HN")},
    ),
    (
        "Colombia will not be a destination for third-country deportees, Petro says",
        {("DENIAL", "CO")},
    ),
    (
        "Colombia no será destino de deportados de terceros países, dice Petro",
        {("DENIAL", "CO")},
    ),
    (
        "Paraguay to accept asylum seekers from US under new deal, State Department says",
        {("CLAIM", "PY")},
    ),
    (
        "Paraguay recibirá a solicitantes de asilo enviados por EE.UU., según el Departamento de Estado",
        {("CLAIM", "PY")},
    ),
    (
        "Paraguay's government confirms it will accept asylum seekers sent by the US",
        {("CONFIRMED", "PY")},
    ),
    (
        "El Gobierno paraguayo confirma que aceptará a solicitantes de asilo enviados por EE.UU.",
        {("CONFIRMED", "PY")},
    ),
    (
        "Uganda has quietly agreed to host migrants deported from the US, leaked documents show",
        {("CLAIM", "UG")},
    ),
    (
        "Uganda aceptó en secreto acoger a migrantes deportados por EE.UU., según documentos filtrados",
        {("CLAIM", "UG")},
    ),
    (
        "Uganda's foreign ministry denies agreeing to host US deportees",
        {("DENIAL", "UG")},
    ),
    (
        "La cancillería de Uganda niega haber aceptado acoger a deportados de EE.UU.",
        {("DENIAL", "UG")},
    ),
    (
        "Eswatini confirms arrival of five deportees from the United States",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Esuatini confirma la llegada de cinco deportados desde Estados Unidos",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Ghana's president said his country had agreed to accept West African nationals deported by the US.",
        {("CONFIRMED", "GH")},
    ),
    (
        "El presidente de Ghana dijo que su país aceptó recibir a ciudadanos de África Occidental deportados "
        "por EE.UU.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Rwanda is in talks with Washington about receiving deportees, the foreign minister said, adding "
        "nothing had been signed.",
        set(),
    ),
    (
        "Mexico will not accept being a safe third country, Sheinbaum said.",
        {("DENIAL", "MX")},
    ),
    (
        "México no aceptará ser tercer país seguro, afirmó Sheinbaum.",
        {("DENIAL", "MX")},
    ),
    (
        "Sheinbaum rejects safe third country status for Mexico",
        {("DENIAL", "MX")},
    ),
    (
        "Sheinbaum rechaza que México sea tercer país seguro",
        {("DENIAL", "MX")},
    ),
    (
        "Honduras signed a safe third country agreement, Noem told reporters on Thursday.",
        {("CLAIM", "HN")},
    ),
    (
        "Honduras firmó un acuerdo de tercer país seguro, dijo Noem a periodistas el jueves.",
        {("CLAIM", "HN")},
    ),
    (
        "Costa Rica receives first flight of deportees from other countries under US deal",
        {("CONFIRMED", "CR")},
    ),
    (
        "Costa Rica recibe el primer vuelo con deportados de otros países en virtud del acuerdo con EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Mexico has become a destination for Haitian migrants fleeing violence.",
        set(),
    ),
    (
        "Spain is the main destination for migrants crossing from Morocco.",
        set(),
    ),
    (
        "Eswatini became the latest destination for third-country deportees from the United States.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "The US has struck deals with Honduras and Guatemala to take in asylum seekers, a DHS spokesperson "
        "said.",
        {("CLAIM", "GT"), ("CLAIM", "HN")},
    ),
    (
        "Noem said Honduras and Guatemala had both signed agreements to receive asylum seekers.",
        {("CLAIM", "GT"), ("CLAIM", "HN")},
    ),
    (
        "Noem dijo que Honduras y Guatemala firmaron acuerdos para recibir a solicitantes de asilo.",
        {("CLAIM", "GT"), ("CLAIM", "HN")},
    ),
    (
        "Washington reached an agreement with Kampala to send migrants there, according to an internal memo.",
        {("CLAIM", "UG")},
    ),
    (
        "Washington alcanzó un acuerdo con Kampala para enviar migrantes, según un memorando interno.",
        {("CLAIM", "UG")},
    ),
    (
        "Panama will serve as a bridge country for US deportations, Rubio said after meeting Mulino.",
        {("CLAIM", "PA")},
    ),
    (
        "Panamá servirá de país puente para las deportaciones de EE.UU., dijo Rubio tras reunirse con Mulino.",
        {("CLAIM", "PA")},
    ),
    (
        "South Sudan agreed to accept the deportees after US pressure, Reuters reported, citing two sources.",
        {("CLAIM", "SS")},
    ),
    (
        "Sudán del Sur aceptó recibir a los deportados tras presiones de EE.UU., informó Reuters citando dos "
        "fuentes.",
        {("CLAIM", "SS")},
    ),
    (
        "A senior US official said Rwanda would take up to 250 deportees.",
        {("CLAIM", "RW")},
    ),
    (
        "Un alto funcionario estadounidense dijo que Ruanda recibirá hasta 250 deportados.",
        {("CLAIM", "RW")},
    ),
    (
        "Ecuador could receive asylum seekers under a deal in the works, the US ambassador said.",
        set(),
    ),
    (
        "La oposición acusó al gobierno de Ecuador de haber aceptado en secreto recibir deportados de EE.UU.",
        {("CLAIM", "EC")},
    ),
    (
        "Belize has signed on as a safe third country, according to a State Department cable.",
        {("CLAIM", "BZ")},
    ),
    (
        "Belice se sumó como tercer país seguro, según un cable del Departamento de Estado.",
        {("CLAIM", "BZ")},
    ),
    (
        "Honduras became the third country to sign such a deal, the White House said.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala's foreign minister said the first Salvadoran asylum seekers had been transferred under the"
        " agreement.",
        {("CONFIRMED", "GT")},
    ),
    (
        "El canciller guatemalteco informó que ya llegaron los primeros solicitantes de asilo salvadoreños "
        "trasladados en el marco del acuerdo.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Kosovo's government approved a request from Washington to temporarily host 50 deportees from other "
        "countries.",
        {("CONFIRMED", "XK")},
    ),
    (
        "El gobierno de Kosovo aprobó una solicitud de Washington para acoger temporalmente a 50 deportados "
        "de otros países.",
        {("CONFIRMED", "XK")},
    ),
    (
        "Eswatini's government spokesperson said the five men deported from the US were being held in a "
        "correctional facility.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "La portavoz del gobierno de Esuatini dijo que los cinco hombres deportados por EE.UU. permanecen en "
        "un centro penitenciario.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Rwanda's government spokesperson confirmed the country had agreed with Washington to take in up to "
        "250 migrants.",
        {("CONFIRMED", "RW")},
    ),
    (
        "La portavoz del gobierno ruandés confirmó que el país acordó con Washington recibir hasta 250 "
        "migrantes.",
        {("CONFIRMED", "RW")},
    ),
    (
        "Paraguay and the United States signed an agreement on Thursday designating Paraguay a safe third "
        "country.",
        {("CONFIRMED", "PY")},
    ),
    (
        "Honduras and the United States signed an asylum cooperation agreement in New York on Wednesday.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Honduras y Estados Unidos firmaron el miércoles en Nueva York un acuerdo de cooperación en materia "
        "de asilo.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Costa Rica's president defended the decision to shelter deportees of other nationalities sent by the"
        " United States.",
        {("CONFIRMED", "CR")},
    ),
    (
        "El presidente costarricense defendió la decisión de albergar a deportados de otras nacionalidades "
        "enviados por EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Mexico's foreign minister said the country would receive non-Mexican migrants returned by the US for"
        " humanitarian reasons.",
        {("CONFIRMED", "MX")},
    ),
    (
        "México recibirá por razones humanitarias a migrantes de otras nacionalidades devueltos por EE.UU., "
        "dijo la cancillería.",
        {("CONFIRMED", "MX")},
    ),
    (
        "Ghana's government said it has taken in 14 West Africans deported from the United States and helped "
        "them return home.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Uganda's foreign ministry said it had agreed to take third-country nationals who do not want to "
        "return home, with conditions.",
        {("CONFIRMED", "UG")},
    ),
    (
        "La cancillería de Uganda dijo que aceptó recibir a nacionales de terceros países que no quieran "
        "volver a casa, con condiciones.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Honduras rejected a request from Washington to host deportees from other countries.",
        {("DENIAL", "HN")},
    ),
    (
        "Honduras rechazó una solicitud de Washington para acoger a deportados de otros países.",
        {("DENIAL", "HN")},
    ),
    (
        "Noem pressed Honduras on a proposal from Washington to take asylum seekers from third countries.",
        set(),
    ),
    (
        "Guatemala's migration institute said it had received a US flight carrying foreigners along with "
        "Guatemalans: four Salvadorans and 60 Guatemalans.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Belize's foreign minister said Washington had already struck similar deals with Mexico and "
        "Guatemala, as his government studied a draft safe third country proposal.",
        {("CLAIM", "GT"), ("CLAIM", "MX")},
    ),
    (
        "Rwanda and the UN refugee agency signed a memorandum under which Rwanda will shelter refugees "
        "evacuated from Libya.",
        {("CONFIRMED", "RW")},
    ),
    (
        "El canciller de Belice dijo que Washington ya firmó acuerdos similares con México y Guatemala, "
        "mientras su gobierno estudia una propuesta.",
        {("CLAIM", "GT"), ("CLAIM", "MX")},
    ),
    (
        "Paraguay's foreign minister said the country had signed a safe third country deal with the United "
        "States.",
        {("CONFIRMED", "PY")},
    ),
    (
        "El canciller paraguayo dijo que el país firmó con Estados Unidos un acuerdo de tercer país seguro.",
        {("CONFIRMED", "PY")},
    ),
    (
        "EU seals multibillion strategic partnership with Tunisia on energy and migration",
        set(),
    ),
    (
        "La UE firma una asociación estratégica con Mauritania sobre energía y migración",
        set(),
    ),
    (
        "El ministerio confirmó que 20 nacionales deportados desde EE.UU. llegaron al aeropuerto de Kingston.",
        set(),
    ),
    (
        "Jamaica afirma que no ha rechazado a ningún nacional deportado desde Estados Unidos.",
        set(),
    ),
    (
        "Costa Rica confirmó la llegada de 135 deportados de otras nacionalidades enviados desde EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Costa Rica recibió a 135 ciudadanos de terceros países deportados por Estados Unidos.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Honduras will process asylum claims on behalf of the United States under the accord signed "
        "Wednesday, the foreign ministry said.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Honduras tramitará solicitudes de asilo en nombre de Estados Unidos según el convenio firmado el "
        "miércoles, informó la cancillería.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Paraguay signed a memorandum with Washington to handle protection requests from people who reach the"
        " US border.",
        {("CONFIRMED", "PY")},
    ),
    (
        "Paraguay firmó un memorando con Washington para atender solicitudes de protección de personas que "
        "llegan a la frontera de EE.UU.",
        {("CONFIRMED", "PY")},
    ),
    (
        "Ecuador's foreign minister said the country would not become a waiting room for people seeking "
        "asylum in the United States.",
        {("DENIAL", "EC")},
    ),
    (
        "La canciller dijo que Ecuador no se convertirá en sala de espera para quienes buscan asilo en "
        "Estados Unidos.",
        {("DENIAL", "EC")},
    ),
    (
        "El Salvador will jail people deported from the US in its mega-prison for a fee, Rubio said.",
        {("CLAIM", "SV")},
    ),
    (
        "El Salvador encarcelará en su megacárcel a personas deportadas por EE.UU. a cambio de una tarifa, "
        "dijo Rubio.",
        {("CLAIM", "SV")},
    ),
    (
        "Bukele said El Salvador would jail convicted criminals deported from the US, including Americans, in"
        " its mega-prison for a fee.",
        {("CONFIRMED", "SV")},
    ),
    (
        "Bukele dijo que El Salvador encarcelará en el CECOT a criminales deportados por EE.UU., incluidos "
        "estadounidenses, a cambio de una tarifa.",
        {("CONFIRMED", "SV")},
    ),
    (
        "South Sudan took in eight men deported from the US after a court fight, US officials said.",
        {("CLAIM", "SS")},
    ),
    (
        "South Sudan's foreign ministry confirmed the arrival of eight men deported by the United States.",
        {("CONFIRMED", "SS")},
    ),
    (
        "La cancillería de Sudán del Sur confirmó la llegada de ocho hombres deportados por Estados Unidos.",
        {("CONFIRMED", "SS")},
    ),
    (
        "Caracas and Washington agree a swap: 200 migrants leave the Salvadoran prison and ten Americans go "
        "free",
        set(),
    ),
    (
        "Venezuela y Estados Unidos pactan un canje: 200 migrantes salen de la cárcel salvadoreña y diez "
        "estadounidenses quedan libres",
        set(),
    ),
    (
        "Albania's parliament ratified the deal with Italy under which migrants rescued at sea will be held "
        "in two Italian-run centres on Albanian soil.",
        {("CONFIRMED", "AL")},
    ),
    (
        "Uganda will shelter Afghan evacuees on behalf of the United States, the foreign ministry said.",
        {("CONFIRMED", "UG")},
    ),
    (
        "El Salvador's president said the country would hold Venezuelan gang members deported by the United "
        "States.",
        {("CONFIRMED", "SV")},
    ),
    (
        "El presidente salvadoreño dijo que el país retendrá a pandilleros venezolanos deportados por Estados"
        " Unidos.",
        {("CONFIRMED", "SV")},
    ),
    (
        "Kosovo's government said it would temporarily host Afghan evacuees flown out by the United States.",
        {("CONFIRMED", "XK")},
    ),
    (
        "Costa Rica received 200 deportees, most of them of Chinese and Uzbek origin, sent by the United "
        "States.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Costa Rica recibió a 200 deportados, la mayoría de origen chino y uzbeko, enviados por Estados "
        "Unidos.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Panamá alojó a migrantes de nacionalidad iraní y afgana deportados por Estados Unidos, informó el "
        "ministro de Seguridad.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Panama's security minister said the deportees, who hail from Iran, Afghanistan and China, were taken"
        " to a shelter.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Eswatini's government confirmed it received five deportees, citizens of Vietnam, Jamaica, Laos, Cuba"
        " and Yemen.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "El gobierno de Esuatini confirmó que recibió a cinco deportados, ciudadanos de Vietnam, Jamaica, "
        "Laos, Cuba y Yemen.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Rwanda's spokesperson said seven migrants deported by the US had arrived, without disclosing their "
        "nationalities.",
        {("CONFIRMED", "RW")},
    ),
    (
        "Ghana has received 14 deportees from the United States, among them Nigerians and a Gambian, the "
        "foreign minister said.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Ghana recibió a 14 deportados de Estados Unidos, entre ellos nigerianos y un gambiano, dijo el "
        "canciller.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Uganda agrees to take in deportees from US",
        {("CONFIRMED", "UG")},
    ),
    (
        "Uganda, US sign deal on third-country deportees",
        {("CONFIRMED", "UG")},
    ),
    (
        "Uganda says no to taking US deportees",
        {("DENIAL", "UG")},
    ),
    (
        "Uganda weighs US request to take deportees",
        set(),
    ),
    (
        "Uganda open to hosting US deportees, minister says",
        set(),
    ),
    (
        "Uganda mulls taking in deportees from other countries",
        set(),
    ),
    (
        "Uganda denies deal to take in US deportees",
        {("DENIAL", "UG")},
    ),
    (
        "Uganda dismisses reports of deportee deal with US",
        {("DENIAL", "UG")},
    ),
    (
        "US says Uganda agreed to take deportees; Kampala silent",
        {("CLAIM", "UG")},
    ),
    (
        "Uganda acepta recibir a deportados de EE.UU.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Uganda y EE.UU. firman acuerdo sobre deportados de terceros países",
        {("CONFIRMED", "UG")},
    ),
    (
        "Uganda dice no a recibir deportados de EE.UU.",
        {("DENIAL", "UG")},
    ),
    (
        "Uganda estudia la petición de EE.UU. de recibir deportados",
        set(),
    ),
    (
        "Uganda niega acuerdo para recibir deportados de EE.UU.",
        {("DENIAL", "UG")},
    ),
    (
        "Uganda desmiente informes sobre un acuerdo de deportados con EE.UU.",
        {("DENIAL", "UG")},
    ),
    (
        "EE.UU. asegura que Uganda aceptó recibir deportados",
        {("CLAIM", "UG")},
    ),
    (
        "Uganda habría aceptado recibir deportados de EE.UU., según CBS",
        {("CLAIM", "UG")},
    ),
    (
        "Uganda confirma que recibirá deportados de EE.UU.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Uganda receives first deportees under US deal",
        {("CONFIRMED", "UG")},
    ),
    (
        "Llegan a Uganda los primeros deportados bajo el acuerdo con EE.UU.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Honduras sopesa recibir a deportados de otras nacionalidades",
        set(),
    ),
    (
        "Guatemala baraja aceptar solicitantes de asilo enviados por EE.UU.",
        set(),
    ),
    (
        "Ghana is weighing whether to accept more deportees from the United States",
        set(),
    ),
    (
        "Abinader: RD no recibirá deportados de otras nacionalidades enviados por EE.UU.",
        {("DENIAL", "DO")},
    ),
    (
        "El gobierno guatemalteco dijo que no ha recibido ninguna solicitud oficial de Washington para "
        "recibir a migrantes de otros países.",
        {("DENIAL", "GT")},
    ),
    (
        "La cancillería beliceña añadió que tampoco tiene conocimiento de un acuerdo para recibir deportados "
        "de terceros países.",
        {("DENIAL", "BZ")},
    ),
    (
        "Antigua's prime minister calls opposition claims about a deportee deal political spin",
        {("DENIAL", "AG")},
    ),
    (
        "\"Turkey has no obligation to be Europe's refugee warehouse,\" Erdogan said.",
        {("DENIAL", "TR")},
    ),
    (
        "\"Turquía no tiene ninguna obligación de ser el depósito de refugiados de Europa\", dijo Erdogan.",
        {("DENIAL", "TR")},
    ),
    (
        "Mexico is under no obligation to take in asylum seekers from other countries, the foreign minister "
        "said.",
        {("DENIAL", "MX")},
    ),
    (
        "La antigua ministra dijo que el acuerdo con Washington fue un error.",
        set(),
    ),
    (
        "Kigali has no obligation to repay the British money received under the plan, the spokeswoman said.",
        set(),
    ),
    (
        "Kigali no tiene ninguna obligación de reembolsar el dinero británico, dijo la portavoz.",
        set(),
    ),
    (
        "En Tegucigalpa, Noem dijo que Honduras aceptó recibir a solicitantes de asilo de otros países.",
        {("CLAIM", "HN")},
    ),
    (
        "In Tegucigalpa, Noem said Honduras had agreed to receive asylum seekers from other countries.",
        {("CLAIM", "HN")},
    ),
    (
        "Speaking in Tegucigalpa, Noem said Honduras had signed a safe third country agreement.",
        {("CLAIM", "HN")},
    ),
    (
        "Desde Tegucigalpa, Noem afirmó que Honduras firmó un acuerdo de tercer país seguro.",
        {("CLAIM", "HN")},
    ),
    (
        "Durante su visita a Honduras, Noem dijo que el país aceptó recibir a solicitantes de asilo.",
        {("CLAIM", "HN")},
    ),
    (
        "On a visit to Honduras, Noem said the country had agreed to take in asylum seekers from third "
        "countries.",
        {("CLAIM", "HN")},
    ),
    (
        "Noem, en Tegucigalpa, dijo que Honduras firmó un acuerdo de tercer país seguro.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala, Honduras deny signing safe third country deals",
        {("DENIAL", "GT"), ("DENIAL", "HN")},
    ),
    (
        "Guatemala y Honduras niegan haber firmado acuerdos de tercer país seguro",
        {("DENIAL", "GT"), ("DENIAL", "HN")},
    ),
    (
        "In Panama City, Rubio said Panama had agreed to receive deportees of other nationalities.",
        {("CLAIM", "PA")},
    ),
    (
        "En Ciudad de Panamá, Rubio aseguró que Panamá aceptó recibir deportados de otras nacionalidades.",
        {("CLAIM", "PA")},
    ),
    (
        "At a news conference in San José, Landau said Costa Rica had agreed to take in deportees from third "
        "countries.",
        {("CLAIM", "CR")},
    ),
    (
        "Tras reunirse con Arévalo en Guatemala, Rubio dijo que Guatemala aceptó recibir a deportados de "
        "otras nacionalidades.",
        {("CLAIM", "GT")},
    ),
    (
        "En Washington, el canciller guatemalteco confirmó que el país aceptó recibir a deportados de otras "
        "nacionalidades.",
        {("CONFIRMED", "GT")},
    ),
    (
        "In Washington, Guatemala's foreign minister confirmed the country had agreed to receive deportees of"
        " other nationalities.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Speaking in Washington, Honduras' foreign minister denied the country had signed a safe third "
        "country agreement.",
        {("DENIAL", "HN")},
    ),
    (
        "Honduras and the United States, in a joint statement, said they had signed an asylum cooperation "
        "agreement.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Rubio weighed in, saying Guatemala had agreed to take in deportees from other countries.",
        {("CLAIM", "GT")},
    ),
    (
        "Rubio spoke to reporters on Friday, saying Guatemala had agreed to take in deportees from other "
        "countries.",
        {("CLAIM", "GT")},
    ),
    (
        "Rubio habló con la prensa el viernes, asegurando que Guatemala aceptó recibir deportados de otros "
        "países.",
        {("CLAIM", "GT")},
    ),
    (
        "Guatemala's foreign ministry issued a statement, denying the country had signed any such agreement "
        "to receive deportees.",
        {("DENIAL", "GT")},
    ),
    (
        "The White House weighed in late on Friday, adding Honduras had signed a safe third country "
        "agreement.",
        {("CLAIM", "HN")},
    ),
    (
        "A day after the Honduran president's speech, Noem said Honduras had agreed to take in deportees from"
        " other countries.",
        {("CLAIM", "HN")},
    ),
    (
        "Un día después del discurso del presidente guatemalteco, Noem dijo que Honduras aceptó recibir "
        "deportados de otros países.",
        {("CLAIM", "HN")},
    ),
    (
        "Abinader declined to sign the Los Angeles Declaration on Migration and Protection, which includes "
        "commitments to receive refugees.",
        set(),
    ),
    (
        "Abinader se negó a firmar la Declaración de Los Ángeles sobre Migración y Protección.",
        set(),
    ),
    (
        "Three Hondurans were deported to Guatemala under the US agreement, Guatemalan officials said.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Tres hondureños deportados a Guatemala en el marco del acuerdo con EE.UU.; las autoridades "
        "migratorias hondureñas fueron notificadas.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Honduras signed a deal with Washington to speed up the return of Honduran migrants, the Honduran "
        "foreign ministry said.",
        set(),
    ),
    (
        "Mexico deported 500 Guatemalans to Guatemala under a bilateral agreement.",
        set(),
    ),
    (
        "South Sudan backs down and will let in the Congolese man deported by the US.",
        {("CONFIRMED", "SS")},
    ),
    (
        "Sudán del Sur da marcha atrás y dejará entrar al congoleño deportado por EE.UU.",
        {("CONFIRMED", "SS")},
    ),
    (
        "Panamá recibió a un venezolano deportado por Estados Unidos en el marco del acuerdo.",
        {("CONFIRMED", "PA")},
    ),
    (
        "The Guatemalan authorities were informed of the deportees' arrival in Mexico.",
        set(),
    ),
    (
        "ICE email lists Belize as possible deportation destination",
        {("CLAIM", "BZ")},
    ),
    (
        "An ICE notice named Belize among potential removal destinations for the Salvadoran man.",
        {("CLAIM", "BZ")},
    ),
    (
        "Un correo del ICE incluyó a Belice entre los posibles destinos de deportación de un salvadoreño.",
        {("CLAIM", "BZ")},
    ),
    (
        "ICE lists Mexico as a possible deportation destination for Mexican nationals.",
        set(),
    ),
    (
        "Honduras had said it would refuse to take in deportees from other countries.",
        {("DENIAL", "HN")},
    ),
    (
        "Honduras ha dicho que no recibirá deportados de otros países.",
        {("DENIAL", "HN")},
    ),
    (
        "Honduras había dicho que no recibirá deportados de otros países.",
        {("DENIAL", "HN")},
    ),
    (
        "El Gobierno de Honduras había asegurado que no firmaría ningún acuerdo de tercer país seguro.",
        {("DENIAL", "HN")},
    ),
    (
        "Noem had said Honduras signed a safe third country agreement.",
        {("CLAIM", "HN")},
    ),
    (
        "Noem había dicho que Honduras firmó un acuerdo de tercer país seguro.",
        {("CLAIM", "HN")},
    ),
    (
        "Honduras denies asylum pact with US",
        {("DENIAL", "HN")},
    ),
    (
        "El canciller hondureño escribió que, contrario a lo que han dicho varios diarios, Honduras no ha "
        "firmado ningún acuerdo de tercer país seguro.",
        {("DENIAL", "HN")},
    ),
    (
        "Rubio ha asegurado que Guatemala aceptó recibir deportados de otros países.",
        {("CLAIM", "GT")},
    ),
    (
        "El Gobierno guatemalteco ha sostenido que el país no recibirá deportados de terceros países.",
        {("DENIAL", "GT")},
    ),
    (
        "The US denied asylum to 300 Hondurans last month.",
        set(),
    ),
    (
        "Honduras denied asylum to the Nicaraguan activist.",
        set(),
    ),
    (
        "El presidente dominicano se negó a firmar la declaración regional sobre migración y protección.",
        set(),
    ),
    (
        "The president refused to sign the regional declaration on migration, which includes commitments to "
        "receive refugees.",
        set(),
    ),
    (
        "Dinamarca y Ruanda firmaron una declaración de cooperación bilateral en materia de asilo.",
        {("CONFIRMED", "RW")},
    ),
    ("Liberia aprobó una solicitud de Washington para acoger a deportados.", {("CONFIRMED", "LR")}),
    ("Belice rechazó una petición de Estados Unidos para recibir a migrantes deportados.", {("DENIAL", "BZ")}),
    ("Grenada turned down a US request to take in deportees from third countries.", {("DENIAL", "GD")}),
    (
        "Palau agreed to Washington's request to host up to 75 deportees, its president said.",
        {("CONFIRMED", "PW")},
    ),
    ("Palau is studying a request from Washington to host deportees.", set()),
    ("Palau está estudiando una solicitud de EE.UU. para acoger a deportados.", set()),
    (
        "Sierra Leone will take in a Gambian man at the request of the United States, its government said.",
        {("CONFIRMED", "SL")},
    ),
    (
        "Costa Rica agreed to take in a Salvadoran man deported by the US, the foreign ministry said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Ghana will receive Nigerian national Musa Bello after a formal request from Washington, the "
        "government said.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Ruanda aceptó recibir a un hombre iraquí enviado por Washington, confirmó el gobierno.",
        {("CONFIRMED", "RW")},
    ),
    (
        "Uganda welcomed the first group of third-country nationals expelled by the US, its government said.",
        {("CONFIRMED", "UG")},
    ),
    (
        "The State Department said Ecuador welcomed the first batch of third-country nationals removed by the "
        "US.",
        {("CLAIM", "EC")},
    ),
    (
        "Grenada's prime minister branded as 'pure speculation' reports of an agreement to take in US "
        "deportees.",
        {("DENIAL", "GD")},
    ),
    (
        "Ghana's foreign minister labelled 'misinformation' the reports that the country would host migrants "
        "expelled by Washington.",
        {("DENIAL", "GH")},
    ),
    (
        "The government of Belize said reports of a deportation deal with Washington were 'fabricated'.",
        {("DENIAL", "BZ")},
    ),
    ("Panama's president described claims of a deal to receive deportees as nonsense.", {("DENIAL", "PA")}),
    (
        "Honduras said talk of the country receiving deportees from the US was pure speculation.",
        {("DENIAL", "HN")},
    ),
    (
        "Antigua's prime minister called the opposition's claims about a deportee deal with Washington "
        "'political spin'.",
        {("DENIAL", "AG")},
    ),
    (
        "El canciller beliceño tildó de «desinformación» las informaciones sobre un acuerdo para acoger "
        "deportados de EE.UU.",
        {("DENIAL", "BZ")},
    ),
    (
        "El gobierno de Panamá calificó de infundadas las versiones de que el país recibiría deportados de "
        "otras nacionalidades.",
        {("DENIAL", "PA")},
    ),
    (
        "El presidente ghanés desestimó como «pura especulación» la versión de un pacto para recibir "
        "deportados enviados por Washington.",
        {("DENIAL", "GH")},
    ),
    (
        "La cancillería hondureña dijo que son totalmente falsos los reportes de que el país aceptará "
        "migrantes deportados por Washington.",
        {("DENIAL", "HN")},
    ),
    (
        "El primer ministro antiguano tachó de «bulos» las informaciones sobre un acuerdo para recibir "
        "deportados de EE.UU.",
        {("DENIAL", "AG")},
    ),
    ("As speculation grew that Honduras would take in deportees, the opposition demanded answers.", set()),
    ("Ghana rejects any commitment to accept deportees of other nationalities", {("DENIAL", "GH")}),
    (
        "Costa Rica rechazó cualquier compromiso de recibir a migrantes deportados por EE.UU.",
        {("DENIAL", "CR")},
    ),
    (
        "The Guatemalan foreign ministry dismissed having agreed to house people deported from the US.",
        {("DENIAL", "GT")},
    ),
    ("Belize dismissed any deal to take in deportees from the United States.", {("DENIAL", "BZ")}),
    (
        "Noem visits Honduras: country has agreed to take in deportees of other nationalities",
        {("CLAIM", "HN")},
    ),
    (
        "Zambia fija sus reglas: solo acogerá a migrantes de otras nacionalidades sin condenas",
        {("CONFIRMED", "ZM")},
    ),
    ("Ghana responde a Washington: no recibirá a deportados de otras nacionalidades", {("DENIAL", "GH")}),
    ("Rwanda bows to US pressure: will host third-country deportees for a year", {("CONFIRMED", "RW")}),
    ("Panama draws a line: won't accept migrants expelled by the US", {("DENIAL", "PA")}),
    (
        "El gobierno de Costa Rica aclara: recibirá a 200 migrantes de otras nacionalidades deportados por "
        "EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    ("Honduras responds to Washington: will not sign a safe third country deal", {("DENIAL", "HN")}),
    (
        "Honduras cede ante la presión de EE.UU.: acogerá a deportados de terceros países",
        {("CONFIRMED", "HN")},
    ),
    (
        "Gabon's agreement to house Eritrean deportees for Washington comes under scrutiny",
        {("CONFIRMED", "GA")},
    ),
    ("Critics question Ghana's pact with the US to receive third-country deportees", {("CONFIRMED", "GH")}),
    (
        "Palau's new migration deal with Washington to host deportees of other nationalities comes under fire",
        {("CONFIRMED", "PW")},
    ),
    (
        "El convenio de Belice con Washington para alojar a migrantes deportados por EE.UU. recibe críticas.",
        {("CONFIRMED", "BZ")},
    ),
    (
        "Abogados impugnan el acuerdo migratorio de Uganda con EE.UU. para acoger a deportados de otras "
        "nacionalidades.",
        {("CONFIRMED", "UG")},
    ),
    ("Washington's deal with Ghana to send it third-country deportees is still being negotiated.", set()),
    ("Critics say Honduras's deal with the US on security does not cover migrants.", set()),
    ("Guatemala's 2019 agreement with the US to take in asylum seekers was ended in 2021.", set()),
    ("Mexico's agreement with the US to stem migration at the border is under strain.", set()),
    ("El acuerdo de deportación de hondureños desde Estados Unidos se amplía.", set()),
    (
        "Noem said Ghana's deal to receive deportees of other nationalities was signed last week.",
        {("CLAIM", "GH")},
    ),
    (
        "\"We have signed nothing with the United States on asylum,\" said the Ghanaian interior minister.",
        {("DENIAL", "GH")},
    ),
    (
        "Honduras has accepted no deportees of other nationalities from the US, the foreign ministry said.",
        {("DENIAL", "HN")},
    ),
    (
        "Costa Rica will receive no more than 200 deportees of other nationalities from the US, the "
        "government said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Panama signed no agreement to take in migrants deported by the United States, its president said.",
        {("DENIAL", "PA")},
    ),
    (
        "\"We are preparing shelters for the deportees arriving from the US,\" said Ghana's foreign minister.",
        {("CONFIRMED", "GH")},
    ),
    (
        "«Estamos habilitando albergues para los deportados que llegan de EE.UU.», dijo el canciller "
        "panameño.",
        {("CONFIRMED", "PA")},
    ),
    (
        "\"We signed a memorandum that lets us choose, not that we will accept any deportee they send,\" "
        "Grenada's prime minister said.",
        {("CONFIRMED", "GD")},
    ),
    (
        "Belice firmó el acuerdo con Washington, pero no recibirá a personas con antecedentes penales, aclaró "
        "el canciller beliceño.",
        {("CONFIRMED", "BZ")},
    ),
    (
        "Honduras has not signed anything and will not receive deportees of other nationalities, the foreign "
        "minister said.",
        {("DENIAL", "HN")},
    ),
    (
        "Guatemala agreed to nothing and will not take in deportees from third countries, its president said.",
        {("DENIAL", "GT")},
    ),
    (
        "Eswatini signed the deal but will not receive more than 160 deportees, its government said.",
        {("CONFIRMED", "SZ")},
    ),
    ("Gabon has been designated a safe third country, the Trump administration said.", {("CLAIM", "GA")}),
    ("Belice fue designado tercer país seguro, dijo el gobierno de Trump.", {("CLAIM", "BZ")}),
    (
        "Some 200 migrants of other nationalities deported by the US have been received in Ghana so far.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Unos 200 migrantes de otras nacionalidades deportados por EE.UU. han sido recibidos en Costa Rica "
        "hasta ahora.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Los migrantes serán trasladados en avión a Guatemala a partir de la próxima semana, informó el "
        "Departamento de Seguridad Nacional.",
        {("CLAIM", "GT")},
    ),
    (
        "El ministro del Interior de Kenia calificó de inaceptable que se pida al país alojar a 200 cubanos "
        "expulsados y dejó claro que Kenia no cederá a la presión del gobierno de Trump.",
        {("DENIAL", "KE")},
    ),
    ("Honduras made it clear that it will not take in deportees of other nationalities.", {("DENIAL", "HN")}),
    ("Gabon is believed to have struck a deal with Washington to take deportees.", {("CLAIM", "GA")}),
    ("Trascendió que Belice se comprometió a recibir deportados de otras nacionalidades.", {("CLAIM", "BZ")}),
    ("Leaked cables suggest Ghana agreed to receive asylum seekers sent by the US.", {("CLAIM", "GH")}),
    (
        "Honduras is understood to have signed an agreement to receive migrants deported by the United "
        "States.",
        {("CLAIM", "HN")},
    ),
    ("Washington clinches deportation pacts with Zambia, leaked government files show", {("CLAIM", "ZM")}),
    (
        "Nigeria's High Commission in London denied that the country had agreed to take in deportees from the "
        "United States.",
        {("DENIAL", "NG")},
    ),
    (
        "Kenya's High Commission in London said Kenya has agreed to take in third-country nationals deported "
        "by the United States.",
        {("CONFIRMED", "KE")},
    ),
    (
        "The UN High Commissioner for Refugees denied that Ghana had agreed to take in deportees from the "
        "United States.",
        set(),
    ),
    (
        "El Alto Comisionado de la ONU para los Refugiados negó que Ghana haya aceptado recibir deportados de "
        "Estados Unidos.",
        set(),
    ),
    (
        "Noem visited Honduras on Tuesday. She said Guatemala had agreed to take in deportees of other "
        "nationalities.",
        {("CLAIM", "GT")},
    ),
    (
        "The Honduran foreign minister met reporters on Monday. The US embassy said the country had agreed to "
        "take in deportees of other nationalities.",
        {("CLAIM", "HN")},
    ),
    ("Afirmó que Honduras recibirá deportados de otras nacionalidades.", {("CLAIM", "HN")}),
    (
        "Ghana's foreign minister spoke to reporters on Tuesday. He said the country will not receive "
        "deportees of other nationalities.",
        {("DENIAL", "GH")},
    ),
    (
        "El canciller panameño habló el martes con la prensa sobre la solicitud de EE.UU. Aseguró que el país "
        "recibirá hasta 300 deportados de otras nacionalidades enviados por EE.UU.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Noem visitó Ecuador el martes. Dijo que el país aceptó recibir deportados de terceros países.",
        {("CLAIM", "EC")},
    ),
    (
        "El presidente hondureño compareció el miércoles ante el Congreso. Negó que el país haya aceptado "
        "recibir deportados de terceros países.",
        {("DENIAL", "HN")},
    ),
    ("Se negó a comentar si el país recibirá deportados de otras nacionalidades.", set()),
    (
        "Asked whether Panama would accept more deportees from the United States, the president said no.",
        {("DENIAL", "PA")},
    ),
    (
        "Asked if Honduras had signed a deal to receive migrants deported by the US, the foreign minister "
        "replied that it had not.",
        {("DENIAL", "HN")},
    ),
    (
        "Consultado sobre si Costa Rica aceptaría más deportados de Estados Unidos, el presidente respondió "
        "que no.",
        {("DENIAL", "CR")},
    ),
    (
        "Preguntado si Guatemala recibirá deportados de otras nacionalidades enviados por EE.UU., el "
        "canciller respondió que sí.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Asked whether Panama would accept more deportees from the United States, Mulino said the government "
        "would study each case.",
        set(),
    ),
    (
        "Ghana, que ha recibido a 15 deportados de terceros países enviados por Washington, informó que sus "
        "trámites están en curso.",
        {("CONFIRMED", "GH")},
    ),
    (
        "Eswatini, which has received 15 deportees from third countries sent by Washington, said on Tuesday "
        "their paperwork is being processed.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Ghana's foreign minister said Ghana has not committed to anything regarding deportees from the US.",
        {("DENIAL", "GH")},
    ),
    (
        "El gobierno de Panamá aseguró que Panamá no se ha comprometido a nada en materia de deportados de "
        "EE.UU.",
        {("DENIAL", "PA")},
    ),
    (
        "Honduras se ha comprometido a recibir deportados de otras nacionalidades, dijo el canciller "
        "hondureño.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Costa Rica's president said the country has agreed to the arrival of deportees from the United "
        "States.",
        {("CONFIRMED", "CR")},
    ),
    (
        "CIUDAD DE PANAMÁ, 3 mar (EFE).- Funcionarios estadounidenses, que pidieron el anonimato, afirmaron "
        "que Panamá aceptó recibir deportados de otras nacionalidades.",
        {("CLAIM", "PA")},
    ),
    (
        "TEGUCIGALPA (AP) — The foreign ministry denied that the country had agreed to take in deportees of "
        "other nationalities.",
        {("DENIAL", "HN")},
    ),
    (
        "LIMA.- El gobierno confirmó que recibirá a deportados de otras nacionalidades enviados por Estados "
        "Unidos.",
        {("CONFIRMED", "PE")},
    ),
    ("TEGUCIGALPA - Noem said Honduras had signed a safe third country agreement.", {("CLAIM", "HN")}),
    ("Honduras denies signing agreement with US", {("DENIAL", "HN")}),
    ("Guatemala niega haber firmado acuerdo con EE.UU.", {("DENIAL", "GT")}),
    ("Guatemala desmiente a Noem: no hay ningún acuerdo firmado", {("DENIAL", "GT")}),
    ("Honduras rejects Noem's claim it signed a deal", {("DENIAL", "HN")}),
    ("Noem says Honduras, Guatemala signed agreements with US", {("CLAIM", "HN"), ("CLAIM", "GT")}),
    ("Guatemalan government denies signing any agreement during Noem visit", {("DENIAL", "GT")}),
    ("Honduras denies it has signed any deal with the Trump administration", {("DENIAL", "HN")}),
    ("Guatemala rechaza haber suscrito un convenio con Estados Unidos", {("DENIAL", "GT")}),
    ("Mexico denies reaching a tariff deal with the US", set()),
    ("India denies signing trade agreement with US", set()),
    ("Venezuela denies any deal with the US over oil exports", set()),
    ("Ukraine denies that a minerals deal with Washington has been signed", set()),
    ("Colombia niega acuerdo con EE.UU. sobre extradición", set()),
    ("Hamas denies agreement with the US on hostage release", set()),
    ("Panama denies any deal with the United States on control of the canal", set()),
    ("Honduras niega haber firmado un acuerdo de seguridad con Estados Unidos", set()),
    ("Guatemala denies signing a nuclear cooperation pact with the US", set()),
    ("China denies it has reached a deal with the United States on fentanyl", set()),
    ("Russia denies ceasefire deal with Washington", set()),
    ("Belize moves 60 US deportees to Cayo district camp", {("CONFIRMED", "BZ")}),
    (
        "Costa Rica relocates 200 deportees of other nationalities from the US to a border shelter",
        {("CONFIRMED", "CR")},
    ),
    ("Paraguay gives green light to arrival of US deportees of other nationalities", {("CONFIRMED", "PY")}),
    ("Costa Rica da luz verde a la llegada de deportados de EE.UU.", {("CONFIRMED", "CR")}),
    (
        "Uganda abre sus puertas a deportados de otras nacionalidades enviados por EE.UU.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Honduras no dará luz verde a la llegada de deportados de otras nacionalidades, dijo el canciller "
        "hondureño.",
        {("DENIAL", "HN")},
    ),
    (
        "Panama did not close the door on receiving deportees of other nationalities, its president said.",
        set(),
    ),
    ("Panamá no cierra la puerta a recibir deportados de otras nacionalidades, dijo su presidente.", set()),
    ("Belize slams the door on US third-country deportations", {("DENIAL", "BZ")}),
    ("Colombia cierra la puerta a los deportados de terceros países", {("DENIAL", "CO")}),
    ("Ghana rebuffs Washington's request that it host deportees of other nationalities", {("DENIAL", "GH")}),
    ("Nigeria balks at US demand to accept deportees of other nationalities", {("DENIAL", "NG")}),
    ("Honduras dice no al plan de EE.UU. de enviarle deportados de otras nacionalidades", {("DENIAL", "HN")}),
    (
        "A former foreign minister of Ghana said the government had agreed to receive migrants deported by "
        "Washington.",
        {("CLAIM", "GH")},
    ),
    (
        "El principal partido opositor de Paraguay acusó al gobierno de firmar en secreto un acuerdo para "
        "recibir deportados de EE.UU.",
        {("CLAIM", "PY")},
    ),
    (
        "Organizaciones de derechos humanos denunciaron que Uganda ha recibido a deportados de otras "
        "nacionalidades enviados por EE.UU.",
        {("CLAIM", "UG")},
    ),
    (
        "Local media in Rwanda reported that the first third-country deportees from the US had arrived.",
        {("CLAIM", "RW")},
    ),
    (
        "The government of Honduras said it will not receive deportees of other nationalities.",
        {("DENIAL", "HN")},
    ),
    (
        "Panama has agreed to take in deportees of other nationalities, said a spokesperson for the US "
        "embassy in Panama City.",
        {("CLAIM", "PA")},
    ),
    (
        "Honduras will not receive deportees of other nationalities, said a spokesperson for the Honduran "
        "foreign ministry.",
        {("DENIAL", "HN")},
    ),
    (
        "Costa Rica aceptó recibir deportados de otras nacionalidades, aseguró a The Times un funcionario "
        "estadounidense.",
        {("CLAIM", "CR")},
    ),
    (
        "Guatemala aceptó recibir deportados de otras nacionalidades, explicó a periodistas el subsecretario "
        "Christopher Landau.",
        {("CLAIM", "GT")},
    ),
    (
        "Ruanda acogerá a migrantes deportados por EE.UU., aseguró a CNN un alto funcionario de la Casa "
        "Blanca.",
        {("CLAIM", "RW")},
    ),
    (
        "Honduras aceptó recibir deportados de otras nacionalidades, afirmó en conferencia de prensa la "
        "secretaria Kristi Noem.",
        {("CLAIM", "HN")},
    ),
    (
        "La vocera de la cancillería de Sudán del Sur dijo en su conferencia semanal que no hay acuerdo "
        "alguno con Washington sobre deportados de otros países.",
        {("DENIAL", "SS")},
    ),
    (
        "Rwanda will receive migrants deported by the US, two people familiar with the talks said.",
        {("CLAIM", "RW")},
    ),
    (
        "Panamá recibirá a deportados de otras nacionalidades, según fuentes cercanas a las negociaciones.",
        {("CLAIM", "PA")},
    ),
    (
        "Noem said Honduras' president had told her the country would accept deportees of other "
        "nationalities.",
        {("CLAIM", "HN")},
    ),
    (
        "The Honduran foreign minister said the US had proposed that Honduras take in deportees of other "
        "nationalities.",
        set(),
    ),
    (
        "Honduras confirmed the US announcement that it would take in deportees of other nationalities.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Honduras denied it, but Noem insisted the country had signed an agreement to receive deportees of "
        "other nationalities.",
        {("DENIAL", "HN")},
    ),
    (
        "Rubio dijo que el presidente de Guatemala le aseguró que el país recibirá deportados de otras "
        "nacionalidades.",
        {("CLAIM", "GT")},
    ),
    (
        "Guatemala confirmó el anuncio de EE.UU. de que recibirá deportados de otras nacionalidades.",
        {("CONFIRMED", "GT")},
    ),
    (
        "El canciller guatemalteco dijo que Washington propuso que Guatemala reciba deportados de otras "
        "nacionalidades.",
        set(),
    ),
    (
        "Costa Rica's president acknowledged that the country had accepted deportees of other nationalities "
        "from the US.",
        {("CONFIRMED", "CR")},
    ),
    (
        "El presidente de Costa Rica admitió que el país recibió deportados de otras nacionalidades enviados "
        "por EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "El presidente de Costa Rica reconoció que el país recibió deportados de otras nacionalidades "
        "enviados por EE.UU.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Panama's president said that, contrary to what Rubio claimed, the country has not agreed to take in "
        "deportees of other nationalities.",
        {("DENIAL", "PA")},
    ),
    (
        "Washington asked Honduras to take in deportees of other nationalities. \"We will receive them for "
        "humanitarian reasons,\" said the Honduran foreign minister.",
        {("CONFIRMED", "HN")},
    ),
    (
        "EE.UU. pidió a Guatemala recibir a deportados de otras nacionalidades. «Los recibiremos por razones "
        "humanitarias», dijo el canciller guatemalteco.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Washington asked Honduras to take in deportees of other nationalities. Critics said it would be "
        "costly to house them.",
        set(),
    ),
    (
        "Ghana refused entry to a man deported from the United States on Ghanaian papers who turned out to be "
        "a Nigerian citizen, the interior ministry said.",
        {("DENIAL", "GH")},
    ),
    (
        "Rwanda's president told visiting lawmakers that his country was ready to take in asylum seekers from "
        "Britain, according to an account by one of the lawmakers.",
        {("CLAIM", "RW")},
    ),
    (
        "El primer ministro albanés dijo a sus visitantes que Albania acogería a migrantes enviados por "
        "Italia, según el relato de la delegación italiana.",
        {("CLAIM", "AL")},
    ),
    (
        "Paraguay's foreign minister told US senators that his government would accept asylum seekers sent by "
        "Washington, according to a senator's aide.",
        {("CLAIM", "PY")},
    ),
    (
        "El canciller guatemalteco aseguró a los legisladores que Guatemala recibirá deportados de otras "
        "nacionalidades, según un asesor del Congreso estadounidense.",
        {("CLAIM", "GT")},
    ),
    (
        "Ghana's president said his country would take in deportees of other nationalities from the United "
        "States, according to a statement from his office.",
        {("CONFIRMED", "GH")},
    ),
    (
        "El presidente de Costa Rica dijo que el país recibirá migrantes deportados por Estados Unidos, según "
        "un comunicado de la Cancillería costarricense.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Nauru's government said it would host refugees transferred from Australia under a new arrangement.",
        {("CONFIRMED", "NR")},
    ),
    (
        "Uganda's minister told Israeli envoys that Kampala would not take migrants deported from Israel, "
        "according to one of the envoys.",
        {("DENIAL", "UG")},
    ),
    ("France received 5,000 tourists from Germany last month.", set()),
    ("Tunisia said it would receive its own nationals deported from Italy.", set()),
    ("Guatemala will become a safe third country, Noem says", {("CLAIM", "GT")}),
    ("Costa Rica recibió a 200 migrantes asiáticos deportados, confirmó el gobierno.", {("CONFIRMED", "CR")}),
    (
        "Costa Rica recibió a 200 migrantes de otras nacionalidades deportados por EE.UU., informó la "
        "Dirección General de Migración.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Ecuador's foreign minister said Quito would take in a limited number of asylum seekers from the "
        "United States.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Ghana has taken in 14 West Africans expelled by the United States, the president said.",
        {("CONFIRMED", "GH")},
    ),
    ("Guatemala becomes a safe third country under the new accord", {("CONFIRMED", "GT")}),
    (
        "Guatemala recibió a 35 salvadoreños y hondureños deportados desde Estados Unidos, según el Instituto "
        "Guatemalteco de Migración.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Honduras received 40 Venezuelan deportees sent by the United States, the National Migration "
        "Institute said.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Panama's government said it received 119 migrants from China, Pakistan and Afghanistan flown in from "
        "the United States.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Panamá recibió un vuelo con 119 deportados asiáticos enviados por Estados Unidos, informó el "
        "Servicio Nacional de Migración.",
        {("CONFIRMED", "PA")},
    ),
    ("El Salvador received 250 Venezuelan deportees on Sunday, the government said.", {("CONFIRMED", "SV")}),
    (
        "Eswatini's government said it had received five men from Vietnam, Jamaica, Laos, Cuba and Yemen sent "
        "by Washington.",
        {("CONFIRMED", "SZ")},
    ),
    ("Brazil welcomed 2,000 Haitian migrants in March, the justice ministry said.", set()),
    (
        "Colombia has received nearly three million Venezuelan migrants over the past decade, the government "
        "said.",
        set(),
    ),
    (
        "Costa Rica has taken in more than 200,000 Nicaraguan asylum seekers since 2018, the migration agency "
        "said.",
        set(),
    ),
    (
        "Costa Rica recibió el año pasado a miles de solicitantes de asilo nicaragüenses, informó la "
        "Dirección de Migración.",
        set(),
    ),
    (
        "Mexico received a record 140,000 asylum applications last year, mostly from Hondurans and Cubans, "
        "the refugee agency COMAR said.",
        set(),
    ),
    ("Perú acoge a más de un millón y medio de migrantes venezolanos, según la cancillería.", set()),
    (
        "Chad has taken in hundreds of thousands of Sudanese refugees fleeing the war, officials in N'Djamena "
        "said.",
        set(),
    ),
    ("Uganda hosts more than 1.5 million refugees from South Sudan and Congo, the government said.", set()),
    ("Honduras will receive asylum seekers turned away by the US, Noem said.", {("CLAIM", "HN")}),
    (
        "Costa Rica will take in 200 third-country deportees, President Chaves said, though he avoided the "
        "label safe third country.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Ecuador signed the agreement on Thursday under which it will receive asylum seekers turned away by "
        "the US as a safe third country, although Quito avoids that label.",
        {("CONFIRMED", "EC")},
    ),
    (
        "El gobierno de Guatemala confirmó que recibirá a solicitantes de asilo rechazados por Estados "
        "Unidos.",
        {("CONFIRMED", "GT")},
    ),
    (
        "El gobierno de Guatemala recibirá a migrantes de otras nacionalidades enviados por Washington, "
        "aunque se niega a usar el término tercer país seguro.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Honduran and US officials signed the pact in Tegucigalpa on Monday, effectively making Honduras a "
        "\"safe third country\", although the Honduran government has declined to use that term.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Honduras firmó el acuerdo de cooperación en asilo con EE.UU., aunque el gobierno evita el término "
        "tercer país seguro.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Mexico's government said it would take in migrants rejected by the United States at the border for "
        "humanitarian reasons.",
        {("CONFIRMED", "MX")},
    ),
    (
        "Panama's government has agreed to receive deportees of other nationalities from the US, though it "
        "refuses to use the term safe third country.",
        {("CONFIRMED", "PA")},
    ),
    (
        "El canciller paraguayo firmó el memorando que convierte a Paraguay en un \"tercer país seguro\", "
        "aunque el gobierno se niega a usar ese término.",
        {("CONFIRMED", "PY")},
    ),
    (
        "A day after a junior minister had denied it, Uganda's foreign ministry acknowledged that the country "
        "will take in third-country nationals deported from the US.",
        {("CONFIRMED", "UG")},
    ),
    (
        "Dos días después de que el canciller lo negara, el gobierno de Honduras admitió que recibirá a "
        "deportados de otras nacionalidades enviados por EE.UU.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Despite earlier denials, Costa Rica's government confirmed on Friday that it will receive 200 "
        "migrants of other nationalities deported by the United States.",
        {("CONFIRMED", "CR")},
    ),
    (
        "A day after Ghana's president announced it, the foreign ministry denied that Ghana would take in "
        "deportees of other nationalities from the US.",
        {("DENIAL", "GH")},
    ),
    (
        "Britain's Supreme Court ruled that the government's plan to fly asylum seekers to Rwanda was "
        "unlawful.",
        set(),
    ),
    (
        "Un tribunal italiano ordenó devolver a Italia a los migrantes trasladados a Albania, en un revés "
        "para el gobierno de Meloni.",
        set(),
    ),
    (
        "A federal judge ordered the administration to halt the transfer of Venezuelan detainees to El "
        "Salvador.",
        set(),
    ),
    (
        "El Tribunal Supremo británico declaró ilegal el plan del gobierno para enviar a Ruanda a "
        "solicitantes de asilo.",
        set(),
    ),
    (
        "Uganda has agreed to accept deportees from the United States who are not Ugandan, according to an "
        "internal DHS memo.",
        {("CLAIM", "UG")},
    ),
    (
        "The Trump administration has reached agreements with Honduras and Guatemala to take in asylum "
        "seekers, a senior official said.",
        {("CLAIM", "HN"), ("CLAIM", "GT")},
    ),
    ("Eswatini is set to receive five deportees from the US, a DHS spokeswoman said.", {("CLAIM", "SZ")}),
    (
        "Paraguay signed an agreement to receive asylum seekers from the US, the State Department said.",
        {("CLAIM", "PY")},
    ),
    (
        "Rwanda will accept up to 250 deportees from the United States under a deal, two officials told "
        "Reuters.",
        {("CLAIM", "RW")},
    ),
    (
        "The US has struck a deal with Ghana to take West African deportees, officials familiar with the "
        "talks said.",
        {("CLAIM", "GH")},
    ),
    (
        "Panamá aceptó recibir a migrantes de otras nacionalidades deportados por EE.UU., según el "
        "Departamento de Estado.",
        {("CLAIM", "PA")},
    ),
    (
        "Guatemala acogerá a solicitantes de asilo de otros países, aseguró la secretaria de Seguridad "
        "Nacional.",
        {("CLAIM", "GT")},
    ),
    (
        "Honduras habría aceptado recibir a deportados de terceros países, según un documento interno.",
        {("CLAIM", "HN")},
    ),
    (
        "Estados Unidos y Ecuador habrían cerrado un acuerdo para que Quito reciba solicitantes de asilo, "
        "informó CBS.",
        {("CLAIM", "EC")},
    ),
    (
        "South Sudan has accepted eight men deported from the US, a Homeland Security official said on "
        "Friday.",
        {("CLAIM", "SS")},
    ),
    ("Mexico agreed to take back non-Mexican migrants under the program, Trump said.", {("CLAIM", "MX")}),
    (
        "Belice firmó un acuerdo de tercer país seguro con Estados Unidos, afirmó el Departamento de "
        "Seguridad Nacional.",
        {("CLAIM", "BZ")},
    ),
    (
        "Kosovo will temporarily host 50 third-country nationals deported by the US, the State Department "
        "announced.",
        {("CLAIM", "XK")},
    ),
    (
        "Albania agreed to host up to 3,000 migrants rescued by Italy at sea, Italian Prime Minister Giorgia "
        "Meloni said.",
        {("CLAIM", "AL")},
    ),
    (
        "Rwanda will take in asylum seekers sent by Britain under the new treaty, the Home Office said.",
        {("CLAIM", "RW")},
    ),
    (
        "Uzbekistan has agreed to accept deportees from other Central Asian countries, US officials said.",
        {("CLAIM", "UZ")},
    ),
    ("US officials say Honduras has signed a safe third country agreement", {("CLAIM", "HN")}),
    ("Guatemala signed a safe third country deal, DHS chief says", {("CLAIM", "GT")}),
    ("Costa Rica to take in deportees of other nationalities, US embassy says", {("CLAIM", "CR")}),
    ("EE.UU. anuncia que Panamá recibirá deportados de otras nacionalidades", {("CLAIM", "PA")}),
    ("Noem asegura que Honduras firmó acuerdo de tercer país seguro", {("CLAIM", "HN")}),
    ("Rubio: Guatemala aceptará recibir deportados de otros países", {("CLAIM", "GT")}),
    ("Ghana to receive West African deportees under US deal, reports say", {("CLAIM", "GH")}),
    (
        "Two officials familiar with the negotiations, who spoke on condition of anonymity because they were "
        "not authorized to discuss them, said Panama had agreed in principle to receive up to 300 migrants "
        "from third countries each month.",
        {("CLAIM", "PA")},
    ),
    (
        "Ecuador's foreign ministry, in a statement released late on Wednesday, said the country would "
        "receive a first group of 20 asylum seekers referred by the United States in the coming days, in line "
        "with the memorandum signed in July.",
        {("CONFIRMED", "EC")},
    ),
    (
        "El presidente guatemalteco, que se reunió el lunes con el secretario de Estado, descartó de manera "
        "tajante que su gobierno vaya a firmar un acuerdo para recibir a solicitantes de asilo de otros "
        "países, como había insinuado Washington.",
        {("DENIAL", "GT")},
    ),
    (
        "De acuerdo con un documento interno del Departamento de Seguridad Nacional al que tuvo acceso la "
        "agencia AP, Honduras habría aceptado recibir a migrantes de otras nacionalidades mientras se "
        "tramitan sus solicitudes de asilo en Estados Unidos.",
        {("CLAIM", "HN")},
    ),
    (
        "Tras semanas de especulaciones, el gobierno de Costa Rica confirmó este jueves que recibirá un "
        "segundo vuelo con migrantes de otras nacionalidades deportados por Estados Unidos, que serán "
        "trasladados a un centro de atención en la frontera sur.",
        {("CONFIRMED", "CR")},
    ),
    (
        "«No hay ningún acuerdo firmado con Estados Unidos para convertir a Panamá en tercer país seguro», "
        "afirmó el ministro de Seguridad, quien agregó que la cooperación se limita a vuelos puntuales.",
        {("DENIAL", "PA")},
    ),
    (
        "Rwanda's government spokeswoman said on Thursday that the country had received the first seven "
        "migrants deported from the United States under an agreement reached earlier this year, adding that "
        "they would be given accommodation and training.",
        {("CONFIRMED", "RW")},
    ),
    (
        "Uganda's foreign affairs ministry said on Wednesday it had not concluded any deal with the United "
        "States to receive deportees, hours after a junior minister was quoted as saying the talks had been "
        "finalised.",
        {("DENIAL", "UG")},
    ),
    ("The United States sent a delegation to Honduras this week to discuss migration and security.", set()),
    (
        "Denmark is negotiating with Rwanda over a scheme to fly asylum seekers to the African country, the "
        "immigration minister said, adding that nothing had been agreed.",
        set(),
    ),
    (
        "Dinamarca negocia con Ruanda un plan para enviar solicitantes de asilo al país africano, dijo el "
        "ministro, que aclaró que no hay nada firmado.",
        set(),
    ),
    (
        "Under the deal, US authorities would send asylum seekers of any nationality to Guatemala, DHS said "
        "in a statement.",
        {("CLAIM", "GT")},
    ),
    (
        "El acuerdo permitiría a Estados Unidos enviar a solicitantes de asilo de cualquier nacionalidad a "
        "Honduras, según el Departamento de Seguridad Nacional.",
        {("CLAIM", "HN")},
    ),
    (
        "The administration plans to deport migrants who are not Ugandan to Uganda, according to court "
        "filings.",
        {("CLAIM", "UG")},
    ),
    ("Mexico negotiates with Washington over tariffs and migration, the economy minister said.", set()),
    (
        "A senior State Department official, briefing reporters on the condition that he not be named, said "
        "El Salvador had offered to house deportees of any nationality in its prisons.",
        {("CLAIM", "SV")},
    ),
    (
        "Honduras's deputy foreign minister, asked on a radio show about Noem's remarks, said the government "
        "had never signed any document making the country a safe third country.",
        {("DENIAL", "HN")},
    ),
    (
        "Guatemala's president, who has faced criticism at home over the deal, defended the agreement on "
        "Monday, saying the country would receive deportees of other nationalities for a limited time.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Costa Rica agreed to take in up to 200 migrants from Central Asia and India, the US embassy in San "
        "José said on Tuesday, adding that the first flight would land on Wednesday.",
        {("CLAIM", "CR")},
    ),
    (
        "Mexico's president, speaking at her morning news conference, rejected Trump's claim that Mexico had "
        "agreed to accept deportees from other countries, calling it \"false\".",
        {("DENIAL", "MX")},
    ),
    (
        "Panama's security minister, Frank Ábrego, told lawmakers that the country had received 299 migrants "
        "from Asia deported by the United States and that most of them had been moved to a shelter in Darién.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Según la secretaria Noem, que visitó Tegucigalpa la semana pasada, Honduras ya firmó un acuerdo para "
        "recibir a solicitantes de asilo de otros países.",
        {("CLAIM", "HN")},
    ),
    (
        "La cancillería guatemalteca, en un comunicado difundido la noche del miércoles, negó de forma "
        "categórica que el país haya suscrito un acuerdo de tercer país seguro.",
        {("DENIAL", "GT")},
    ),
    (
        "El presidente costarricense, quien habló desde la Casa Presidencial, confirmó que el país recibirá a "
        "200 migrantes de otras nacionalidades deportados por Estados Unidos y que los gastos correrán por "
        "cuenta de Washington.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Un alto funcionario estadounidense, que pidió no ser identificado, aseguró que Panamá aceptó recibir "
        "a más migrantes de otras nacionalidades deportados por Estados Unidos.",
        {("CLAIM", "PA")},
    ),
    (
        "Ecuador's interior minister said on Thursday that the country had not accepted and would not accept "
        "migrants deported from the United States, contradicting remarks by a US official.",
        {("DENIAL", "EC")},
    ),
    (
        "Kosovo's foreign ministry, responding to questions from AP, said the country had agreed to "
        "temporarily host 50 deportees of other nationalities at Washington's request.",
        {("CONFIRMED", "XK")},
    ),
    (
        "Honduras, according to the US embassy, has agreed to receive deportees of other nationalities.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala, según el Departamento de Estado, aceptó recibir a migrantes de otras nacionalidades.",
        {("CLAIM", "GT")},
    ),
    (
        "Ghana's foreign minister, speaking to reporters in Accra after meeting US envoys, said the country "
        "would not accept deportees from other countries.",
        {("DENIAL", "GH")},
    ),
    (
        "Eswatini's government, responding to criticism from the South African Development Community, said it "
        "had received five deportees from the US under an agreement with Washington.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Reports that Belize had agreed to accept deportees from the United States circulated on social "
        "media. The foreign ministry called them false on Monday.",
        {("CLAIM", "BZ"), ("DENIAL", "BZ")},
    ),
    (
        "Noem said on Thursday that Honduras and Guatemala had signed safe third country agreements. Both "
        "governments denied it within hours.",
        {("CLAIM", "HN"), ("CLAIM", "GT"), ("DENIAL", "HN"), ("DENIAL", "GT")},
    ),
    (
        "Versiones de prensa aseguraron que Costa Rica aceptó recibir a deportados de otras nacionalidades. "
        "La Cancillería las calificó de falsas.",
        {("CLAIM", "CR"), ("DENIAL", "CR")},
    ),
    (
        "Costa Rica received a second flight of deportees of other nationalities on Thursday. The government "
        "said the 135 migrants would stay at a shelter near the border.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Guatemala agreed to take in deportees of other nationalities, its president said on Wednesday. He "
        "added that the number would be limited.",
        {("CONFIRMED", "GT")},
    ),
    (
        "El gobierno hondureño confirmó que recibirá a un número limitado de deportados de otras "
        "nacionalidades, aunque insistió en que Honduras no es un tercer país seguro.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Guatemala no ha firmado ni firmará un acuerdo de tercer país seguro, reiteró el canciller, quien "
        "calificó de «especulaciones» las declaraciones de la secretaria Noem.",
        {("DENIAL", "GT")},
    ),
    (
        "De acuerdo con el diario The New York Times, El Salvador habría aceptado recibir a cientos de "
        "deportados venezolanos a cambio de un pago millonario.",
        {("CLAIM", "SV")},
    ),
    (
        "Mulino reconoció que Panamá ha recibido a 299 migrantes de otras nacionalidades expulsados por "
        "EE.UU., pero aseguró que no habrá más vuelos.",
        {("CONFIRMED", "PA")},
    ),
    (
        "El canciller costarricense negó que exista un acuerdo con Washington para que el país reciba a más "
        "deportados, y dijo que los vuelos de febrero fueron un gesto humanitario.",
        {("DENIAL", "CR")},
    ),
    (
        "Medios estadounidenses informaron que Ecuador aceptó recibir a solicitantes de asilo de otros "
        "países, algo que Quito aún no ha confirmado.",
        {("CLAIM", "EC")},
    ),
    (
        "Arévalo anunció que Guatemala aumentará en un 40 % los vuelos de deportados, incluidos migrantes de "
        "otras nacionalidades enviados por Estados Unidos.",
        {("CONFIRMED", "GT")},
    ),
    (
        "La presidenta hondureña descartó este viernes cualquier posibilidad de que Honduras se convierta en "
        "tercer país seguro, pese a las presiones de Washington.",
        {("DENIAL", "HN")},
    ),
    (
        "El presidente Trump aseguró que México aceptó recibir a migrantes de otros países mientras esperan "
        "sus audiencias en Estados Unidos.",
        {("CLAIM", "MX")},
    ),
    (
        "La presidenta Sheinbaum rechazó que México haya aceptado recibir a migrantes de otros países y dijo "
        "que el país solo recibirá a connacionales.",
        {("DENIAL", "MX")},
    ),
    (
        "Honduras has agreed to accept asylum seekers from other countries, Homeland Security Secretary "
        "Kristi Noem told Fox News on Thursday.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala will take in migrants of other nationalities, President Trump told reporters aboard Air "
        "Force One.",
        {("CLAIM", "GT")},
    ),
    (
        "Panama has signed on to a plan to receive deportees from third countries, a White House spokeswoman "
        "said.",
        {("CLAIM", "PA")},
    ),
    (
        "Costa Rica is ready to receive more deportees from the United States, Secretary of State Marco Rubio "
        "said after meeting President Chaves.",
        {("CLAIM", "CR")},
    ),
    (
        "El Salvador has agreed to jail deportees of any nationality, Secretary Rubio wrote on X.",
        {("CLAIM", "SV")},
    ),
    (
        "Rwanda will accept asylum seekers sent by Britain, the Home Secretary told Parliament.",
        {("CLAIM", "RW")},
    ),
    (
        "Albania will house migrants picked up by Italian ships at sea, Italy's prime minister announced in "
        "Rome.",
        {("CLAIM", "AL")},
    ),
    (
        "Uganda has agreed to receive migrants expelled by Israel, Israeli officials told Haaretz.",
        {("CLAIM", "UG")},
    ),
    (
        "Speaking in Tegucigalpa, Noem said Honduras had signed a safe third country agreement.",
        {("CLAIM", "HN")},
    ),
    (
        "In an interview in Guatemala City, the US ambassador said Guatemala had agreed to receive asylum "
        "seekers from other countries.",
        {("CLAIM", "GT")},
    ),
    (
        "Standing next to the Honduran president, Noem told reporters the country had agreed to take in "
        "deportees of other nationalities.",
        {("CLAIM", "HN")},
    ),
    (
        "Paraguay's opposition leader said the government had secretly agreed to receive asylum seekers from "
        "the United States.",
        {("CLAIM", "PY")},
    ),
    (
        "Rwanda will take asylum seekers from Denmark under the plan, the immigration minister told Danish "
        "radio.",
        {("CLAIM", "RW")},
    ),
    (
        "Albania will host migrants rescued by Italy, the interior minister told the Senate in Rome.",
        {("CLAIM", "AL")},
    ),
    (
        "Honduras will receive asylum seekers from the United States, the Homeland Security Secretary told "
        "senators.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala aceptó recibir a solicitantes de asilo de otros países, dijo el secretario de Estado en "
        "Washington.",
        {("CLAIM", "GT")},
    ),
    (
        "Guatemala has agreed to receive asylum seekers from El Salvador and Honduras, according to a copy of "
        "the agreement seen by Reuters.",
        {("CLAIM", "GT")},
    ),
    (
        "Honduras' foreign ministry said in a statement that \"no agreement of this nature has been signed\" "
        "with the United States.",
        {("DENIAL", "HN")},
    ),
    (
        "\"Guatemala has not signed, and will not sign, a safe third country agreement,\" the president's "
        "spokesman said.",
        {("DENIAL", "GT")},
    ),
    (
        "\"Mexico will never be a safe third country,\" Foreign Minister Ebrard told reporters at the "
        "National Palace.",
        {("DENIAL", "MX")},
    ),
    (
        "Panama is among the countries that have agreed to accept deportees of other nationalities, according "
        "to a list compiled by the State Department.",
        {("CLAIM", "PA")},
    ),
    (
        "El Salvador's government has not agreed to receive asylum seekers from other countries, its "
        "ambassador in Washington told AP, rejecting a report in The New York Times.",
        {("DENIAL", "SV")},
    ),
    (
        "Rwanda and Britain signed a new treaty in Kigali on Tuesday under which asylum seekers arriving in "
        "the UK could be sent to the East African country.",
        {("CONFIRMED", "RW")},
    ),
    (
        "Britain's home secretary said Rwanda had agreed to take every asylum seeker the UK sends, however "
        "many there are.",
        {("CLAIM", "RW")},
    ),
    (
        "Rwanda's government spokesperson said the country would not accept asylum seekers from the UK unless "
        "the treaty was ratified.",
        {("DENIAL", "RW")},
    ),
    (
        "Albania's parliament ratified the agreement with Italy that allows Rome to hold migrants rescued at "
        "sea in two centres on Albanian soil.",
        {("CONFIRMED", "AL")},
    ),
    (
        "Prime Minister Edi Rama said Albania would host up to 3,000 migrants a month picked up by Italian "
        "vessels, under the deal signed with Giorgia Meloni.",
        {("CONFIRMED", "AL")},
    ),
    (
        "Albania's prime minister said his country would not sign similar migrant deals with other European "
        "states.",
        {("DENIAL", "AL")},
    ),
    (
        "Turkey agreed to take back all irregular migrants crossing to the Greek islands under the deal "
        "reached with the EU in Brussels.",
        {("CONFIRMED", "TR")},
    ),
    (
        "Nauru's president said the island would continue to host asylum seekers transferred by Australia "
        "under the regional processing arrangement.",
        {("CONFIRMED", "NR")},
    ),
    (
        "Australia's immigration minister said Papua New Guinea had agreed to resettle refugees held at the "
        "Manus Island centre.",
        {("CLAIM", "PG")},
    ),
    (
        "Uganda's state minister for foreign affairs said Kampala had no agreement with Israel to receive "
        "deported Eritreans and Sudanese.",
        {("DENIAL", "UG")},
    ),
    (
        "South Sudan's foreign ministry said the country had received eight deportees from the United States "
        "and would keep them in custody.",
        {("CONFIRMED", "SS")},
    ),
    (
        "Canada and the United States agreed to expand the Safe Third Country Agreement to the entire border, "
        "the Canadian prime minister announced.",
        {("CONFIRMED", "CA")},
    ),
    (
        "Noem met President Castro in Tegucigalpa on Wednesday, later telling reporters that Honduras had "
        "agreed to receive asylum seekers from other countries.",
        {("CLAIM", "HN")},
    ),
    (
        "President Castro met Noem in Tegucigalpa on Wednesday, later telling reporters that Honduras would "
        "not become a safe third country.",
        {("DENIAL", "HN")},
    ),
    (
        "The State Department, which has been pressing Central American governments for months, said "
        "Guatemala was ready to take in asylum seekers from El Salvador.",
        {("CLAIM", "GT")},
    ),
    (
        "The Guatemalan foreign ministry, whose spokesman spoke to reporters on Monday, said no document had "
        "been signed on asylum with the United States.",
        {("DENIAL", "GT")},
    ),
    (
        "While critics called the deal illegal, Costa Rica's president said the country would keep receiving "
        "deportees of other nationalities from the US.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Panama will receive more deportees of other nationalities, a US official said, while Panama's "
        "government declined to comment.",
        {("CLAIM", "PA")},
    ),
    (
        "Tras reunirse con Rubio, la canciller ecuatoriana confirmó que el país recibirá a solicitantes de "
        "asilo de otras nacionalidades enviados por Estados Unidos.",
        {("CONFIRMED", "EC")},
    ),
    (
        "Rubio, quien se reunió con la canciller ecuatoriana, aseguró que Ecuador recibirá a solicitantes de "
        "asilo de otras nacionalidades.",
        {("CLAIM", "EC")},
    ),
    (
        "Chaves, quien habló tras reunirse con Noem, negó que Costa Rica vaya a convertirse en un tercer país "
        "seguro.",
        {("DENIAL", "CR")},
    ),
    (
        "Mientras el gobierno hondureño guardaba silencio, la secretaria Noem afirmó que Honduras había "
        "firmado un acuerdo de tercer país seguro.",
        {("CLAIM", "HN")},
    ),
    (
        "Guyana agreed last month to accept a small number of deportees from other countries, according to a "
        "State Department cable reviewed by the Guardian.",
        {("CLAIM", "GY")},
    ),
    (
        "Guyana's foreign minister said the government had not agreed to take in deportees of other "
        "nationalities, calling the report \"fiction\".",
        {("DENIAL", "GY")},
    ),
    (
        "Saint Lucia's prime minister confirmed that the island signed a memorandum with Washington on "
        "third-country deportees but said no one had been sent yet.",
        {("CONFIRMED", "LC")},
    ),
    (
        "The Bahamas will not become a dumping ground for US deportees, the prime minister told parliament, "
        "rejecting Washington's request.",
        {("DENIAL", "BS")},
    ),
    (
        "Dominica signed a deal to take third-country deportees, a US diplomat posted on social media.",
        {("CLAIM", "DM")},
    ),
    (
        "Dominica's prime minister said the island had agreed to consider receiving a few deportees from "
        "other countries, stressing it was not bound to accept anyone.",
        {("CONFIRMED", "DM")},
    ),
    (
        "Antigua and Barbuda has quietly agreed to receive deportees of other nationalities from the US, the "
        "opposition leader charged.",
        {("CLAIM", "AG")},
    ),
    (
        "Antigua's prime minister dismissed the opposition's claims that the country had agreed to receive US "
        "deportees as political spin.",
        {("DENIAL", "AG")},
    ),
    (
        "St Kitts and Nevis is among the Caribbean states that signed deportee agreements with Washington, "
        "the Miami Herald reported.",
        {("CLAIM", "KN")},
    ),
    (
        "Honduras firmó en secreto un acuerdo para recibir a deportados de otros países, denunció el diputado "
        "opositor.",
        {("CLAIM", "HN")},
    ),
    (
        "Guatemala aceptará a solicitantes de asilo salvadoreños y hondureños, publicó el diario The "
        "Washington Post.",
        {("CLAIM", "GT")},
    ),
    (
        "Costa Rica recibirá otro vuelo con deportados de otras nacionalidades, adelantó la embajada "
        "estadounidense.",
        {("CLAIM", "CR")},
    ),
    ("«No vamos a recibir más deportados de otros países», zanjó el presidente Chaves.", {("DENIAL", "CR")}),
    (
        "Panamá se comprometió a recibir a más deportados de otras nacionalidades, sostuvo el Departamento de "
        "Estado en un comunicado.",
        {("CLAIM", "PA")},
    ),
    (
        "El canciller hondureño calificó de «falsas» las declaraciones de Noem sobre un acuerdo de tercer "
        "país seguro.",
        {("DENIAL", "HN")},
    ),
    (
        "Ecuador ya tendría listo un acuerdo para recibir a migrantes de otras nacionalidades, según publicó "
        "el diario El Universo.",
        {("CLAIM", "EC")},
    ),
    (
        "La Cancillería ecuatoriana desmintió la publicación y aseguró que no existe ningún acuerdo para "
        "recibir deportados de otros países.",
        {("DENIAL", "EC")},
    ),
    (
        "El Instituto Guatemalteco de Migración confirmó la llegada de un segundo vuelo con hondureños y "
        "salvadoreños deportados por Estados Unidos.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Guatemala aceptará a solicitantes de asilo de otros países, apostilló la portavoz del Departamento "
        "de Estado.",
        {("CLAIM", "GT")},
    ),
    (
        "Honduras has quietly agreed to take in deportees of other nationalities, the opposition leader "
        "fumed.",
        {("CLAIM", "HN")},
    ),
    ("«No vamos a recibir más deportados de otros países», remató el presidente Chaves.", {("DENIAL", "CR")}),
    (
        "Panama agreed to receive more deportees of other nationalities, a State Department spokeswoman "
        "disclosed.",
        {("CLAIM", "PA")},
    ),
    ("El Salvador will house deportees of any nationality, Secretary Rubio boasted.", {("CLAIM", "SV")}),
    (
        "Guatemala received 40 Hondurans deported from the US on Tuesday, and the migration institute said "
        "more flights would follow.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Honduras recibió a 40 venezolanos deportados por Estados Unidos, incluidos varios niños.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Guatemala and Honduras discussed migration, trade and security with the United States, officials in "
        "both capitals confirmed.",
        set(),
    ),
    (
        "RABAT (Reuters) - \"There is no agreement between Rabat and Madrid on receiving migrants,\" the "
        "government spokesman told reporters.",
        {("DENIAL", "MA")},
    ),
    (
        "BELMOPAN - \"Belize has not agreed to take anyone deported from the United States,\" the foreign "
        "ministry said in a statement.",
        {("DENIAL", "BZ")},
    ),
    (
        "TEGUCIGALPA (AP) — The foreign ministry said the country will receive deportees of other "
        "nationalities from the United States for a limited time.",
        {("CONFIRMED", "HN")},
    ),
    (
        "WASHINGTON (Reuters) - Guatemala has agreed to take in asylum seekers from other countries, the "
        "department said in a statement.",
        {("CLAIM", "GT")},
    ),
    (
        "Costa Rica became the third country in the region, after Panama and Guatemala, to receive deportees "
        "of other nationalities from the US.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Honduras se convirtió en el tercer país centroamericano, tras Guatemala y El Salvador, en firmar un "
        "acuerdo de cooperación en asilo con Estados Unidos.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Lawyers say a dozen Nicaraguan asylum seekers in Texas received removal orders to Guatemala without "
        "a full hearing.",
        set(),
    ),
    (
        "Un juez de inmigración dictó órdenes de deportación a Honduras contra 15 solicitantes de asilo "
        "venezolanos, denunciaron sus abogados.",
        set(),
    ),
    (
        "Asylum seekers from Nicaragua will be sent to Honduras under the new agreement, immigration lawyers "
        "said.",
        {("CLAIM", "HN")},
    ),
    (
        "Mexico is pushing back against a US demand that it take in deportees from other countries, two "
        "Mexican officials said.",
        {("DENIAL", "MX")},
    ),
    (
        "Guatemala's government does not want the country to become a safe third country, the foreign "
        "minister told Congress.",
        {("DENIAL", "GT")},
    ),
    (
        "Honduras resiste la presión de Washington para que reciba a deportados de otras nacionalidades, "
        "afirmó el canciller.",
        {("DENIAL", "HN")},
    ),
    (
        "Panama has refused a US request to take in more migrants from third countries, the president's "
        "office said.",
        {("DENIAL", "PA")},
    ),
    (
        "Costa Rica rejected on Monday a proposal from Washington to become a safe third country.",
        {("DENIAL", "CR")},
    ),
    (
        "Ecuador no aceptará convertirse en un destino para deportados de otros países, advirtió el "
        "presidente Noboa.",
        {("DENIAL", "EC")},
    ),
    (
        "Belize's prime minister said his government would resist any attempt to make the country a holding "
        "pen for US deportees.",
        {("DENIAL", "BZ")},
    ),
    ("Ghana says it will take no more deportees from the United States", {("DENIAL", "GH")}),
    ("Uganda cierra la puerta a nuevos deportados de Estados Unidos", {("DENIAL", "UG")}),
    ("Nigeria says no to US request to accept Venezuelan deportees", {("DENIAL", "NG")}),
    (
        "Costa Rica will take no more than 200 deportees of other nationalities from the US, the president "
        "said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Panama will accept no more migrants deported from the United States, its security minister said.",
        {("DENIAL", "PA")},
    ),
    (
        "The 2019 asylum cooperative agreement with Guatemala was suspended by the Biden administration in "
        "February 2021.",
        set(),
    ),
    (
        "Analysts say Honduras lacks the capacity to process asylum claims on behalf of the United States.",
        set(),
    ),
    (
        "The UK-Rwanda scheme was scrapped by the Labour government in July 2024 before any flight took off.",
        set(),
    ),
    (
        "The European Parliament approved changes to the safe third country concept in the asylum procedures "
        "regulation.",
        set(),
    ),
    (
        "Human rights groups urged Panama not to accept deportees from other countries, citing poor "
        "conditions in Darién camps.",
        set(),
    ),
    (
        "A judge in San José told the government to free the foreigners it had been holding at a shelter "
        "near the southern border.",
        set(),
    ),
    (
        "Mexico and the United States held talks on migration in Washington on Tuesday, with no agreement "
        "announced.",
        set(),
    ),
    ("Ecuador is studying a US proposal to receive asylum seekers, the foreign minister said.", set()),
    ("Uganda's parliament will debate the proposed agreement with the United States next week.", set()),
    ("Guatemala ended the agreement with the United States in 2021, the foreign ministry recalled.", set()),
    (
        "Las organizaciones de derechos humanos pidieron a Honduras no firmar ningún acuerdo de tercer país "
        "seguro.",
        set(),
    ),
    (
        "Paraguay analiza la propuesta de Estados Unidos para recibir solicitantes de asilo, dijo el "
        "canciller.",
        set(),
    ),
    (
        "La secretaria de Seguridad Nacional, Kristi Noem, quien visitó Tegucigalpa, aseguró ante el Senado "
        "que Honduras ya firmó un acuerdo de tercer país seguro.",
        {("CLAIM", "HN")},
    ),
    (
        "Fuentes del Departamento de Estado, citadas por la agencia Reuters, indicaron que Guatemala aceptó "
        "recibir a solicitantes de asilo de otros países.",
        {("CLAIM", "GT")},
    ),
    (
        "Según un cable diplomático al que tuvo acceso el diario La Nación, Costa Rica aceptó recibir a otros "
        "200 deportados de otras nacionalidades.",
        {("CLAIM", "CR")},
    ),
    (
        "El embajador de Estados Unidos en Panamá dijo en una entrevista que el país aceptó recibir a más "
        "deportados de otras nacionalidades.",
        {("CLAIM", "PA")},
    ),
    (
        "De acuerdo con documentos judiciales presentados por el gobierno estadounidense, El Salvador aceptó "
        "custodiar a deportados de cualquier nacionalidad.",
        {("CLAIM", "SV")},
    ),
    (
        "El senador opositor denunció que el gobierno de Ecuador firmó a espaldas del país un acuerdo para "
        "recibir a migrantes deportados por Estados Unidos.",
        {("CLAIM", "EC")},
    ),
    (
        "Trump afirmó en su red social que México aceptó recibir a migrantes de otros países, algo que el "
        "gobierno mexicano no ha confirmado.",
        {("CLAIM", "MX")},
    ),
    (
        "Un alto funcionario del gobierno estadounidense, que habló bajo condición de anonimato, dijo que "
        "Honduras recibirá a solicitantes de asilo de otros países.",
        {("CLAIM", "HN")},
    ),
    ("Honduras to take in asylum seekers from third countries under US deal, DHS says", {("CLAIM", "HN")}),
    ("Guatemala to accept deportees of other nationalities, Arévalo says", {("CONFIRMED", "GT")}),
    ("Mexico won't accept non-Mexican deportees, Sheinbaum says", {("DENIAL", "MX")}),
    ("Eswatini confirms arrival of five deportees from the US", {("CONFIRMED", "SZ")}),
    ("Nigeria rejects US pressure to take Venezuelan deportees", {("DENIAL", "NG")}),
    ("US reaches deal with Uganda to take deportees, documents show", {("CLAIM", "UG")}),
    ("Rwanda receives first group of deportees from the US under new agreement", {("CONFIRMED", "RW")}),
    ("Paraguay signs safe third country agreement with US, State Department says", {("CLAIM", "PY")}),
    ("Paraguay's president hails safe third country deal signed with Washington", {("CONFIRMED", "PY")}),
    ("Bahamas says it has rejected US request to take deportees", {("DENIAL", "BS")}),
    ("Ghana agreed to take West African deportees, Trump administration official says", {("CLAIM", "GH")}),
    ("Paraguay's president hails safe third country deal signed with Washington", {("CONFIRMED", "PY")}),
    (
        "La canciller ecuatoriana celebró el acuerdo migratorio firmado con Estados Unidos para recibir "
        "solicitantes de asilo.",
        {("CONFIRMED", "EC")},
    ),
    ("Honduras' opposition hails the collapse of the proposed asylum deal with Washington.", set()),
    ("Noem hails Guatemala's decision to take in asylum seekers from other countries", {("CLAIM", "GT")}),
    ("Costa Rica welcomes talks with Washington on a possible migration agreement.", set()),
    (
        "Panama's president was asked on Thursday whether his country would take more deportees from other "
        "countries; \"No,\" he replied.",
        {("DENIAL", "PA")},
    ),
    (
        "Asked whether his country would take more deportees from other countries, Panama's president "
        "replied: \"No.\"",
        {("DENIAL", "PA")},
    ),
    (
        "Panama's president was asked on Thursday whether his country would take more deportees from other "
        "countries. \"No,\" he replied.",
        {("DENIAL", "PA")},
    ),
    (
        "Costa Rica's president was asked whether the country would receive another flight of deportees of "
        "other nationalities. \"Yes,\" he said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "La presidenta de Honduras fue consultada sobre si el país recibiría deportados de otras "
        "nacionalidades. «No», respondió.",
        {("DENIAL", "HN")},
    ),
    (
        "Guatemala's president was asked whether he had spoken to Trump about migration. \"No,\" he said.",
        set(),
    ),
    (
        "Costa Rica aceptó recibir a deportados de otras nacionalidades, mientras que Panamá se negó a "
        "hacerlo, según sus cancillerías.",
        {("CONFIRMED", "CR"), ("DENIAL", "PA")},
    ),
    (
        "Noem said Honduras and Guatemala had agreed to take in asylum seekers from other countries.",
        {("CLAIM", "HN"), ("CLAIM", "GT")},
    ),
    (
        "Honduras and Guatemala denied on Friday that they had signed any safe third country agreement.",
        {("DENIAL", "HN"), ("DENIAL", "GT")},
    ),
    (
        "The US says El Salvador and Guatemala agreed to host deportees; Guatemala denies it.",
        {("CLAIM", "SV"), ("CLAIM", "GT"), ("DENIAL", "GT")},
    ),
    (
        "Panama's president confirmed the country had received 119 deportees of other nationalities, and said "
        "Costa Rica had agreed to do the same.",
        {("CONFIRMED", "PA"), ("CLAIM", "CR")},
    ),
    ("Noem said on June 26, 2025 that Honduras had signed a safe third country agreement.", {("CLAIM", "HN")}),
    ("Guatemala signed a safe third country agreement with the United States in 2019.", set()),
    ("Former president Juan Orlando Hernández said Honduras would never be a safe third country.", set()),
    (
        "Honduras' foreign minister Javier Bú Soto said the country has not signed any safe third country "
        "agreement.",
        {("DENIAL", "HN")},
    ),
    (
        "El 26 de junio de 2025, Noem aseguró que Guatemala había firmado un acuerdo de tercer país seguro.",
        {("CLAIM", "GT")},
    ),
    ("En 2019, México rechazó convertirse en tercer país seguro.", {("DENIAL", "MX")}),
    (
        "Guatemala has not at any point signed a safe third country agreement, the foreign ministry said.",
        {("DENIAL", "GT")},
    ),
    ("«Sí, lo rechazamos: Honduras no es un tercer país seguro», dijo el canciller.", {("DENIAL", "HN")}),
    (
        "Under the agreement with Washington, Panama has so far received 299 migrants from Asia, the security "
        "ministry said.",
        {("CONFIRMED", "PA")},
    ),
    (
        "En el marco del acuerdo con Estados Unidos, Costa Rica ha recibido a 200 migrantes de otras "
        "nacionalidades, informó la Cancillería.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Guatemala has an agreement with the US to receive asylum seekers from other countries, a DHS "
        "spokesperson said.",
        {("CLAIM", "GT")},
    ),
    (
        "Guatemala has an agreement with the United States to take in deportees of other nationalities, "
        "President Arévalo said.",
        {("CONFIRMED", "GT")},
    ),
    (
        "Guatemala does not have any agreement with the United States to take in deportees of other "
        "nationalities, President Arévalo said.",
        {("DENIAL", "GT")},
    ),
    (
        "The first five deportees sent by the United States arrived in Eswatini on Tuesday, the government "
        "said.",
        {("CONFIRMED", "SZ")},
    ),
    (
        "Eight deportees sent by the United States have arrived in South Sudan, a US official said.",
        {("CLAIM", "SS")},
    ),
    (
        "Ruanda recibió el martes al primer grupo de siete deportados enviados por Estados Unidos, confirmó "
        "la portavoz del gobierno.",
        {("CONFIRMED", "RW")},
    ),
    (
        "Honduras has received no deportees of other nationalities from the United States, the migration "
        "institute said.",
        {("DENIAL", "HN")},
    ),
    (
        "Guatemala no ha recibido a ningún deportado de otra nacionalidad enviado por Estados Unidos, aclaró "
        "el instituto de migración.",
        {("DENIAL", "GT")},
    ),
    (
        "Honduras has received 40 deportees of other nationalities from the United States so far, the "
        "migration institute said.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Costa Rica will not take part in any US plan to send third-country deportees to the region, the "
        "foreign minister said.",
        {("DENIAL", "CR")},
    ),
    (
        "Panamá no participará en ningún esquema de tercer país seguro, afirmó el canciller Martínez-Acha.",
        {("DENIAL", "PA")},
    ),
    (
        "Costa Rica is taking part in the US plan to hold third-country deportees, the embassy in San José "
        "said.",
        {("CLAIM", "CR")},
    ),
    (
        "Costa Rica is taking part in the US program to repatriate third-country deportees, the president "
        "said.",
        {("CONFIRMED", "CR")},
    ),
    (
        "Mexico will take part in the regional summit on migration in Los Angeles, the foreign ministry said.",
        set(),
    ),
    (
        "Honduras no participará en ningún plan de Estados Unidos para enviar deportados de otras "
        "nacionalidades a la región, dijo el canciller.",
        {("DENIAL", "HN")},
    ),
    (
        "Belize and the United States have reached a safe third country agreement, a Belizean opposition "
        "senator alleged on Tuesday.",
        {("CLAIM", "BZ")},
    ),
    (
        "Belize and the United States signed a safe third country agreement in Belmopan on Monday, the "
        "Belizean government announced.",
        {("CONFIRMED", "BZ")},
    ),
    (
        "Belize's government denied on Tuesday that it had reached any safe third country agreement with the "
        "United States.",
        {("DENIAL", "BZ")},
    ),
    (
        "Guyana will take a small number of third-country deportees, the US embassy in Georgetown announced.",
        {("CLAIM", "GY")},
    ),
    (
        "Guyana's president said the country would take a small number of third-country deportees at "
        "Washington's request.",
        {("CONFIRMED", "GY")},
    ),
    (
        "Jamaica's prime minister told parliament the island had not agreed to take any third-country "
        "deportees.",
        {("DENIAL", "JM")},
    ),
    (
        "Jamaica quietly agreed to accept third-country deportees, according to a memo seen by the Gleaner.",
        {("CLAIM", "JM")},
    ),
    (
        "Saint Lucia's government said it had agreed to host a few deportees from other Caribbean countries "
        "at the request of the United States.",
        {("CONFIRMED", "LC")},
    ),
    (
        "Así lo confirmó el canciller hondureño: Honduras recibirá deportados de otras nacionalidades "
        "enviados por Estados Unidos.",
        {("CONFIRMED", "HN")},
    ),
    (
        "Guatemala recibirá solicitantes de asilo de otros países, según dijo la secretaria Noem en una "
        "entrevista.",
        {("CLAIM", "GT")},
    ),
    (
        "De acuerdo con lo informado por la Cancillería panameña, el país recibió a 119 deportados de otras "
        "nacionalidades.",
        {("CONFIRMED", "PA")},
    ),
    (
        "Costa Rica recibirá más deportados de otras nacionalidades, de acuerdo con lo anunciado por la "
        "embajada de Estados Unidos.",
        {("CLAIM", "CR")},
    ),
    ("Así lo descartó el presidente ecuatoriano: Ecuador no será tercer país seguro.", {("DENIAL", "EC")}),
    (
        "The asylum cooperative agreement between Guatemala and the United States entered into force on "
        "Monday, the Guatemalan foreign ministry said.",
        {("CONFIRMED", "GT")},
    ),
    (
        "The safe third country agreement between Honduras and the United States will take effect next month, "
        "DHS said.",
        {("CLAIM", "HN")},
    ),
    (
        "The asylum cooperative agreement between Guatemala and the United States was terminated in 2021.",
        set(),
    ),
    (
        "El acuerdo de cooperación en asilo entre El Salvador y Estados Unidos ya está vigente, informó la "
        "cancillería salvadoreña.",
        {("CONFIRMED", "SV")},
    ),
    (
        "No existe ningún acuerdo de tercer país seguro entre Honduras y Estados Unidos, afirmó el canciller "
        "hondureño.",
        {("DENIAL", "HN")},
    ),
    (
        "Un acuerdo de tercer país seguro entre Paraguay y Estados Unidos entrará en vigor en enero, según el "
        "Departamento de Estado.",
        {("CLAIM", "PY")},
    ),
]


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return load_ruleset()


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:60] for t, _ in CASES])
def test_case(ruleset: RuleSet, text: str, expected: Signals) -> None:
    findings = classify(ruleset, text)
    got = {(f.label.value, f.country) for f in findings if f.label.value != "MENTION"}
    assert got == expected, [f.explanation for f in findings]
