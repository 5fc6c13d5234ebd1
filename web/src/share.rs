//! Share links: the program, the kernel mode and the step in a compressed
//! URL fragment (`#v1/<kernel>/<step>/<base64url(deflate(text))>`).

use veristep_core::KernelVersion;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Longest fragment accepted (bytes).
pub const MAX_FRAGMENT: usize = 256 * 1024;
/// Largest program text a link may expand to.
pub const MAX_TEXT: usize = 1024 * 1024;

pub fn b64url(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 4 / 3 + 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

pub fn unb64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let vals: Option<Vec<u32>> = s
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect();
    let vals = vals?;
    for chunk in vals.chunks(4) {
        if chunk.len() == 1 {
            return None;
        }
        let mut n = 0u32;
        for (i, v) in chunk.iter().enumerate() {
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// What a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub text: String,
    pub kernel: KernelVersion,
    pub step: usize,
}

pub fn encode(s: &Shared) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(s.text.as_bytes(), 9);
    format!("v1/{}/{}/{}", s.kernel.name(), s.step, b64url(&packed))
}

/// Decodes a fragment (without `#`); the error says what is wrong.
pub fn decode(fragment: &str) -> Result<Shared, String> {
    if fragment.len() > MAX_FRAGMENT {
        return Err("the link is too long".into());
    }
    let mut parts = fragment.splitn(4, '/');
    let (Some(v), Some(k), Some(step), Some(data)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("the link is incomplete".into());
    };
    if v != "v1" {
        return Err(format!("unknown link version '{}'", v));
    }
    let kernel = KernelVersion::parse(k).ok_or_else(|| format!("unknown kernel '{}'", k))?;
    let step: usize = step
        .parse()
        .map_err(|_| "the step is not a number".to_string())?;
    let packed = unb64url(data).ok_or("the program data is damaged")?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_TEXT)
        .map_err(|_| "the program data is truncated or damaged".to_string())?;
    let text = String::from_utf8(raw).map_err(|_| "the program is not text".to_string())?;
    Ok(Shared { text, kernel, step })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let s = Shared {
            text: "r0 = 0\nexit\n; ünïcode ok\n".repeat(50),
            kernel: KernelVersion::V5_19,
            step: 12,
        };
        let f = encode(&s);
        assert!(f.len() < s.text.len());
        assert_eq!(decode(&f), Ok(s));
    }

    #[test]
    fn damaged_links_are_errors() {
        let s = Shared {
            text: "r0 = 0\nexit\n".into(),
            kernel: KernelVersion::V6_1,
            step: 0,
        };
        let f = encode(&s);
        assert!(decode(&f[..f.len() - 3]).is_err());
        assert!(decode("v1/6.1/0/!!!").is_err());
        assert!(decode("v2/6.1/0/AAAA").is_err());
        assert!(decode("v1/9.9/0/AAAA").is_err());
        assert!(decode("garbage").is_err());
        for cut in 0..f.len() {
            let _ = decode(&f[..cut]);
        }
    }
}
