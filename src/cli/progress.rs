//! The progress bar of `index` and `upgrade`: on a terminal only, with rate and time left.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nachlese::index::{Progress, UpgradeProgress};

/// A progress bar over `total` input bytes (a spinner if unknown), or nothing when standard
/// error is no terminal or `quiet` is set.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    pub fn new(total: u64, quiet: bool) -> Bar {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = if total > 0 {
            ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
        };
        let template = if total > 0 {
            "{bar:30} {bytes}/{total_bytes} · {msg} · {binary_bytes_per_sec} · {eta} left"
        } else {
            "{spinner} {bytes} · {msg} · {binary_bytes_per_sec}"
        };
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Bar(Some(bar))
    }

    /// A progress bar over the articles `upgrade` carries over (their number comes with the
    /// first [`upgrade`](Bar::upgrade)), or nothing as for [`new`](Bar::new).
    pub fn articles(quiet: bool) -> Bar {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        let template = "{bar:30} {pos}/{len} articles · {msg}{per_sec} · {eta} left";
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(200));
        Bar(Some(bar))
    }

    /// Shows how far an upgrade has come.
    pub fn upgrade(&self, p: UpgradeProgress) {
        if let Some(bar) = &self.0 {
            bar.set_length(p.total);
            bar.set_position(p.articles);
        }
    }

    /// Shows how far indexing has come.
    pub fn update(&self, p: Progress) {
        if let Some(bar) = &self.0 {
            bar.set_position(p.bytes);
            // Formatting on every document would cost more than indexing small ones.
            if p.documents.is_multiple_of(256) {
                let secs = bar.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!(
                    "{} articles ({:.0}/s)",
                    p.documents,
                    p.documents as f64 / secs
                ));
            }
        }
    }

    /// Shows a message while the last step runs.
    pub fn finishing(&self, message: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(message.to_string());
        }
    }

    /// Removes the bar.
    pub fn clear(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }

    /// Prints a line above the bar (or plainly when there is none).
    pub fn println(&self, line: &str) {
        match &self.0 {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}
