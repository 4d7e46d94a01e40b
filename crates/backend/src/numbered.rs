//! Names with zero-padded numbers, made without `format!`.

/// `prefix`, `n` zero-padded to `width` digits, `suffix`. Generating 100,000
/// models calls this 200,000 times; `format!` is several times slower in WASM.
pub(crate) fn numbered(prefix: &str, n: usize, width: usize, suffix: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + width.max(1) + suffix.len());
    push_numbered(&mut out, prefix, n, width, suffix);
    out
}

pub(crate) fn push_numbered(out: &mut String, prefix: &str, n: usize, width: usize, suffix: &str) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    while (len == 0 || rest > 0 || len < width) && len < digits.len() {
        digits[len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
    }
    out.push_str(prefix);
    out.extend(digits[..len].iter().rev().map(|&d| char::from(d)));
    out.push_str(suffix);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_pad_like_format() {
        for (n, width) in [(0, 0), (7, 0), (42424, 6), (1234567, 6), (5, 5), (0, 5)] {
            assert_eq!(numbered("x", n, width, ".wav"), format!("x{n:0width$}.wav"));
        }
    }
}
