//! QR codes for "follow along" links, drawn in the page with no network and
//! no extra crate.
//!
//! A share link is short ASCII (or occasionally UTF-8), so this is a
//! deliberately small subset of ISO/IEC 18004: byte mode only, error
//! correction level M only, versions 1 to 10 only. Within that subset it
//! follows the standard fully (block structure, Reed–Solomon, function
//! patterns, format and version information, all eight masks scored by the
//! four penalty rules), because a code that only *some* phone cameras can
//! read is worse than no code at all.

use std::fmt;
use std::fmt::Write as _;

/// Largest version produced. Ten keeps the block table short enough to check
/// by eye and holds 213 bytes, enough for a short follow-along URL; a longer
/// link gets [`QrError::TooLong`] and the caller should show the text only
/// (a denser code would be hard to scan off a screen anyway).
pub const MAX_VERSION: usize = 10;

/// Why a text could not become a QR code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QrError {
    /// The UTF-8 text is `bytes` long; version 10-M holds at most `max`.
    TooLong { bytes: usize, max: usize },
}

impl fmt::Display for QrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QrError::TooLong { bytes, max } => {
                write!(f, "{bytes} bytes do not fit in a QR code (at most {max})")
            }
        }
    }
}

impl std::error::Error for QrError {}

/// A finished symbol: a square of modules, dark = `true`, row-major.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    modules: Vec<bool>,
}

impl QrCode {
    /// Modules per side (17 + 4 × version), without any quiet zone.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark. Anything outside
    /// the symbol is light, which is what a quiet zone looks like, so callers
    /// can draw a border by simply asking past the edge.
    pub fn get(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.modules[y * self.size + x]
    }

    /// The version (1..=10), recovered from the size so it cannot disagree.
    pub fn version(&self) -> usize {
        (self.size - 17) / 4
    }

    /// A compact SVG of the symbol with a `quiet`-module light border.
    ///
    /// Dark modules are one `<path>` of horizontal runs, so a version-10 code
    /// stays a few kilobytes; `crispEdges` keeps scaled modules from blurring
    /// into each other (which hurts camera decoding), and `label` becomes the
    /// accessible name since a screen reader cannot read the picture.
    pub fn to_svg(&self, quiet: usize, label: &str) -> String {
        let dim = self.size.saturating_add(quiet.saturating_mul(2));
        let mut path = String::new();
        for y in 0..self.size {
            for (start, len) in self.dark_runs(y) {
                let (px, py) = (start.saturating_add(quiet), y.saturating_add(quiet));
                // Writing to a String cannot fail.
                let _ = write!(path, "M{px} {py}h{len}v1h-{len}z");
            }
        }
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {dim} {dim}" "#,
                r#"role="img" aria-label="{label}" shape-rendering="crispEdges">"#,
                r##"<rect width="{dim}" height="{dim}" fill="#fff"/>"##,
                r##"<path fill="#000" d="{path}"/></svg>"##
            ),
            dim = dim,
            label = xml_escape(label),
            path = path
        )
    }

    /// Maximal runs of dark modules in row `y`, as (first column, length).
    fn dark_runs(&self, y: usize) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut x = 0;
        while x < self.size {
            if self.get(x, y) {
                let start = x;
                while self.get(x, y) {
                    x += 1;
                }
                runs.push((start, x - start));
            } else {
                x += 1;
            }
        }
        runs
    }
}

/// Escapes text for an XML attribute value, so a label can never end the
/// attribute or open a tag.
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Encodes `text` (its UTF-8 bytes, byte mode) at level M in the smallest
/// version from 1 to 10 that holds it.
///
/// Level M (~15% recoverable) is the usual choice for screen display: a
/// phone pointed at a monitor copes with glare and moiré, and the code stays
/// a version smaller than at Q or H.
pub fn encode(text: &str) -> Result<QrCode, QrError> {
    let bytes = text.as_bytes();
    let version = smallest_version(bytes.len()).ok_or(QrError::TooLong {
        bytes: bytes.len(),
        max: byte_capacity(MAX_VERSION),
    })?;
    let data = data_codewords(bytes, version);
    let codewords = interleave_with_ec(&data, blocks(version));
    Ok(draw_symbol(version, &codewords))
}

// ---------------------------------------------------------------------------
// Capacity and bit stream

/// Level-M block structure of one version (ISO/IEC 18004 table 9).
///
/// Group 2 blocks always carry one data codeword more than group 1, so only
/// the group-1 length is stored.
#[derive(Clone, Copy, Debug)]
struct Blocks {
    ec_per_block: usize,
    short_blocks: usize,
    short_data: usize,
    long_blocks: usize,
}

impl Blocks {
    fn data_codewords(self) -> usize {
        self.short_blocks * self.short_data + self.long_blocks * (self.short_data + 1)
    }

    fn block_count(self) -> usize {
        self.short_blocks + self.long_blocks
    }

    fn total_codewords(self) -> usize {
        self.data_codewords() + self.block_count() * self.ec_per_block
    }
}

/// Table 9, level M, versions 1..=10 (index = version − 1).
const LEVEL_M: [Blocks; MAX_VERSION] = [
    b(10, 1, 16, 0),
    b(16, 1, 28, 0),
    b(26, 1, 44, 0),
    b(18, 2, 32, 0),
    b(24, 2, 43, 0),
    b(16, 4, 27, 0),
    b(18, 4, 31, 0),
    b(22, 2, 38, 2),
    b(22, 3, 36, 2),
    b(26, 4, 43, 1),
];

