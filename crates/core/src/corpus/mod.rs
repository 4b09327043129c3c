//! Loading text files into [`Article`]s: decoding, header metadata and the embedded seeds.

mod article;
mod canonical;
mod dates;
mod decode;
pub mod headline;
pub mod html;
mod load;
pub(crate) mod metadata;
mod notices;
mod published;
mod recent_lines;
pub mod seeds;
pub mod table;

pub use article::{Article, ArticleOrigin, article_key};
pub use canonical::CanonicalFolders;
pub use dates::{DateOrder, dates_in, month_number, parse_date, parse_user_date};
pub use decode::{DecodeError, Decoded, MAX_FILE_BYTES, decode_bytes};
pub use load::{
    LoadError, TEXT_EXTENSIONS, collect_files, load_bytes, load_file, load_file_catching,
    load_file_catching_with, load_file_with,
};
pub use metadata::{Metadata, PublishedSource, TitleSource, parse_metadata};
