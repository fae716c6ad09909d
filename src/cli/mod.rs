//! The command-line interface: arguments in, library calls, output out.

mod advice;
mod args;
mod human;
mod interrupt;
mod json;
mod progress;
mod style;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow, bail};
use clap::CommandFactory;
use nachlese::corpus::Source;
use nachlese::search::Expansions;
use nachlese::{
    DateRange, Index, InputError, Period, SearchRequest, Sort, WriterOptions, analysis,
};

pub use advice::message;
pub use args::Args;
use args::{
    AnalyzeArgs, Command, CompletionsArgs, DateArgs, DatesArgs, DeleteArgs, ExtractArgs, IndexArgs,
    JsonArg, SearchArgs, ShowArgs, SortArg, TimelineArgs, UpgradeArgs,
};
use style::Style;

/// Exit status: something found or done.
const FOUND: u8 = 0;
/// Exit status: nothing found (as grep), or some input skipped with `--keep-going`.
const NOT_FOUND: u8 = 1;

/// The path that stands for standard input.
const STDIN: &str = "-";

/// Runs a parsed command line.
pub fn run(args: Args) -> Result<ExitCode> {
    let style = Style::new(args.color);
    let index = args.index.as_deref();
    let code = match args.command {
        Command::Search(a) => search(index, &style, a)?,
        Command::Index(a) => index_paths(index, a)?,
        Command::Delete(a) => delete(index, a)?,
        Command::Check(a) => check(index, a)?,
        Command::Upgrade(a) => upgrade(index, a)?,
        Command::Show(a) => show(index, &style, a)?,
        Command::Stats(a) => stats(index, &style, a)?,
        Command::Analyze(a) => analyze(index, &style, a)?,
        Command::Extract(a) => extract(&style, a)?,
        Command::Dates(a) => dates(&style, a)?,
        Command::Timeline(a) => timeline(index, &style, a)?,
        Command::Completions(a) => completions(a)?,
        Command::Man => man()?,
    };
    Ok(ExitCode::from(code))
}

/// Whether an error is a closed pipe on standard output.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}

/// Opens the index named with --index, or the default one with the bundled corpus.
fn open(dir: Option<&std::path::Path>) -> Result<Index> {
    match dir {
        Some(dir) => Ok(Index::open(dir)?),
        None => {
            let dir = nachlese::index::default_dir()
                .context("no cache folder for the default index; choose one with --index DIR")?;
            Index::open_bundled(&dir)
                .with_context(|| format!("cannot open the default index at {}", dir.display()))
        }
    }
}

fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