const fn b(
    ec_per_block: usize,
    short_blocks: usize,
    short_data: usize,
    long_blocks: usize,
) -> Blocks {
    Blocks {
        ec_per_block,
        short_blocks,
        short_data,
        long_blocks,
    }
}

/// Callers only pass versions 1..=MAX_VERSION; anything else is clamped
/// rather than indexed out of bounds.
fn blocks(version: usize) -> Blocks {
    LEVEL_M[version.clamp(1, MAX_VERSION) - 1]
}

/// Width of the byte-mode character count field: 8 bits up to version 9,
/// 16 from version 10.
fn count_bits(version: usize) -> usize {
    if version < 10 {
        8
    } else {
        16
    }
}

/// Bytes that fit: data bits minus the 4-bit mode indicator and the count.
fn byte_capacity(version: usize) -> usize {
    (blocks(version).data_codewords() * 8 - 4 - count_bits(version)) / 8
}

fn smallest_version(len: usize) -> Option<usize> {
    (1..=MAX_VERSION).find(|&v| byte_capacity(v) >= len)
}

/// A growable big-endian bit string, the form the standard describes the
/// data stream in.
#[derive(Default)]
struct Bits(Vec<bool>);

impl Bits {
    fn push(&mut self, value: u32, width: usize) {
        for i in (0..width).rev() {
            self.0.push((value >> i) & 1 == 1);
        }
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn to_bytes(&self) -> Vec<u8> {
        self.0
            .chunks(8)
            .map(|chunk| {
                chunk
                    .iter()
                    .enumerate()
                    .fold(0u8, |acc, (i, &bit)| acc | (u8::from(bit) << (7 - i)))
            })
            .collect()
    }
}

/// Mode indicator, count, bytes, terminator, zero bits to a byte boundary,
/// then the alternating pad codewords 0xEC 0x11 until the version is full.
///
/// `bytes` must fit `version` (checked by `encode`).
fn data_codewords(bytes: &[u8], version: usize) -> Vec<u8> {
    const BYTE_MODE: u32 = 0b0100;
    let capacity = blocks(version).data_codewords() * 8;
    let mut bits = Bits::default();
    bits.push(BYTE_MODE, 4);
    bits.push(bytes.len() as u32, count_bits(version));
    for &byte in bytes {
        bits.push(u32::from(byte), 8);
    }
    let terminator = (capacity - bits.len()).min(4);
    bits.push(0, terminator);
    let to_byte = (8 - bits.len() % 8) % 8;
    bits.push(0, to_byte);
    let mut out = bits.to_bytes();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if out.len() * 8 >= capacity {
            break;
        }
        out.push(pad);
    }
    out
}

// ---------------------------------------------------------------------------
// Reed–Solomon over GF(256)

/// GF(256) with the QR field polynomial x⁸+x⁴+x³+x²+1 (0x11D): `EXP[i]` is
/// α^i (α = 2) and `LOG` its inverse, so multiplication is an addition of
/// logarithms instead of a carry-less multiply and reduction.
struct Gf {
    exp: [u8; 256],
    log: [u8; 256],
}

const GF: Gf = build_gf();

const fn build_gf() -> Gf {
    let mut exp = [0u8; 256];
    let mut log = [0u8; 256];
    let mut x: u16 = 1;
    let mut i = 0;
    while i < 255 {
        exp[i] = x as u8;
        log[x as usize] = i as u8;
        x <<= 1;
        if x & 0x100 != 0 {
            x ^= 0x11D;
        }
        i += 1;
    }
    // α^255 = α^0; keeps exp total over 0..=255.
    exp[255] = 1;
    Gf { exp, log }
}

fn gf_mul(a: u8, b: u8) -> u8 {
    if a == 0 || b == 0 {
        return 0;
    }
    let sum = usize::from(GF.log[usize::from(a)]) + usize::from(GF.log[usize::from(b)]);
    GF.exp[sum % 255]
}

/// The generator ∏ (x − α^i), i = 0..n, highest degree first (the leading
/// coefficient is always 1).
fn rs_generator(n: usize) -> Vec<u8> {
    let mut poly = vec![1u8];
    for i in 0..n {
        let root = GF.exp[i % 255];
        let mut next = vec![0u8; poly.len() + 1];
        for (k, &c) in poly.iter().enumerate() {
            // (x + root) · c·x^k: subtraction is addition (xor) in GF(2^8).
            next[k] ^= c;
            next[k + 1] ^= gf_mul(c, root);
        }
        poly = next;
    }
    poly
}

/// The `n` EC codewords of one block: the remainder of data(x)·xⁿ divided
/// by the generator, computed as the usual shift register.
fn rs_remainder(data: &[u8], n: usize) -> Vec<u8> {
    let generator = rs_generator(n);
    let mut rem = vec![0u8; n];
    for &byte in data {
        let factor = byte ^ rem.first().copied().unwrap_or(0);
        rem.rotate_left(1);
        if let Some(last) = rem.last_mut() {
            *last = 0;
        }
        for (r, &g) in rem.iter_mut().zip(&generator[1..]) {
            *r ^= gf_mul(g, factor);
        }
    }
    rem
}

