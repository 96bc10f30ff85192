//! Checks the bundled content against the source documents in `/work/shared/seeds`:
//! the Eindhoven competency profile (seed 002, Bijlage 1), the ten Wmo competencies and the
//! BoKS matrix (seed 004, Bijlage 2). Texts are compared word for word.

mod common;

use serde_json::Value;

use common::at_root;

fn run_json(args: &[&str]) -> Value {
    let output = at_root().args(args).output().unwrap();
    assert!(
        output.status.success(),
        "vakwijzer {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "vakwijzer {args:?} did not print JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn arr<'a>(value: &'a Value, key: &str) -> &'a Vec<Value> {
    value[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is not an array in {value}"))
}

/// Items (indicators or questions) of a competency; an empty list may be left out.
fn items<'a>(competency: &'a Value, key: &str) -> Vec<&'a Value> {
    competency[key]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn competency<'a>(framework: &'a Value, id: &str) -> &'a Value {
    arr(framework, "competencies")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no competency `{id}`"))
}

fn item_text<'a>(framework: &'a Value, id: &str) -> &'a str {
    let (competency_id, _) = id.split_once('.').unwrap();
    let c = competency(framework, competency_id);
    items(c, "indicators")
        .into_iter()
        .chain(items(c, "questions"))
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item `{id}`"))["text"]
        .as_str()
        .unwrap()
}

fn eindhoven() -> Value {
    run_json(&["show", "eindhoven", "--format", "json"])
}

#[test]
fn eindhoven_has_eight_competencies_in_source_order() {
    let fw = eindhoven();
    assert_eq!(fw["id"], "eindhoven");
    assert_eq!(fw["name"], "Competentieprofiel Generalist WIJeindhoven");
    let ids: Vec<&str> = arr(&fw, "competencies")
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "aanpassingsvermogen",
            "creativiteit",
            "durf",
            "coachen",
            "netwerken",
            "samenwerken",
            "zelfontwikkeling",
            "overtuigingskracht",
        ]
    );
    for (n, c) in arr(&fw, "competencies").iter().enumerate() {
        assert_eq!(c["number"], n as u64 + 1, "number of {}", c["id"]);
    }
    assert_eq!(competency(&fw, "samenwerken")["name"], "Samenwerken");
}

#[test]
fn eindhoven_counts_indicators_and_questions() {
    let fw = eindhoven();
    let per_competency: Vec<(usize, usize)> = arr(&fw, "competencies")
        .iter()
        .map(|c| (items(c, "indicators").len(), items(c, "questions").len()))
        .collect();
    assert_eq!(
        per_competency,
        [
            (5, 5),
            (4, 4),
            (5, 6),
            (5, 7),
            (5, 4),
            (5, 6),
            (4, 5),
            (5, 4)
        ]
    );
    let indicators: usize = per_competency.iter().map(|(i, _)| i).sum();
    let questions: usize = per_competency.iter().map(|(_, q)| q).sum();
    assert_eq!(indicators, 38);
    assert_eq!(questions, 41);

    // Ids are `<competency>.i<n>` / `<competency>.q<n>`, numbered from 1.
    for c in arr(&fw, "competencies") {
        let cid = c["id"].as_str().unwrap();
        for (n, i) in items(c, "indicators").iter().enumerate() {
            assert_eq!(i["id"], format!("{cid}.i{}", n + 1));
        }
        for (n, q) in items(c, "questions").iter().enumerate() {
            assert_eq!(q["id"], format!("{cid}.q{}", n + 1));
        }
    }
}

