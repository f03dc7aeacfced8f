//! Which files a run lints, and reading them: directories are walked (hidden folders,
//! `.git`, `target` and `node_modules` skipped), files named explicitly are always linted.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use walkdir::{DirEntry, WalkDir};

/// Extensions linted when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];
const SKIP_DIRS: &[&str] = &[".git", "target", "node_modules"];

pub struct Filters {
    include: Option<GlobSet>,
    exclude: GlobSet,
    force_exclude: bool,
}

fn build(globs: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = |g: &str| Glob::new(g).map_err(|e| format!("invalid glob `{g}`: {e}"));
        b.add(glob(g)?);
        // a bare name ("drafts", "*.md") matches at any depth, as in .gitignore: the
        // file or directory of that name, and everything below such a directory
        if !g.contains('/') {
            b.add(glob(&format!("**/{g}"))?);
            b.add(glob(&format!("**/{g}/**"))?);
        }
    }
    b.build().map_err(|e| e.to_string())
}

impl Filters {
    pub fn new(
        include: &[String],
        exclude: &[String],
        force_exclude: bool,
    ) -> Result<Filters, String> {
        let include = if include.is_empty() {
            None
        } else {
            Some(build(include)?)
        };
        Ok(Filters {
            include,
            exclude: build(exclude)?,
            force_exclude,
        })
    }

    /// No include or exclude glob: every walked file with a linted extension is linted
    /// (and no path needs matching).
    fn none(&self) -> bool {
        self.include.is_none() && self.exclude.is_empty()
    }

    fn excluded(&self, rel: &Path) -> bool {
        self.exclude.is_match(rel)
    }

    fn included(&self, rel: &Path) -> bool {
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
    }
}

fn is_skipped_dir(e: &DirEntry) -> bool {
    e.depth() > 0
        && e.file_type().is_dir()
        && e.file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.') || SKIP_DIRS.contains(&n))
}

fn has_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(x)))
}

/// The files to lint under `paths`, in a stable order, and the errors met on the way
/// (a run walks and selects in two steps, see [`Walked`]).
#[cfg(test)]
pub fn collect(paths: &[PathBuf], filters: &Filters) -> (Vec<PathBuf>, Vec<String>) {
    walk(paths).select(filters)
}

/// What [`walk`] found under each path it was given, before any include or exclude glob
/// is applied: the walk needs no configuration, so a run can walk while it loads one.
pub struct Walked {
    roots: Vec<Root>,
}

enum Root {
    /// A path that could not be read.
    Error(String),
    /// A file named explicitly.
    File(PathBuf),
    /// A directory: its files with a linted extension in walk order, and the errors met.
    Dir {
        root: PathBuf,
        files: Vec<PathBuf>,
        errors: Vec<String>,
    },
}

/// Walks `paths`: directories are read (hidden folders, `.git`, `target` and
/// `node_modules` skipped), files are taken as they are.
pub fn walk(paths: &[PathBuf]) -> Walked {
    let roots = paths
        .iter()
        .map(|root| match std::fs::metadata(root) {
            Err(e) => Root::Error(format!("{}: {}", root.display(), io_reason(&e))),
            Ok(m) if m.is_file() => Root::File(root.clone()),
            Ok(_) => {
                let mut files = Vec::new();
                let mut errors = Vec::new();
                // unsorted walk, sorted once below: walkdir's per-directory sort parses
                // both paths at every comparison
                let walker = WalkDir::new(root)
                    .into_iter()
                    .filter_entry(|e| !is_skipped_dir(e));
                for entry in walker {
                    match entry {
                        Err(e) => errors.push(format!(
                            "{}: {}",
                            e.path()
                                .map_or(root.display().to_string(), |p| p.display().to_string()),
                            e.io_error().map_or(e.to_string(), io_reason)
                        )),
                        Ok(e) if e.file_type().is_file() && has_extension(e.path()) => {
                            files.push(e.into_path());
                        }
                        Ok(_) => {}
                    }
                }
                // each path's key made once; comparing keys is then a memcmp (comparing
                // paths byte by byte took 40 M instructions on 8,900 paths)
                files.sort_by_cached_key(|p| tree_key(p));
                // errors too come in directory order, which differs between machines
                errors.sort();
                Root::Dir {
                    root: root.clone(),
                    files,
                    errors,
                }
            }
        })
        .collect();
    Walked { roots }
}