/// Splits the data into blocks, appends each block's EC, then interleaves:
/// codeword i of every block in turn (data first, then EC), so a smudge on
/// the symbol damages a little of many blocks rather than all of one.
fn interleave_with_ec(data: &[u8], layout: Blocks) -> Vec<u8> {
    let mut blocks: Vec<&[u8]> = Vec::with_capacity(layout.block_count());
    let mut rest = data;
    for i in 0..layout.block_count() {
        let len = layout.short_data + usize::from(i >= layout.short_blocks);
        let (block, tail) = rest.split_at(len.min(rest.len()));
        blocks.push(block);
        rest = tail;
    }
    let ecs: Vec<Vec<u8>> = blocks
        .iter()
        .map(|block| rs_remainder(block, layout.ec_per_block))
        .collect();
    let mut out = Vec::with_capacity(layout.total_codewords());
    for i in 0..=layout.short_data {
        out.extend(blocks.iter().filter_map(|block| block.get(i)));
    }
    for i in 0..layout.ec_per_block {
        out.extend(ecs.iter().filter_map(|ec| ec.get(i)));
    }
    out
}

// ---------------------------------------------------------------------------
// BCH-protected format and version information

/// Remainder of `value` divided by `generator`, both as polynomials over
/// GF(2) (bit i = coefficient of x^i).
fn gf2_remainder(mut value: u32, generator: u32) -> u32 {
    let g_len = 32 - generator.leading_zeros();
    loop {
        let v_len = 32 - value.leading_zeros();
        if v_len < g_len {
            return value;
        }
        value ^= generator << (v_len - g_len);
    }
}

/// The 15 format bits for level M and `mask`: BCH(15,5) with generator
/// 0x537, xored with 0x5412 so that no combination is all light.
fn format_bits(mask: u8) -> u16 {
    const LEVEL_M: u32 = 0b00;
    let data = (LEVEL_M << 3) | u32::from(mask & 7);
    let word = (data << 10) | gf2_remainder(data << 10, 0x537);
    (word ^ 0x5412) as u16
}

/// The 18 version bits: six version bits, BCH(18,6) with generator 0x1F25.
fn version_bits(version: usize) -> u32 {
    let data = (version as u32 & 0x3F) << 12;
    data | gf2_remainder(data, 0x1F25)
}

// ---------------------------------------------------------------------------
// The module matrix

/// Centre coordinates of the alignment patterns (table E.1, versions 1..=10).
fn alignment_centres(version: usize) -> &'static [usize] {
    match version {
        2 => &[6, 18],
        3 => &[6, 22],
        4 => &[6, 26],
        5 => &[6, 30],
        6 => &[6, 34],
        7 => &[6, 22, 38],
        8 => &[6, 24, 42],
        9 => &[6, 26, 46],
        10 => &[6, 28, 50],
        _ => &[],
    }
}

/// A symbol under construction: the modules plus which of them are
/// function patterns, since data placement and masking must skip those.
#[derive(Clone)]
struct Canvas {
    size: usize,
    modules: Vec<bool>,
    function: Vec<bool>,
}

impl Canvas {
    fn new(version: usize) -> Self {
        let size = 17 + 4 * version;
        Canvas {
            size,
            modules: vec![false; size * size],
            function: vec![false; size * size],
        }
    }

    fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        if x < self.size && y < self.size {
            let i = y * self.size + x;
            self.modules[i] = dark;
            self.function[i] = true;
        }
    }

    /// Everything that is not data, in an order where later patterns may
    /// overwrite earlier ones where they legitimately overlap (the timing
    /// lines run through the finders and some alignment patterns).
    fn draw_function_patterns(&mut self, version: usize) {
        self.draw_timing();
        let far = self.size - 7;
        for (x, y) in [(0, 0), (far, 0), (0, far)] {
            self.draw_finder(x + 3, y + 3);
        }
        self.draw_alignments(version);
        // Reserve the format areas now; the real bits follow the mask choice.
        self.draw_format(0);
        self.draw_version(version);
        let dark_module_row = self.size - 8;
        self.set_function(8, dark_module_row, true);
    }

    fn draw_timing(&mut self) {
        for i in 0..self.size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
    }

    /// A 7×7 finder centred on (cx, cy) plus its one-module light separator:
    /// rings at Chebyshev distance 2 and 4 are light, the rest dark.
    fn draw_finder(&mut self, cx: usize, cy: usize) {
        for dy in -4isize..=4 {
            for dx in -4isize..=4 {
                let (Some(x), Some(y)) = (cx.checked_add_signed(dx), cy.checked_add_signed(dy))
                else {
                    continue;
                };
                let dist = dx.abs().max(dy.abs());
                self.set_function(x, y, dist != 2 && dist != 4);
            }
        }
    }

    /// Alignment patterns at every pair of centres except the three that
    /// would land on a finder.
    fn draw_alignments(&mut self, version: usize) {
        let centres = alignment_centres(version);
        let last = centres.len().saturating_sub(1);
        for (i, &cy) in centres.iter().enumerate() {
            for (j, &cx) in centres.iter().enumerate() {
                let on_finder = (i == 0 && (j == 0 || j == last)) || (j == 0 && i == last);
                if !on_finder {
                    self.draw_alignment(cx, cy);
                }
            }
        }
    }

    fn draw_alignment(&mut self, cx: usize, cy: usize) {
        for dy in -2isize..=2 {
            for dx in -2isize..=2 {
                if let (Some(x), Some(y)) = (cx.checked_add_signed(dx), cy.checked_add_signed(dy)) {
                    self.set_function(x, y, dx.abs().max(dy.abs()) != 1);
                }
            }
        }
    }

    /// Both copies of the format information. Bit 14 is the most
    /// significant; copy 1 wraps the top-left finder (bits 0..=7 down
    /// column 8, bits 8..=14 leftwards along row 8), copy 2 is split between
    /// the top-right (bits 0..=7, right to left) and bottom-left (bits
    /// 8..=14, top to bottom) finders.
    fn draw_format(&mut self, mask: u8) {
        let bits = format_bits(mask);
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let size = self.size;
        for (i, (x, y)) in format_positions_copy1().into_iter().enumerate() {
            self.set_function(x, y, bit(i));
        }
        for (i, (x, y)) in format_positions_copy2(size).into_iter().enumerate() {
            self.set_function(x, y, bit(i));
        }
    }

    /// Version information (version ≥ 7 only), which lets a decoder trust
    /// the version rather than estimate it from finder spacing: a 3×6 block
    /// left of the top-right finder and its transpose above the bottom-left
    /// finder, bit 0 in the top-left corner of each.
    fn draw_version(&mut self, version: usize) {
        if version < 7 {
            return;
        }
        let bits = version_bits(version);
        for i in 0..18 {
            let dark = (bits >> i) & 1 == 1;
            let (a, b) = (self.size - 11 + i % 3, i / 3);
            self.set_function(a, b, dark);
            self.set_function(b, a, dark);
        }
    }

    /// The standard zig-zag: two-column strips from the right edge, upwards
    /// then downwards alternately, skipping the vertical timing column and
    /// every function module. Modules left over (the remainder bits) stay
    /// light before masking.
    fn place_codewords(&mut self, codewords: &[u8]) {
        let total_bits = codewords.len() * 8;
        let mut next = 0;
        let mut right = self.size - 1;
        while right > 0 {
            if right == 6 {
                right = 5;
            }
            let upward = (right + 1) & 2 == 0;
            for step in 0..self.size {
                let y = if upward { self.size - 1 - step } else { step };
                for x in [right, right - 1] {
                    let i = y * self.size + x;
                    if self.function[i] {
                        continue;
                    }
                    if next < total_bits {
                        self.modules[i] = (codewords[next / 8] >> (7 - next % 8)) & 1 == 1;
                    }
                    next += 1;
                }
            }
            right = right.saturating_sub(2);
        }
    }

    /// Xors the data area with mask `mask`; applying it twice undoes it.
    fn apply_mask(&mut self, mask: u8) {
        for y in 0..self.size {
            for x in 0..self.size {
                let i = y * self.size + x;
                if !self.function[i] && mask_bit(mask, x, y) {
                    self.modules[i] = !self.modules[i];
                }
            }
        }
    }
}

