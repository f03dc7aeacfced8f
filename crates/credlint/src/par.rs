//! Running work on rayon's threads when the `parallel` feature is on (the default), and the
//! same calls one after another without it (a `wasm32-unknown-unknown` build has no
//! threads). Results are the same either way: only where the work runs differs.

/// Runs `a` and `b`, on two threads when there are threads.
#[cfg(feature = "parallel")]
pub(crate) fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    rayon::join(a, b)
}

/// Runs `a` and `b`, on two threads when there are threads.
#[cfg(not(feature = "parallel"))]
pub(crate) fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA,
    B: FnOnce() -> RB,
{
    (a(), b())
}

/// `f` of each item, in order; the items in parallel when there are threads.
pub(crate) fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// Frees `value` on a worker thread, off the caller's path, when there are threads.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    #[cfg(feature = "parallel")]
    rayon::spawn(move || drop(value));
    #[cfg(not(feature = "parallel"))]
    drop(value);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_order_and_join_both_results() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        assert_eq!(join(|| 1, || "two"), (1, "two"));
    }
}
