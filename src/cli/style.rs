//! Colour on a terminal, plain text elsewhere.

use std::io::IsTerminal;

use super::args::ColorChoice;

/// How to mark up output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    /// `auto` colours only a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    pub fn new(choice: ColorChoice) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Style { color }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// A matched word.
    pub fn matched(&self, s: &str) -> String {
        self.paint("1;31", s)
    }

    /// A headline.
    pub fn title(&self, s: &str) -> String {
        self.paint("1", s)
    }

    /// Secondary information.
    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
}