/// Copy 1 positions of format bits 0..=14 as (x, y), around the top-left
/// finder, stepping over the horizontal and vertical timing lines.
fn format_positions_copy1() -> [(usize, usize); 15] {
    [
        (8, 0),
        (8, 1),
        (8, 2),
        (8, 3),
        (8, 4),
        (8, 5),
        (8, 7),
        (8, 8),
        (7, 8),
        (5, 8),
        (4, 8),
        (3, 8),
        (2, 8),
        (1, 8),
        (0, 8),
    ]
}

/// Copy 2 positions of format bits 0..=14 as (x, y): row 8 from the right
/// edge for bits 0..=7, then column 8 down to the bottom edge.
fn format_positions_copy2(size: usize) -> [(usize, usize); 15] {
    let mut out = [(0, 0); 15];
    for (i, slot) in out.iter_mut().enumerate() {
        *slot = if i < 8 {
            (size - 1 - i, 8)
        } else {
            (8, size - 15 + i)
        };
    }
    out
}

/// The eight mask conditions of ISO/IEC 18004 table 10, with i = row (y)
/// and j = column (x).
fn mask_bit(mask: u8, x: usize, y: usize) -> bool {
    let (i, j) = (y, x);
    match mask & 7 {
        0 => (i + j) % 2 == 0,
        1 => i % 2 == 0,
        2 => j % 3 == 0,
        3 => (i + j) % 3 == 0,
        4 => (i / 2 + j / 3) % 2 == 0,
        5 => (i * j) % 2 + (i * j) % 3 == 0,
        6 => ((i * j) % 2 + (i * j) % 3) % 2 == 0,
        _ => ((i + j) % 2 + (i * j) % 3) % 2 == 0,
    }
}

/// Lays out the codewords, tries all eight masks and keeps the one with the
/// lowest penalty (the first on a tie), with its format bits drawn in.
fn draw_symbol(version: usize, codewords: &[u8]) -> QrCode {
    let mut base = Canvas::new(version);
    base.draw_function_patterns(version);
    base.place_codewords(codewords);
    let mut best: Option<(u32, Canvas)> = None;
    for mask in 0..8u8 {
        let mut candidate = base.clone();
        candidate.apply_mask(mask);
        candidate.draw_format(mask);
        let score = penalty(&candidate.modules, candidate.size);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, candidate));
        }
    }
    let canvas = best.map_or(base, |(_, c)| c);
    QrCode {
        size: canvas.size,
        modules: canvas.modules,
    }
}

// ---------------------------------------------------------------------------
// Mask penalty (ISO/IEC 18004 section 7.8.3)

/// Total penalty of a masked symbol: the sum of the four rules. A lower
/// score means fewer patterns that confuse a scanner (long runs, blocks,
/// finder look-alikes, lopsided dark/light balance).
fn penalty(modules: &[bool], size: usize) -> u32 {
    let lines = rows_and_columns(modules, size);
    let runs: u32 = lines.iter().map(|l| run_penalty(l)).sum();
    let finders: u32 = lines.iter().map(|l| finder_like_penalty(l)).sum();
    runs + block_penalty(modules, size) + finders + balance_penalty(modules)
}

