//! Embedding nachlese in another tool: index your own articles, search them by words and
//! dates, and use the typed hits.
//!
//! Run with `cargo run --example embed`.

use nachlese::{Article, DateRange, Index, SearchRequest, Sort};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // An index in a folder of its own (here a temporary one; `Index::open` reopens it later).
    let dir = tempfile::tempdir()?;
    let index = Index::create(dir.path())?;

    // Articles can come from values...
    let mut writer = index.writer()?;
    writer.add(&Article::new(
        "demo-1",
        "Lawrow besucht Pjöngjang",
        "2023-10-19",
        "Der russische Außenminister Sergej Lawrow ist in Pjöngjang eingetroffen.",
    )?)?;
    // ...or from files and folders (Markdown with front matter, JSON, JSON Lines).
    let file = dir.path().join("more.jsonl");
    std::fs::write(
        &file,
        r#"{"id":"demo-2","title":"Choe Son Hui in Moskau","date":"2024-01-16","body":"Die Außenministerin traf Lawrow."}"#,
    )?;
    writer.add_paths([file], Err)?;
    let stats = writer.commit()?;
    println!("indexed {} new articles", stats.added);

    // Any spelling and inflection: "Aussenministerin" finds "Außenminister".
    let since_2024 = DateRange::new(Some("2024".parse()?), None)?;
    for (label, request) in [
        ("all", SearchRequest::new("Aussenministerin Lawrow")),
        ("2024 on", SearchRequest::new("Lawrow").range(since_2024)),
        ("oldest first", SearchRequest::all().sort(Sort::Oldest)),
    ] {
        let results = index.search(&request)?;
        println!("\n{label}: {} hit(s)", results.total);
        for hit in results.hits {
            println!(
                "  {}. {} {} [{}]\n     {}",
                hit.rank,
                nachlese::dates::format_day(hit.date),
                hit.title,
                hit.id,
                hit.snippet.to_html()
            );
        }
    }
    Ok(())
}
