//! Publication dates of real German web pages, through the public API, scored as htmldate's
//! evaluation scores them (`../shared/tools/web-score`): the annotated date found is a true
//! positive, another date a false positive, none a false negative; accuracy = tp / pages.

use std::path::Path;

use nachlese::corpus::html::{Hints, extract};

use crate::util::shared;

/// How the dates found on a set of pages compare with the annotated ones.
#[derive(Debug, Default)]
struct Score {
    pages: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn accuracy(&self) -> f64 {
        if self.pages == 0 {
            return 0.0;
        }
        self.tp as f64 / self.pages as f64
    }
}

/// Scores every page of `annotations` (a JSON file beside its pages) that has a `date`.
fn score(dir: &Path, annotations: &str) -> Score {
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join(annotations)).expect("read the annotations"),
    )
    .expect("annotations are JSON");
    let mut score = Score::default();
    let mut wrong = Vec::new();
    for page in json["pages"].as_array().expect("a list of pages") {
        let Some(want) = page["date"].as_str() else {
            continue;
        };
        let file = page["file"].as_str().expect("a file");
        let bytes = std::fs::read(dir.join(file)).expect("read the page");
        let hints = page["url"].as_str().map_or_else(Hints::default, Hints::url);
        let got = extract(&bytes, hints)
            .date
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()));
        score.pages += 1;
        match got {
            Some(got) if got == want => score.tp += 1,
            Some(got) => {
                score.fp += 1;
                wrong.push(format!("  {file}: {got}, want {want}"));
            }
            None => {
                score.fn_ += 1;
                wrong.push(format!("  {file}: none, want {want}"));
            }
        }
    }
    eprintln!(
        "{annotations}: {} pages, tp {} fp {} fn {}, accuracy {:.4}\n{}",
        score.pages,
        score.tp,
        score.fp,
        score.fn_,
        score.accuracy(),
        wrong.join("\n")
    );
    score
}

/// htmldate 1.11.0 reaches 0.893 on these 261 pages.
#[test]
fn publication_dates_of_htmldates_pages() {
    let Some(dir) = shared("data/web-pages") else {
        return;
    };
    let s = score(&dir, "htmldate.json");
    assert_eq!(s.pages, 261);
    assert!(
        s.accuracy() >= HTMLDATE_MIN,
        "accuracy {:.4} below {HTMLDATE_MIN}",
        s.accuracy()
    );
}

/// The pages of trafilatura's evaluation that carry a date.
#[test]
fn publication_dates_of_trafilaturas_pages() {
    let Some(dir) = shared("data/web-pages") else {
        return;
    };
    let s = score(&dir, "trafilatura.json");
    assert_eq!(s.pages, 251);
    assert!(
        s.accuracy() >= TRAFILATURA_MIN,
        "accuracy {:.4} below {TRAFILATURA_MIN}",
        s.accuracy()
    );
}

/// The accuracy measured, less 0.0005.
const HTMLDATE_MIN: f64 = 0.9420;
const TRAFILATURA_MIN: f64 = 0.9198;