fn rows_and_columns(modules: &[bool], size: usize) -> Vec<Vec<bool>> {
    let rows = (0..size).map(|y| modules[y * size..(y + 1) * size].to_vec());
    let cols = (0..size).map(|x| (0..size).map(|y| modules[y * size + x]).collect());
    rows.chain(cols).collect()
}

/// Rule 1: every run of five or more same-coloured modules in a line scores
/// 3, plus 1 per module beyond five.
fn run_penalty(line: &[bool]) -> u32 {
    let mut score = 0;
    let mut run = 0u32;
    for (i, &m) in line.iter().enumerate() {
        run = if i > 0 && line[i - 1] == m {
            run + 1
        } else {
            1
        };
        let ends = line.get(i + 1) != Some(&m);
        if ends && run >= 5 {
            score += 3 + (run - 5);
        }
    }
    score
}

/// Rule 2: every 2×2 block of one colour scores 3 (blocks may overlap).
fn block_penalty(modules: &[bool], size: usize) -> u32 {
    let mut score = 0;
    for y in 1..size {
        for x in 1..size {
            let m = modules[y * size + x];
            let same = modules[y * size + x - 1] == m
                && modules[(y - 1) * size + x] == m
                && modules[(y - 1) * size + x - 1] == m;
            if same {
                score += 3;
            }
        }
    }
    score
}

/// Rule 3: a dark-light-dark×3-light-dark (1:1:3:1:1) pattern with four
/// light modules on either side scores 40, since a scanner could take it for
/// a finder. Only windows wholly inside the symbol are counted.
fn finder_like_penalty(line: &[bool]) -> u32 {
    const AFTER: [bool; 11] = [
        true, false, true, true, true, false, true, false, false, false, false,
    ];
    const BEFORE: [bool; 11] = [
        false, false, false, false, true, false, true, true, true, false, true,
    ];
    let hits = line
        .windows(11)
        .filter(|w| *w == AFTER || *w == BEFORE)
        .count();
    40 * hits as u32
}

