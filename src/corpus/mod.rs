//! Loading text files into [`Article`]s: decoding, header metadata and the embedded seeds.

mod article;
mod dates;
mod decode;
mod load;
mod metadata;
pub mod seeds;

pub use article::{Article, ArticleOrigin};
pub use dates::{DateOrder, month_number, parse_date, parse_user_date};
pub use decode::{DecodeError, Decoded, MAX_FILE_BYTES, decode_bytes};
pub use load::{
    LoadError, LoadReport, TEXT_EXTENSIONS, collect_files, load_bytes, load_file,
    load_file_catching, load_paths,
};
pub use metadata::{Metadata, parse_metadata};
