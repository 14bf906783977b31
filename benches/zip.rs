//! Zip throughput on a generated 20 MB tree (`make bench` prints it).
//! Not a timed test: it prints figures and asserts nothing about speed.

use std::time::Instant;

use ecom_deploy::deploy::package;

fn main() {
    let dir = tempfile::tempdir().unwrap();
    // 20 MB: 160 text-like files of 96 KiB (compressible, like source) and
    // 40 pseudo-random files of 128 KiB (like bundled binaries or assets).
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut total = 0usize;
    for i in 0..160 {
        let line = format!("def handler_{i}(event, context):\n    return {{'statusCode': 200, 'body': 'item {i}'}}\n");
        let text: String = line
            .repeat(96 * 1024 / line.len() + 1)
            .chars()
            .take(96 * 1024)
            .collect();
        let sub = dir.path().join(format!("pkg{}", i % 8));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("mod_{i}.py")), &text).unwrap();
        total += text.len();
    }
    for i in 0..40 {
        let bytes: Vec<u8> = (0..128 * 1024)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        std::fs::write(dir.path().join(format!("asset_{i}.bin")), &bytes).unwrap();
        total += bytes.len();
    }
    let none = package::build_globs(&[]).unwrap();
    let runs = 5;
    let mut best = f64::MAX;
    let mut zipped = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let p = package::package(dir.path(), &none, "source").unwrap();
        best = best.min(t.elapsed().as_secs_f64());
        zipped = p.bytes.len();
    }
    let mb = total as f64 / 1_048_576.0;
    println!(
        "zip: {mb:.1} MB tree, {} files -> {:.1} MB zip; best of {runs}: {:.3} s = {:.1} MB/s",
        200,
        zipped as f64 / 1_048_576.0,
        best,
        mb / best
    );
}