/// Rule 4: 10 points for every full 5% step the dark share strays beyond
/// the 45%..55% band.
fn balance_penalty(modules: &[bool]) -> u32 {
    let total = modules.len() as i64;
    if total == 0 {
        return 0;
    }
    let dark = modules.iter().filter(|&&m| m).count() as i64;
    // |dark% − 50| / 5, rounded up, is the band index k + 1.
    let deviation = (20 * dark - 10 * total).abs();
    let k = ((deviation + total - 1) / total - 1).max(0);
    10 * k as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads format bits 0..=14 back from the given positions.
    fn read_bits(code: &QrCode, positions: &[(usize, usize)]) -> u16 {
        positions.iter().enumerate().fold(0, |acc, (i, &(x, y))| {
            acc | (u16::from(code.get(x, y)) << i)
        })
    }

    fn function_canvas(version: usize) -> Canvas {
        let mut canvas = Canvas::new(version);
        canvas.draw_function_patterns(version);
        canvas
    }

    #[test]
    fn gf_tables_are_consistent() {
        assert_eq!(GF.exp[0], 1);
        assert_eq!(GF.exp[1], 2);
        assert_eq!(GF.exp[8], 0x1D, "α^8 reduces by 0x11D");
        assert_eq!(GF.exp[255], 1);
        for a in 1..=255u8 {
            assert_eq!(GF.exp[usize::from(GF.log[usize::from(a)])], a);
        }
        assert_eq!(gf_mul(0x02, 0x80), 0x1D);
        assert_eq!(gf_mul(0, 0x53), 0);
        // Every nonzero element has exactly one inverse.
        for a in 1..=255u8 {
            let inverses = (1..=255u8).filter(|&b| gf_mul(a, b) == 1).count();
            assert_eq!(inverses, 1, "inverse of {a}");
        }
    }

    /// Generator coefficients in exponent form (α^e), as tabulated in
    /// ISO/IEC 18004 annex A.
    fn generator_exponents(n: usize) -> Vec<u8> {
        rs_generator(n)
            .iter()
            .map(|&c| GF.log[usize::from(c)])
            .collect()
    }

    #[test]
    fn generator_polynomials_match_the_tables() {
        assert_eq!(generator_exponents(7), [0, 87, 229, 146, 149, 238, 102, 21]);
        assert_eq!(
            generator_exponents(10),
            [0, 251, 67, 46, 61, 118, 70, 64, 94, 32, 45]
        );
    }

    #[test]
    fn reed_solomon_matches_published_1m_examples() {
        // ISO/IEC 18004 annex I: "01234567", numeric mode, version 1-M.
        let data = [
            0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
            0xEC, 0x11,
        ];
        assert_eq!(
            rs_remainder(&data, 10),
            [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55]
        );
        // "HELLO WORLD", alphanumeric mode, version 1-M.
        let data = [
            32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17,
        ];
        assert_eq!(
            rs_remainder(&data, 10),
            [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        );
    }

    #[test]
    fn byte_mode_stream_is_built_by_hand_rules() {
        // 0100 | 00000001 | 01000001 | 0000 → 40 14 10, then pads.
        let mut expected = vec![0x40, 0x14, 0x10];
        expected.extend([0xEC, 0x11].iter().cycle().take(13));
        assert_eq!(data_codewords(b"A", 1), expected);
        // Version 10 uses a 16-bit count: 0100 | 0000000000000001 | ...
        let v10 = data_codewords(b"A", 10);
        assert_eq!(&v10[..4], [0x40, 0x00, 0x14, 0x10]);
        assert_eq!(v10.len(), 216);
        // A full version 1: 14 bytes leave exactly four terminator bits.
        let full = data_codewords(&[0xFF; 14], 1);
        assert_eq!(full.len(), 16);
        assert_eq!(full[0], 0x40);
        assert_eq!(full[1], 0xEF);
        assert_eq!(full[15], 0xF0);
    }

    #[test]
    fn format_bits_match_the_level_m_table() {
        let table = [
            0b101010000010010,
            0b101000100100101,
            0b101111001111100,
            0b101101101001011,
            0b100010111111001,
            0b100000011001110,
            0b100111110010111,
            0b100101010100000,
        ];
        for (mask, &want) in table.iter().enumerate() {
            assert_eq!(format_bits(mask as u8), want, "mask {mask}");
        }
    }

    #[test]
    fn version_bits_match_the_table() {
        assert_eq!(version_bits(7), 0x07C94);
        assert_eq!(version_bits(8), 0x085BC);
        assert_eq!(version_bits(9), 0x09A99);
        assert_eq!(version_bits(10), 0x0A4D3);
    }

    #[test]
    fn block_table_totals_match_codeword_counts() {
        let totals = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346];
        for (v, &total) in (1..=MAX_VERSION).zip(&totals) {
            assert_eq!(blocks(v).total_codewords(), total, "version {v}");
        }
    }

    #[test]
    fn data_area_holds_all_codewords_plus_remainder_bits() {
        for v in 1..=MAX_VERSION {
            let canvas = function_canvas(v);
            let free = canvas.function.iter().filter(|&&f| !f).count();
            let remainder = if (2..=6).contains(&v) { 7 } else { 0 };
            assert_eq!(
                free,
                blocks(v).total_codewords() * 8 + remainder,
                "version {v}"
            );
        }
    }

    #[test]
    fn byte_capacities_match_the_standard() {
        let caps = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
        for (v, &cap) in (1..=MAX_VERSION).zip(&caps) {
            assert_eq!(byte_capacity(v), cap, "version {v}");
            assert_eq!(encode(&"x".repeat(cap)).map(|c| c.version()), Ok(v));
            if v < MAX_VERSION {
                assert_eq!(encode(&"x".repeat(cap + 1)).map(|c| c.version()), Ok(v + 1));
            }
        }
    }

    #[test]
    fn boundary_between_version_1_and_2() {
        assert_eq!(encode(&"a".repeat(14)).map(|c| c.version()), Ok(1));
        assert_eq!(encode(&"a".repeat(15)).map(|c| c.version()), Ok(2));
        assert_eq!(encode("").map(|c| c.version()), Ok(1));
    }

    #[test]
    fn too_long_is_an_error() {
        assert_eq!(
            encode(&"a".repeat(214)),
            Err(QrError::TooLong {
                bytes: 214,
                max: 213
            })
        );
        // Bytes, not chars: 107 two-byte 'é' are 214 bytes.
        let err = encode(&"é".repeat(107)).map(|c| c.version());
        assert_eq!(
            err,
            Err(QrError::TooLong {
                bytes: 214,
                max: 213
            })
        );
        assert!(encode(&"x".repeat(100_000)).is_err());
    }

    #[test]
    fn no_input_length_panics() {
        for len in 0..=260 {
            let text: String = "aé€😀".chars().cycle().take(len).collect();
            let _ = encode(&text);
        }
    }

    #[test]
    fn sizes_follow_the_version() {
        for v in 1..=MAX_VERSION {
            let len = if v == 1 { 0 } else { byte_capacity(v - 1) + 1 };
            let code = encode(&"z".repeat(len)).map_err(|e| e.to_string());
            let code = code.as_ref().map(|c| (c.size(), c.version()));
            assert_eq!(code, Ok((17 + 4 * v, v)));
        }
    }

    #[test]
    fn function_patterns_are_in_place() {
        let Ok(code) = encode("http://192.168.1.20:8080/#p=abc") else {
            panic!("fits");
        };
        let n = code.size();
        for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            // Finder: dark outer ring, light inner ring, dark 3×3 core.
            assert!(code.get(ox, oy) && code.get(ox + 6, oy + 6));
            assert!(!code.get(ox + 1, oy + 1) && !code.get(ox + 5, oy + 5));
            assert!(code.get(ox + 3, oy + 3) && code.get(ox + 2, oy + 4));
        }
        // Separators.
        assert!((0..8).all(|i| !code.get(i, 7) && !code.get(7, i)));
        assert!((0..8).all(|i| !code.get(n - 8, i) && !code.get(i, n - 8)));
        // Timing lines alternate, starting dark.
        assert!((8..n - 8).all(|i| code.get(i, 6) == (i % 2 == 0)));
        assert!((8..n - 8).all(|i| code.get(6, i) == (i % 2 == 0)));
        // Dark module.
        assert!(code.get(8, n - 8));
        // Out of range is light.
        assert!(!code.get(n, 0) && !code.get(0, n) && !code.get(usize::MAX, 3));
    }

    #[test]
    fn alignment_patterns_sit_at_their_centres() {
        let code = encode(&"q".repeat(200)).map_err(|e| e.to_string());
        let Ok(code) = code else { panic!("fits") };
        assert_eq!(code.version(), 10);
        for &(cx, cy) in &[(28, 28), (50, 50), (6, 28), (28, 6), (50, 28)] {
            assert!(code.get(cx, cy), "centre {cx},{cy}");
            assert!(!code.get(cx + 1, cy) && !code.get(cx - 1, cy - 1));
            assert!(code.get(cx + 2, cy + 2) && code.get(cx - 2, cy));
        }
    }

    #[test]
    fn both_format_copies_agree_and_name_the_best_mask() {
        for text in [
            "",
            "hi",
            "http://192.168.1.20:8080/#p=xyz",
            &"k".repeat(150),
        ] {
            let Ok(code) = encode(text) else {
                panic!("fits")
            };
            let one = read_bits(&code, &format_positions_copy1());
            let two = read_bits(&code, &format_positions_copy2(code.size()));
            assert_eq!(one, two);
            let mask = (0..8u8).find(|&m| format_bits(m) == one);
            let Some(mask) = mask else {
                panic!("format word {one:015b} is not level M")
            };
            // Re-running the choice by hand gives the same mask.
            let v = code.version();
            let mut base = function_canvas(v);
            base.place_codewords(&interleave_with_ec(
                &data_codewords(text.as_bytes(), v),
                blocks(v),
            ));
            let scores: Vec<u32> = (0..8u8)
                .map(|m| {
                    let mut c = base.clone();
                    c.apply_mask(m);
                    c.draw_format(m);
                    penalty(&c.modules, c.size)
                })
                .collect();
            let min = scores.iter().copied().min();
            assert_eq!(Some(scores[usize::from(mask)]), min);
            assert_eq!(
                scores.iter().position(|&s| Some(s) == min),
                Some(usize::from(mask))
            );
        }
    }

    #[test]
    fn version_information_appears_twice_from_version_7() {
        let Ok(code) = encode(&"v".repeat(110)) else {
            panic!("fits")
        };
        assert_eq!(code.version(), 7);
        let n = code.size();
        let (mut top_right, mut bottom_left) = (0u32, 0u32);
        for i in 0..18 {
            top_right |= u32::from(code.get(n - 11 + i % 3, i / 3)) << i;
            bottom_left |= u32::from(code.get(i / 3, n - 11 + i % 3)) << i;
        }
        assert_eq!(top_right, 0x07C94);
        assert_eq!(bottom_left, 0x07C94);
    }

    #[test]
    fn interleaving_takes_one_codeword_per_block_in_turn() {
        // Version 8-M: 2 blocks of 38 then 2 of 39.
        let layout = blocks(8);
        let data: Vec<u8> = (0..154).map(|i| i as u8).collect();
        let out = interleave_with_ec(&data, layout);
        assert_eq!(out.len(), 242);
        assert_eq!(&out[..4], [0, 38, 76, 115]);
        // The last data round only has the two long blocks.
        assert_eq!(&out[152..154], [114, 153]);
        let ec_first_block = rs_remainder(&data[..38], 22);
        assert_eq!(out[154], ec_first_block[0]);
        assert_eq!(out[158], ec_first_block[1]);
    }

    #[test]
    fn penalty_of_an_all_light_symbol() {
        let modules = vec![false; 21 * 21];
        // Rule 1: 42 lines × (3 + 16); rule 2: 20 × 20 × 3; rule 3: none;
        // rule 4: 0% dark is 50 points off → 9 full steps beyond the band.
        assert_eq!(penalty(&modules, 21), 42 * 19 + 1200 + 90);
    }

    #[test]
    fn penalty_rules_in_isolation() {
        assert_eq!(run_penalty(&[true; 4]), 0);
        assert_eq!(run_penalty(&[true; 5]), 3);
        assert_eq!(run_penalty(&[true, true, true, true, true, true, false]), 4);
        let finder = [
            false, false, false, false, true, false, true, true, true, false, true, false, false,
            false, false,
        ];
        // Light both sides: counted once for each side.
        assert_eq!(finder_like_penalty(&finder), 80);
        assert_eq!(finder_like_penalty(&finder[..11]), 40);
        let half: Vec<bool> = (0..100).map(|i| i % 2 == 0).collect();
        assert_eq!(balance_penalty(&half), 0);
        let mut lopsided = vec![false; 100];
        lopsided[..44].fill(true);
        assert_eq!(balance_penalty(&lopsided), 10);
        lopsided[44] = true;
        assert_eq!(balance_penalty(&lopsided), 0);
    }

    #[test]
    fn svg_draws_every_dark_module_once() {
        let Ok(code) = encode("follow along") else {
            panic!("fits")
        };
        let svg = code.to_svg(4, "Scan: \"a\" <b> & c");
        assert!(svg.starts_with("<svg "));
        assert!(svg.contains(r#"viewBox="0 0 29 29""#));
        assert!(svg.contains(r#"shape-rendering="crispEdges""#));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(r#"aria-label="Scan: &quot;a&quot; &lt;b&gt; &amp; c""#));
        assert!(svg.contains(r##"fill="#fff""##) && svg.contains(r##"fill="#000""##));
        assert_eq!(svg.matches("<path").count(), 1);
        // Sum of run widths equals the dark module count.
        let dark = (0..21)
            .flat_map(|y| (0..21).map(move |x| (x, y)))
            .filter(|&(x, y)| code.get(x, y))
            .count();
        let drawn: usize = svg
            .split('M')
            .skip(1)
            .filter_map(|run| {
                run.split('h')
                    .nth(1)?
                    .split('v')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            .sum();
        assert_eq!(drawn, dark);
        // The quiet zone offsets the first module of the top-left finder.
        assert!(svg.contains("M4 4h7v1h-7z"));
    }

    /// End-to-end: writes each symbol as a PBM and decodes it with
    /// `zbarimg` (zbar-tools), which must give back the exact bytes. Run with
    /// `cargo test -p veristep-web --lib qr -- --ignored`.
    #[test]
    #[ignore = "needs zbarimg from zbar-tools"]
    fn zbar_round_trip() {
        let mut texts: Vec<String> = [1, 14, 15, 26, 27, 42, 43, 50, 62, 63, 84, 85, 100]
            .iter()
            .chain(&[106, 107, 122, 123, 150, 152, 153, 180, 181, 212, 213])
            .map(|&n| pangram(n))
            .collect();
        texts.push("http://192.168.1.20:8080/#p=v1/6.1/3/eJzLSM3JyVcozy_KSQEAGgQEXQ".into());
        texts.push("https://example.org/veristep/#v1/latest/0/".to_string() + &"A".repeat(120));
        texts.push("Grüße aus Zürich — λx. ∀ε>0 😀 日本語".into());
        texts.push("€".repeat(71));
        let mut versions = std::collections::BTreeSet::new();
        for (n, text) in texts.iter().enumerate() {
            let code = encode(text).expect("fits");
            versions.insert(code.version());
            assert_eq!(
                zbar(&code, &format!("auto{n}")),
                *text,
                "len {}",
                text.len()
            );
        }
        assert_eq!(versions.len(), MAX_VERSION, "{versions:?}");
    }

    /// Every mask in every version decodes, not just the ones the penalty
    /// happens to pick for the texts above.
    #[test]
    #[ignore = "needs zbarimg from zbar-tools"]
    fn zbar_reads_every_forced_mask() {
        for v in 1..=MAX_VERSION {
            let text = pangram(byte_capacity(v));
            for mask in 0..8 {
                let code = with_mask(&text, v, mask);
                assert_eq!(
                    zbar(&code, &format!("v{v}m{mask}")),
                    text,
                    "v{v} mask {mask}"
                );
            }
        }
    }

    /// Each copy of the format (and version) information is readable on its
    /// own: blank one copy and the decoder must still succeed from the other.
    #[test]
    #[ignore = "needs zbarimg from zbar-tools"]
    fn zbar_reads_either_information_copy() {
        for v in 1..=MAX_VERSION {
            let text = pangram(byte_capacity(v));
            let code = encode(&text).expect("fits");
            let n = code.size();
            let copies = [format_positions_copy1(), format_positions_copy2(n)];
            for (c, cells) in copies.iter().enumerate() {
                let damaged = blanked(&code, cells.iter().copied());
                assert_eq!(
                    zbar(&damaged, &format!("v{v}f{c}")),
                    text,
                    "v{v} format copy {c}"
                );
            }
            if v >= 7 {
                let top_right = (0..18).map(|i| (n - 11 + i % 3, i / 3));
                let bottom_left = (0..18).map(|i| (i / 3, n - 11 + i % 3));
                let damaged = blanked(&code, top_right);
                assert_eq!(zbar(&damaged, &format!("v{v}tr")), text, "v{v} version TR");
                let damaged = blanked(&code, bottom_left);
                assert_eq!(zbar(&damaged, &format!("v{v}bl")), text, "v{v} version BL");
            }
        }
    }

    fn pangram(len: usize) -> String {
        "The quick brown fox jumps over the lazy dog 0123456789 "
            .chars()
            .cycle()
            .take(len)
            .collect()
    }

    /// `text` in version `version` with `mask` forced instead of chosen.
    fn with_mask(text: &str, version: usize, mask: u8) -> QrCode {
        let mut canvas = function_canvas(version);
        let data = data_codewords(text.as_bytes(), version);
        canvas.place_codewords(&interleave_with_ec(&data, blocks(version)));
        canvas.apply_mask(mask);
        canvas.draw_format(mask);
        QrCode {
            size: canvas.size,
            modules: canvas.modules,
        }
    }

    /// A copy of `code` with the given modules made light.
    fn blanked(code: &QrCode, cells: impl Iterator<Item = (usize, usize)>) -> QrCode {
        let mut out = code.clone();
        for (x, y) in cells {
            out.modules[y * out.size + x] = false;
        }
        out
    }

    /// Decodes `code` with zbarimg (raw bytes, no charset guessing).
    fn zbar(code: &QrCode, name: &str) -> String {
        let dir = std::env::temp_dir().join("veristep-qr-roundtrip");
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(format!("{name}.pbm"));
        std::fs::write(&path, pbm(code, 4, 4)).expect("write pbm");
        let out = std::process::Command::new("zbarimg")
            .args(["--quiet", "--raw", "-Sbinary"])
            .arg(&path)
            .output()
            .expect("run zbarimg");
        let mut bytes = out.stdout;
        if bytes.last() == Some(&b'\n') {
            bytes.pop();
        }
        String::from_utf8(bytes).unwrap_or_else(|e| format!("<not UTF-8: {e}>"))
    }

    /// Plain (P1) PBM, `scale` pixels per module, `quiet` modules of border.
    fn pbm(code: &QrCode, quiet: usize, scale: usize) -> String {
        let px = (code.size() + 2 * quiet) * scale;
        let mut out = format!("P1\n{px} {px}\n");
        for py in 0..px {
            let row: Vec<&str> = (0..px)
                .map(|pxx| {
                    let (x, y) = (
                        (pxx / scale).wrapping_sub(quiet),
                        (py / scale).wrapping_sub(quiet),
                    );
                    if code.get(x, y) {
                        "1"
                    } else {
                        "0"
                    }
                })
                .collect();
            out.push_str(&row.join(" "));
            out.push('\n');
        }
        out
    }
}