fn print_json(value: &serde_json::Value) -> Result<()> {
    let mut out = stdout();
    serde_json::to_writer(&mut out, value)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

fn period(flag: &str, value: Option<&str>) -> Result<Option<Period>> {
    value
        .map(|v| v.parse::<Period>().with_context(|| format!("--{flag}")))
        .transpose()
}

/// The range between two flags, `(name, value)` each.
fn range(from: (&str, Option<&str>), to: (&str, Option<&str>)) -> Result<DateRange> {
    DateRange::new(period(from.0, from.1)?, period(to.0, to.1)?).map_err(|e| {
        anyhow!(
            "--{} {} is after --{} {}: the range is empty",
            from.0,
            e.from,
            to.0,
            e.to
        )
    })
}

/// The publication range and the mentions range the flags name.
fn ranges(d: &DateArgs) -> Result<(DateRange, DateRange)> {
    let published = range(("from", d.from.as_deref()), ("to", d.to.as_deref()))?;
    let mentions = range(
        ("mentions-from", d.mentions_from.as_deref()),
        ("mentions-to", d.mentions_to.as_deref()),
    )?;
    Ok((published, mentions))
}

fn search(dir: Option<&std::path::Path>, style: &Style, a: SearchArgs) -> Result<u8> {
    // Check the arguments before touching the index.
    let (range, mentions) = ranges(&a.dates)?;
    let sort = match a.sort {
        None | Some(SortArg::Relevance) => Sort::Relevance,
        Some(SortArg::Newest) => Sort::Newest,
        Some(SortArg::Oldest) => Sort::Oldest,
    };
    let expansions = if a.exact {
        Expansions::NONE
    } else {
        Expansions::default()
            .compounds(!a.no_compounds)
            .names(!a.no_names)
            .typos(!a.no_typos)
    };
    let request = SearchRequest::new(a.query.join(" "))
        .range(range)
        .sort(sort)
        .limit(a.limit)
        .offset(a.offset)
        .mentions(mentions)
        .expansions(expansions)
        .all_words(a.all);
    let index = open(dir)?;
    let results = index.search(&request)?;
    // The process ends after printing; unmapping every segment file on the way out would
    // cost a short search's time again, and the OS reclaims the mappings anyway.
    std::mem::forget(index);

    for note in &results.notes {
        eprintln!("nachlese: note: {note}");
    }
    if let (Some(suggestion), false) = (&results.suggestion, a.json) {
        eprintln!("nachlese: meinten Sie: {suggestion}");
    }
    if a.json {
        print_json(&serde_json::to_value(&results)?)?;
    } else {
        let mut out = stdout();
        human::search(&mut out, style, &results)?;
        out.flush()?;
    }
    Ok(if results.total > 0 { FOUND } else { NOT_FOUND })
}

/// `--json` lists at most this many rejected documents (the count is always complete).
const MAX_LISTED_REJECTIONS: usize = 10_000;

fn index_paths(dir: Option<&std::path::Path>, a: IndexArgs) -> Result<u8> {
    let index = match dir {
        Some(dir) => Index::open_or_create(dir)?,
        None => open(None)?,
    };
    interrupt::end_before_commit();
    let mut options = WriterOptions::default().memory_bytes(a.memory as usize * 1_000_000);
    if let Some(threads) = a.threads {
        options = options.threads(threads.into());
    }
    let mut writer = index.writer_with(options)?;
    if a.force {
        writer.read_unchanged_files();
    }
    if let Some(map) = a.map.clone() {
        writer.map_fields(map);
    }
    // `-` is standard input, read as JSON Lines; the library reads files and readers.
    let files: Vec<std::path::PathBuf> = a
        .paths
        .iter()
        .filter(|p| p.as_os_str() != STDIN)
        .cloned()
        .collect();
    let sources = a.paths.iter().map(|p| {
        if p.as_os_str() == STDIN {
            Source::json_lines(STDIN, io::stdin())
        } else {
            Source::Path(p.clone())
        }
    });
    let bar = progress::Bar::new(nachlese::corpus::input_bytes(files.clone()), a.quiet);
    let mut rejected: Vec<InputError> = Vec::new();
    let mut rejections = 0usize;
    let read = writer.add_paths_with_progress(
        sources,
        |e| {
            if !a.keep_going {
                return Err(e);
            }
            bar.println(&format!("nachlese: skipped {e}"));
            rejections += 1;
            if rejected.len() < MAX_LISTED_REJECTIONS {
                rejected.push(e);
            }
            Ok(())
        },
        |p| bar.update(p),
    );
    let read = read.and_then(|_| {
        if a.prune {
            writer.prune(&files)?;
        }
        Ok(())
    });
    if let Err(e) = read {
        bar.clear();
        drop(writer);
        if matches!(e, nachlese::Error::NotCommitted(_)) {
            return Err(e.into());
        }
        bail!("{e}\nnothing was indexed; the index is unchanged");
    }
    bar.finishing("committing and merging");
    interrupt::committing();
    let stats = writer.commit();
    bar.clear();
    let stats = stats?;
    let documents = index.len();
    if a.json {
        print_json(&json::index_report(
            &stats, &rejected, rejections, documents,
        ))?;
    } else {
        let mut msg = format!(
            "indexed {} article(s): {} new, {} updated",
            stats.added + stats.updated,
            stats.added,
            stats.updated
        );
        if stats.unchanged > 0 {
            msg.push_str(&format!(", {} unchanged", stats.unchanged));
        }
        if stats.unchanged_files > 0 {
            msg.push_str(&format!(
                "; {} unchanged file(s) skipped",
                stats.unchanged_files
            ));
        }
        if stats.deleted > 0 {
            msg.push_str(&format!("; removed {}", stats.deleted));
        }
        if rejections > 0 {
            msg.push_str(&format!("; skipped {rejections} bad one(s)"));
        }
        eprintln!("{msg}; the index holds {documents} article(s)");
    }
    if interrupt::came_during_commit() {
        eprintln!("nachlese: interrupted while committing; the commit was completed first");
        return Ok(interrupt::INTERRUPTED);
    }
    Ok(if rejections == 0 { FOUND } else { NOT_FOUND })
}

fn delete(dir: Option<&std::path::Path>, a: DeleteArgs) -> Result<u8> {
    let index = open(dir)?;
    interrupt::end_before_commit();
    let mut writer = index.writer()?;
    let mut missing = Vec::new();
    for id in &a.ids {
        if !writer.delete(id)? {
            missing.push(id.as_str());
        }
    }
    interrupt::committing();
    let stats = writer.commit()?;
    let documents = index.len();
    if a.json {
        print_json(&json::delete_report(stats.deleted, &missing, documents))?;
    } else {
        for id in &missing {
            eprintln!("nachlese: no article with id {id:?}");
        }
        eprintln!(
            "deleted {} article(s); the index holds {documents} article(s)",
            stats.deleted
        );
    }
    Ok(if missing.is_empty() { FOUND } else { NOT_FOUND })
}

/// Exit status of `check` for an index that is not sound.
const UNSOUND: u8 = 2;

fn check(dir: Option<&std::path::Path>, a: JsonArg) -> Result<u8> {
    let report = open(dir)?.check()?;
    if a.json {
        print_json(&serde_json::to_value(&report)?)?;
    } else {
        let mut out = stdout();
        human::check(&mut out, &report)?;
        out.flush()?;
    }
    Ok(if report.is_sound() { FOUND } else { UNSOUND })
}

fn upgrade(dir: Option<&std::path::Path>, a: UpgradeArgs) -> Result<u8> {
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => nachlese::index::default_dir()
            .context("no cache folder for the default index; choose one with --index DIR")?,
    };
    let bar = progress::Bar::articles(a.quiet);
    // Until the new index is committed and put in place, the old one is untouched.
    interrupt::end_before_commit();
    let report = Index::upgrade(&dir, |p| {
        if p.articles == p.total {
            interrupt::committing();
            bar.finishing("committing · ");
        }
        bar.upgrade(p);
    });
    bar.clear();
    let report = report?;
    for s in &report.skipped {
        eprintln!("nachlese: could not carry over {:?}: {}", s.id, s.reason);
    }
    if a.json {
        print_json(&serde_json::to_value(&report)?)?;
    } else if report.upgraded {
        let from = match (report.from_format, report.from_analyzer) {
            (0, 0) => "an unknown version".to_string(),
            (format, analyzer) => format!("format {format}, analyzer version {analyzer}"),
        };
        let mut msg = format!(
            "upgraded the index at {} from {from}: carried over {} article(s)",
            dir.display(),
            report.articles
        );
        if !report.skipped.is_empty() {
            msg.push_str(&format!(
                "; skipped {} unusable one(s)",
                report.skipped.len()
            ));
        }
        eprintln!("{msg}");
    } else {
        eprintln!(
            "the index at {} is current already; nothing to do",
            dir.display()
        );
    }
    Ok(if report.skipped.is_empty() {
        FOUND
    } else {
        NOT_FOUND
    })
}

