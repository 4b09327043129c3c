//! The cache's file: a header, then records appended one after another, each framed with its
//! key, its length and a CRC-32 of both (Bitcask's layout). Appending never changes a byte
//! already written, so a crash or kill mid-write can only leave a torn last frame: a frame that
//! runs past the end stops the scan, and one whose bytes do not match its CRC is rejected when
//! it is read. The newest frame of a key wins; [`LogFile::compact`] rewrites the live frames
//! into a new file that replaces the old one atomically.
//!
//! ```text
//! file  = MAGIC(8) version(u32 LE) frame*
//! frame = key_len(u32 LE) value_len(u32 LE) crc32(key ‖ value)(u32 LE) key value
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"TDCACHE\0";
/// The file layout's version: a file of another version is started afresh.
const VERSION: u32 = 1;
const HEADER: u64 = 12;
const FRAME_HEAD: u64 = 12;
/// Keys are file paths; longer "keys" mean a damaged frame.
const MAX_KEY: u32 = 64 * 1024;
/// Values are one article's record; a bigger one means a damaged frame.
const MAX_VALUE: u32 = 256 * 1024 * 1024;

/// Where a key's newest frame lies.
#[derive(Debug, Clone)]
struct Slot {
    frame: Range<u64>,
    value: Range<u64>,
}

/// The open cache file, locked against other instances of the program.
pub(super) struct LogFile {
    path: PathBuf,
    file: File,
    index: HashMap<Vec<u8>, Slot>,
    /// Where the next frame goes (the end of the last whole frame).
    end: u64,
    /// Bytes of frames that a newer frame of their key replaced.
    dead: u64,
}