#[test]
fn eindhoven_movisie_indicators() {
    let fw = eindhoven();
    let references = arr(&fw, "references");
    assert_eq!(references.len(), 1);
    assert_eq!(references[0]["id"], "movisie-2013");
    assert_eq!(
        references[0]["text"],
        "“Competenties Maatschappelijke Ondersteuning in de branche van Maatschappelijke \
         dienstverlening’. P. Vlaar, M. Kluft en S. Liefhebber Movisie 2013."
    );

    let mut referenced = Vec::new();
    for c in arr(&fw, "competencies") {
        for i in items(c, "indicators")
            .into_iter()
            .chain(items(c, "questions"))
        {
            let text = i["text"].as_str().unwrap();
            assert!(!text.contains('*'), "`*` left in {}", i["id"]);
            if let Some(r) = i.get("reference").filter(|r| !r.is_null()) {
                assert_eq!(r, "movisie-2013", "reference of {}", i["id"]);
                referenced.push(i["id"].as_str().unwrap().to_string());
            }
        }
    }
    assert_eq!(
        referenced,
        ["coachen.i2", "coachen.i5", "netwerken.i1", "samenwerken.i1"]
    );
    assert_eq!(
        item_text(&fw, "coachen.i2"),
        "stimuleert mensen belemmerende patronen te doorbreken"
    );
}

#[test]
fn eindhoven_definitions_word_for_word() {
    let fw = eindhoven();
    let expected = [
        (
            "aanpassingsvermogen",
            "Zich bij veranderende omstandigheden (leef-en systeemwereld, werkwijzen of mensen) \
             gemakkelijk aanpassen.",
        ),
        (
            "creativiteit",
            "Originele of nieuwe ideeën en oplossingen kunnen bedenken; invalshoeken vinden die \
             afwijken van de gevestigde denkpatronen.",
        ),
        (
            "durf",
            "Risico’s nemen om er (op termijn) voordeel mee te behalen.",
        ),
        (
            "coachen",
            "Mensen begeleiden en motiveren teneinde hen effectiever te laten functioneren door \
             hun zelfinzicht en probleemoplossend vermogen te vergroten. Koerst hierbij op de \
             ontwikkeling van de eigen kracht van mensen.",
        ),
        (
            "netwerken",
            "Ontwikkelen en verstevigen van relaties, allianties en coalities binnen en buiten de \
             eigen organisatie en die aanwenden om informatie, steun en medewerking te verkrijgen.",
        ),
        (
            "samenwerken",
            "Op effectieve wijze (mee)werken aan een gezamenlijk resultaat, ook wanneer het niet \
             direct een persoonlijk belang dient.",
        ),
        (
            "zelfontwikkeling",
            "Inzicht verwerven in de eigen identiteit, waarden, sterke en zwakke kanten, \
             interesses en ambities en op basis hiervan acties ondernemen om competenties zo \
             nodig verder te ontwikkelen.",
        ),
        (
            "overtuigingskracht",
            "Anderen voor standpunten en ideeën proberen te winnen en draagvlak creëren.",
        ),
    ];
    for (id, definition) in expected {
        assert_eq!(
            competency(&fw, id)["definition"],
            definition,
            "definition of {id}"
        );
    }
}

