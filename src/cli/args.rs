//! The command line: subcommands, flags and their help.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Full-text search over German news.
///
/// Without --index, nachlese searches its default index, built from the bundled corpus on
/// first use (in the user's cache folder).
#[derive(Debug, Parser)]
#[command(name = "nachlese", version, about, max_term_width = 100)]
pub struct Args {
    /// Use the index in DIR instead of the default one.
    #[arg(long, global = true, value_name = "DIR", env = "NACHLESE_INDEX")]
    pub index: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search articles by words and dates.
    ///
    /// Articles holding every word rank first, in any inflection or spelling; when they are
    /// few, articles holding most of the words follow, each with the words it misses (not
    /// with --all). Query language: `OR` between words, "quoted phrases", +required and
    /// -excluded words, `AND`, title:word, parentheses. Exit status: 0 if something was
    /// found, 1 if nothing was, 2 on error.
    Search(SearchArgs),
    /// Add articles from files and folders (.md, .json, .jsonl, .ndjson, .csv; web pages
    /// .html, .htm, .xhtml; web archives .warc; feeds .rss, .atom, .xml and JSON Feeds; gzipped
    /// .html.gz and .warc.gz; `-` reads JSON Lines from standard input).
    ///
    /// An article whose id is already in the index replaces it; files unchanged since they
    /// were indexed are skipped. If any input is bad, nothing is indexed (unless
    /// --keep-going).
    Index(IndexArgs),
    /// Delete articles by id.
    ///
    /// Exit status: 0 if every id was found and deleted, 1 if some were not in the index.
    Delete(DeleteArgs),
    /// Verify an index: it opens, was written by this version, its files are intact and its
    /// counts add up. Says what to do when it is not sound (exit status 2).
    Check(JsonArg),
    /// Rebuild an index written by another version of nachlese from the articles it stores
    /// (no source file needed).
    ///
    /// Needed when nachlese refuses an index of an older analyzer or format. The new index is
    /// built beside the old one, which stays until the new one is complete: interrupted at
    /// any moment, the folder holds one of the two. Articles keep the files they came from,
    /// so indexing those files again still skips the unchanged ones. An index that is current
    /// already is left alone. (The default index upgrades itself on its next use.)
    Upgrade(UpgradeArgs),
    /// Print one article.
    Show(ShowArgs),
    /// Count the articles, their date span and how many appeared each month.
    Stats(JsonArg),
    /// Find the dates a German text talks about (temporal tagging): each expression with its
    /// TimeML type and value, resolved against the date the text was written.
    Dates(DatesArgs),
    /// Draw, per month, how many matching articles were published and how many mention
    /// that month.
    Timeline(TimelineArgs),
    /// Show what nachlese reads from one web page (HTML, also gzipped): its main text,
    /// title, publication date, authors, site, canonical address and language. Exits with 0
    /// when the page holds an article, 1 when it holds none.
    Extract(ExtractArgs),
    /// Show the terms the index stores for a text (words, compound parts, sound codes of
    /// names), or with --query what a query looks for: how nachlese reads German.
    Analyze(AnalyzeArgs),
    /// Print the completion script for a shell, e.g. `nachlese completions bash >
    /// ~/.local/share/bash-completion/completions/nachlese`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `nachlese man > ~/.local/share/man/man1/nachlese.1`.
    Man,
}

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The date ranges of `search` and `timeline`: when articles were published, and which
/// dates they mention.
#[derive(Debug, clap::Args)]
pub struct DateArgs {
    /// Only articles from the start of this period: YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339.
    /// (timeline: its first month)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only articles up to the end of this period (inclusive): YYYY, YYYY-MM, YYYY-MM-DD or
    /// RFC 3339. (timeline: its last month)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only articles that mention a date from the start of this period on (in title or
    /// text), whenever they were published. Same forms as --from.
    #[arg(long, value_name = "DATE")]
    pub mentions_from: Option<String>,

    /// Only articles that mention a date up to the end of this period (inclusive).
    #[arg(long, value_name = "DATE")]
    pub mentions_to: Option<String>,
}

