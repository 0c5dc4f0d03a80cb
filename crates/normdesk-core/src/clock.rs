//! The hybrid logical clock that stamps every replicated change (SYNC.md "Identifiers and
//! clock"): 48 bits of milliseconds since 1970 and a 16-bit counter in one `u64`. Ties between
//! replicas are broken by replica id, outside this type.

/// A hybrid logical clock value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hlc(pub u64);

impl Hlc {
    const COUNTER_BITS: u32 = 16;

    pub fn from_parts(millis: u64, counter: u16) -> Self {
        Hlc((millis << Self::COUNTER_BITS) | u64::from(counter))
    }

    pub fn millis(self) -> u64 {
        self.0 >> Self::COUNTER_BITS
    }

    /// The next stamp for a local write after `last`, given the wall clock `now_millis`:
    /// `max(now, last + 1)`, so stamps only grow even if the wall clock steps back.
    pub fn tick(last: Hlc, now_millis: u64) -> Hlc {
        let now = Hlc::from_parts(now_millis, 0);
        if now > last { now } else { Hlc(last.0 + 1) }
    }

    /// Wall-clock milliseconds now.
    pub fn wall_millis() -> u64 {
        chrono::Utc::now().timestamp_millis().max(0) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_strictly_increasing_even_when_the_wall_clock_goes_back() {
        let a = Hlc::tick(Hlc::default(), 1_000);
        let b = Hlc::tick(a, 1_000);
        let c = Hlc::tick(b, 900);
        let d = Hlc::tick(c, 2_000);
        assert!(a < b && b < c && c < d);
        assert_eq!(a.millis(), 1_000);
        assert_eq!(c.millis(), 1_000);
        assert_eq!(d, Hlc::from_parts(2_000, 0));
    }
}