#[test]
fn eindhoven_drivers_and_remarks() {
    let fw = eindhoven();
    let drivers = |id: &str| -> Vec<(String, bool)> {
        items(competency(&fw, id), "drivers")
            .iter()
            .map(|d| {
                (
                    d["name"].as_str().unwrap().to_string(),
                    d.get("inverse").and_then(Value::as_bool).unwrap_or(false),
                )
            })
            .collect()
    };
    let d = |name: &str, inverse: bool| (name.to_string(), inverse);
    assert_eq!(
        drivers("aanpassingsvermogen"),
        [d("afwisseling", false), d("orde & structuur", true)]
    );
    assert_eq!(
        drivers("creativiteit"),
        [
            d("onafhankelijk denken & handelen", false),
            d("orde & structuur", true),
            d("conformeren", true)
        ]
    );
    assert_eq!(
        drivers("overtuigingskracht"),
        [
            d("dominantie", false),
            d("energie & actie", false),
            d("extraversie", false)
        ]
    );
    assert!(drivers("zelfontwikkeling").is_empty());

    let remarks = |id: &str| -> Vec<String> {
        items(competency(&fw, id), "remarks")
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(remarks("samenwerken"), ["intern gericht"]);
    assert_eq!(
        remarks("overtuigingskracht"),
        ["vooral in te zetten bij MPG problematiek"]
    );
    assert_eq!(
        remarks("zelfontwikkeling"),
        [
            "geen koppeling met onderliggende TMA drijfveren",
            "let op! geen koppeling met TMA drijfveren! Zelfontwikkeling zal dus niet in de TMA \
             competentiematch terugkomen en tijdens het sollicitatiegesprek bevraagd moeten worden."
        ]
    );
    assert!(remarks("durf").is_empty());
}

#[test]
fn eindhoven_sample_texts_word_for_word() {
    let fw = eindhoven();
    let expected = [
        // Backticks as in the source.
        (
            "aanpassingsvermogen.i4",
            "past planningen en schema`s vlot aan en stuurt deze bij wanneer dit noodzakelijk blijkt",
        ),
        (
            "aanpassingsvermogen.q1",
            "geef eens een voorbeeld waarin jij je moest aanpassen aan een andere leef- en/of \
             systeemwereld. Hoe deed je dat?",
        ),
        // Trailing comma kept as in the source.
        (
            "creativiteit.i1",
            "kijkt verder dan de meest voor de hand liggende oplossing,",
        ),
        // Diacritic.
        (
            "creativiteit.i4",
            "komt met ideeën die buiten bestaande kaders liggen",
        ),
        // "out-off" as in the source; line break joined.
        (
            "creativiteit.q1",
            "geef eens een voorbeeld van een vastgelopen casus die je op creatieve wijze \
             (out-off the box) hebt opgelost?",
        ),
        (
            "creativiteit.q2",
            "goede ideeën ontstaan niet vaak in het hoofd van één persoon, meestal in een kleine \
             groep gelijkgestemden. Heb je een dergelijk proces al eens meegemaakt? Wat was jouw \
             inbreng?",
        ),
        // Curly quotes.
        (
            "durf.i1",
            "werkt outreachend, stapt in onbekende situaties en gaat ‘er op af’",
        ),
        (
            "durf.i2",
            "durft, indien de situatie daar om vraagt, risico te nemen en van de protocollen af \
             te wijken.",
        ),
        (
            "durf.q4",
            "kan je voorbeelden geven van ‘riskante’ beslissingen die negatief hebben uitgepakt?",
        ),
        (
            "coachen.i5",
            "zoekt de optimale balans tussen zelfwerkzaamheid en interveniëren en weet het nemen \
             van eigen initiatief als professional goed te doseren",
        ),
        (
            "coachen.q1",
            "Geef een beschrijving van jouw aanpak met een bewoner die de regie over zijn leven \
             kwijt was? Wat deed je en met welk resultaat?",
        ),
        (
            "netwerken.i1",
            "ontwikkelt en ondersteunt samenwerkingsrelaties van burgers, professionals, \
             verenigingen, ondernemers en beleidsmakers zodat een integrale en doelmatige aanpak \
             gerealiseerd wordt",
        ),
        // "ontwikkelt" as in the source, with a diaeresis.
        (
            "netwerken.q2",
            "geef eens een voorbeeld van een door jouw geïnitieerd of ontwikkelt \
             netwerk/samenwerkingsrelatie. Wat was het effect/resultaat?",
        ),
        (
            "netwerken.q3",
            "kan je een voorbeeld geven over een belangrijk doel dat je hebt bereikt door op het \
             juiste moment gebruik te maken van je netwerk/instellingen/collega’s/andere bewoners?",
        ),
        (
            "samenwerken.i4",
            "onderkent de bijdrage van andere disciplines en vakgebieden en benut deze \
             (specialist / generalist)",
        ),
        (
            "samenwerken.q6",
            "wat vindt je van de manier waarop jij en je collega’s op dit moment samenwerken? Hoe \
             draag je daar zelf aan bij? Welke moeilijkheden hebben zich ooit voorgedaan?",
        ),
        (
            "zelfontwikkeling.i2",
            "levert een actieve bijdrage aan de eigen ontwikkeling van specialist naar generalist",
        ),
        (
            "zelfontwikkeling.q5",
            "wat heb je eraan gedaan om jezelf te ontwikkelen of te verbeteren?",
        ),
        (
            "overtuigingskracht.i3",
            "hanteert een goede mix tussen zakelijke argumenten, humor, relativering en begrip \
             voor de situatie van de ander",
        ),
        // "u" as in the source.
        (
            "overtuigingskracht.q1",
            "geef eens een voorbeeld waarin je te maken had met een voor een kind onveilige \
             situatie, een OTS, een uithuisplaatsing, een frauderende klant etc. Hoe heb je \
             gehandeld? Wat waren de verschillende standpunten en belangen en hoe bent u daarmee \
             omgegaan?",
        ),
    ];
    for (id, text) in expected {
        assert_eq!(item_text(&fw, id), text, "text of {id}");
    }
}

#[test]
fn eindhoven_notes_word_for_word() {
    let fw = eindhoven();
    let notes: Vec<&str> = arr(&fw, "notes")
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 9);
    assert_eq!(
        notes[0],
        "Hieronder staat het competentieprofiel zoals opgesteld door Wijland en de Goede (nd) en \
         aangepast door de gemeente Eindhoven."
    );
    assert!(notes.contains(&"de van oorsprong bedoelde ‘extra MPG competentie’ is aan het profiel van Wijeindhoven toegevoegd"));
    assert_eq!(notes[8], "Opstellers: Yvonne Wijland & Ellen de Goede");
}