/// Arguments of `search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The query; several words are joined with spaces. Without a query, the articles in
    /// the date range are listed.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub dates: DateArgs,

    /// Order of the hits [default: relevance, or newest for a listing without query]
    #[arg(long, value_name = "ORDER")]
    pub sort: Option<SortArg>,

    /// How many hits to show.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 10)]
    pub limit: usize,

    /// Skip this many hits first.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: usize,

    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,

    /// Match words only as written (in any inflection and spelling): no compound parts, no
    /// other spellings of names, no typo correction.
    #[arg(long)]
    pub exact: bool,

    /// Do not let a word find compounds that contain it.
    #[arg(long)]
    pub no_compounds: bool,

    /// Do not let a name find its other spellings by sound.
    #[arg(long)]
    pub no_names: bool,

    /// Do not correct typos.
    #[arg(long)]
    pub no_typos: bool,

    /// Every word must match, even when few articles hold them all (no hits with words
    /// missing).
    #[arg(long)]
    pub all: bool,
}

/// The `--sort` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
}

/// Arguments of `index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Files and folders to read (folders recursively).
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Index the good articles, skip and list the bad ones (exit status 1 if any).
    #[arg(long)]
    pub keep_going: bool,

    /// Print a JSON report for scripts.
    #[arg(long)]
    pub json: bool,

    /// Indexing threads [default: the number of cores, at most 4]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub threads: Option<u16>,

    /// Memory for buffered articles, in MB, shared by the threads (at least 15 per thread).
    #[arg(long, value_name = "MB", default_value_t = 256, value_parser = clap::value_parser!(u32).range(15..=65536))]
    pub memory: u32,

    /// No progress bar (there is none anyway when standard error is not a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Read every file, also those unchanged since they were indexed (skipped otherwise).
    #[arg(long)]
    pub force: bool,

    /// Where the fields of JSON, JSON Lines and CSV records are, e.g.
    /// body=maintext,date=date_publish,title=headline,id=link (several keys: date=a|b, the
    /// first present; dots reach into objects: date=meta.published). Fields: id, title,
    /// date, body, source, url, tags, language; the unnamed ones are read from their own
    /// names. news-please's JSON needs no map
    #[arg(long, value_name = "FIELD=KEY,...")]
    pub map: Option<nachlese::corpus::FieldMap>,

    /// Also remove the articles of files under PATH that are gone, or that were changed and
    /// no longer hold them: the index then mirrors the files.
    #[arg(long)]
    pub prune: bool,
}

/// Arguments of `upgrade`.
#[derive(Debug, clap::Args)]
pub struct UpgradeArgs {
    /// Print a JSON report for scripts.
    #[arg(long)]
    pub json: bool,

    /// No progress bar (there is none anyway when standard error is not a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Arguments of `delete`.
#[derive(Debug, clap::Args)]
pub struct DeleteArgs {
    /// The ids of the articles to delete.
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<String>,

    /// Print a JSON report for scripts.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `dates`.
#[derive(Debug, clap::Args)]
pub struct DatesArgs {
    /// The text file to read (standard input without one, or with `-`).
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// The date the text was written, which relative expressions ("gestern", "im Juli")
    /// are resolved against: YYYY-MM-DD or RFC 3339.
    #[arg(long = "ref", value_name = "DATE", required = true)]
    pub reference: String,

    /// Print JSON for scripts: a list of {"start", "end", "type", "value", "text"}, offsets
    /// in characters, end exclusive.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `timeline`.
#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// The query (as for `search`); without one, every article counts.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    #[command(flatten)]
    pub dates: DateArgs,

    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article's id.
    pub id: String,

    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The page: a saved HTML file (`.html`, `.htm`, `.xhtml`, or gzipped).
    #[arg(value_name = "PAGE")]
    pub page: std::path::PathBuf,

    /// The address the page was fetched from: its id when it names no canonical address.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Print one JSON object for scripts:
    /// {"id","title","date","body","source","url","authors","language"}.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// The text; several arguments are joined with spaces.
    #[arg(value_name = "TEXT", required = true)]
    pub text: Vec<String>,

    /// Show what TEXT as a search query looks for in the index: each word's term, whether
    /// compounds are searched, the sound code of a name, typo corrections.
    #[arg(long)]
    pub query: bool,

    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}

/// A lone `--json` flag.
#[derive(Debug, clap::Args)]
pub struct JsonArg {
    /// Print JSON for scripts.
    #[arg(long)]
    pub json: bool,
}