fn dates(style: &Style, a: DatesArgs) -> Result<u8> {
    let reference = nachlese::dates::parse_timestamp(&a.reference).with_context(|| "--ref")?;
    let text = match a.file.as_deref() {
        None => io::read_to_string(io::stdin()).context("cannot read standard input")?,
        Some(p) if p.as_os_str() == STDIN => {
            io::read_to_string(io::stdin()).context("cannot read standard input")?
        }
        Some(p) => {
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?
        }
    };
    let found = nachlese::temporal::tag(&text, reference.date());
    if a.json {
        print_json(&serde_json::to_value(&found)?)?;
    } else {
        let mut out = stdout();
        human::timexes(&mut out, style, &found)?;
        out.flush()?;
    }
    Ok(if found.is_empty() { NOT_FOUND } else { FOUND })
}

fn timeline(dir: Option<&std::path::Path>, style: &Style, a: TimelineArgs) -> Result<u8> {
    let (range, mentions) = ranges(&a.dates)?;
    let request = SearchRequest::new(a.query.join(" "))
        .range(range)
        .mentions(mentions);
    let timeline = open(dir)?.timeline(&request)?;
    if a.json {
        print_json(&serde_json::to_value(&timeline)?)?;
    } else {
        let mut out = stdout();
        human::timeline(&mut out, style, &timeline)?;
        out.flush()?;
    }
    Ok(if timeline.total > 0 { FOUND } else { NOT_FOUND })
}