impl Walked {
    /// The files `filters` let through, in walk order, and the errors met on the way.
    pub fn select(self, filters: &Filters) -> (Vec<PathBuf>, Vec<String>) {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for root in self.roots {
            match root {
                Root::Error(e) => errors.push(e),
                Root::File(f) => {
                    if !(filters.force_exclude && filters.excluded(&f)) {
                        files.push(f);
                    }
                }
                Root::Dir {
                    root,
                    files: found,
                    errors: met,
                } => {
                    if filters.none() {
                        files.extend(found);
                    } else {
                        files.extend(found.into_iter().filter(|p| {
                            let rel = p.strip_prefix(&root).unwrap_or(p);
                            filters.included(rel) && !filters.excluded(rel) && !filters.excluded(p)
                        }));
                    }
                    errors.extend(met);
                }
            }
        }
        (files, errors)
    }
}

/// The order of a depth-first walk that visits each directory's entries by name (paths
/// compared component by component) as a key: a path's bytes mapped so that plain byte
/// order puts the separator below every other byte. Separators become 0 and the bytes
/// below '/' move up one into the room '/' leaves; the map keeps the order of all other
/// bytes.
fn tree_key(p: &Path) -> Vec<u8> {
    p.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&c| {
            if std::path::is_separator(c as char) {
                0
            } else if c < b'/' {
                c + 1
            } else {
                c
            }
        })
        .collect()
}

/// A path as findings and errors show it: what `Path::display` writes, without the
/// formatting machinery for the usual path that is already UTF-8.
pub fn shown(p: &Path) -> String {
    p.to_str()
        .map_or_else(|| p.display().to_string(), str::to_owned)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reads a regular file (one the walk listed: a short read is taken for its end) as
/// UTF-8 text, or says clearly why it cannot be linted.
pub fn read(path: &Path) -> Result<String, String> {
    read_in(&Dirs::default(), 0, path)
}

/// How many directory descriptors a run keeps open at most (see [`Dirs`]).
#[cfg_attr(not(unix), allow(dead_code))]
const MAX_DIRS: usize = 256;

/// The directories of a run's files, each opened once, so that a file is opened by its
/// name in its directory: the kernel then resolves one path component per file instead
/// of the whole path (on a large corpus, path lookup was a tenth of the time spent in
/// the kernel). Where a directory cannot be opened, past [`MAX_DIRS`] directories, or
/// off Unix, files are opened by their whole path.
#[derive(Default)]
pub struct Dirs {
    #[cfg(unix)]
    fds: Vec<Option<std::os::fd::OwnedFd>>,
    /// For each file, its directory's index in `fds`.
    of_file: Vec<u32>,
}

impl Dirs {
    /// `files` in walk order: a directory's files come together, so one comparison with
    /// the previous file's directory groups them.
    pub fn open(files: &[PathBuf]) -> Dirs {
        let mut dirs = Dirs::default();
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let mut last: Option<&Path> = None;
            for f in files {
                let parent = f.parent().filter(|p| !p.as_os_str().is_empty());
                if dirs.fds.is_empty() || parent != last {
                    // the descriptors stay open for the whole run: past a few hundred
                    // directories, files are opened by path, so that an archive of many
                    // directories never runs out of descriptors for its files
                    let fd = (dirs.fds.len() < MAX_DIRS).then(|| {
                        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
                        rustix::fs::open(parent.unwrap_or(Path::new(".")), flags, Mode::empty())
                            .ok()
                    });
                    dirs.fds.push(fd.flatten());
                    last = parent;
                }
                dirs.of_file.push((dirs.fds.len() - 1) as u32);
            }
        }
        #[cfg(not(unix))]
        let _ = files;
        dirs
    }

    fn open_file(&self, i: usize, path: &Path) -> std::io::Result<std::fs::File> {
        #[cfg(unix)]
        if let (Some(&d), Some(name)) = (self.of_file.get(i), path.file_name())
            && let Some(Some(dir)) = self.fds.get(d as usize)
        {
            use rustix::fs::{Mode, OFlags};
            let fd =
                rustix::fs::openat(dir, name, OFlags::RDONLY | OFlags::CLOEXEC, Mode::empty())?;
            return Ok(std::fs::File::from(fd));
        }
        std::fs::File::open(path)
    }
}

/// [`read`] for file `i` of the list `dirs` was opened for.
pub fn read_in(dirs: &Dirs, i: usize, path: &Path) -> Result<String, String> {
    let cannot = |e: std::io::Error| format!("{}: cannot read: {}", path.display(), io_reason(&e));
    let file = dirs.open_file(i, path).map_err(cannot)?;
    // read without asking the file's size first: `fs::read` spends a `statx` call per
    // file on that, and opening and reading thousands of small files is mostly system
    // calls (a news article fits the first buffer)
    let mut bytes = Vec::with_capacity(16 * 1024);
    read_regular(file, &mut bytes).map_err(cannot)?;
    // the path is written out only into an error
    decode(path.display(), bytes)
}

