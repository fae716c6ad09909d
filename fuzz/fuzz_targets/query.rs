//! The query language: every input is searched for and explained on a small in-memory index.
//! Errors (a query that does not parse) are fine; a panic is a bug.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use nachlese::search::Expansions;
use nachlese::{Article, Index, SearchRequest};

const ARTICLES: &[(&str, &str, &str, &str)] = &[
    (
        "2024-02-20-putin-schenkt-kim-auto",
        "Putin schenkt Kim Jong-un ein Auto aus russischer Produktion",
        "2024-02-20",
        "Der russische Präsident Wladimir Putin schenkte dem nordkoreanischen Staatschef \
         Kim Jong-un ein in Russland hergestelltes Auto für seinen „persönlichen Gebrauch“. \
         Kim Yo Jong nahm das Geschenk am 18. Februar entgegen.",
    ),
    (
        "2023-07-26-schoigu-pjoengjang",
        "Schoigu in Pjöngjang: Verteidigungsminister besucht Waffenschau",
        "2023-07-26T07:30:00+09:00",
        "Der russische Verteidigungsminister Sergej Shoigu reiste zum „Tag des Sieges“ nach \
         Pjöngjang. Kim Jong Un zeigte ihm Raketen und Drohnen.",
    ),
    (
        "2023-10-19-lawrow-pjoengjang",
        "Lawrow trifft Außenministerin Choe Son-hui",
        "2023-10-19",
        "Der Aussenminister Sergej Lawrow traf in Pjoengjang die nordkoreanische \
         Außenministerin Choe Son-hui. Die Außenminister sprachen über Zusammenarbeit.",
    ),
    (
        "2024-06-19-vertrag",
        "Russland und Nordkorea unterzeichnen Partnerschaftsvertrag",
        "2024-06-19",
        "Putin und Kim unterzeichneten einen Vertrag über umfassende strategische \
         Partnerschaft, der gegenseitigen Beistand im Fall eines Angriffs vorsieht.",
    ),
];

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = Index::create_in_ram().expect("in-memory index");
        let mut writer = index.writer().expect("writer");
        for (id, title, date, body) in ARTICLES {
            let article = Article::new(*id, *title, date, *body).expect("valid article");
            writer.add(&article).expect("add");
        }
        writer.commit().expect("commit");
        index.reload().expect("reload");
        index
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let index = index();
    let _ = index.search(&SearchRequest::new(text.as_ref()).limit(10).snippets(200));
    let _ = index.explain(&text, Expansions::default());
});