const WMO: [(&str, &str, &str); 10] = [
    (
        "versterkt-eigen-kracht",
        "Versterkt eigen kracht en zelfregie",
        "eigen-kracht-versterken",
    ),
    (
        "stimuleert-verantwoordelijk-gedrag",
        "Stimuleert verantwoordelijk gedrag",
        "eigen-kracht-versterken",
    ),
    (
        "is-zichtbaar",
        "Is zichtbaar en gaat op mensen af",
        "op-de-vraag-af",
    ),
    (
        "verheldert-vragen",
        "Verheldert vragen en behoeften",
        "op-de-vraag-af",
    ),
    (
        "verbindt-aanpak",
        "Verbindt gezamenlijke en individuele aanpak",
        "binden-en-verbinden",
    ),
    (
        "stuurt-aan-op-betrokkenheid",
        "Stuurt aan op betrokkenheid en participatie",
        "binden-en-verbinden",
    ),
    (
        "werkt-samen",
        "Werkt samen en versterkt netwerken",
        "integraal-werken",
    ),
    (
        "beweegt-zich-in-systemen",
        "Beweegt zich in uiteenlopende systemen",
        "integraal-werken",
    ),
    (
        "doorziet-verhoudingen",
        "Doorziet verhoudingen en anticipeert op veranderingen",
        "signaleren-en-agenderen",
    ),
    (
        "benut-professionele-ruimte",
        "Benut professionele ruimte en is ondernemend",
        "signaleren-en-agenderen",
    ),
];

#[test]
fn wmo_has_ten_competencies_in_five_clusters() {
    let fw = run_json(&["show", "wmo", "--format", "json"]);
    assert_eq!(fw["id"], "wmo");
    let clusters: Vec<(&str, &str)> = arr(&fw, "clusters")
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        clusters,
        [
            ("eigen-kracht-versterken", "Eigen kracht versterken"),
            ("op-de-vraag-af", "Op de vraag af"),
            ("binden-en-verbinden", "Binden en verbinden"),
            ("integraal-werken", "Integraal werken"),
            ("signaleren-en-agenderen", "Signaleren en agenderen"),
        ]
    );
    let competencies = arr(&fw, "competencies");
    assert_eq!(competencies.len(), 10);
    for (n, (c, (id, name, cluster))) in competencies.iter().zip(WMO).enumerate() {
        assert_eq!(c["id"], id);
        assert_eq!(c["number"], n as u64 + 1, "number of {id}");
        assert_eq!(c["name"], name, "name of {id}");
        assert_eq!(c["cluster"], cluster, "cluster of {id}");
        assert!(items(c, "indicators").is_empty(), "{id} has no indicators");
        assert!(items(c, "questions").is_empty(), "{id} has no questions");
    }
}