/// Reads all of `file`, a regular file (the walk lists only those), into `bytes`. A
/// regular file reads short only at its end, so a short read ends the loop without
/// another call to be told so: one `read` per article instead of two.
#[cfg(unix)]
fn read_regular(file: std::fs::File, bytes: &mut Vec<u8>) -> std::io::Result<()> {
    use rustix::buffer::spare_capacity;
    use rustix::io::Errno;
    loop {
        if bytes.len() == bytes.capacity() {
            bytes.reserve(bytes.capacity().max(8 * 1024));
        }
        let want = bytes.capacity() - bytes.len();
        match rustix::io::read(&file, spare_capacity(bytes)) {
            Ok(n) if n == 0 || n < want => return Ok(()),
            Ok(_) | Err(Errno::INTR) => {}
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(not(unix))]
fn read_regular(mut file: std::fs::File, bytes: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Read;
    file.read_to_end(bytes).map(|_| ())
}

pub fn decode(shown: impl std::fmt::Display, bytes: Vec<u8>) -> Result<String, String> {
    fits(&shown, bytes.len())?;
    let head = &bytes[..bytes.len().min(8192)];
    // memchr's vectorised scan (the slice's own `contains` reads about a byte an instruction)
    if let Some(nul) = memchr::memchr(0, head) {
        return Err(format!(
            "{shown}: binary file (NUL byte at offset {nul}); skipped"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "{shown}: not UTF-8 (invalid byte 0x{:02X} at offset {at}, line {line}); skipped",
            bytes[at]
        )
    })
}

/// A text the model can hold: its offsets are kept in 32 bits.
fn fits(shown: &impl std::fmt::Display, len: usize) -> Result<(), String> {
    if len > credlint::text::MAX_TEXT {
        return Err(format!(
            "{shown}: too large ({len} bytes; credlint reads texts of up to 4 GiB); skipped"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_over_4_gib_are_refused_by_name() {
        assert!(fits(&"a.txt", credlint::text::MAX_TEXT).is_ok());
        let e = fits(&"big.txt", credlint::text::MAX_TEXT + 1).unwrap_err();
        assert_eq!(
            e,
            "big.txt: too large (4294967296 bytes; credlint reads texts of up to 4 GiB); skipped"
        );
    }

    /// Walk order compared component by component, the definition `tree_key` encodes.
    fn tree_order(a: &Path, b: &Path) -> std::cmp::Ordering {
        a.components()
            .map(|c| c.as_os_str().as_encoded_bytes().to_vec())
            .cmp(
                b.components()
                    .map(|c| c.as_os_str().as_encoded_bytes().to_vec()),
            )
    }

    #[test]
    fn keys_sort_as_components_do() {
        let names = [
            "a",
            "a.txt",
            "a-b",
            "a b",
            "a!",
            "a0",
            "A",
            "a/b",
            "a/b/c",
            "a.b/c",
            "a,b",
            "a\u{e9}",
            "a\u{e9}/x",
            "\u{e9}",
            "b",
            "a%",
            "a-/x",
            "ab",
            "a/",
        ];
        let mut paths: Vec<PathBuf> = names
            .iter()
            .flat_map(|n| {
                [
                    format!("r/{n}"),
                    format!("r/{n}/z.txt"),
                    format!("r/{n}.md"),
                ]
            })
            .map(PathBuf::from)
            .collect();
        paths.sort();
        paths.dedup();
        let mut by_key = paths.clone();
        by_key.sort_by_cached_key(|p| tree_key(p));
        let mut by_components = paths;
        by_components.sort_by(|a, b| tree_order(a, b));
        assert_eq!(by_key, by_components);
    }

    #[test]
    fn files_are_read_through_their_directories() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        std::fs::create_dir_all(root.join("a/b")).expect("dirs");
        for (name, text) in [("a/x.txt", "one"), ("a/b/y.txt", "two"), ("z.txt", "three")] {
            std::fs::write(root.join(name), text).expect("write");
        }
        let filters = Filters::new(&[], &[], false).expect("no globs");
        let (mut files, errors) = collect(&[root.to_path_buf()], &filters);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(files.len(), 3);
        // a file gone since the walk, in a directory already open
        files.insert(1, root.join("a/gone.txt"));
        let dirs = Dirs::open(&files);
        for (i, f) in files.iter().enumerate() {
            let got = read_in(&dirs, i, f);
            match std::fs::read_to_string(f) {
                Ok(want) => assert_eq!(got, Ok(want)),
                Err(_) => {
                    let e = got.expect_err("missing file");
                    assert!(e.contains("gone.txt: cannot read: no such file"), "{e}");
                }
            }
        }
        // more directories than descriptors kept: the rest are read by path
        let many: Vec<PathBuf> = (0..MAX_DIRS + 3)
            .map(|i| {
                let d = root.join(format!("d{i:04}"));
                std::fs::create_dir_all(&d).expect("dir");
                std::fs::write(d.join("f.txt"), format!("{i}")).expect("write");
                d.join("f.txt")
            })
            .collect();
        let dirs = Dirs::open(&many);
        #[cfg(unix)]
        assert_eq!(dirs.fds.iter().filter(|d| d.is_some()).count(), MAX_DIRS);
        for (i, f) in many.iter().enumerate() {
            assert_eq!(read_in(&dirs, i, f), Ok(format!("{i}")));
        }
        // a path with no directory part is opened from the working directory
        let dirs = Dirs::open(&[PathBuf::from("Cargo.toml")]);
        let toml = read_in(&dirs, 0, Path::new("Cargo.toml")).expect("Cargo.toml");
        assert!(toml.contains("[package]"));
    }

    #[test]
    fn globs_select_files_as_gitignore_names_do() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let root = tmp.path();
        for f in [
            "a.txt",
            "notes.md",
            "drafts/b.txt",
            "news/drafts/c.txt",
            "news/d.txt",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("dirs");
            std::fs::write(p, "text").expect("write");
        }
        let run = |include: &[&str], exclude: &[&str]| -> Vec<String> {
            let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            let filters = Filters::new(&own(include), &own(exclude), false).expect("globs");
            let (files, errors) = collect(&[root.to_path_buf()], &filters);
            assert!(errors.is_empty(), "{errors:?}");
            files
                .iter()
                .map(|f| {
                    f.strip_prefix(root)
                        .expect("under root")
                        .display()
                        .to_string()
                })
                .collect()
        };
        let all = run(&[], &[]);
        assert_eq!(
            all,
            [
                "a.txt",
                "drafts/b.txt",
                "news/d.txt",
                "news/drafts/c.txt",
                "notes.md"
            ]
        );
        // a bare directory name, at any depth, and everything below it
        assert_eq!(run(&[], &["drafts"]), ["a.txt", "news/d.txt", "notes.md"]);
        assert_eq!(run(&["drafts"], &[]), ["drafts/b.txt", "news/drafts/c.txt"]);
        // a path glob matches from the walked root; a bare pattern matches file names
        assert_eq!(
            run(&[], &["news/**"]),
            ["a.txt", "drafts/b.txt", "notes.md"]
        );
        assert_eq!(run(&["*.md"], &[]), ["notes.md"]);
        assert_eq!(
            run(&["*.txt"], &["news/drafts/**"]),
            ["a.txt", "drafts/b.txt", "news/d.txt"]
        );
        assert!(Filters::new(&["[".into()], &[], false).is_err());
    }

    #[test]
    fn paths_are_shown_as_display_writes_them() {
        let mut paths = vec![PathBuf::from("drafts/été.txt"), PathBuf::from("a b/c.md")];
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            paths.push(PathBuf::from(std::ffi::OsStr::from_bytes(
                b"bad\xffname.txt",
            )));
        }
        for p in paths {
            assert_eq!(shown(&p), p.display().to_string());
        }
    }

    #[test]
    fn files_of_any_size_are_read_whole() {
        // empty, short, exactly the first buffer, one byte either side, several buffers
        let tmp = tempfile::tempdir().expect("temp dir");
        for len in [
            0,
            1,
            16 * 1024 - 1,
            16 * 1024,
            16 * 1024 + 1,
            100_000,
            1 << 20,
        ] {
            let text: String = (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            let path = tmp.path().join(format!("f{len}.txt"));
            std::fs::write(&path, &text).expect("write");
            assert_eq!(read(&path), Ok(text), "{len} bytes");
        }
    }

    #[test]
    fn files_come_in_walk_order() {
        // a directory's entries by name, each directory's files before its next sibling
        let mut v: Vec<PathBuf> = [
            "r/a0.txt",
            "r/a.txt",
            "r/a/y.txt",
            "r/A.txt",
            "r/a-b/z.txt",
            "r/a/b/x.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        v.sort_by_cached_key(|p| tree_key(p));
        let got: Vec<&str> = v.iter().filter_map(|p| p.to_str()).collect();
        assert_eq!(
            got,
            [
                "r/A.txt",
                "r/a/b/x.txt",
                "r/a/y.txt",
                "r/a-b/z.txt",
                "r/a.txt",
                "r/a0.txt"
            ]
        );
    }

    #[test]
    fn bad_utf8_names_offset_and_line() {
        let e = decode("a.txt", b"ok\nthen \xA3 here".to_vec()).unwrap_err();
        assert_eq!(
            e,
            "a.txt: not UTF-8 (invalid byte 0xA3 at offset 8, line 2); skipped"
        );
        let e = decode("b.bin", b"PK\0\x03".to_vec()).unwrap_err();
        assert!(e.contains("binary file"));
    }
}
