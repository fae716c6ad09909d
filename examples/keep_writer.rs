//! A long-running program that keeps one writer: articles arrive in batches (from a feed
//! poller, a queue, a crawler), each batch is committed through the same writer, and every
//! commit is searchable at once, in this process and in any other that opens the index.
//!
//! Needs only the library (it builds with `default-features = false`).
//!
//! Run with `cargo run --example keep_writer`.

use std::sync::mpsc;

use nachlese::{Article, Index, SearchRequest};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let index = Index::create(dir.path())?;

    // The writer owns a (cheap) clone of the index, so it can live on its own thread.
    let (batches, arrive) = mpsc::channel::<Vec<Article>>();
    let mut writer = index.writer()?;
    let ingest = std::thread::spawn(move || -> nachlese::Result<()> {
        for batch in arrive {
            for article in &batch {
                writer.add(article)?;
            }
            let stats = writer.commit()?;
            println!(
                "committed: {} added, {} updated, {} unchanged",
                stats.added, stats.updated, stats.unchanged
            );
        }
        // Dropping the writer waits for its merges and releases the index's lock.
        Ok(())
    });

    let first = vec![
        Article::new(
            "kcna-1",
            "Kim empfängt russische Delegation",
            "2024-02-17",
            "Machthaber Kim Jong Un hat in Pjöngjang eine Delegation aus Moskau empfangen.",
        )?
        .with_source("KCNA")
        .with_authors(["Redaktion Pjöngjang"]),
    ];
    let second = vec![
        Article::new(
            "kcna-2",
            "Putin schenkt Kim ein Auto",
            "2024-02-18",
            "Der russische Präsident hat Kim Jong Un eine Limousine aus russischer Produktion geschenkt.",
        )?,
        // The same id again, changed: an update, not a second article.
        Article::new(
            "kcna-1",
            "Kim empfängt russische Delegation",
            "2024-02-17",
            "Machthaber Kim Jong Un hat in Pjöngjang eine hochrangige Delegation aus Moskau empfangen.",
        )?,
    ];
    for batch in [first, second] {
        batches.send(batch)?;
    }
    drop(batches);
    ingest.join().map_err(|_| "the ingest thread panicked")??;

    let results = index.search(&SearchRequest::new("Limousine Kim"))?;
    println!("{} hit(s) for \"Limousine Kim\"", results.total);
    for hit in &results.hits {
        println!("  {} {}", hit.id, hit.title);
    }
    println!("{} articles in the index", index.len());
    Ok(())
}
