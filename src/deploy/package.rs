//! Deterministic zip packaging: the same tree gives the same bytes (sorted
//! entries, fixed timestamps, modes normalized to 0644 or 0755 by the owner's
//! execute bit, so the checkout's umask does not change the hash), so an unchanged source gives
//! an unchanged `CodeSha256`.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use base64::Engine;
use globset::{Glob, GlobSet, GlobSetBuilder};
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::error::{DeployError, Result};

/// Lambda's limit for a zip uploaded directly in UpdateFunctionCode.
pub const DIRECT_UPLOAD_LIMIT: usize = 50 * 1024 * 1024;
/// Lambda's limit for the unzipped size of a package.
pub const UNZIPPED_LIMIT: u64 = 250 * 1024 * 1024;

#[derive(Debug)]
pub struct Package {
    pub bytes: Vec<u8>,
    pub files: usize,
    pub unzipped: u64,
}

impl Package {
    /// Base64 of the SHA-256, the form Lambda reports as `CodeSha256`.
    pub fn sha256_b64(&self) -> String {
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&self.bytes))
    }
}

pub fn build_globs(patterns: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        let g = Glob::new(p).map_err(|e| {
            DeployError::input(
                "exclude",
                format!("`{p}` is not a valid glob ({e})"),
                "use globs such as **/__pycache__/** or tests/**",
            )
        })?;
        b.add(g);
    }
    b.build()
        .map_err(|e| DeployError::input("exclude", e.to_string(), "fix the glob patterns"))
}

/// Zip a directory, or read a ready `.zip`. `input` names the input for errors.
pub fn package(source: &Path, exclude: &GlobSet, input: &str) -> Result<Package> {
    let meta = std::fs::metadata(source).map_err(|_| {
        DeployError::input(
            input,
            format!("`{}` does not exist", source.display()),
            "give a directory or a .zip path relative to the workspace (GITHUB_WORKSPACE)",
        )
    })?;
    let pkg = if meta.is_dir() {
        zip_dir(source, exclude, input)?
    } else if source
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
    {
        read_zip(source, input)?
    } else {
        return Err(DeployError::input(
            input,
            format!(
                "`{}` is neither a directory nor a .zip file",
                source.display()
            ),
            "point it at the function's source directory or a built .zip",
        ));
    };
    check_limits(&pkg, source, input)?;
    Ok(pkg)
}

fn check_limits(pkg: &Package, source: &Path, input: &str) -> Result<()> {
    if pkg.files == 0 {
        return Err(DeployError::input(
            input,
            format!("`{}` holds no files after `exclude`", source.display()),
            "check `source` and `exclude`",
        ));
    }
    if pkg.bytes.len() > DIRECT_UPLOAD_LIMIT {
        return Err(DeployError::input(
            input,
            format!(
                "the package is {:.1} MB zipped, over Lambda's {} MB direct-upload limit",
                mb(pkg.bytes.len() as u64),
                DIRECT_UPLOAD_LIMIT / (1024 * 1024)
            ),
            "leave tests and caches out with `exclude`, or move dependencies into a Lambda layer",
        ));
    }
    if pkg.unzipped > UNZIPPED_LIMIT {
        return Err(DeployError::input(
            input,
            format!(
                "the package is {:.1} MB unzipped, over Lambda's 250 MB limit",
                mb(pkg.unzipped)
            ),
            "move dependencies into a Lambda layer or use a container image",
        ));
    }
    Ok(())
}