fn show(dir: Option<&std::path::Path>, style: &Style, a: ShowArgs) -> Result<u8> {
    let index = open(dir)?;
    let Some(stored) = index.get(&a.id)? else {
        eprintln!("nachlese: no article with id {:?}", a.id);
        return Ok(NOT_FOUND);
    };
    if a.json {
        print_json(&serde_json::to_value(&stored)?)?;
    } else {
        let mut out = stdout();
        human::article(&mut out, style, &stored)?;
        out.flush()?;
    }
    Ok(FOUND)
}

fn stats(dir: Option<&std::path::Path>, style: &Style, a: JsonArg) -> Result<u8> {
    let index = open(dir)?;
    let stats = index.stats()?;
    if a.json {
        print_json(&serde_json::to_value(&stats)?)?;
    } else {
        let mut out = stdout();
        human::stats(&mut out, style, &stats)?;
        out.flush()?;
    }
    Ok(FOUND)
}

fn analyze(dir: Option<&std::path::Path>, style: &Style, a: AnalyzeArgs) -> Result<u8> {
    let text = a.text.join(" ");
    if a.query {
        let words = open(dir)?.explain(&text, Expansions::default())?;
        if a.json {
            print_json(&serde_json::to_value(&words)?)?;
        } else {
            let mut out = stdout();
            human::plan(&mut out, style, &words)?;
            out.flush()?;
        }
        return Ok(FOUND);
    }
    let tokens = analysis::analyze(&text);
    if a.json {
        print_json(&serde_json::to_value(&tokens)?)?;
    } else {
        let mut out = stdout();
        human::tokens(&mut out, style, &tokens)?;
        out.flush()?;
    }
    Ok(FOUND)
}

fn extract(style: &Style, a: ExtractArgs) -> Result<u8> {
    let page = nachlese::corpus::page::extract_file(&a.page, a.url.as_deref())?;
    if a.json {
        print_json(&serde_json::to_value(&page)?)?;
    } else {
        let mut out = stdout();
        human::extracted(&mut out, style, &page)?;
        out.flush()?;
    }
    Ok(if page.is_article() { FOUND } else { NOT_FOUND })
}

fn completions(a: CompletionsArgs) -> Result<u8> {
    let mut out = stdout();
    clap_complete::generate(a.shell, &mut Args::command(), "nachlese", &mut out);
    out.flush()?;
    Ok(FOUND)
}

fn man() -> Result<u8> {
    let mut out = stdout();
    clap_mangen::Man::new(Args::command())
        .title("NACHLESE")
        .render(&mut out)?;
    out.flush()?;
    Ok(FOUND)
}