#[test]
fn boks_matrix_cells_in_the_right_place() {
    let boks = run_json(&["boks", "--format", "json"]);
    assert_eq!(boks["framework"], "wmo");

    let groups: Vec<(&str, Vec<&str>)> = arr(&boks, "column_groups")
        .iter()
        .map(|g| {
            (
                g["id"].as_str().unwrap(),
                arr(g, "columns")
                    .iter()
                    .map(|c| c["id"].as_str().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (
                "professiegebonden",
                vec!["persoonlijk", "technisch-instrumenteel", "normatief"]
            ),
            ("organisatiegebonden", vec!["organisatiegebonden"]),
            ("persoonsgebonden", vec!["persoonsgebonden"]),
        ]
    );
    assert_eq!(
        arr(&boks, "column_groups")[0]["applies_to"],
        "Maatschappelijk werker, sociaal agoog, stadspedagoog, jeugdzorgwerker, \
         wijkverpleegkundige, Vraagwijzerconsulent"
    );
    assert_eq!(arr(&boks, "work_fields").len(), 5);
    assert_eq!(
        arr(&boks, "work_fields")[4]["name"],
        "Zichzelf ontwikkelen in het beroep en optreden namens het beroep"
    );

    let rows = arr(&boks, "rows");
    let clusters: Vec<&str> = rows
        .iter()
        .map(|r| r["cluster"].as_str().unwrap())
        .collect();
    assert_eq!(
        clusters,
        [
            "eigen-kracht-versterken",
            "op-de-vraag-af",
            "binden-en-verbinden",
            "integraal-werken",
            "signaleren-en-agenderen",
        ]
    );

    let cell = |cluster: &str, column: &str| -> Vec<String> {
        let row = rows.iter().find(|r| r["cluster"] == cluster).unwrap();
        row["cells"]
            .get(column)
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
            .unwrap_or_default()
    };

    assert_eq!(
        cell("op-de-vraag-af", "persoonlijk"),
        ["Outreachinge benadering-bemoeizorg"]
    );
    assert_eq!(
        cell("binden-en-verbinden", "technisch-instrumenteel"),
        ["Casemanagement, zorgcoördinatie, zorgbemiddeling en zorgafstemming"]
    );
    assert_eq!(
        cell("integraal-werken", "normatief"),
        ["Signaleren", "Collectieve belangenbehartiging"]
    );
    assert_eq!(
        cell("binden-en-verbinden", "organisatiegebonden"),
        [
            "Coachen en begeleiden van vrijwilligers en netwerken.",
            "Opzetten van en participeren in samenwerkingsverbanden",
            "Consulteren, adviseren en coachen van andere professionals",
        ]
    );
    assert_eq!(
        cell("eigen-kracht-versterken", "persoonsgebonden"),
        [
            "Plannen van de eigen competentie ontwikkeling:",
            "Een dialoog aangaan met de burger",
            "Aansluiten bij de vraag van de burger",
            "Vraag achter de vraag stellen",
            "De EigenKwetsbaarheid en de EigenKracht van de burger en zijn systeem achterhalen en \
             onderkennen",
            "Balans aanbrengen tussen recht op hulp en eigen verantwoordelijkheid",
        ]
    );
    assert_eq!(
        cell("signaleren-en-agenderen", "persoonsgebonden"),
        [
            "Onderzoek en rapportage",
            "Reflecteren op eigen handelen",
            "Meewerken aan kennisontwikkeling",
            "Verspreiden van nieuwe kennis",
        ]
    );
    // Empty cells in the source stay empty.
    assert!(cell("eigen-kracht-versterken", "normatief").is_empty());
    assert!(cell("binden-en-verbinden", "normatief").is_empty());
    assert!(cell("binden-en-verbinden", "persoonsgebonden").is_empty());
    assert!(cell("integraal-werken", "technisch-instrumenteel").is_empty());
}