fn mb(b: u64) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn zip_dir(root: &Path, exclude: &GlobSet, input: &str) -> Result<Package> {
    let io_err = |p: &Path, e: std::io::Error| {
        DeployError::input(
            input,
            format!("cannot read `{}`: {e}", p.display()),
            "check the file's permissions",
        )
    };
    let mut entries: Vec<(String, std::path::PathBuf)> = Vec::new();
    for entry in walkdir::WalkDir::new(root).follow_links(true) {
        let entry = entry.map_err(|e| {
            DeployError::input(
                input,
                format!("cannot walk `{}`: {e}", root.display()),
                "check the directory's permissions and links",
            )
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if exclude.is_match(&name) {
            continue;
        }
        entries.push((name, entry.path().to_path_buf()));
    }
    entries.sort();

    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let mut unzipped = 0u64;
    let mut buf = Vec::new();
    for (name, path) in &entries {
        buf.clear();
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map_err(|e| io_err(path, e))?;
        unzipped += buf.len() as u64;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(DateTime::default())
            .unix_permissions(mode(path));
        zip.start_file(name.as_str(), options)
            .and_then(|_| zip.write_all(&buf).map_err(Into::into))
            .map_err(|e| DeployError::Other(format!("zip {name}: {e}")))?;
    }
    let bytes = zip
        .finish()
        .map_err(|e| DeployError::Other(format!("zip: {e}")))?
        .into_inner();
    Ok(Package {
        bytes,
        files: entries.len(),
        unzipped,
    })
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    let m = std::fs::metadata(path)
        .map(|m| m.permissions().mode())
        .unwrap_or(0o644);
    normalize_mode(m)
}

/// 0755 when the owner may execute, else 0644: a umask of 002 or 022 on the
/// runner gives the same bytes, and Lambda can still read every file.
fn normalize_mode(m: u32) -> u32 {
    if m & 0o100 != 0 {
        0o755
    } else {
        0o644
    }
}

#[cfg(not(unix))]
fn mode(_: &Path) -> u32 {
    0o644
}

fn read_zip(path: &Path, input: &str) -> Result<Package> {
    let bytes = std::fs::read(path).map_err(|e| {
        DeployError::input(
            input,
            format!("cannot read `{}`: {e}", path.display()),
            "check the path",
        )
    })?;
    let mut archive = zip::ZipArchive::new(Cursor::new(&bytes)).map_err(|e| {
        DeployError::input(
            input,
            format!("`{}` is not a valid zip archive ({e})", path.display()),
            "rebuild the archive",
        )
    })?;
    let unzipped = (0..archive.len())
        .filter_map(|i| archive.by_index(i).ok().map(|f| f.size()))
        .sum();
    let files = archive.len();
    Ok(Package {
        bytes,
        files,
        unzipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(d.path().join("pkg/__pycache__")).unwrap();
        std::fs::write(
            d.path().join("app.py"),
            "def handler(e, c):\n    return 1\n",
        )
        .unwrap();
        std::fs::write(d.path().join("pkg/mod.py"), "X = 1\n").unwrap();
        std::fs::write(d.path().join("pkg/__pycache__/mod.pyc"), [0u8, 1, 2]).unwrap();
        d
    }

    #[test]
    fn same_tree_same_bytes_even_after_touch() {
        let d = tree();
        let none = build_globs(&[]).unwrap();
        let a = package(d.path(), &none, "source").unwrap();
        // New mtimes must not change the bytes.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        std::fs::write(
            d.path().join("app.py"),
            "def handler(e, c):\n    return 1\n",
        )
        .unwrap();
        let b = package(d.path(), &none, "source").unwrap();
        assert_eq!(a.bytes, b.bytes);
        assert_eq!(a.sha256_b64(), b.sha256_b64());
        assert_eq!(a.files, 3);
    }

    #[test]
    fn content_change_changes_hash() {
        let d = tree();
        let none = build_globs(&[]).unwrap();
        let a = package(d.path(), &none, "source").unwrap();
        std::fs::write(d.path().join("pkg/mod.py"), "X = 2\n").unwrap();
        let b = package(d.path(), &none, "source").unwrap();
        assert_ne!(a.sha256_b64(), b.sha256_b64());
    }

    #[test]
    fn excludes_and_sorts_and_keeps_modes() {
        use std::os::unix::fs::PermissionsExt;
        let d = tree();
        std::fs::set_permissions(
            d.path().join("app.py"),
            std::fs::Permissions::from_mode(0o755),
        )
        .unwrap();
        let ex = build_globs(&["**/__pycache__/**".to_string()]).unwrap();
        let p = package(d.path(), &ex, "source").unwrap();
        let mut z = zip::ZipArchive::new(Cursor::new(p.bytes)).unwrap();
        let names: Vec<String> = (0..z.len())
            .map(|i| z.by_index(i).unwrap().name().unwrap().to_string())
            .collect();
        assert_eq!(names, vec!["app.py", "pkg/mod.py"]);
        assert_eq!(
            z.by_name("app.py").unwrap().unix_mode().unwrap() & 0o777,
            0o755
        );
    }

    #[test]
    fn modes_do_not_depend_on_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let zip_with = |file_mode: u32, exec_mode: u32| {
            let d = tree();
            std::fs::set_permissions(
                d.path().join("pkg/mod.py"),
                std::fs::Permissions::from_mode(file_mode),
            )
            .unwrap();
            std::fs::set_permissions(
                d.path().join("app.py"),
                std::fs::Permissions::from_mode(exec_mode),
            )
            .unwrap();
            let p = package(
                d.path(),
                &build_globs(&["**/__pycache__/**".to_string()]).unwrap(),
                "source",
            )
            .unwrap();
            let mut z = zip::ZipArchive::new(Cursor::new(p.bytes.clone())).unwrap();
            let m = z.by_name("pkg/mod.py").unwrap().unix_mode().unwrap() & 0o777;
            (p.sha256_b64(), m)
        };
        // umask 022 vs 002, and a private checkout (077).
        let (a, ma) = zip_with(0o644, 0o755);
        let (b, mb) = zip_with(0o664, 0o775);
        let (c, _) = zip_with(0o600, 0o700);
        assert_eq!((ma, mb), (0o644, 0o644));
        assert_eq!(a, b, "group-writable files must not change the package");
        assert_eq!(a, c, "a private checkout must not change the package");
    }

    #[test]
    fn missing_source_names_the_input() {
        let e = package(
            Path::new("/nonexistent/src"),
            &build_globs(&[]).unwrap(),
            "source",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("input `source`: `/nonexistent/src` does not exist"),
            "{e}"
        );
    }

    #[test]
    fn bad_glob_names_exclude() {
        let e = build_globs(&["[".to_string()]).unwrap_err().to_string();
        assert!(e.contains("input `exclude`"), "{e}");
    }

    #[test]
    fn over_limit_is_refused() {
        let pkg = Package {
            bytes: vec![0; DIRECT_UPLOAD_LIMIT + 1],
            files: 1,
            unzipped: 1,
        };
        let e = check_limits(&pkg, Path::new("big"), "source")
            .unwrap_err()
            .to_string();
        assert!(e.contains("direct-upload limit"), "{e}");
    }

    #[test]
    fn empty_after_exclude_is_refused() {
        let d = tree();
        let all = build_globs(&["**".to_string()]).unwrap();
        assert!(package(d.path(), &all, "source").is_err());
    }
}
