//! The five seed articles, embedded in the binary so the app works from any folder.

use super::article::{Article, ArticleOrigin};

/// File name and text of every seed article.
pub const SEEDS: &[(&str, &str)] = &[
    (
        "000_08ccef87fd0d5d1a.txt",
        include_str!("../../../../seeds/000_08ccef87fd0d5d1a.txt"),
    ),
    (
        "001_f77428515aa0f778.txt",
        include_str!("../../../../seeds/001_f77428515aa0f778.txt"),
    ),
    (
        "002_ea6b9445212ab19d.txt",
        include_str!("../../../../seeds/002_ea6b9445212ab19d.txt"),
    ),
    (
        "003_1c405b686d0bd89e.txt",
        include_str!("../../../../seeds/003_1c405b686d0bd89e.txt"),
    ),
    (
        "004_f7d8c13ed8149521.txt",
        include_str!("../../../../seeds/004_f7d8c13ed8149521.txt"),
    ),
];

/// The seed articles, parsed.
pub fn seed_articles() -> Vec<Article> {
    SEEDS
        .iter()
        .map(|(name, text)| {
            Article::new(
                ArticleOrigin::Seed((*name).to_string()),
                (*name).to_string(),
                (*text).to_string(),
                "UTF-8",
            )
        })
        .collect()
}
