//! A seeded random generator (xorshift), so that a failure found at random can be repeated.

/// A seeded xorshift: the same seed gives the same numbers on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng((seed ^ 0x9e37_79b9_7f4a_7c15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Some of `0..n`, sorted, each with the given chance.
    pub fn some_of(&mut self, n: usize, percent: usize) -> Vec<usize> {
        (0..n).filter(|_| self.chance(percent)).collect()
    }

    pub fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.below(options.len())]
    }
}

/// The seed of this run of `test`: `VAKWIJZER_SEED`, else the clock. Printed, so that a failure
/// can be repeated (cargo test shows a failing test's output).
pub fn seed(test: &str) -> u64 {
    let seed = std::env::var("VAKWIJZER_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            let clock = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap();
            clock.as_nanos() as u64 ^ u64::from(std::process::id())
        });
    eprintln!("{test}: seed {seed} (repeat with VAKWIJZER_SEED={seed})");
    seed
}
