fn main() {
    let dir = std::path::Path::new("/tmp/bench/profidx");
    let index = if dir.exists() {
        nachlese::Index::open(dir).unwrap()
    } else {
        let docs: Vec<nachlese::Article> =
            nachlese::corpus::Documents::new(["/tmp/bench/bench-20k.jsonl".into()])
                .filter_map(Result::ok)
                .map(|d| d.article)
                .collect();
        let index = nachlese::Index::create(dir).unwrap();
        let mut w = index.writer().unwrap();
        for a in &docs {
            w.add(a).unwrap();
        }
        w.commit().unwrap();
        return;
    };
    let q = std::env::args().nth(1).unwrap_or("Israel".into());
    let snip: usize = std::env::args().nth(2).map_or(0, |s| s.parse().unwrap());
    let mut req = nachlese::SearchRequest::new(q).limit(10).snippets(snip);
    if std::env::var("EXACT").is_ok() {
        req = req.expansions(nachlese::search::Expansions::NONE);
    }
    for _ in 0..200 {
        index.search(&req).unwrap();
    }
    let t = std::time::Instant::now();
    for _ in 0..3000 {
        std::hint::black_box(index.search(&req).unwrap());
    }
    println!("{:?} per query", t.elapsed() / 3000);
}