/// What opening found.
pub(super) struct Opened {
    pub(super) log: LogFile,
    /// Why the old content was dropped (another version, a damaged header), if it was.
    pub(super) restarted: Option<String>,
    /// Bytes past the last whole frame (a torn write), cut off.
    pub(super) torn: u64,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn crc_of(key: &[u8], value: &[u8]) -> u32 {
    let mut h = crc32fast::Hasher::new();
    h.update(key);
    h.update(value);
    h.finalize()
}

/// A frame's head: key length, value length, CRC-32 of key and value.
fn frame_head(key: &[u8], value: &[u8]) -> std::io::Result<[u8; FRAME_HEAD as usize]> {
    let too_big = || std::io::Error::other("a cache record is too big");
    let key_len = u32::try_from(key.len()).map_err(|_| too_big())?;
    let value_len = u32::try_from(value.len()).map_err(|_| too_big())?;
    if key_len > MAX_KEY || value_len > MAX_VALUE {
        return Err(too_big());
    }
    let mut head = [0u8; FRAME_HEAD as usize];
    head[..4].copy_from_slice(&key_len.to_le_bytes());
    head[4..8].copy_from_slice(&value_len.to_le_bytes());
    head[8..].copy_from_slice(&crc_of(key, value).to_le_bytes());
    Ok(head)
}

fn header_bytes() -> [u8; 12] {
    let mut h = [0u8; 12];
    h[..8].copy_from_slice(MAGIC);
    h[8..].copy_from_slice(&VERSION.to_le_bytes());
    h
}

impl LogFile {
    /// Open or create the file at `path` and index its frames. Fails when another instance
    /// holds it.
    pub(super) fn open(path: &Path) -> std::io::Result<Opened> {
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(std::io::Error::other(
                    "another instance of the app is using it",
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        let len = file.metadata()?.len();
        let mut head = [0u8; 12];
        let restarted = if len == 0 {
            None
        } else if len < HEADER {
            Some("the file is shorter than its header".to_string())
        } else {
            file.read_exact(&mut head)?;
            if &head[..8] != MAGIC {
                Some("the file is not a cache file".to_string())
            } else if u32_at(&head, 8) != VERSION {
                Some(format!("it has layout version {}", u32_at(&head, 8)))
            } else {
                None
            }
        };
        if len == 0 || restarted.is_some() {
            file.set_len(0)?;
            file.seek(SeekFrom::Start(0))?;
            file.write_all(&header_bytes())?;
            file.sync_all()?;
            let log = Self {
                path: path.to_path_buf(),
                file,
                index: HashMap::new(),
                end: HEADER,
                dead: 0,
            };
            return Ok(Opened {
                log,
                restarted,
                torn: 0,
            });
        }
        let (index, end, dead) = scan(&mut file, len)?;
        let torn = len - end;
        if torn > 0 {
            // A torn last frame: cut it, so appends start on a frame boundary.
            file.set_len(end)?;
        }
        let log = Self {
            path: path.to_path_buf(),
            file,
            index,
            end,
            dead,
        };
        Ok(Opened {
            log,
            restarted: None,
            torn,
        })
    }

    /// The keys with a frame.
    pub(super) fn len(&self) -> usize {
        self.index.len()
    }

    pub(super) fn keys(&self) -> impl Iterator<Item = &[u8]> {
        self.index.keys().map(Vec::as_slice)
    }

    /// The file's size in bytes.
    pub(super) fn size(&self) -> u64 {
        self.end
    }

    /// Bytes held by replaced frames.
    pub(super) fn dead(&self) -> u64 {
        self.dead
    }

    /// The newest value of `key`, checked against its CRC (`Err` when the frame is damaged).
    pub(super) fn get(&self, key: &[u8]) -> Option<Result<Vec<u8>, String>> {
        let slot = self.index.get(key)?;
        Some(self.read_checked(key, slot))
    }

    fn read_checked(&self, key: &[u8], slot: &Slot) -> Result<Vec<u8>, String> {
        let mut head = [0u8; FRAME_HEAD as usize];
        read_at(&self.file, &mut head, slot.frame.start).map_err(|e| e.to_string())?;
        let len = usize::try_from(slot.value.end - slot.value.start).map_err(|e| e.to_string())?;
        let mut value = vec![0u8; len];
        read_at(&self.file, &mut value, slot.value.start).map_err(|e| e.to_string())?;
        if crc_of(key, &value) != u32_at(&head, 8) {
            return Err("checksum mismatch".into());
        }
        Ok(value)
    }

    /// Append frames, then (`durable`) wait until they are on disk.
    pub(super) fn append(
        &mut self,
        records: Vec<(Vec<u8>, Vec<u8>)>,
        durable: bool,
    ) -> std::io::Result<()> {
        if !records.is_empty() {
            self.file.seek(SeekFrom::Start(self.end))?;
            let mut out = BufWriter::with_capacity(1 << 20, &self.file);
            let mut at = self.end;
            let mut slots = Vec::with_capacity(records.len());
            for (key, value) in records {
                let head = frame_head(&key, &value)?;
                out.write_all(&head)?;
                out.write_all(&key)?;
                out.write_all(&value)?;
                let value_start = at + FRAME_HEAD + key.len() as u64;
                let end = value_start + value.len() as u64;
                slots.push((
                    key,
                    Slot {
                        frame: at..end,
                        value: value_start..end,
                    },
                ));
                at = end;
            }
            out.flush()?;
            drop(out);
            self.end = at;
            for (key, slot) in slots {
                if let Some(old) = self.index.insert(key, slot) {
                    self.dead += old.frame.end - old.frame.start;
                }
            }
        }
        if durable {
            self.file.sync_data()?;
        }
        Ok(())
    }

    /// Forget `key` (its frame becomes dead and goes at the next compaction).
    pub(super) fn forget(&mut self, key: &[u8]) {
        if let Some(old) = self.index.remove(key) {
            self.dead += old.frame.end - old.frame.start;
        }
    }

    /// Rewrite the live frames (those `keep` accepts) into a new file and put it in place of
    /// this one atomically (a crash leaves either file whole). Damaged frames are dropped.
    pub(super) fn compact(&mut self, keep: impl Fn(&[u8]) -> bool) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        let mut index = HashMap::new();
        {
            let mut out = BufWriter::new(tmp.as_file_mut());
            out.write_all(&header_bytes())?;
            let mut end = HEADER;
            let mut slots: Vec<(&Vec<u8>, &Slot)> = self.index.iter().collect();
            slots.sort_by_key(|(_, s)| s.frame.start);
            for (key, slot) in slots {
                if !keep(key) {
                    continue;
                }
                let Ok(value) = self.read_checked(key, slot) else {
                    continue;
                };
                out.write_all(&frame_head(key, &value)?)?;
                out.write_all(key)?;
                out.write_all(&value)?;
                let value_start = end + FRAME_HEAD + key.len() as u64;
                let frame_end = value_start + value.len() as u64;
                index.insert(
                    key.clone(),
                    Slot {
                        frame: end..frame_end,
                        value: value_start..frame_end,
                    },
                );
                end = frame_end;
            }
            out.flush()?;
            drop(out);
            self.end = end;
        }
        tmp.as_file().sync_all()?;
        tmp.as_file().try_lock().ok();
        let file = tmp.persist(&self.path).map_err(|e| e.error)?;
        self.file = file;
        self.index = index;
        self.dead = 0;
        Ok(())
    }
}

/// Index every whole frame of the file: (index, end of the last whole frame, dead bytes).
fn scan(file: &mut File, len: u64) -> std::io::Result<(HashMap<Vec<u8>, Slot>, u64, u64)> {
    let mut index: HashMap<Vec<u8>, Slot> = HashMap::new();
    let mut dead = 0;
    let mut at = HEADER;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, &*file);
    reader.seek(SeekFrom::Start(at))?;
    let mut head = [0u8; FRAME_HEAD as usize];
    while at + FRAME_HEAD <= len {
        reader.read_exact(&mut head)?;
        let key_len = u32_at(&head, 0);
        let value_len = u32_at(&head, 4);
        let frame_end = at + FRAME_HEAD + u64::from(key_len) + u64::from(value_len);
        if key_len > MAX_KEY || value_len > MAX_VALUE || frame_end > len {
            break;
        }
        let mut key = vec![0u8; key_len as usize];
        reader.read_exact(&mut key)?;
        reader.seek_relative(i64::from(value_len))?;
        let value_start = at + FRAME_HEAD + u64::from(key_len);
        let slot = Slot {
            frame: at..frame_end,
            value: value_start..frame_end,
        };
        if let Some(old) = index.insert(key, slot) {
            dead += old.frame.end - old.frame.start;
        }
        at = frame_end;
    }
    Ok((index, at, dead))
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, offset)
}

#[cfg(not(unix))]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    let mut done = 0;
    while done < buf.len() {
        let n = file.seek_read(&mut buf[done..], offset + done as u64)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        done += n;
    }
    Ok(())
}
