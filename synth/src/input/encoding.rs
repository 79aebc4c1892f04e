//! The bytes of a file as UTF-8 text, or where and why they are not.

use std::fmt;

/// Why a file's bytes are not UTF-8 text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncodingError {
    /// The file starts with the byte order mark of another encoding, or
    /// with NUL bytes as UTF-16 and UTF-32 text does.
    OtherEncoding(&'static str),
    /// A byte that is not valid UTF-8.
    InvalidUtf8 {
        /// Its offset from the start of the file, from 0.
        offset: usize,
        /// The line it is on, from 1.
        line: usize,
    },
}

impl fmt::Display for EncodingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodingError::OtherEncoding(encoding) => {
                write!(f, "the file is {encoding}; save it as UTF-8")
            }
            EncodingError::InvalidUtf8 { offset, line } => write!(
                f,
                "the file is not UTF-8 text: byte {offset} (line {line}) is not valid UTF-8; save the file as UTF-8"
            ),
        }
    }
}

/// Byte order marks of encodings other than UTF-8; UTF-32's first, as
/// UTF-32LE's starts with UTF-16LE's.
const OTHER_BOMS: [(&[u8], &str); 4] = [
    (&[0xFF, 0xFE, 0x00, 0x00], "UTF-32 (little-endian)"),
    (&[0x00, 0x00, 0xFE, 0xFF], "UTF-32 (big-endian)"),
    (&[0xFF, 0xFE], "UTF-16 (little-endian)"),
    (&[0xFE, 0xFF], "UTF-16 (big-endian)"),
];

/// The bytes as text. A UTF-8 byte order mark is kept (the readers skip
/// it); another encoding's mark, or a NUL byte among the first four bytes
/// (UTF-16 or UTF-32 text without a mark), is an error naming the encoding.
pub fn utf8_text(bytes: &[u8]) -> Result<&str, EncodingError> {
    if let Some((_, encoding)) = OTHER_BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Err(EncodingError::OtherEncoding(encoding));
    }
    if bytes.iter().take(4).any(|&byte| byte == 0) {
        return Err(EncodingError::OtherEncoding("UTF-16 or UTF-32 (it has NUL bytes at its start)"));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let line = 1 + bytes[..offset].iter().filter(|&&byte| byte == b'\n').count();
        EncodingError::InvalidUtf8 { offset, line }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_its_mark_is_text() {
        assert_eq!(utf8_text(b"{\"a\": 1}"), Ok("{\"a\": 1}"));
        assert_eq!(utf8_text("\u{feff}a: ü".as_bytes()), Ok("\u{feff}a: ü"));
        assert_eq!(utf8_text(b""), Ok(""));
    }

    #[test]
    fn utf16_and_utf32_are_named() {
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(utf8_text(&utf16).unwrap_err().to_string(), "the file is UTF-16 (little-endian); save it as UTF-8");
        assert_eq!(utf8_text(&[0xFE, 0xFF, 0, b'{']), Err(EncodingError::OtherEncoding("UTF-16 (big-endian)")));
        assert_eq!(
            utf8_text(&[0xFF, 0xFE, 0, 0, b'{', 0, 0, 0]),
            Err(EncodingError::OtherEncoding("UTF-32 (little-endian)"))
        );
        assert_eq!(utf8_text(&[0, 0, 0xFE, 0xFF]), Err(EncodingError::OtherEncoding("UTF-32 (big-endian)")));
        assert!(utf8_text(b"{\0\"\0").unwrap_err().to_string().starts_with("the file is UTF-16 or UTF-32"));
    }

    #[test]
    fn an_invalid_byte_is_reported_with_its_offset_and_line() {
        let error = utf8_text(b"{\n  \"name\": \"caf\xe9\"\n}").unwrap_err();
        assert_eq!(error, EncodingError::InvalidUtf8 { offset: 16, line: 2 });
        assert_eq!(
            error.to_string(),
            "the file is not UTF-8 text: byte 16 (line 2) is not valid UTF-8; save the file as UTF-8"
        );
    }
}
